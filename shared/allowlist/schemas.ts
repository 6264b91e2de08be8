import {
  array,
  config,
  enum as zEnum,
  int,
  nullable,
  number,
  object,
  optional,
  record,
  string,
  union,
} from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { MODES } from './model.ts';

/**
 * The zod shapes of the allowlist model (shared/allowlist/model.ts holds its rules and types, and
 * loads no zod: the import pipeline and the CLI's spreadsheet commands run without it).
 *
 * Written with zod/mini, whose functions a bundle keeps only as used: the CLI's bundle loads
 * ~30 KB of zod for a JSON list instead of ~650 KB (measured: 3-4 ms against 15-19 ms of
 * start-up). The schemas are zod schemas like any other: zod's classic API takes them in its
 * objects. zod/mini sets no language for its messages; English is set here, as classic zod does.
 */
config(en());

export const ModeSchema = zEnum(MODES);

/**
 * One entry as stored and sent: `ip` is whatever the admin typed in the address field (it is
 * validated, never silently rewritten), `cidr` an integer 0-32 or null.
 */
export const EntrySchema = object({
  ip: string(),
  cidr: nullable(int()),
  memo: string(),
});

export const ConfigSchema = object({
  mode: ModeSchema,
  entries: array(EntrySchema),
});

/**
 * A problem found in a config, an entry, an input line or a spreadsheet row.
 *
 * `code` is a stable UPPER_SNAKE string shared by CLI, service, IPC and UI; `message` is the
 * English sentence (the UI translates by code and `params`). `index` is the entry index (0-based)
 * when the problem belongs to an entry; `row` the spreadsheet row (1-based, as shown) for imports.
 */
export const ProblemSchema = object({
  code: string(),
  severity: zEnum(['error', 'warning']),
  message: string(),
  index: optional(int()),
  field: optional(zEnum(['ip', 'cidr', 'memo', 'mode', 'entries'])),
  row: optional(int()),
  params: optional(record(string(), union([string(), number()]))),
});
