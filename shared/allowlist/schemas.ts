import { z } from 'zod';
import { MODES } from './model.ts';

/**
 * The zod shapes of the allowlist model (shared/allowlist/model.ts holds its rules and types, and
 * loads no zod: the import pipeline and the CLI's spreadsheet commands run without it, measured
 * ~75 ms of start-up for its 95 modules).
 */
export const ModeSchema = z.enum(MODES);

/**
 * One entry as stored and sent: `ip` is whatever the admin typed in the address field (it is
 * validated, never silently rewritten), `cidr` an integer 0-32 or null.
 */
export const EntrySchema = z.object({
  ip: z.string(),
  cidr: z.number().int().nullable(),
  memo: z.string(),
});

export const ConfigSchema = z.object({
  mode: ModeSchema,
  entries: z.array(EntrySchema),
});

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
