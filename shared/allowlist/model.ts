import { z } from 'zod';

/**
 * The allowlist model, shaped like the service's own setting.
 *
 * Mode "Allow all" or "Allow specific IP addresses"; each entry is an IPv4 address, an optional
 * CIDR prefix (null: a single address written without one) and a memo.
 */
export const MODES = ['ALLOW_ALL', 'ALLOW_SPECIFIC'] as const;
export const ModeSchema = z.enum(MODES);
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

/**
 * One entry as stored and sent: `ip` is whatever the admin typed in the address field (it is
 * validated, never silently rewritten), `cidr` an integer 0-32 or null.
 */
export const EntrySchema = z.object({
  ip: z.string(),
  cidr: z.number().int().nullable(),
  memo: z.string(),
});
export type Entry = z.infer<typeof EntrySchema>;

export const ConfigSchema = z.object({
  mode: ModeSchema,
  entries: z.array(EntrySchema),
});
export type Config = z.infer<typeof ConfigSchema>;

/** Severity of a problem: an error blocks a save, a warning is shown and may be accepted. */
export type Severity = 'error' | 'warning';

/**
 * A problem found in a config, an entry, an input line or a spreadsheet row.
 *
 * `code` is a stable UPPER_SNAKE string shared by CLI, service, IPC and UI; `message` is the
 * English sentence (the UI translates by code and `params`). `index` is the entry index (0-based)
 * when the problem belongs to an entry; `row` the spreadsheet row (1-based, as shown) for imports.
 */
export const ProblemSchema = z.object({
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  message: z.string(),
  index: z.number().int().optional(),
  field: z.enum(['ip', 'cidr', 'memo', 'mode', 'entries']).optional(),
  row: z.number().int().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
export type Problem = z.infer<typeof ProblemSchema>;

/** Exhaustiveness check for switches over unions (GitHub Desktop's `assertNever`). */
export function assertNever(value: never, message = 'Unexpected value'): never {
  throw new Error(`${message}: ${JSON.stringify(value)}`);
}
