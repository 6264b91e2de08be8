import { compileConfig } from '../../shared/allowlist/match.ts';
import { LOG_DELIMITERS, type LogDelimiter } from '../../shared/log/fields.ts';
import type { LogCounts } from '../../shared/log/scanner.ts';
import { summarizeCounts } from '../../shared/log/summary.ts';
import {
  CliExit,
  countSeverity,
  intOption,
  reportListProblems,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';
import { startLogScan } from '../log-scan.ts';

// Node's own node:fs object, not its ES module (see cli/log-scan.ts).
const { closeSync, openSync } = process.getBuiltinModule('node:fs');

const USAGE =
  'usage: allowlist impact --list FILE --log FILE|- [--column N] [--delimiter D] [--top K] [--json]';
const OPTIONS = {
  list: { type: 'string' },
  log: { type: 'string' },
  sheet: { type: 'string' },
  column: { type: 'string' },
  delimiter: { type: 'string' },
  top: { type: 'string' },
  json: { type: 'boolean' },
} as const;

/** The log's name in messages: its path, or "stdin" for `-`. */
const sourceName = (path: string) => (path === '-' ? say('stdinName') : path);

function logError(path: string, error: unknown): CliExit {
  const code = (error as { code?: unknown }).code;
  const detail = error instanceof Error ? error.message : String(error);
  const source = sourceName(path);
  if (code === 'ENOENT')
    return new CliExit(2, `allowlist impact: ${say('FILE_NOT_FOUND', { path: source })}`);
  if (code === 'EACCES')
    return new CliExit(2, `allowlist impact: ${say('FILE_PERMISSION', { path: source })}`);
  if (code === 'EISDIR')
    return new CliExit(2, `allowlist impact: ${say('NOT_A_FILE', { path: source })}`);
  const n = (x: unknown) => Number(x).toLocaleString('en-US');
  const { at, size } = error as { at?: unknown; size?: unknown };
  const why =
    code === 'Z_DATA_ERROR' || code === 'Z_BUF_ERROR'
      ? say('impactNotGzip', { detail })
      : code === 'LOG_SHRANK'
        ? say('impactLogShrank', { at: n(at), size: n(size) })
        : detail;
  return new CliExit(2, `allowlist impact: ${say('impactCannotRead', { source, why })}`);
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
      throw cmd.usageError(say('listAndLogRequired'));
    }
    const column = intOption('impact', 'column', values.column, 1);
    const top = intOption('impact', 'top', values.top, 0) ?? 10;
    const delimiter = values.delimiter;
    if (delimiter !== undefined && !LOG_DELIMITERS.includes(delimiter as LogDelimiter)) {
      throw cmd.usageError(
        say('impactDelimiterValues', {
          values: LOG_DELIMITERS.join(', '),
          value: String(delimiter),
        }),
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
    // An unreadable list fails now, with the list reader's own message, not after a long scan.
    try {
      closeSync(openSync(values.list, 'r'));
    } catch {
      await cmd.load(values.list);
    }
    // The log's worker threads start before the list is read, and boot while it loads; this
    // thread then takes its share of the log. The list's own errors come first.
    const scan = startLogScan(logPath, {
      ...(column === undefined ? {} : { column }),
      ...(delimiter === undefined ? {} : { delimiter: delimiter as LogDelimiter }),
    });
    let loaded;
    try {
      loaded = await cmd.load(values.list);
      reportListProblems('impact', values.list, loaded.problems);
    } catch (error) {
      scan.cancel();
      throw error;
    }
    const { config, problems } = loaded;
    // Compiled now, while the worker threads scan, not after the scan when this thread judges alone.
    const list = compileConfig(config);
    list.intervals();
    const scanned = await scan.counts().then(
      (counts) => ({ counts }),
      (error: unknown) => ({ error }),
    );
    if ('error' in scanned) throw logError(logPath, scanned.error);
    const counts: LogCounts = scanned.counts;
    const n = (x: number) => x.toLocaleString('en-US');
    if (counts.addresses === 0) {
      const params = {
        source: sourceName(logPath),
        lines: n(counts.lines),
        column: column ?? 0,
        delimiter: counts.delimiter,
        skipped:
          counts.overlongLines > 0
            ? say('impactNoAddressSkipped', {
                count: n(counts.overlongLines),
                max: n(counts.maxLineBytes),
              })
            : '',
      };
      throw new CliExit(
        2,
        `allowlist impact: ${say(column === undefined ? 'impactNoAddress' : 'impactNoAddressField', params)}`,
      );
    }
    const stats = summarizeCounts(counts, list, top);
    if (!values.json && config.mode === 'ALLOW_ALL') write(say('impactAllowAll'));
    if (values.json) {
      writeJson(stats);
    } else {
      const pct = (x: number) => ((100 * x) / stats.addresses).toFixed(1);
      write(
        [
          column === undefined
            ? say('impactLines', { lines: n(stats.lines), addresses: n(stats.addresses) })
            : say('impactLinesField', {
                lines: n(stats.lines),
                addresses: n(stats.addresses),
                column,
                delimiter: stats.delimiter,
              }),
          ...(stats.overlongLines > 0
            ? [
                `  ${say('impactSkipped', { count: n(stats.overlongLines), max: n(stats.maxLineBytes) })}`,
              ]
            : []),
          `  ${say('impactAllowed', { count: n(stats.allowed), percent: pct(stats.allowed) })}`,
          `  ${say('impactDenied', { count: n(stats.denied), percent: pct(stats.denied), distinct: n(stats.uniqueDenied) })}`,
          ...(stats.topDenied.length > 0 ? [say('impactTop')] : []),
          ...stats.topDenied.map((d) => `  ${d.ip.padEnd(15)}  ${n(d.count)}`),
        ].join('\n'),
      );
    }
    return countSeverity(problems).errors > 0 ? 1 : 0;
  });
}
