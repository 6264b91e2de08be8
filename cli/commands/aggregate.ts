import { planToFit, type AggregateResult } from '../../shared/allowlist/aggregate.ts';
import { DEFAULT_MAX_ENTRIES } from '../../shared/allowlist/model.ts';
import { writeFileAtomic } from '../../node-shared/atomic-file.ts';
import {
  CliExit,
  LIST_FILE_OPTIONS,
  networkText,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';

const USAGE =
  'usage: allowlist aggregate FILE [--sheet NAME] [--max-entries N] [--out FILE] [--json]';

const OPTIONS = { ...LIST_FILE_OPTIONS, out: { type: 'string', short: 'o' } } as const;

/**
 * A merge that lets in at least this many addresses no entry allowed (a /8's worth, 16,777,216)
 * is announced on stderr and makes the exit status 1: such a result must be read before it is
 * used, not piped on. Smaller costs are listed on stdout as every merge is.
 */
export const HUGE_WIDENING = 2 ** 24;

/**
 * `allowlist aggregate FILE [--max-entries N] [--out FILE] [--json]`: fewer entries for the same
 * list.
 *
 * Always merges overlapping and adjacent networks exactly (same addresses). When still over
 * `--max-entries` (default 1,000), merges into the supernets that admit the fewest extra addresses
 * in total (optimal, see planToFit), and reports how many extra addresses each merge lets in.
 * `--out FILE` also writes the resulting list as JSON (atomically). Exit 1 when the list cannot
 * be fit, had errors, or a merge widened it hugely.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    {
      name: 'aggregate',
      usage: USAGE,
      options: OPTIONS,
      optionHelp: { out: 'optAggregateOut' },
    },
    argv,
    async (cmd) => {
      const { values } = cmd;
      const file = cmd.onlyFile();
      const maxEntries = cmd.int('max-entries', 1) ?? DEFAULT_MAX_ENTRIES;
      const { config, problems } = await cmd.load(file);
      const listProblems = problems.filter((p) => p.code !== 'TOO_MANY_ENTRIES');
      const listErrors = cmd.report(file, listProblems);
      const plan = planToFit(config.entries, maxEntries);
      const result = { mode: config.mode, entries: plan.entries };
      if (typeof values.out === 'string') {
        try {
          await writeFileAtomic(values.out, `${JSON.stringify(result, null, 2)}\n`, {
            mode: 0o666,
          });
        } catch (error) {
          const detail = (error as { code?: string }).code ?? String(error);
          throw new CliExit(
            2,
            say('cannotWrite', { command: 'aggregate', file: values.out, detail }),
          );
        }
      }
      const huge = plan.merges.filter((m) => m.extraAddresses >= HUGE_WIDENING);
      if (values.json) {
        writeJson({
          before: config.entries.length,
          after: plan.entries.length,
          maxEntries,
          fits: plan.fits,
          extraAddresses: plan.extraAddresses,
          hugeWidening: huge.map((m) => ({
            into: networkText(m.into),
            extraAddresses: m.extraAddresses,
          })),
          merges: plan.merges,
          invalidIndexes: plan.invalidIndexes,
          config: result,
          ...(typeof values.out === 'string' ? { out: values.out } : {}),
        });
      } else {
        write(human(config.entries.length, maxEntries, plan));
        if (typeof values.out === 'string')
          write(say('wroteList', { count: plan.entries.length, file: values.out }));
      }
      for (const m of huge) {
        const sources = m.replaces.map((e) => networkText(e));
        process.stderr.write(
          `${say('hugeWidening', {
            into: networkText(m.into),
            count: m.extraAddresses.toLocaleString('en-US'),
            sources: shorten(sources),
          })}\n`,
        );
      }
      return !plan.fits || listErrors > 0 || huge.length > 0 ? 1 : 0;
    },
  );
}

function shorten(items: string[]): string {
  return items.length > 6
    ? `${items.slice(0, 6).join(', ')} ${say('andMore', { count: items.length - 6 })}`
    : items.join(', ');
}

function human(before: number, maxEntries: number, plan: AggregateResult): string {
  const lines: string[] = [];
  for (const m of plan.merges) {
    const cost =
      m.extraAddresses === 0
        ? say('sameAddresses')
        : say('mergeCost', { count: m.extraAddresses.toLocaleString('en-US') });
    lines.push(
      `${networkText(m.into).padEnd(18)} <- ${shorten(m.replaces.map((e) => networkText(e)))}  (${cost})`,
    );
  }
  if (plan.invalidIndexes.length > 0) {
    lines.push(
      say('invalidKept', {
        count: plan.invalidIndexes.length,
        places: plan.invalidIndexes.map((i) => say('entry', { position: i + 1 })).join(', '),
      }),
    );
  }
  const extra =
    plan.extraAddresses === 0
      ? say('noExtra')
      : say('extraAllowed', { count: plan.extraAddresses.toLocaleString('en-US') });
  lines.push(
    say('aggregateTotal', {
      before,
      after: plan.entries.length,
      max: maxEntries,
      fits: say(plan.fits ? 'fits' : 'doesNotFit'),
      merges: plan.merges.length,
      extra,
    }),
  );
  return lines.join('\n');
}
