import type { ParseArgsConfig } from 'node:util';
import type { Config, Problem } from '../shared/allowlist/model.ts';
import { formatMessage, formatProblem, type Locale } from '../shared/i18n/messages.ts';
import type { ListFileError } from './read-list.ts';
import { CliExit } from './exit.ts';
import { writeJsonArray } from './json-bytes.ts';
import { CLI_TEXT, text, type CliTextKey } from './strings.ts';

// node:util's own object, not its ES module: importing that one reads every export, loading
// TextDecoder and util.diff, measured ~5 ms of each command's start-up.
const { parseArgs } = process.getBuiltinModule('node:util');

export { CliExit };

/** Locale for human output: Japanese when LC_ALL/LC_MESSAGES/LANG says so, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/** A CLI line in the locale of the environment (see `cliLocale`). */
export function say(key: CliTextKey, params: Record<string, string | number> = {}): string {
  return text(key, cliLocale(), params);
}

/**
 * node:util parseArgs with usage errors turned into exit 2 and one balanced line of our own (not
 * Node's text), followed by the usage.
 */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  command: string,
  usage: string,
  argv: string[],
  options: T,
): { values: Record<string, string | boolean | undefined>; positionals: string[] } {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options,
      allowPositionals: true,
      strict: true,
    });
    return { values: values as Record<string, string | boolean | undefined>, positionals };
  } catch (error) {
    throw new CliExit(2, `${argumentError(command, argv, options, error)}\n${localUsage(usage)}`);
  }
}

/** The one line for a parseArgs failure: which option, and what is wrong with it. */
function argumentError(
  command: string,
  argv: string[],
  options: NonNullable<ParseArgsConfig['options']>,
  error: unknown,
): string {
  const code = (error as { code?: unknown }).code;
  const known = (arg: string) => {
    const name = arg.replace(/^--?/, '').split('=')[0] ?? '';
    return arg.startsWith('--')
      ? Object.hasOwn(options, name)
      : Object.values(options).some((o) => o.short === name);
  };
  const endOfOptions = argv.indexOf('--');
  const flags = (endOfOptions < 0 ? argv : argv.slice(0, endOfOptions)).filter(
    (a) => a.startsWith('-') && a !== '-',
  );
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const option = flags.find((a) => !known(a)) ?? '?';
    return say('unknownOption', { command, option: option.split('=')[0] ?? option });
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    const named = /'(--?[\w-]+)/.exec((error as Error).message)?.[1] ?? '?';
    const name = named.replace(/^--?/, '');
    const option = Object.hasOwn(options, name)
      ? `--${name}`
      : `--${Object.entries(options).find(([, o]) => o.short === name)?.[0] ?? name}`;
    const takesValue = Object.hasOwn(options, option.slice(2))
      ? options[option.slice(2)]?.type === 'string'
      : true;
    return say(takesValue ? 'optionNeedsValue' : 'optionTakesNoValue', { command, option });
  }
  const detail = (error instanceof Error ? error.message : String(error)).replace(/'/g, '"');
  return say('badArguments', { command, detail });
}

/** "usage: allowlist ..." in the locale ("使い方: allowlist ..."). */
function localUsage(usage: string): string {
  return usage.replace(/^usage:/, say('usage').split(' ')[0] ?? 'usage:');
}

/** The summary of each command, for `allowlist --help` and `allowlist <command> --help`. */
export const COMMAND_SUMMARY: Record<string, CliTextKey> = {
  check: 'sumCheck',
  impact: 'sumImpact',
  validate: 'sumValidate',
  aggregate: 'sumAggregate',
  diff: 'sumDiff',
  import: 'sumImport',
  export: 'sumExport',
  handoff: 'sumHandoff',
  egress: 'sumEgress',
};

/** What each option means in `--help`, by option name (a command may say otherwise). */
const OPTION_HELP: Record<string, CliTextKey> = {
  json: 'optJson',
  sheet: 'optSheet',
  'max-entries': 'optMaxEntries',
  list: 'optList',
  stdin: 'optStdin',
  log: 'optLog',
  column: 'optColumn',
  delimiter: 'optDelimiter',
  top: 'optTop',
  format: 'optFormat',
  'replace-unencodable': 'optReplace',
  'drop-unencodable': 'optDropUnencodable',
  'drop-errors': 'optDropErrors',
  'no-neutralize': 'optNoNeutralize',
  help: 'optHelp',
};

/** The word after a string option in `--help`. */
const OPTION_VALUE: Record<string, string> = {
  list: 'FILE',
  log: 'FILE',
  out: 'FILE',
  sheet: 'NAME',
  'max-entries': 'N',
  column: 'N',
  delimiter: 'D',
  top: 'K',
  format: 'FORMAT',
  'in-force': 'FILE',
  draft: 'FILE',
  endpoint: 'URL',
  protect: 'IP',
  confirm: 'PHRASE',
};

/** `allowlist <command> --help`: usage, what the command does, and every option explained. */
export function commandHelp(
  name: string,
  usage: string,
  options: NonNullable<ParseArgsConfig['options']>,
  optionHelp: Partial<Record<string, CliTextKey>> = {},
): string {
  const rows = Object.entries(options).map(([option, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : '    ';
    const value = spec.type === 'string' ? ` ${OPTION_VALUE[option] ?? 'VALUE'}` : '';
    const key = optionHelp[option] ?? OPTION_HELP[option];
    return { left: `  ${short}--${option}${value}`, right: key ? say(key) : '' };
  });
  const width = Math.max(...rows.map((r) => r.left.length)) + 2;
  const summary = COMMAND_SUMMARY[name];
  return [
    localUsage(usage),
    ...(summary ? ['', say(summary)] : []),
    '',
    say('options'),
    ...rows.map((r) => `${r.left.padEnd(width)}${r.right}`.trimEnd()),
  ].join('\n');
}

/** What `runCommand` hands a command: its parsed arguments and helpers bound to its name. */
export type CommandContext = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** `loadList` for this command, with its `--sheet` when it has one. */
  load(path: string): Promise<{ config: Config; problems: Problem[] }>;
  /** `reportListProblems` for this command: the list's problems on stderr; the error count. */
  report(file: string, problems: Problem[]): number;
  /** A usage error: exit 2 with `allowlist <command>: <message>` and the usage line. */
  usageError(message: string): CliExit;
  /** The one positional FILE, or a usage error. */
  onlyFile(): string;
  /** `intOption` of this command for option `name`. */
  int(name: string, min: number): number | undefined;
};

/** Options of the commands that take one list FILE: `validate` and `aggregate`. */
export const LIST_FILE_OPTIONS = {
  sheet: { type: 'string' },
  'max-entries': { type: 'string' },
  json: { type: 'boolean' },
} as const;

/**
 * The common frame of a command: parse `argv` (with `-h`/`--help` added), print the usage and
 * return 0 on help, else run `body` with the parsed arguments.
 *
 * Usage errors are exit 2 with a one-line message and the usage (see `parseCommandArgs`).
 */
export async function runCommand<T extends NonNullable<ParseArgsConfig['options']>>(
  spec: {
    name: string;
    usage: string;
    options: T;
    /** `--help` words for options whose meaning differs from the common one. */
    optionHelp?: Partial<Record<string, CliTextKey>>;
  },
  argv: string[],
  body: (context: CommandContext) => Promise<number>,
): Promise<number> {
  const { name, usage } = spec;
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = parseCommandArgs(name, usage, argv, options);
  if (values.help) {
    write(commandHelp(name, usage, options, spec.optionHelp));
    return 0;
  }
  const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
  const usageError = (message: string) =>
    new CliExit(2, `allowlist ${name}: ${message}\n${localUsage(usage)}`);
  return body({
    values,
    positionals,
    load: (path) => loadList(name, path, sheet),
    report: (file, problems) => reportListProblems(name, file, problems),
    usageError,
    onlyFile: () => {
      const file = positionals[0];
      if (file === undefined || positionals.length !== 1) throw usageError(say('expectedOneFile'));
      return file;
    },
    int: (option, min) => intOption(name, option, values[option], min),
  });
}

/** A positive integer option (`--max-entries 1000`), or exit 2 naming the option. */
export function intOption(
  command: string,
  name: string,
  value: string | boolean | undefined,
  min: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (typeof value !== 'string' || !/^\d+$/.test(value.trim()) || n < min) {
    throw new CliExit(2, say('intOption', { command, option: name, min, value: String(value) }));
  }
  return n;
}

/** Read a list file; unreadable -> exit 2 with the reader's one-line message. */
export async function loadList(
  command: string,
  path: string,
  sheet?: string,
): Promise<{ config: Config; problems: Problem[] }> {
  // On demand: zod and the list reader load while `impact` already scans its log.
  const { ListFileError, readListFile } = await import('./read-list.ts');
  try {
    const { config, problems } = await readListFile(path, sheet === undefined ? {} : { sheet });
    return { config, problems };
  } catch (error) {
    if (error instanceof ListFileError)
      throw new CliExit(2, `allowlist ${command}: ${listFileMessage(error)}`);
    throw error;
  }
}

/** A list file error in the locale: the reader's own codes, then the import's (by code). */
export function listFileMessage(error: ListFileError, locale: Locale = cliLocale()): string {
  const params = { path: error.path, ...error.params };
  if (Object.hasOwn(CLI_TEXT, error.code)) return text(error.code as CliTextKey, locale, params);
  const sentence = formatMessage(error.code, error.params, locale);
  return sentence === null ? error.message : `${error.path}: ${sentence}`;
}

/** Where a problem is: spreadsheet row (when read from one), else entry (1-based), and field. */
export function problemPlace(p: Problem, locale: Locale = cliLocale()): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(text('row', locale, { row: p.row }));
  else if (p.index !== undefined) parts.push(text('entry', locale, { position: p.index + 1 }));
  if (p.field !== undefined) parts.push(p.field);
  return parts.join(' ');
}

/** One problem on one line for a person. */
export function humanProblem(p: Problem, locale: Locale = cliLocale()): string {
  const place = problemPlace(p, locale);
  const severity = text(p.severity === 'error' ? 'error' : 'warning', locale);
  return `${severity} ${place ? `${place}: ` : ''}${formatProblem(p, locale)} [${p.code}]`;
}

/**
 * Text from a list (a memo) for a terminal line: exactly as written, quotes included, with only
 * line breaks, tabs and other control characters shown as escapes so one entry stays one line.
 */
export function displayText(value: string): string {
  // \p{Cc}: the C0 and C1 control characters (line breaks, tabs, escape sequences).
  return value.replace(/\p{Cc}/gu, (c) =>
    c === '\n'
      ? '\\n'
      : c === '\r'
        ? '\\r'
        : c === '\t'
          ? '\\t'
          : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** A problem for --json output. */
export function jsonProblem(p: Problem): Record<string, unknown> {
  return {
    severity: p.severity,
    code: p.code,
    message: p.message,
    ...(p.index !== undefined ? { index: p.index } : {}),
    ...(p.row !== undefined ? { row: p.row } : {}),
    ...(p.field !== undefined ? { field: p.field } : {}),
    ...(p.params !== undefined ? { params: p.params } : {}),
  };
}

export function countSeverity(problems: Problem[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const p of problems) if (p.severity === 'error') errors += 1;
  return { errors, warnings: problems.length - errors };
}

/** `a.b.c.d` or `a.b.c.d/n`. */
export function networkText(entry: { ip: string; cidr: number | null }): string {
  return entry.cidr === null ? entry.ip : `${entry.ip}/${entry.cidr}`;
}

/**
 * Write list errors to stderr (warnings as a count), so stdout stays the command's result;
 * returns how many errors there were.
 */
export function reportListProblems(command: string, file: string, problems: Problem[]): number {
  const { errors, warnings } = countSeverity(problems);
  for (const p of problems)
    if (p.severity === 'error')
      process.stderr.write(`allowlist ${command}: ${file}: ${humanProblem(p)}\n`);
  if (warnings > 0) {
    process.stderr.write(
      `allowlist ${command}: ${file}: ${say('warningCount', { count: warnings, file })}\n`,
    );
  }
  return errors;
}

/**
 * The text of a command's `--json` result: indented on a terminal, for a person; one line when
 * stdout is a pipe or a file, for the program that reads it (the same JSON value either way).
 * Measured: indenting was ~40% of the bytes and ~100 ms of CPU for 100,000 imported entries.
 */
export function jsonText(value: unknown, stream: { isTTY?: boolean } = process.stdout): string {
  return stream.isTTY === true ? JSON.stringify(value, null, 2) : JSON.stringify(value);
}

/** Elements from which writeJson writes a leading array as bytes (cli/json-bytes.ts). */
const LONG_ARRAY = 4096;

/**
 * Print a command's `--json` result: jsonText and a line break, on stdout.
 *
 * On one line, a result whose first field is a long array (`allowlist import`'s entries) has that
 * array written as bytes by writeJsonArray, the same bytes: not one string of all of it and its
 * UTF-8 copy at once (cli/json-bytes.ts says what that saves, measured).
 */
export function writeJson(
  value: unknown,
  stream: { isTTY?: boolean } = process.stdout,
  sink: (bytes: Uint8Array) => void = writeBytes,
  long = LONG_ARRAY,
): void {
  const key = typeof value === 'object' && value !== null ? Object.keys(value)[0] : undefined;
  const items = key === undefined ? undefined : (value as Record<string, unknown>)[key];
  if (stream.isTTY === true || !Array.isArray(items) || items.length < long) {
    sink(utf8(`${jsonText(value, stream)}\n`));
    return;
  }
  const { [key as string]: _items, ...rest } = value as Record<string, unknown>;
  const tail = JSON.stringify(rest);
  sink(utf8(`{${JSON.stringify(key)}:`));
  writeJsonArray(items, sink);
  sink(utf8(tail === '{}' ? '}\n' : `,${tail.slice(1)}\n`));
}

export function write(text: string): void {
  writeOut(text.endsWith('\n') ? text : `${text}\n`);
}

const encoder = new TextEncoder();

/**
 * Write `text` to stdout as UTF-8. Encoded here with TextEncoder.encodeInto: the stream's own
 * conversion of a string took twice the CPU for text holding Japanese (measured 34-44 vs 14-21 ms
 * for the 8 MB of `allowlist import --json` on 100,000 entries).
 */
export function writeOut(text: string): void {
  writeBytes(utf8(text));
}

function utf8(text: string): Uint8Array {
  // At most 3 bytes per UTF-16 code unit (a surrogate pair, two units, is 4 bytes).
  const bytes = new Uint8Array(text.length * 3);
  const { written } = encoder.encodeInto(text, bytes);
  return bytes.subarray(0, written);
}

function writeBytes(bytes: Uint8Array): void {
  process.stdout.write(bytes);
}

/** Columns a string takes in a terminal: East Asian wide and full-width characters take two. */
export function displayWidth(value: string): number {
  let width = 0;
  for (const char of value) {
    const c = char.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x1f300 && c <= 0x1faff) ||
      (c >= 0x20000 && c <= 0x3fffd);
    width += wide ? 2 : 1;
  }
  return width;
}
