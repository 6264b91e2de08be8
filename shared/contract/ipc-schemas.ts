import { z } from 'zod';
import { ConfigSchema, EntrySchema, ModeSchema, ProblemSchema } from '../allowlist/schemas.ts';
import { IpcErrorSchema } from './ipc-errors.ts';
import { ApplyStateSchema } from './service.ts';
import { SYNC_STATES } from '../sync/status.ts';

/**
 * Data shapes that cross the IPC boundary (inputs and outputs of shared/contract/ipc.ts).
 *
 * Inputs are untrusted (the renderer may be compromised): strict objects, bounded strings and
 * arrays. Outputs are parsed too before they leave main, so an extra field (a secret) is stripped.
 */

/** Bounds on what the renderer may send: generous for real lists, small enough to refuse abuse. */
export const IPC_LIMITS = {
  /** Entries in one config sent over IPC (the service's own limit is checked by validation). */
  maxEntries: 100_000,
  maxIpLength: 200,
  /** Ten times the service's memo limit (MAX_MEMO_LENGTH): room to show and fix a long memo. */
  maxMemoLength: 10_000,
  /**
   * Text of one whole list (ip + memo characters): the largest answer the app reads from a service
   * (MAX_RESPONSE_BYTES, 32 MiB), four times the reference service's request limit at its default
   * 1,000 entries. Keeps a compromised renderer from handing main hundreds of MB per autosave.
   */
  maxConfigChars: 32 * 1024 * 1024,
  /**
   * Largest file sent for import: the import's own limit (shared/import DEFAULT_IMPORT_LIMITS
   * .maxFileBytes, 50 MiB), so the renderer, the dialog and the worker refuse at the same size
   * (test/unit/shared/contract/import-limit.test.ts keeps them equal).
   */
  maxImportBytes: 50 * 1024 * 1024,
} as const;

export const ProfileIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, 'A profile id is 1-64 letters, digits, "-" or "_".');

/** An entry as the renderer may send it: any text in the fields (validation reports problems). */
export const IpcEntrySchema = z.strictObject({
  ip: z.string().max(IPC_LIMITS.maxIpLength),
  cidr: z.number().int().min(-1_000_000).max(1_000_000).nullable(),
  memo: z.string().max(IPC_LIMITS.maxMemoLength),
});

export const IpcConfigSchema = z
  .strictObject({
    mode: ModeSchema,
    entries: z
      .array(IpcEntrySchema)
      .max(
        IPC_LIMITS.maxEntries,
        `A list can hold at most ${IPC_LIMITS.maxEntries.toLocaleString('en-US')} entries here.`,
      ),
  })
  .superRefine((config, ctx) => {
    let chars = 0;
    for (const entry of config.entries) chars += entry.ip.length + entry.memo.length;
    if (chars > IPC_LIMITS.maxConfigChars)
      ctx.addIssue({
        code: 'custom',
        message: `The list is too large: ${Math.ceil(chars / 1048576)} MB of text, the limit is ${IPC_LIMITS.maxConfigChars / 1048576} MB.`,
      });
  });

/** A problem (shared/allowlist/model.ts). */
export { ProblemSchema };

/** One address that must keep access (another admin, an integration server). */
export const ProtectedAddressSchema = z.strictObject({
  ip: z.string().min(1).max(IPC_LIMITS.maxIpLength),
  label: z.string().max(200),
});
export type ProtectedAddress = z.infer<typeof ProtectedAddressSchema>;

/**
 * How a profile's list reaches the service: `api`, the admin API the app calls; `cybozu-store`,
 * a cybozu.com tenant (no admin API for IP address restrictions): the admin uploads the app's CSV
 * on the cybozu.com Store and confirms it (electron/core/handoff.ts).
 */
export const ProfileKindSchema = z.enum(['api', 'cybozu-store']);
export type ProfileKind = z.infer<typeof ProfileKindSchema>;

/** A profile as the renderer sees it: never the password, only whether the keychain holds one. */
export const ProfileSchema = z.object({
  id: ProfileIdSchema,
  name: z.string(),
  serviceUrl: z.string(),
  login: z.string(),
  protectedAddresses: z.array(ProtectedAddressSchema),
  /** Limit set by the admin; null: use the service's `limits.maxEntries`. */
  maxEntries: z.number().int().positive().nullable(),
  hasPassword: z.boolean(),
  demo: z.boolean(),
  createdAt: z.string(),
  /** Absent in profiles written before kinds existed: the admin API. */
  kind: ProfileKindSchema.default('api'),
});
export type ProfileView = z.infer<typeof ProfileSchema>;

export const ProfileFieldsSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  serviceUrl: z.string().trim().min(1).max(2000),
  /** Required for `api` profiles (main refuses an empty one); a `cybozu-store` profile has none. */
  login: z.string().max(500),
  kind: ProfileKindSchema.optional(),
  protectedAddresses: z.array(ProtectedAddressSchema).max(1000).optional(),
  maxEntries: z.number().int().positive().max(1_000_000).nullable().optional(),
});

export const PasswordSchema = z.string().min(1).max(1000);

export const SnapshotSchema = z.object({
  revision: z.string(),
  ...ConfigSchema.shape,
  pulledAt: z.string(),
  maxEntries: z.number().int().positive(),
});

/** A config and an entry as main sends them: the model's own shapes (shared/allowlist/model.ts). */
export const ConfigOutSchema = ConfigSchema;
const EntryOutSchema = EntrySchema;

/**
 * The restriction the service's list turned off (see DraftSchema.restrictionOff): the revision
 * known before and its entries.
 */
const RestrictionOffSchema = z
  .object({ revision: z.string(), entries: z.array(EntryOutSchema) })
  .nullable()
  .default(null);

/** One conflict of a three-way merge, for the UI to resolve (never resolved silently). */
export const ConflictSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('mode'),
    /**
     * changed-both: both sides changed the mode; remote-changed-while-editing: the service's mode
     * changed (a Reset URL sets "Allow all") while the admin edited entries.
     */
    reason: z
      .enum(['changed-both', 'remote-changed-while-editing', 'unconfirmed-save'])
      .default('changed-both'),
    base: ModeSchema,
    local: ModeSchema,
    remote: ModeSchema,
  }),
  z.object({
    id: z.string(),
    kind: z.literal('entry'),
    /** Network key (normalized ip/cidr). */
    key: z.string(),
    reason: z.enum([
      'deleted-vs-changed',
      'changed-both',
      'added-both-different',
      'unconfirmed-save',
    ]),
    base: z.nullable(EntryOutSchema),
    local: z.nullable(EntryOutSchema),
    remote: z.nullable(EntryOutSchema),
  }),
]);
export type ConflictView = z.infer<typeof ConflictSchema>;

export const ChangeSummarySchema = z.object({
  added: z.number().int(),
  removed: z.number().int(),
  memoChanged: z.number().int(),
  modeChanged: z.boolean(),
});

export const LockoutCheckSchema = z.object({
  ip: z.string(),
  reason: z.enum(['self', 'protected']),
  label: z.string().optional(),
  allowed: z.boolean(),
});

/** A pending merge: remote moved while the draft had local changes. */
export const MergeSchema = z.object({
  baseRevision: z.string(),
  remoteRevision: z.string(),
  remote: ConfigOutSchema,
  /** Result with every non-conflicting change applied; conflicts still hold the local side. */
  merged: ConfigOutSchema,
  local: ChangeSummarySchema,
  remoteChanges: ChangeSummarySchema,
  conflicts: z.array(ConflictSchema),
  /**
   * Addresses the merged list (conflicts on the admin's side) would not let in: the admin's own
   * (as the service saw it when the merge was made) and protected ones. Shown on the merge screen.
   */
  lostAccess: z.array(LockoutCheckSchema),
});
export type MergeView = z.infer<typeof MergeSchema>;

export const DraftSchema = z.object({
  profileId: ProfileIdSchema,
  /** Last pulled state; null before the first pull. */
  base: SnapshotSchema.nullable(),
  working: ConfigOutSchema,
  updatedAt: z.string(),
  /** Working copy differs from base. */
  dirty: z.boolean(),
  merge: MergeSchema.nullable(),
  /**
   * The service's list is "Allow all" while the revision known before restricted access with
   * these entries (a Reset URL, or someone turning the restriction off); null otherwise.
   */
  restrictionOff: RestrictionOffSchema,
});
export type DraftView = z.infer<typeof DraftSchema>;

/** Where the draft stands against the service (shared/sync/status.ts); every sync call returns it. */
export const SyncStatusSchema = z.object({
  state: z.enum(SYNC_STATES),
  /** The service's revision when it was last read; null when it could not be read. */
  remoteRevision: z.string().nullable(),
  /** English text of the state (the renderer shows its own translation of `state`). */
  message: z.string(),
  /** The error code when the service could not be read. */
  errorCode: z.string().nullable(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

/**
 * What a pull found: the service's changes since the draft's base and the admin's edits in the
 * draft, both counted against that base ("the service changed 3 entries; your 2 edits are kept"),
 * and the two sides as they were before the pull (the renderer shows them after a merge).
 */
export const PullChangesSchema = z.object({
  /** The base before the pull; null before the first pull (both sides count from empty). */
  base: z.object({ revision: z.string(), config: ConfigOutSchema }).nullable(),
  /** The working copy before the pull: the admin's side. */
  mine: ConfigOutSchema,
  /** The revision the service holds now. */
  remoteRevision: z.string(),
  remote: ChangeSummarySchema,
  local: ChangeSummarySchema,
});
export type PullChangesView = z.infer<typeof PullChangesSchema>;

/** The outcome of a pull: the new draft, what changed on each side, and the sync status. */
export const PullResultSchema = z.object({
  status: z.enum(['updated', 'up-to-date', 'merged', 'conflicts']),
  draft: DraftSchema,
  changes: PullChangesSchema,
  sync: SyncStatusSchema,
});
export type PullResultView = z.infer<typeof PullResultSchema>;

export const DiffSchema = z.object({
  modeChanged: z.object({ from: ModeSchema, to: ModeSchema }).nullable(),
  added: z.array(EntryOutSchema),
  removed: z.array(EntryOutSchema),
  memoChanged: z.array(z.object({ before: EntryOutSchema, after: EntryOutSchema })),
  /** Same network written differently (`10.0.0.5/24` -> `10.0.0.0/24`). */
  rewritten: z.array(z.object({ before: EntryOutSchema, after: EntryOutSchema })),
  unchanged: z.number().int(),
});

/** Plan of a push: what changes, what is wrong, who would lose access. */
export const PlanSchema = z.object({
  planId: z.string(),
  profileId: ProfileIdSchema,
  baseRevision: z.string(),
  config: ConfigOutSchema,
  diff: DiffSchema,
  problems: z.array(ProblemSchema),
  /** Errors that block the push whatever the confirmation (validation errors, empty ALLOW_SPECIFIC). */
  blockers: z.array(ProblemSchema),
  lockout: z.object({
    /** The caller's address as the service sees it; null when it could not be asked. */
    clientIp: z.string().nullable(),
    clientIpError: z.string().nullable(),
    checks: z.array(LockoutCheckSchema),
    /** At least one check is not allowed by the planned list. */
    excludesSomeone: z.boolean(),
  }),
  /** Phrase the admin must type to push a plan that removes own or protected access. */
  confirmationPhrase: z.string().nullable(),
  canPush: z.boolean(),
  /** Set while the plan keeps the restriction off that was on before (see DraftSchema). */
  restrictionOff: RestrictionOffSchema,
  createdAt: z.string(),
});
export type PlanView = z.infer<typeof PlanSchema>;

export const ApplyStatusSchema = z.object({
  profileId: ProfileIdSchema,
  phase: z.enum(['idle', 'applying', 'applied', 'verified', 'locked-out', 'offline', 'error']),
  revision: z.string().nullable(),
  serviceState: ApplyStateSchema.nullable(),
  pushedAt: z.string().nullable(),
  appliedAt: z.string().nullable(),
  /** Locked out: the caller's address as the service reported it. */
  clientIp: z.string().nullable(),
  /** Locked out: the Reset URL from the e-mail works until this time (one hour). */
  resetDeadline: z.string().nullable(),
  /** History item to restore (the revision before the push), when there is one. */
  restoreHistoryId: z.string().nullable(),
  /** English, for logs and the CLI; the window shows `problem` in its language when there is one. */
  message: z.string(),
  /** Phase `error`: what failed, as an error code + params with its text in shared/i18n. */
  problem: IpcErrorSchema.optional(),
});
export type ApplyStatusView = z.infer<typeof ApplyStatusSchema>;

export const HistoryItemSchema = z.object({
  id: z.string(),
  profileId: ProfileIdSchema,
  revision: z.string(),
  previousRevision: z.string().nullable(),
  pushedAt: z.string(),
  config: ConfigOutSchema,
  summary: ChangeSummarySchema,
  /** `pushed` from this app; `pulled`: the revision that was live before the first push (for restore). */
  source: z.enum(['pushed', 'pulled']),
  /** false: after the save, the service did not show this list at this revision. */
  confirmed: z.boolean(),
});
export type HistoryItemView = z.infer<typeof HistoryItemSchema>;

/** Column mapping of an import (shared/import ColumnMapping: 0-based column indexes, 1-based rows). */
export const ColumnMappingSchema = z.strictObject({
  headerRow: z.number().int().min(1).max(10_000_000).nullable(),
  dataStartRow: z.number().int().min(1).max(10_000_000),
  ip: z.number().int().min(0).max(100_000),
  prefix: z.number().int().min(0).max(100_000).nullable(),
  memo: z.number().int().min(0).max(100_000).nullable(),
});

export const ImportOptionsSchema = z.strictObject({
  sheet: z.string().max(500).optional(),
  mapping: ColumnMappingSchema.optional(),
  /** The profile's entry limit (entryLimit in shared/allowlist/model.ts), for TOO_MANY_ENTRIES. */
  maxEntries: z.number().int().positive().max(1_000_000).optional(),
});
export type ImportOptionsView = z.infer<typeof ImportOptionsSchema>;

export const ImportResultSchema = z.object({
  jobId: z.string(),
  fileName: z.string(),
  entries: z.array(z.object({ ...EntrySchema.shape, row: z.number().int() })),
  problems: z.array(ProblemSchema),
  mapping: ColumnMappingSchema,
  /** Header cells of the chosen sheet (empty without a header row). */
  headers: z.array(z.string()),
  stats: z.object({
    format: z.string(),
    encoding: z.string().optional(),
    delimiter: z.string().optional(),
    rows: z.number().int(),
    blankRows: z.number().int(),
    importedRows: z.number().int(),
    errorRows: z.number().int(),
    entries: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
  }),
  sheets: z.array(z.string()).optional(),
  sheet: z.string().optional(),
});
export type ImportResultView = z.infer<typeof ImportResultSchema>;

export const JobIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const ImpactSchema = z.object({
  fileName: z.string(),
  lines: z.number().int(),
  addresses: z.number().int(),
  /** Addresses allowed by the live list and denied by the draft. */
  losingAccess: z.number().int(),
  gainingAccess: z.number().int(),
  deniedByDraft: z.number().int(),
  topDenied: z.array(
    z.object({ ip: z.string(), count: z.number().int(), allowedLive: z.boolean() }),
  ),
});

export const LocaleSchema = z.enum(['en', 'ja']);
export const LocalePreferenceSchema = z.enum(['en', 'ja', 'system']);

export const NoticeSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** What a save (`sync:push`) ended in. */
export const PushOutcomeSchema = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('pushed'),
    revision: z.string(),
    apply: ApplyStatusSchema,
    /** The read-back after the PUT showed the pushed list at this revision. */
    confirmed: z.boolean(),
    /** Not confirmed: what the admin is told (the history item is marked unconfirmed). */
    message: z.string().nullable(),
    /** The draft after the push (edits autosaved during the PUT are kept in it). */
    draft: DraftSchema,
    /** The draft against the list read back after the PUT. */
    sync: SyncStatusSchema,
  }),
  z.object({ status: z.literal('remote-changed'), draft: DraftSchema, sync: SyncStatusSchema }),
]);
export type PushOutcome = z.infer<typeof PushOutcomeSchema>;
