import { diffConfigs, type ConfigDiff } from '../../shared/allowlist/diff.ts';
import type { Entry } from '../../shared/allowlist/model.ts';
import {
  CliExit,
  countSeverity,
  loadList,
  networkText,
  parseCommandArgs,
  reportListProblems,
  write,
} from '../common.ts';

const USAGE = 'usage: allowlist diff A B [--json]';

/**
 * `allowlist diff A B [--json]`: added, removed, memo-changed, rewritten entries and mode change,
 * matched by network. Exit 0 (differences are not errors), 1 when either list had errors.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('diff', USAGE, argv, {
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(USAGE);
    return 0;
  }
  const [fileA, fileB] = positionals;
  if (fileA === undefined || fileB === undefined || positionals.length !== 2) {
    throw new CliExit(2, `allowlist diff: expected two files A and B.\n${USAGE}`);
  }
  const a = await loadList('diff', fileA);
  const b = await loadList('diff', fileB);
  reportListProblems('diff', fileA, a.problems);
  reportListProblems('diff', fileB, b.problems);
  const diff = diffConfigs(a.config, b.config);
  write(values.json ? JSON.stringify(diff, null, 2) : human(diff));
  return countSeverity(a.problems).errors + countSeverity(b.problems).errors > 0 ? 1 : 0;
}

function human(diff: ConfigDiff): string {
  const lines: string[] = [];
  const memo = (e: Entry) => (e.memo ? `  "${e.memo}"` : '');
  if (diff.modeChanged) lines.push(`mode: ${diff.modeChanged.from} -> ${diff.modeChanged.to}`);
  for (const e of diff.added) lines.push(`+ ${networkText(e)}${memo(e)}`);
  for (const e of diff.removed) lines.push(`- ${networkText(e)}${memo(e)}`);
  for (const c of diff.memoChanged)
    lines.push(`~ ${networkText(c.after)}  memo "${c.before.memo}" -> "${c.after.memo}"`);
  for (const c of diff.rewritten)
    lines.push(`~ ${networkText(c.before)} written as ${networkText(c.after)}${memo(c.after)}`);
  const changes = lines.length;
  lines.push(
    changes === 0
      ? `no differences (${diff.unchanged} entries unchanged)`
      : `${diff.added.length} added, ${diff.removed.length} removed, ${diff.memoChanged.length + diff.rewritten.length} changed, ${diff.unchanged} unchanged`,
  );
  return lines.join('\n');
}
