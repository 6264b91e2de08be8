import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { DEFAULT_MAX_ENTRIES } from '../shared/allowlist/model.ts';

/** One admin account of the reference service. */
export type AdminAccount = { login: string; password: string };

/**
 * Options of the reference service (service/README.md "Options").
 *
 * `data` and `outbox` default to fresh temporary folders (printed at start) so that
 * `npx allowlist-service --port 0 --admin admin:pw` works without set-up.
 */
export type ServiceOptions = {
  port: number;
  host: string;
  admins: AdminAccount[];
  maxEntries: number;
  applyDelayMs: number;
  resetTtlS: number;
  outbox?: string;
  data?: string;
  trustProxy: boolean;
  /** Largest accepted request body; default fits `maxEntries` entries with 1,000-character memos. */
  bodyLimitBytes?: number;
  /** One line per request and lifecycle event (never credentials). Default: silent. */
  log?: (line: string) => void;
  /** Clock, injectable for tests of expiry and throttling windows. */
  now?: () => number;
};

/** Defaults of every option the contract lists. */
export const DEFAULT_OPTIONS = {
  port: 0,
  host: '127.0.0.1',
  maxEntries: DEFAULT_MAX_ENTRIES,
  applyDelayMs: 2000,
  resetTtlS: 3600,
  trustProxy: false,
} as const;

/** A command line the service cannot start with; the message names the option. */
export class OptionsError extends Error {
  override name = 'OptionsError';
}

/** The environment variable that can hold the admin accounts, one LOGIN:PASSWORD per line. */
export const ADMINS_ENV = 'ALLOWLIST_SERVICE_ADMINS';

const USAGE = `Usage: allowlist-service --admin-file FILE [options]
  --admin-file FILE   admin accounts, one LOGIN:PASSWORD per line (# comments, blank lines ok)
                      (or the environment variable ${ADMINS_ENV}, same format)
  --admin LOGIN:PASS  an admin account on the command line, for tests only: ps shows it
                      (repeatable; at least one account from any of the three is required)
  --port N            port, 0 = any free port (default 0)
  --host HOST         address to listen on (default 127.0.0.1)
  --max-entries N     largest list accepted (default 1000)
  --apply-delay-ms N  delay before a saved revision is APPLIED (default 2000)
  --reset-ttl-s N     lifetime of the Reset URL in the completion e-mail (default 3600)
  --outbox DIR        where completion e-mails are written (default: a temporary folder)
  --data DIR          where state is kept (default: a temporary folder)
  --trust-proxy       take the caller's address from X-Forwarded-For`;

/** The help text printed by `--help` and after a bad option. */
export function usage(): string {
  return USAGE;
}

function integer(
  name: string,
  text: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new OptionsError(`--${name} must be a whole number from ${min} to ${max}, got "${text}"`);
  }
  return Number(text);
}

const VALUE_OPTIONS = [
  'port',
  'host',
  'admin',
  'admin-file',
  'max-entries',
  'apply-delay-ms',
  'reset-ttl-s',
  'outbox',
  'data',
];

/** One `LOGIN:PASSWORD`; the error names where it came from and never echoes the value. */
function account(pair: string, where: string): AdminAccount {
  const colon = pair.indexOf(':');
  if (colon <= 0 || colon === pair.length - 1)
    throw new OptionsError(`${where} must be LOGIN:PASSWORD with both parts non-empty`);
  return { login: pair.slice(0, colon), password: pair.slice(colon + 1) };
}

/** The accounts of an admin file or variable: one per line; blank lines and `#` lines skipped. */
function accountsIn(text: string, where: string): AdminAccount[] {
  const accounts: AdminAccount[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '' || line.trimStart().startsWith('#')) return;
    accounts.push(account(line, `${where} line ${i + 1}`));
  });
  return accounts;
}

function readAdminFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new OptionsError(
      `--admin-file ${file} cannot be read: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : code === 'EACCES' ? 'permission denied' : (error as Error).message}`,
    );
  }
}

/** True when `arg` is an option that takes the next argument as its value (`--port`, not `--port=1`). */
function takesValue(arg: string | undefined): boolean {
  return arg !== undefined && VALUE_OPTIONS.includes(arg.replace(/^--/, ''));
}

/**
 * Parse the command line into options.
 *
 * Throws OptionsError naming the option for anything it cannot use: no silent defaults for
 * values that were given but are wrong. Admin accounts come from `--admin-file` files, the
 * ALLOWLIST_SERVICE_ADMINS variable of `env`, and `--admin` (which adds a line to `warnings`).
 */
export function parseServiceArgs(
  argv: string[],
  env: Record<string, string | undefined> = {},
  warnings: string[] = [],
): ServiceOptions | 'help' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        admin: { type: 'string', multiple: true },
        'admin-file': { type: 'string', multiple: true },
        'max-entries': { type: 'string' },
        'apply-delay-ms': { type: 'string' },
        'reset-ttl-s': { type: 'string' },
        outbox: { type: 'string' },
        data: { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    // Node's message quotes a stray argument ("Unexpected argument 's3cret'"): with
    // `--admin alice s3cret` that is the password, so say where it is instead of what it is.
    if ((error as { code?: unknown }).code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
      const at = argv.findIndex((a, i) => !a.startsWith('-') && !takesValue(argv[i - 1]));
      throw new OptionsError(
        `unexpected argument${at >= 0 ? ` #${at + 1}` : ''} (not shown: it may be a password); every value belongs to an option, e.g. --admin LOGIN:PASSWORD`,
      );
    }
    throw new OptionsError(error instanceof Error ? error.message : String(error));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  const admins = [
    ...(v.admin ?? []).map((pair) => account(pair, '--admin')),
    ...(v['admin-file'] ?? []).flatMap((file) =>
      accountsIn(readAdminFile(file), `--admin-file ${file}`),
    ),
    ...accountsIn(env[ADMINS_ENV] ?? '', ADMINS_ENV),
  ];
  if (admins.length === 0)
    throw new OptionsError(
      `no admin account: give --admin-file FILE (LOGIN:PASSWORD lines) or set ${ADMINS_ENV}`,
    );
  if (v.admin !== undefined)
    warnings.push(
      `warning: --admin puts the password on the command line, where ps shows it to every user of this machine; use --admin-file FILE or ${ADMINS_ENV} outside tests`,
    );
  return {
    port: integer('port', v.port, 0, 65535) ?? DEFAULT_OPTIONS.port,
    host: v.host ?? DEFAULT_OPTIONS.host,
    admins,
    maxEntries:
      integer('max-entries', v['max-entries'], 1, 1_000_000) ?? DEFAULT_OPTIONS.maxEntries,
    applyDelayMs:
      integer('apply-delay-ms', v['apply-delay-ms'], 0, 86_400_000) ?? DEFAULT_OPTIONS.applyDelayMs,
    resetTtlS: integer('reset-ttl-s', v['reset-ttl-s'], 1, 31_536_000) ?? DEFAULT_OPTIONS.resetTtlS,
    ...(v.outbox !== undefined ? { outbox: v.outbox } : {}),
    ...(v.data !== undefined ? { data: v.data } : {}),
    trustProxy: v['trust-proxy'] ?? false,
  };
}
