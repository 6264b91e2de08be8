import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Config, Problem } from '../shared/allowlist/model.ts';
import { formatProblem, type Locale } from '../shared/i18n/messages.ts';
import { ListFileError, readListFile } from './read-list.ts';
import { CliExit } from './exit.ts';

export { CliExit };

/** Locale for human output: Japanese when LC_ALL/LC_MESSAGES/LANG says so, else English. */
export function cliLocale(env: NodeJS.ProcessEnv = process.env): Locale {
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return lang.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

/**
 * node:util parseArgs with usage errors turned into exit 2 and a one-line message.
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
    throw new CliExit(2, `allowlist ${command}: ${(error as Error).message}\n${usage}`);
  }
}

/** What `runCommand` hands a command: its parsed arguments and helpers bound to its name. */
export type CommandContext = {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
  /** `loadList` for this command, with its `--sheet` when it has one. */
  load(path: string): Promise<{ config: Config; problems: Problem[] }>;
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
  spec: { name: string; usage: string; options: T },
  argv: string[],
  body: (context: CommandContext) => Promise<number>,
): Promise<number> {
  const { name, usage } = spec;
  const { values, positionals } = parseCommandArgs(name, usage, argv, {
    ...spec.options,
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(usage);
    return 0;
  }
  const sheet = typeof values.sheet === 'string' ? values.sheet : undefined;
  const usageError = (message: string) => new CliExit(2, `allowlist ${name}: ${message}\n${usage}`);
  return body({
    values,
    positionals,
    load: (path) => loadList(name, path, sheet),
    usageError,
    onlyFile: () => {
      const file = positionals[0];
      if (file === undefined || positionals.length !== 1) throw usageError('expected one FILE.');
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
    throw new CliExit(
      2,
      `allowlist ${command}: --${name} must be an integer >= ${min}, got "${String(value)}".`,
    );
  }
  return n;
}

/** Read a list file; unreadable -> exit 2 with the reader's one-line message. */
export async function loadList(
  command: string,
  path: string,
  sheet?: string,
): Promise<{ config: Config; problems: Problem[] }> {
  try {
    const { config, problems } = await readListFile(path, sheet === undefined ? {} : { sheet });
    return { config, problems };
  } catch (error) {
    if (error instanceof ListFileError)
      throw new CliExit(2, `allowlist ${command}: ${error.message}`);
    throw error;
  }
}

/** Where a problem is: entry (1-based, as shown), spreadsheet row, field. */
export function problemPlace(p: Problem): string {
  const parts: string[] = [];
  if (p.row !== undefined) parts.push(`row ${p.row}`);
  else if (p.index !== undefined) parts.push(`entry ${p.index + 1}`);
  if (p.field !== undefined) parts.push(p.field);
  return parts.join(' ');
}

/** One problem on one line for a person. */
export function humanProblem(p: Problem, locale: Locale = cliLocale()): string {
  const place = problemPlace(p);
  return `${p.severity === 'error' ? 'error  ' : 'warning'} ${place ? `${place}: ` : ''}${formatProblem(p, locale)} [${p.code}]`;
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

/** Write list errors to stderr (warnings as a count), so stdout stays the command's result. */
export function reportListProblems(command: string, file: string, problems: Problem[]): void {
  const { errors, warnings } = countSeverity(problems);
  for (const p of problems)
    if (p.severity === 'error')
      process.stderr.write(`allowlist ${command}: ${file}: ${humanProblem(p)}\n`);
  if (warnings > 0) {
    process.stderr.write(
      `allowlist ${command}: ${file}: ${warnings} warning(s); see "allowlist validate ${file}".\n`,
    );
  }
  void errors;
}

export function write(text: string): void {
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
}
