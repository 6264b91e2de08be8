import { CliExit } from './exit.ts';

type Command = { run(argv: string[]): Promise<number> };

/** Each command loads on demand, so `allowlist check` does not pay for the XLSX reader. */
const COMMANDS: Record<string, { summary: string; load: () => Promise<Command> }> = {
  check: {
    summary:
      'check --list FILE [--json] (IP... | --stdin)   allowed or denied, and by which entries',
    load: () => import('./commands/check.ts'),
  },
  impact: {
    summary:
      'impact --list FILE --log FILE [--column N] [--top K] [--json]   who in a log would lose access',
    load: () => import('./commands/impact.ts'),
  },
  validate: {
    summary: 'validate FILE [--max-entries N] [--json]   every problem of a list',
    load: () => import('./commands/validate.ts'),
  },
  aggregate: {
    summary: 'aggregate FILE [--max-entries N] [--json]   merge networks to fewer entries',
    load: () => import('./commands/aggregate.ts'),
  },
  diff: {
    summary: 'diff A B [--json]   what changed between two lists',
    load: () => import('./commands/diff.ts'),
  },
  import: {
    summary: 'import FILE [--sheet NAME] [--json]   read a spreadsheet',
    load: () => import('./commands/import.ts'),
  },
  export: {
    summary: 'export IN --out FILE --format cybozu-csv|csv|xlsx   write a list',
    load: () => import('./commands/export.ts'),
  },
};

const USAGE = [
  'usage: allowlist <command> [options]',
  '',
  'Commands:',
  ...Object.values(COMMANDS).map((c) => `  allowlist ${c.summary}`),
  '',
  'A list FILE is JSON shaped like the service GET response, or a spreadsheet (CSV, TSV, XLSX).',
  'Exit status: 0 ok, 1 the input had errors (results still printed), 2 the input could not be read.',
].join('\n');

/**
 * The `allowlist` command line: dispatch to `cli/commands/<name>.ts` and return the exit code.
 *
 * Never throws: an unexpected failure is one line on stderr and exit 2, without a stack trace
 * (set ALLOWLIST_DEBUG=1 to see it).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process[name === undefined ? 'stderr' : 'stdout'].write(`${USAGE}\n`);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`allowlist: unknown command "${name}" (run "allowlist --help").\n`);
    return 2;
  }
  try {
    return await (await command.load()).run(rest);
  } catch (error) {
    if (error instanceof CliExit) {
      process.stderr.write(`${error.message}\n`);
      return error.exitCode;
    }
    if (process.env.ALLOWLIST_DEBUG) console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`allowlist ${name}: ${message.split('\n')[0]}\n`);
    return 2;
  }
}
