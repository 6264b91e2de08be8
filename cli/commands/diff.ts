import { diffConfigs, type ConfigDiff } from '../../shared/allowlist/diff.ts';
import type { Entry } from '../../shared/allowlist/model.ts';
import { displayText, networkText, runCommand, say, write, writeJson } from '../common.ts';

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
      throw cmd.usageError(say('expectedTwoFiles'));
    }
    const a = await cmd.load(fileA);
    const b = await cmd.load(fileB);
    const listErrors = cmd.report(fileA, a.problems) + cmd.report(fileB, b.problems);
    const diff = diffConfigs(a.config, b.config);
    if (cmd.values.json) writeJson(diff);
    else write(human(diff));
    return listErrors > 0 ? 1 : 0;
  });
}

/** The diff as lines a person reads (also the hand-off plan's). */
export function human(diff: ConfigDiff): string {
  const lines: string[] = [];
  const memo = (e: Entry) => (e.memo ? `  "${displayText(e.memo)}"` : '');
  if (diff.modeChanged) lines.push(say('modeChange', diff.modeChanged));
  for (const e of diff.added) lines.push(`+ ${networkText(e)}${memo(e)}`);
  for (const e of diff.removed) lines.push(`- ${networkText(e)}${memo(e)}`);
  for (const c of diff.memoChanged)
    lines.push(
      `~ ${networkText(c.after)}  ${say('memoChange', { before: displayText(c.before.memo), after: displayText(c.after.memo) })}`,
    );
  for (const c of diff.rewritten)
    lines.push(
      `~ ${networkText(c.before)} ${say('writtenAs', { network: networkText(c.after) })}${memo(c.after)}`,
    );
  const changes = lines.length;
  lines.push(
    changes === 0
      ? say('noDifferences', { unchanged: diff.unchanged })
      : say('diffTotal', {
          added: diff.added.length,
          removed: diff.removed.length,
          changed: diff.memoChanged.length + diff.rewritten.length,
          unchanged: diff.unchanged,
        }),
  );
  return lines.join('\n');
}
