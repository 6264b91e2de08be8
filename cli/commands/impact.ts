import { compileMatcher } from '../../shared/allowlist/match.ts';
import {
  CliExit,
  countSeverity,
  intOption,
  loadList,
  parseCommandArgs,
  reportListProblems,
  write,
} from '../common.ts';
import { scanLogFile, type ImpactStats } from '../log-scan.ts';

const USAGE = 'usage: allowlist impact --list FILE --log FILE [--column N] [--top K] [--json]';

/**
 * `allowlist impact --list FILE --log FILE [--json] [--column N]`: who in a log would lose access.
 *
 * Takes the first IPv4 address on each line (or the address in CSV column N, 1-based) and counts
 * allowed and denied, with the most frequent denied addresses. Streams the log.
 */
export async function run(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs('impact', USAGE, argv, {
    list: { type: 'string' },
    log: { type: 'string' },
    sheet: { type: 'string' },
    column: { type: 'string' },
    top: { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(USAGE);
    return 0;
  }
  if (typeof values.list !== 'string' || typeof values.log !== 'string') {
    throw new CliExit(2, `allowlist impact: --list FILE and --log FILE are required.\n${USAGE}`);
  }
  const column = intOption('impact', 'column', values.column, 1);
  const top = intOption('impact', 'top', values.top, 0) ?? 10;
  const { config, problems } = await loadList(
    'impact',
    values.list,
    typeof values.sheet === 'string' ? values.sheet : undefined,
  );
  reportListProblems('impact', values.list, problems);

  let allows: (value: number) => boolean = () => true;
  if (config.mode !== 'ALLOW_ALL') {
    const { starts, ends } = compileMatcher(config.entries).intervals;
    // Inline binary search over the merged intervals (the matcher's own `allows` validates input).
    allows = (v) => {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        if ((starts[mid] as number) <= v) lo = mid + 1;
        else hi = mid - 1;
      }
      return hi >= 0 && v <= (ends[hi] as number);
    };
  }
  let stats: ImpactStats;
  try {
    stats = scanLogFile(values.log, allows, { ...(column === undefined ? {} : { column }), top });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : String(code ?? error);
    throw new CliExit(2, `allowlist impact: ${values.log}: cannot read the log (${why}).`);
  }
  if (values.json) {
    write(JSON.stringify(stats, null, 2));
  } else {
    const pct = (n: number) =>
      stats.addresses === 0 ? '0' : ((100 * n) / stats.addresses).toFixed(1);
    write(
      [
        `${stats.lines.toLocaleString('en-US')} lines, ${stats.addresses.toLocaleString('en-US')} with an address${config.mode === 'ALLOW_ALL' ? ' (mode ALLOW_ALL: everyone is allowed)' : ''}`,
        `  allowed ${stats.allowed.toLocaleString('en-US')} (${pct(stats.allowed)}%)`,
        `  denied  ${stats.denied.toLocaleString('en-US')} (${pct(stats.denied)}%) from ${stats.uniqueDenied.toLocaleString('en-US')} distinct address(es)`,
        ...(stats.topDenied.length > 0 ? ['Most frequent denied addresses:'] : []),
        ...stats.topDenied.map((d) => `  ${d.ip.padEnd(15)}  ${d.count.toLocaleString('en-US')}`),
      ].join('\n'),
    );
  }
  return countSeverity(problems).errors > 0 ? 1 : 0;
}
