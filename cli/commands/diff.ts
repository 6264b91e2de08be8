import { diffConfigs, type ConfigDiff } from '../../shared/allowlist/diff.ts';
import type { Entry } from '../../shared/allowlist/model.ts';
import { countSeverity, networkText, reportListProblems, runCommand, write } from '../common.ts';

const USAGE = 'usage: allowlist diff A B [--json]';

/**
 * `allowlist diff A B [--json]`: added, removed, memo-changed, rewritten entries and mode change,
 * matched by network. Exit 0 (differences are not errors), 1 when either list had errors.
 */
export async function run(argv: string[]): Promise<number> {
  const options = { json: { type: 'boolean' } } as const;
  return runCommand({ name: 'diff', usage: USAGE, options }, argv, async (cmd) => {
    const [fileA, fileB] = cmd.positionals;
    if (fileA === undefined || fileB === undefined || cmd.positionals.length !== 2) {
      throw cmd.usageError('expected two files A and B.');
    }
    const a = await cmd.load(fileA);
    const b = await cmd.load(fileB);
    reportListProblems('diff', fileA, a.problems);
    reportListProblems('diff', fileB, b.problems);
    const diff = diffConfigs(a.config, b.config);
    write(cmd.values.json ? JSON.stringify(diff, null, 2) : human(diff));
    return countSeverity(a.problems).errors + countSeverity(b.problems).errors > 0 ? 1 : 0;
  });
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
