import type { z } from 'zod';
import type { ConfigSchema, EntrySchema, ModeSchema, ProblemSchema } from './schemas.ts';

/**
 * The allowlist model, shaped like the service's own setting.
 *
 * Mode "Allow all" or "Allow specific IP addresses"; each entry is an IPv4 address, an optional
 * CIDR prefix (null: a single address written without one) and a memo. The zod shapes of these
 * types are in schemas.ts (this module loads no zod).
 */
export const MODES = ['ALLOW_ALL', 'ALLOW_SPECIFIC'] as const;
export type Mode = z.infer<typeof ModeSchema>;

/** The service's documented limit on entries; the live value comes from `limits.maxEntries`. */
export const DEFAULT_MAX_ENTRIES = 1000;
/** The service refuses a memo longer than this (docs/service-contract.md, PUT validation). */
export const MAX_MEMO_LENGTH = 1000;

/** Where a profile's entry limit comes from (the admin's setting, the service, the default). */
export type EntryLimitSource = 'profile' | 'service' | 'default';

/**
 * The entry limit a list is checked against: the admin's own limit in the profile, else the
 * service's `limits.maxEntries` (known after a pull), else the documented default. The one place
 * that decides it: the editor, the import and the plan all take it from here.
 */
export function entryLimit(
  profileMax: number | null | undefined,
  serviceMax: number | null | undefined,
): { max: number; source: EntryLimitSource } {
  if (profileMax != null) return { max: profileMax, source: 'profile' };
  if (serviceMax != null) return { max: serviceMax, source: 'service' };
  return { max: DEFAULT_MAX_ENTRIES, source: 'default' };
}

/** One entry as stored and sent (EntrySchema): `ip` as typed, `cidr` an integer 0-32 or null. */
export type Entry = z.infer<typeof EntrySchema>;

export type Config = z.infer<typeof ConfigSchema>;

/** Severity of a problem: an error blocks a save, a warning is shown and may be accepted. */
export type Severity = 'error' | 'warning';

/** A problem of a config, an entry, an input line or a spreadsheet row (ProblemSchema). */
export type Problem = z.infer<typeof ProblemSchema>;

/** Exhaustiveness check for switches over unions (GitHub Desktop's `assertNever`). */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
