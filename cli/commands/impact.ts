import { closeSync, openSync } from 'node:fs';
import { compileMatcher } from '../../shared/allowlist/match.ts';
import {
  CliExit,
  countSeverity,
  intOption,
  reportListProblems,
  runCommand,
  write,
} from '../common.ts';
import { countLogAddresses, summarizeCounts, type LogCounts } from '../log-scan.ts';

const USAGE = 'usage: allowlist impact --list FILE --log FILE [--column N] [--top K] [--json]';
const OPTIONS = {
  list: { type: 'string' },
  log: { type: 'string' },
  sheet: { type: 'string' },
  column: { type: 'string' },
  top: { type: 'string' },
  json: { type: 'boolean' },
} as const;

function logError(path: string, error: unknown): CliExit {
  const code = (error as { code?: unknown }).code;
  const why =
    code === 'ENOENT'
      ? 'no such file'
      : code === 'EISDIR'
        ? 'is a directory'
        : code === 'EACCES'
          ? 'permission denied'
          : error instanceof Error
            ? error.message
            : String(error);
  return new CliExit(2, `allowlist impact: ${path}: cannot read the log (${why}).`);
}

/**
 * `allowlist impact --list FILE --log FILE [--json] [--column N]`: who in a log would lose access.
 *
 * Takes the first IPv4 address on each line (or the address in CSV column N, 1-based) and counts
 * allowed and denied, with the most frequent denied addresses. The log is streamed in 4 MB chunks;
 * memory is bounded by the distinct addresses, not the lines.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand({ name: 'impact', usage: USAGE, options: OPTIONS }, argv, async (cmd) => {
    const { values } = cmd;
    if (typeof values.list !== 'string' || typeof values.log !== 'string') {
      throw cmd.usageError('--list FILE and --log FILE are required.');
    }
    const column = intOption('impact', 'column', values.column, 1);
    const top = intOption('impact', 'top', values.top, 0) ?? 10;
    const logPath = values.log;
    // Refuse an unreadable log before reading the list, so the error is the only line printed.
    try {
      closeSync(openSync(logPath, 'r'));
    } catch (error) {
      throw logError(logPath, error);
    }
    const { config, problems } = await cmd.load(values.list);
    reportListProblems('impact', values.list, problems);
    const allows =
      config.mode === 'ALLOW_ALL' ? () => true : compileMatcher(config.entries).allowsUint32;
    let counts: LogCounts;
    try {
      counts = countLogAddresses(logPath, column === undefined ? {} : { column });
    } catch (error) {
      throw logError(logPath, error);
    }
    const stats = summarizeCounts(counts, allows, top);
    if (!values.json && config.mode === 'ALLOW_ALL') write('mode ALLOW_ALL: everyone is allowed.');
    if (values.json) {
      write(JSON.stringify(stats, null, 2));
    } else {
      const n = (x: number) => x.toLocaleString('en-US');
      const pct = (x: number) =>
        stats.addresses === 0 ? '0' : ((100 * x) / stats.addresses).toFixed(1);
      write(
        [
          `${n(stats.lines)} lines, ${n(stats.addresses)} with an address`,
          `  allowed ${n(stats.allowed)} (${pct(stats.allowed)}%)`,
          `  denied  ${n(stats.denied)} (${pct(stats.denied)}%) from ${n(stats.uniqueDenied)} distinct address(es)`,
          ...(stats.topDenied.length > 0 ? ['Most frequent denied addresses:'] : []),
          ...stats.topDenied.map((d) => `  ${d.ip.padEnd(15)}  ${n(d.count)}`),
        ].join('\n'),
      );
    }
    return countSeverity(problems).errors > 0 ? 1 : 0;
  });
}
