import { planToFit, type AggregateResult } from '../../shared/allowlist/aggregate.ts';
import { DEFAULT_MAX_ENTRIES } from '../../shared/allowlist/model.ts';
import {
  countSeverity,
  LIST_FILE_OPTIONS,
  networkText,
  reportListProblems,
  runCommand,
  write,
} from '../common.ts';

const USAGE = 'usage: allowlist aggregate FILE [--sheet NAME] [--max-entries N] [--json]';

/**
 * `allowlist aggregate FILE [--max-entries N] [--json]`: fewer entries for the same list.
 *
 * Always merges overlapping and adjacent networks exactly (same addresses). When still over
 * `--max-entries` (default 1,000), merges into the supernets that admit the fewest extra addresses
 * in total (optimal, see planToFit), and reports how many each merge lets in. Exit 1 when the list cannot be fit or had errors.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    { name: 'aggregate', usage: USAGE, options: LIST_FILE_OPTIONS },
    argv,
    async (cmd) => {
      const { values } = cmd;
      const file = cmd.onlyFile();
      const maxEntries = cmd.int('max-entries', 1) ?? DEFAULT_MAX_ENTRIES;
      const { config, problems } = await cmd.load(file);
      reportListProblems(
        'aggregate',
        file,
        problems.filter((p) => p.code !== 'TOO_MANY_ENTRIES'),
      );
      const plan = planToFit(config.entries, maxEntries);
      if (values.json) {
        write(
          JSON.stringify(
            {
              before: config.entries.length,
              after: plan.entries.length,
              maxEntries,
              fits: plan.fits,
              extraAddresses: plan.extraAddresses,
              merges: plan.merges,
              invalidIndexes: plan.invalidIndexes,
              config: { mode: config.mode, entries: plan.entries },
            },
            null,
            2,
          ),
        );
      } else {
        write(human(config.entries.length, maxEntries, plan));
      }
      const listErrors = countSeverity(
        problems.filter((p) => p.code !== 'TOO_MANY_ENTRIES'),
      ).errors;
      return !plan.fits || listErrors > 0 ? 1 : 0;
    },
  );
}

function human(before: number, maxEntries: number, plan: AggregateResult): string {
  const lines: string[] = [];
  for (const m of plan.merges) {
    const cost =
      m.extraAddresses === 0
        ? 'same addresses'
        : `+${m.extraAddresses.toLocaleString('en-US')} address(es) not allowed before`;
    const sources = m.replaces.map((e) => networkText(e));
    const shown =
      sources.length > 6 ? [...sources.slice(0, 6), `… ${sources.length - 6} more`] : sources;
    lines.push(`${networkText(m.into).padEnd(18)} <- ${shown.join(', ')}  (${cost})`);
  }
  if (plan.invalidIndexes.length > 0) {
    lines.push(
      `${plan.invalidIndexes.length} invalid entr${plan.invalidIndexes.length === 1 ? 'y' : 'ies'} kept as is (entry ${plan.invalidIndexes.map((i) => i + 1).join(', ')}).`,
    );
  }
  const extra =
    plan.extraAddresses === 0
      ? 'no extra addresses'
      : `${plan.extraAddresses.toLocaleString('en-US')} extra address(es) allowed`;
  lines.push(
    `${before} -> ${plan.entries.length} entries (limit ${maxEntries}): ${plan.fits ? 'fits' : 'DOES NOT FIT'}, ${plan.merges.length} merge(s), ${extra}${plan.extraAddresses > 0 ? ' (optimal: no plan within the limit allows fewer)' : ''}.`,
  );
  return lines.join('\n');
}
