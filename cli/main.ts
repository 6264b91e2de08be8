import { CliExit } from './exit.ts';
import { COMMAND_SUMMARY, say } from './common.ts';

type Command = { run(argv: string[]): Promise<number> };

/** Each command loads on demand, so `allowlist check` does not pay for the XLSX reader. */
const COMMANDS: Record<string, { synopsis: string; load: () => Promise<Command> }> = {
  check: {
    synopsis: 'check --list FILE [--json] (IP|NETWORK... | --stdin)',
    load: () => import('./commands/check.ts'),
  },
  impact: {
    synopsis: 'impact --list FILE --log FILE|- [--column N] [--delimiter D] [--top K] [--json]',
    load: () => import('./commands/impact.ts'),
  },
  validate: {
    synopsis: 'validate FILE [--max-entries N] [--json]',
    load: () => import('./commands/validate.ts'),
  },
  aggregate: {
    synopsis: 'aggregate FILE [--max-entries N] [--out FILE] [--json]',
    load: () => import('./commands/aggregate.ts'),
  },
  diff: {
    synopsis: 'diff A B [--json]',
    load: () => import('./commands/diff.ts'),
  },
  import: {
    synopsis: 'import FILE [--sheet NAME] [--json]',
    load: () => import('./commands/import.ts'),
  },
  export: {
    synopsis: 'export IN --out FILE --format cybozu-csv|csv|xlsx [--json]',
    load: () => import('./commands/export.ts'),
  },
  handoff: {
    synopsis: 'handoff plan --in-force FILE --draft FILE [--egress] [--out FILE] [...]',
    load: () => import('./commands/handoff.ts'),
  },
  egress: {
    synopsis: 'egress [--endpoint URL]... [--json]',
    load: () => import('./commands/egress.ts'),
  },
};

function usage(): string {
  const width = Math.max(...Object.values(COMMANDS).map((c) => c.synopsis.length)) + 3;
  return [
    say('usage'),
    '',
    say('commands'),
    ...Object.entries(COMMANDS).map(([name, c]) => {
      const summary = COMMAND_SUMMARY[name];
      return `  allowlist ${c.synopsis.padEnd(width)}${summary ? say(summary) : ''}`;
    }),
    '',
    `  allowlist --version${' '.repeat(Math.max(1, width - 9))}${say('optVersion')}`,
    '',
    say('moreHelp'),
    say('listFileNote'),
    say('exitNote'),
  ].join('\n');
}

/** The version in cli/package.json. */
export async function cliVersion(): Promise<string> {
  // Imported, not read beside this file: the bundle (dist/cli) carries it.
  const { default: json } = (await import('./package.json', { with: { type: 'json' } })) as {
    default: { version?: unknown };
  };
  return typeof json.version === 'string' ? json.version : 'unknown';
}

/**
 * The `allowlist` command line: dispatch to `cli/commands/<name>.ts` and return the exit code.
 *
 * Never throws: an unexpected failure is one line on stderr and exit 2, without a stack trace
 * (set ALLOWLIST_DEBUG=1 to see it).
 */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    process[name === undefined ? 'stderr' : 'stdout'].write(`${usage()}\n`);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`allowlist ${await cliVersion()}\n`);
    return 0;
  }
  const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    process.stderr.write(`${say('unknownCommand', { name })}\n`);
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
    process.stderr.write(
      `${say('unexpected', { command: name, message: message.split('\n')[0] ?? '' })}\n`,
    );
    return 2;
  }
}
