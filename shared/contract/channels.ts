import { z } from 'zod';
import {
  ApplyStatusSchema,
  DraftSchema,
  HistoryItemSchema,
  IPC_LIMITS,
  ImpactSchema,
  ImportOptionsSchema,
  ImportResultSchema,
  IpcConfigSchema,
  JobIdSchema,
  LocalePreferenceSchema,
  LocaleSchema,
  NoticeSchema,
  PasswordSchema,
  PlanSchema,
  ProfileFieldsSchema,
  ProfileIdSchema,
  ProfileSchema,
  PullResultSchema,
  PushOutcomeSchema,
  SyncStatusSchema,
} from './ipc-schemas.ts';
import {
  EgressSchema,
  HandoffPrepareSchema,
  HandoffStatusSchema,
  SignInCheckSchema,
} from './handoff-schemas.ts';

/**
 * The IPC contract: every channel between renderer and main, as data.
 *
 * Each channel has a name `area:verb`, a zod input schema (the renderer is untrusted: strict
 * objects, bounded sizes) and a zod output schema. Main registers one handler per channel through
 * `handle()` (electron/ipc/handle.ts); the preload exposes exactly these channels on
 * `window.allowlist` as `allowlist.<area>.<verb in camelCase>(input)`; the renderer's types come
 * from `AllowlistApi` below. No channel returns a secret or takes a file path: file pickers run
 * in main. Names are stable: extend, never rename.
 */

const NoInput = z.strictObject({});
const ByProfile = z.strictObject({ profileId: ProfileIdSchema });
const Canceled = z.object({ canceled: z.literal(true) });

/** Every invoke channel (renderer → main → result). */
export const channels = {
  // --- profiles ---
  /** All profiles and the last selected one. */
  'profiles:list': {
    input: NoInput,
    output: z.object({ profiles: z.array(ProfileSchema), selectedId: ProfileIdSchema.nullable() }),
  },
  /** Create a profile; the password (optional) goes to the keychain, never back. */
  'profiles:create': {
    input: z.strictObject({ fields: ProfileFieldsSchema, password: PasswordSchema.optional() }),
    output: ProfileSchema,
  },
  /** Change name, URL, login, protected addresses or limit. */
  'profiles:update': {
    input: z.strictObject({ profileId: ProfileIdSchema, fields: ProfileFieldsSchema.partial() }),
    output: ProfileSchema,
  },
  /** Remove a profile, its draft, history and keychain item. */
  'profiles:remove': { input: ByProfile, output: z.object({ removed: z.literal(true) }) },
  /** Remember the selected profile. */
  'profiles:select': { input: ByProfile, output: z.object({ selectedId: ProfileIdSchema }) },
  /** Save (or replace) the password in the OS keychain. */
  'profiles:set-password': {
    input: z.strictObject({ profileId: ProfileIdSchema, password: PasswordSchema }),
    output: z.object({ hasPassword: z.boolean() }),
  },
  /** Start the built-in reference service in-process and return the demo profile. */
  'profiles:demo-start': { input: NoInput, output: ProfileSchema },

  // --- draft (offline working copy, autosaved) ---
  'draft:get': { input: ByProfile, output: DraftSchema },
  /** Autosave: the renderer sends the working copy after every change (debounced). */
  'draft:save': {
    input: z.strictObject({ profileId: ProfileIdSchema, working: IpcConfigSchema }),
    output: z.object({ updatedAt: z.string(), dirty: z.boolean() }),
  },

  // --- sync (each call does the whole step and returns what the window shows) ---
  /** Remote state without touching the draft: up to date, local changes, remote changed, offline. */
  'sync:status': { input: ByProfile, output: SyncStatusSchema },
  /**
   * GET the list; no local changes: base = working = remote; local changes and remote moved:
   * merge. Returns the draft, what changed on each side since the base, and the sync status.
   */
  'sync:pull': { input: ByProfile, output: PullResultSchema },
  /**
   * Throw the local changes (and a pending merge) away, then pull. Nothing is sent to the
   * service. When the pull fails (offline), the discard stands and the outcome says why.
   */
  'sync:discard-and-pull': {
    input: ByProfile,
    output: z.discriminatedUnion('outcome', [
      PullResultSchema.extend({ outcome: z.literal('pulled') }),
      z.object({
        outcome: z.literal('pull-failed'),
        draft: DraftSchema,
        sync: SyncStatusSchema,
        error: z.object({ code: z.string(), message: z.string() }),
      }),
    ]),
  },
  /** Diff base → working, validation and lockout analysis with the service-reported client IP. */
  'sync:plan': { input: ByProfile, output: PlanSchema },
  /**
   * PUT the planned list with If-Match. A plan that excludes the admin or a protected address
   * needs `confirmation` equal to the plan's `confirmationPhrase`; without it the service is not
   * called. Remote moved (or 412): status `remote-changed` with the merge to resolve, then plan again.
   */
  'sync:push': {
    input: z.strictObject({
      profileId: ProfileIdSchema,
      planId: z.string().max(100),
      confirmation: z.string().max(500).optional(),
    }),
    output: PushOutcomeSchema,
  },

  // --- merge ---
  /** Resolve every conflict (local or remote side); the draft's base becomes the remote revision. */
  'merge:resolve': {
    input: z.strictObject({
      profileId: ProfileIdSchema,
      resolutions: z
        .array(z.strictObject({ id: z.string().max(500), choice: z.enum(['local', 'remote']) }))
        .max(IPC_LIMITS.maxEntries),
    }),
    output: DraftSchema,
  },

  // --- apply ---
  'apply:status': { input: ByProfile, output: ApplyStatusSchema },
  /** Ask the service again now: still APPLYING, verified access, or locked out. */
  'apply:probe': { input: ByProfile, output: ApplyStatusSchema },

  // --- history ---
  'history:list': { input: ByProfile, output: z.array(HistoryItemSchema) },
  /**
   * Put a pushed revision into the working copy, against the list the service holds now (read
   * here; offline: the last pulled base); it is then saved through the normal plan.
   */
  'history:restore': {
    input: z.strictObject({ profileId: ProfileIdSchema, historyId: z.string().max(100) }),
    output: z.object({ draft: DraftSchema, sync: SyncStatusSchema }),
  },

  // --- import (main opens the file; the renderer never names a path) ---
  /** Open-file dialog in main, parse in a worker; progress on `import:progress`; cancel by jobId. */
  'import:open': {
    input: z.strictObject({ jobId: JobIdSchema, options: ImportOptionsSchema.optional() }),
    output: z.union([ImportResultSchema, Canceled]),
  },
  /** Bytes of a file dropped on the window (read by the renderer from the drop event). */
  'import:bytes': {
    input: z.strictObject({
      jobId: JobIdSchema,
      fileName: z.string().max(500),
      bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= IPC_LIMITS.maxImportBytes, {
        message: 'The file is too large to import.',
      }),
      options: ImportOptionsSchema.optional(),
    }),
    output: z.union([ImportResultSchema, Canceled]),
  },
  /** Parse the same file again with another sheet or mapping (the bytes stay in main). */
  'import:reparse': {
    input: z.strictObject({
      jobId: JobIdSchema,
      newJobId: JobIdSchema,
      options: ImportOptionsSchema,
    }),
    output: z.union([ImportResultSchema, Canceled]),
  },
  'import:cancel': {
    input: z.strictObject({ jobId: JobIdSchema }),
    output: z.object({ canceled: z.boolean() }),
  },

  // --- export (save dialog in main) ---
  'export:save': {
    input: z.strictObject({
      profileId: ProfileIdSchema,
      format: z.enum(['cybozu-csv', 'csv', 'xlsx']),
      source: z.enum(['working', 'base']),
      /**
       * What to do when the file would leave out entries (a memo Shift_JIS cannot hold, an entry
       * with errors): `refuse` (default) writes nothing and answers `refused`; `replace` writes
       * "?" for the characters Shift_JIS lacks (entries with errors still refuse); `drop` writes
       * the file without them. Only an explicit choice of the user ever sets it.
       */
      leftOut: z.enum(['refuse', 'replace', 'drop']).optional(),
    }),
    output: z.union([
      /** Nothing was written (no dialog shown): these entries would be left out of the file. */
      z.object({
        canceled: z.literal(false),
        refused: z.literal(true),
        entries: z.number().int(),
        leftOut: z.array(
          z.object({ index: z.number().int(), reason: z.enum(['unencodable', 'errors']) }),
        ),
        problems: z.array(z.unknown()),
      }),
      z.object({
        canceled: z.literal(false),
        fileName: z.string(),
        /** Entries in the exported list. */
        entries: z.number().int(),
        /** Entries actually in the saved file (the others are named in `problems`). */
        written: z.number().int(),
        problems: z.array(z.unknown()),
      }),
      z.object({ canceled: z.literal(true) }),
    ]),
  },

  // --- preview ---
  /** Choose a login log in a dialog; who would lose access under the draft. */
  'preview:impact': { input: ByProfile, output: z.union([ImpactSchema, Canceled]) },

  // --- app ---
  'app:info': {
    input: NoInput,
    output: z.object({
      name: z.string(),
      version: z.string(),
      platform: z.string(),
      packaged: z.boolean(),
      systemLocale: LocaleSchema,
      locale: LocalePreferenceSchema,
    }),
  },
  'app:set-locale': {
    input: z.strictObject({ locale: LocalePreferenceSchema }),
    output: z.object({ locale: LocalePreferenceSchema }),
  },
  /** Things the user must be told once (a corrupt store file moved aside); cleared when read. */
  'app:notices': { input: NoInput, output: z.array(NoticeSchema) },

  // === hand-off: cybozu.com tenants saved on the cybozu.com Store (no admin API) ===
  // electron/services/handoff.ts. Every channel refuses a profile of the other kind; none calls
  // the tenant with a login (the profile has no password).
  /** The list in force, the file waiting to be saved on the Store, the last confirmed save. */
  'handoff:status': { input: ByProfile, output: HandoffStatusSchema },
  /** The admin states the list in force on the Store (typed or imported): "as stated by you". */
  'handoff:set-in-force': {
    input: z.strictObject({ profileId: ProfileIdSchema, config: IpcConfigSchema }),
    output: z.object({ draft: DraftSchema, status: HandoffStatusSchema }),
  },
  /** The API profiles' plan against the list in force, the admin's address from the egress check. */
  'handoff:plan': {
    input: ByProfile,
    output: z.object({ plan: PlanSchema, egress: EgressSchema }),
  },
  /** Re-check the plan (and the lockout phrase), then save the Store's CSV (dialog / download). */
  'handoff:prepare': {
    input: z.strictObject({
      profileId: ProfileIdSchema,
      planId: z.string().max(100),
      confirmation: z.string().max(500).optional(),
    }),
    output: HandoffPrepareSchema,
  },
  /** "Saved on the Store?" — yes: history, list in force, Reset URL hour. */
  'handoff:confirm': {
    input: ByProfile,
    output: z.object({ draft: DraftSchema, status: HandoffStatusSchema }),
  },
  /** The file was not saved on the Store: forget it. */
  'handoff:cancel': { input: ByProfile, output: HandoffStatusSchema },
  /** Access is back through "Allow all" on the Store: that is the list in force now. */
  'handoff:access-back': {
    input: ByProfile,
    output: z.object({ draft: DraftSchema, status: HandoffStatusSchema }),
  },
  /** Stop following the last save (recovery closed). */
  'handoff:dismiss': { input: ByProfile, output: HandoffStatusSchema },
  /** Ask the "what is my IP" endpoints now. */
  'handoff:egress': { input: NoInput, output: EgressSchema },
  /** The endpoints in use and the defaults. */
  'handoff:endpoints': {
    input: NoInput,
    output: z.object({ endpoints: z.array(z.string()), defaults: z.array(z.string()) }),
  },
  /** Replace the endpoints (https, or http to this computer; 1-10); null: the defaults. */
  'handoff:set-endpoints': {
    input: z.strictObject({ endpoints: z.array(z.string().max(2000)).max(10).nullable() }),
    output: z.object({ endpoints: z.array(z.string()), defaults: z.array(z.string()) }),
  },
  /** Request the tenant's login page from this computer; the HTTP status for the admin to judge. */
  'handoff:check-sign-in': { input: ByProfile, output: SignInCheckSchema },
} as const;

/** Events main → renderer (no reply). */
export const events = {
  'import:progress': z.object({
    jobId: JobIdSchema,
    done: z.number(),
    total: z.number(),
  }),
  'apply:state': ApplyStatusSchema,
  'app:notice': NoticeSchema,
} as const;
