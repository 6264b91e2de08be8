import { closeSync, openSync } from 'node:fs';
import { compileMatcher } from '../../shared/allowlist/match.ts';
import { LOG_DELIMITERS, type LogDelimiter } from '../../shared/log/fields.ts';
import type { LogCounts } from '../../shared/log/scanner.ts';
import { summarizeCounts } from '../../shared/log/summary.ts';
import {
  CliExit,
  countSeverity,
  intOption,
  reportListProblems,
  runCommand,
  write,
} from '../common.ts';
import { readLogCounts } from '../log-scan.ts';

const USAGE =
  'usage: allowlist impact --list FILE --log FILE|- [--column N] [--delimiter comma|tab|space|combined] [--top K] [--json]';
const OPTIONS = {
  list: { type: 'string' },
  log: { type: 'string' },
  sheet: { type: 'string' },
  column: { type: 'string' },
  delimiter: { type: 'string' },
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
          : code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
            ? `it starts like gzip but is not valid gzip: ${(error as Error).message}`
            : error instanceof Error
              ? error.message
              : String(error);
  return new CliExit(2, `allowlist impact: ${path}: cannot read the log (${why}).`);
}

/**
 * `allowlist impact --list FILE --log FILE|- [--column N] [--delimiter D] [--json]`: who in a log
 * would lose access.
 *
 * Takes the first IPv4 address on each line (or the address in field N, 1-based, of lines split
 * by the delimiter: taken, or detected from the first line) and counts allowed and denied, with
 * the most frequent denied addresses. The log may be gzip (detected by its bytes) or stdin (`-`);
 * see cli/log-scan.ts for how it is read and the memory bound. A log in which no line has an
 * address is exit 2: there is nothing to judge, and "0 denied" would read as good news.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand({ name: 'impact', usage: USAGE, options: OPTIONS }, argv, async (cmd) => {
    const { values } = cmd;
    if (typeof values.list !== 'string' || typeof values.log !== 'string') {
      throw cmd.usageError('--list FILE and --log FILE are required.');
    }
    const column = intOption('impact', 'column', values.column, 1);
    const top = intOption('impact', 'top', values.top, 0) ?? 10;
    const delimiter = values.delimiter;
    if (delimiter !== undefined && !LOG_DELIMITERS.includes(delimiter as LogDelimiter)) {
      throw cmd.usageError(
        `--delimiter must be one of ${LOG_DELIMITERS.join(', ')}, got "${String(delimiter)}".`,
      );
    }
    const logPath = values.log;
    // Refuse an unreadable log before reading the list, so the error is the only line printed.
    if (logPath !== '-') {
      try {
        closeSync(openSync(logPath, 'r'));
      } catch (error) {
        throw logError(logPath, error);
      }
    }
    const { config, problems } = await cmd.load(values.list);
    reportListProblems('impact', values.list, problems);
    const allows =
      config.mode === 'ALLOW_ALL' ? () => true : compileMatcher(config.entries).allowsUint32;
    let counts: LogCounts;
    try {
      counts = await readLogCounts(logPath, {
        ...(column === undefined ? {} : { column }),
        ...(delimiter === undefined ? {} : { delimiter: delimiter as LogDelimiter }),
      });
    } catch (error) {
      throw logError(logPath === '-' ? 'stdin' : logPath, error);
    }
    const n = (x: number) => x.toLocaleString('en-US');
    if (counts.addresses === 0) {
      const where =
        column === undefined
          ? 'on any line'
          : `in field ${column} (${counts.delimiter}-separated; see --delimiter)`;
      const skipped =
        counts.overlongLines > 0
          ? `, ${n(counts.overlongLines)} line(s) over ${n(counts.maxLineBytes)} bytes skipped`
          : '';
      throw new CliExit(
        2,
        `allowlist impact: ${logPath === '-' ? 'stdin' : logPath}: no IPv4 address ${where} of ${n(counts.lines)} line(s)${skipped}: nothing to judge.`,
      );
    }
    const stats = summarizeCounts(counts, allows, top);
    if (!values.json && config.mode === 'ALLOW_ALL') write('mode ALLOW_ALL: everyone is allowed.');
    if (values.json) {
      write(JSON.stringify(stats, null, 2));
    } else {
      const pct = (x: number) => ((100 * x) / stats.addresses).toFixed(1);
      write(
        [
          `${n(stats.lines)} lines, ${n(stats.addresses)} with an address${column === undefined ? '' : ` in field ${column} (${stats.delimiter}-separated)`}`,
          ...(stats.overlongLines > 0
            ? [
                `  skipped ${n(stats.overlongLines)} line(s) longer than ${n(stats.maxLineBytes)} bytes`,
              ]
            : []),
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
