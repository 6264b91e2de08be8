import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../../shared/allowlist/schemas.ts';
import {
  ApplyStatusSchema,
  ChangeSummarySchema,
  ConflictSchema,
  LockoutCheckSchema,
  ProfileKindSchema,
  ProfileSchema,
} from '../../shared/contract/ipc-schemas.ts';
import {
  openDocument,
  type DocumentFile,
  type OpenConf,
  type StoreNotice,
} from './document-file.ts';
import { HandoffDocSchema, type HandoffDoc } from './handoff-store.ts';
import { setAsideBadProfiles } from './profile-set-aside.ts';

/**
 * Profiles, drafts and history on disk (no secrets: passwords live in the keychain only).
 *
 * profiles.json holds profiles and settings; drafts/<profileId>.json one draft each (autosaved on
 * every change, so a big draft does not rewrite everything); history/<profileId>.json the pushed
 * revisions; apply/<profileId>.json the apply tracker's last status while a push is still being
 * followed or has locked the admin out (so a restart keeps the follow-up and the Reset URL window);
 * handoff/<profileId>.json a cybozu.com Store profile's pending file and last confirmed save.
 */

/** A profile as stored: the renderer's view (ProfileSchema) without `hasPassword`, which the keychain answers. */
export const ProfileRecordSchema = ProfileSchema.omit({ hasPassword: true, kind: true }).extend({
  id: z.string(),
  /**
   * How the list reaches the service: `api` (the admin API, the default: profiles written before
   * kinds existed are API profiles) or `cybozu-store` (the admin uploads the CSV on the cybozu.com
   * Store; no password, see electron/core/handoff.ts).
   */
  kind: ProfileKindSchema.optional(),
});
export type ProfileRecord = z.infer<typeof ProfileRecordSchema>;

export const SnapshotRecordSchema = z.object({
  revision: z.string(),
  config: ConfigSchema,
  pulledAt: z.string(),
  maxEntries: z.number().int().positive(),
  /** Where it came from (base identity, shared/sync/base.ts); absent in drafts of older versions. */
  origin: z.string().optional(),
  login: z.string().optional(),
  fingerprint: z.string().optional(),
  /**
   * A hand-off profile's list in force as the admin stated it (typed or imported), not read from
   * the service: shown as such until a list saved on the cybozu.com Store replaces it.
   */
  stated: z.literal(true).optional(),
  /**
   * A save from this base was acknowledged but its read-back did not show it: the service may
   * hold the save, or not, or someone's later change. The next merge asks about every change of
   * ours the service does not show (shared/sync/merge.ts `unconfirmedBase`), never keeps it
   * silently, and never calls the list "up to date".
   */
  unconfirmed: z.literal(true).optional(),
  /**
   * This list is "Allow all" while the revision known before it restricted access with these
   * entries (a Reset URL, or someone turning the restriction off): the plan says the restriction
   * stays off, and one click turns it back on with them (shared/sync/restriction-off.ts).
   */
  restrictionOff: z
    .object({ revision: z.string(), entries: ConfigSchema.shape.entries })
    .optional(),
});
export type SnapshotRecord = z.infer<typeof SnapshotRecordSchema>;

export const MergeRecordSchema = z.object({
  baseRevision: z.string(),
  remote: SnapshotRecordSchema,
  merged: ConfigSchema,
  local: ChangeSummarySchema,
  remoteChanges: ChangeSummarySchema,
  conflicts: z.array(ConflictSchema),
  /** The caller's address as the service reported it when the merge was made (null: unknown). */
  callerIp: z.string().nullable().default(null),
  /** Who the merged list would lock out (see MergeSchema.lostAccess). */
  lostAccess: z.array(LockoutCheckSchema).default([]),
});
export type MergeRecord = z.infer<typeof MergeRecordSchema>;

export const DraftRecordSchema = z.object({
  profileId: z.string(),
  base: SnapshotRecordSchema.nullable(),
  working: ConfigSchema,
  updatedAt: z.string(),
  merge: MergeRecordSchema.nullable(),
});
export type DraftRecord = z.infer<typeof DraftRecordSchema>;

export const HistoryRecordSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  revision: z.string(),
  previousRevision: z.string().nullable(),
  pushedAt: z.string(),
  config: ConfigSchema,
  summary: ChangeSummarySchema,
  source: z.enum(['pushed', 'pulled']).default('pushed'),
  /** false: the read-back after the save did not show the pushed list (the admin was told). */
  confirmed: z.boolean().default(true),
});
export type HistoryRecord = z.infer<typeof HistoryRecordSchema>;
/** A history item as written (defaults filled in when read). */
export type HistoryRecordInput = z.input<typeof HistoryRecordSchema>;

/**
 * The apply tracker's status worth keeping across a restart.
 *
 * Only `applying` (resume following) and `locked-out` (Reset URL deadline, restore offer) are
 * kept; no secrets (the client address is the one the service reports, not a credential).
 */
export const ApplyRecordSchema = ApplyStatusSchema.extend({
  phase: z.enum(['applying', 'locked-out']),
  revision: z.string(),
  pushedAt: z.string(),
  /** Fingerprint of the pushed list (base-identity.ts): what the service must show after a restart too. */
  expected: z.string().optional(),
});
export type ApplyRecord = z.infer<typeof ApplyRecordSchema>;

const SettingsSchema = z.object({
  selectedId: z.string().nullable(),
  locale: z.enum(['en', 'ja', 'system']),
  /** "What is my IP" endpoints of hand-off profiles (absent: the defaults, electron/core/egress.ts). */
  egressEndpoints: z.array(z.string()).optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

const ProfilesDocSchema = z.object({
  profiles: z.array(ProfileRecordSchema),
  settings: SettingsSchema,
});
const DraftDocSchema = z.object({ draft: DraftRecordSchema.nullable() });
const HistoryDocSchema = z.object({ items: z.array(HistoryRecordSchema) });
const ApplyDocSchema = z.object({ status: ApplyRecordSchema.nullable() });

/**
 * Version 1 of profiles.json had no settings.locale (kept as an example of a real migration path);
 * version 2 had no profile kind: every profile then talked to the admin API.
 */
const PROFILE_MIGRATIONS = [
  (doc: Record<string, unknown>) => {
    const settings = (doc.settings ?? {}) as Record<string, unknown>;
    return { ...doc, settings: { selectedId: settings.selectedId ?? null, locale: 'system' } };
  },
  (doc: Record<string, unknown>) => ({
    ...doc,
    profiles: Array.isArray(doc.profiles)
      ? doc.profiles.map((p: unknown) =>
          p !== null && typeof p === 'object' && !('kind' in p) ? { ...p, kind: 'api' } : p,
        )
      : doc.profiles,
  }),
];

export type AppStore = {
  listProfiles(): ProfileRecord[];
  getProfile(id: string): ProfileRecord | null;
  saveProfile(profile: ProfileRecord): void;
  /** Remove the profile, its draft, its history and its kept apply status. */
  removeProfile(id: string): void;
  getSettings(): Settings;
  saveSettings(settings: Settings): void;
  getDraft(profileId: string): DraftRecord | null;
  saveDraft(draft: DraftRecord): void;
  listHistory(profileId: string): HistoryRecord[];
  addHistory(item: HistoryRecordInput): void;
  /** The apply status kept for a restart (null: nothing to resume). */
  getApplyRecord(profileId: string): ApplyRecord | null;
  saveApplyRecord(profileId: string, record: ApplyRecord | null): void;
  /** A cybozu.com Store profile's pending file and last confirmed save (electron/core/handoff.ts). */
  getHandoff(profileId: string): HandoffDoc;
  saveHandoff(profileId: string, doc: HandoffDoc): void;
  /** Notices raised while opening files (a corrupt file moved aside); cleared when taken. */
  takeNotices(): StoreNotice[];
};

export type StoreOptions = {
  dir: string;
  openConf?: OpenConf;
  onNotice?: (notice: StoreNotice) => void;
};

/** Open (or create) the data folder. */
export function openStore(options: StoreOptions): AppStore {
  const notices: StoreNotice[] = [];
  const onNotice = (notice: StoreNotice): void => {
    notices.push(notice);
    options.onNotice?.(notice);
  };
  const common = { openConf: options.openConf, onNotice };
  setAsideBadProfiles(options.dir, ProfileRecordSchema, onNotice);
  const profiles = openDocument({
    ...common,
    dir: options.dir,
    name: 'profiles',
    version: 3,
    migrations: PROFILE_MIGRATIONS,
    schema: ProfilesDocSchema,
    empty: () => ({ profiles: [], settings: { selectedId: null, locale: 'system' as const } }),
  });
  const drafts = new Map<string, DocumentFile<z.infer<typeof DraftDocSchema>>>();
  const histories = new Map<string, DocumentFile<z.infer<typeof HistoryDocSchema>>>();
  const safeId = (id: string): string => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('Invalid profile id.');
    return id;
  };
  const draftDoc = (id: string) => {
    let doc = drafts.get(id);
    if (!doc) {
      doc = openDocument({
        ...common,
        dir: join(options.dir, 'drafts'),
        name: safeId(id),
        version: 1,
        migrations: [],
        schema: DraftDocSchema,
        empty: () => ({ draft: null }),
      });
      drafts.set(id, doc);
    }
    return doc;
  };
  const applies = new Map<string, DocumentFile<z.infer<typeof ApplyDocSchema>>>();
  const applyDoc = (id: string) => {
    let doc = applies.get(id);
    if (!doc) {
      doc = openDocument({
        ...common,
        dir: join(options.dir, 'apply'),
        name: safeId(id),
        version: 1,
        migrations: [],
        schema: ApplyDocSchema,
        empty: () => ({ status: null }),
      });
      applies.set(id, doc);
    }
    return doc;
  };
  const handoffs = new Map<string, DocumentFile<HandoffDoc>>();
  const handoffDoc = (id: string) => {
    let doc = handoffs.get(id);
    if (!doc) {
      doc = openDocument({
        ...common,
        dir: join(options.dir, 'handoff'),
        name: safeId(id),
        version: 1,
        migrations: [],
        schema: HandoffDocSchema,
        empty: () => ({ pending: null, saved: null }),
      });
      handoffs.set(id, doc);
    }
    return doc;
  };
  const historyDoc = (id: string) => {
    let doc = histories.get(id);
    if (!doc) {
      doc = openDocument({
        ...common,
        dir: join(options.dir, 'history'),
        name: safeId(id),
        version: 1,
        migrations: [],
        schema: HistoryDocSchema,
        empty: () => ({ items: [] }),
      });
      histories.set(id, doc);
    }
    return doc;
  };

  return {
    listProfiles: () => profiles.read().profiles,
    getProfile: (id) => profiles.read().profiles.find((p) => p.id === id) ?? null,
    saveProfile(profile) {
      const doc = profiles.read();
      const others = doc.profiles.filter((p) => p.id !== profile.id);
      const index = doc.profiles.findIndex((p) => p.id === profile.id);
      const list =
        index === -1
          ? [...others, profile]
          : doc.profiles.map((p) => (p.id === profile.id ? profile : p));
      profiles.write({ ...doc, profiles: list });
    },
    removeProfile(id) {
      safeId(id);
      const doc = profiles.read();
      const settings =
        doc.settings.selectedId === id ? { ...doc.settings, selectedId: null } : doc.settings;
      profiles.write({ profiles: doc.profiles.filter((p) => p.id !== id), settings });
      drafts.delete(id);
      histories.delete(id);
      applies.delete(id);
      handoffs.delete(id);
      for (const dir of ['drafts', 'history', 'apply', 'handoff']) {
        for (const suffix of ['', '.last-good'])
          rmSync(join(options.dir, dir, `${id}${suffix}.json`), { force: true });
      }
    },
    getSettings: () => profiles.read().settings,
    saveSettings(settings) {
      profiles.write({ ...profiles.read(), settings });
    },
    getDraft: (profileId) => draftDoc(profileId).read().draft,
    saveDraft(draft) {
      draftDoc(draft.profileId).write({ draft });
    },
    listHistory: (profileId) => historyDoc(profileId).read().items,
    addHistory(item) {
      const doc = historyDoc(item.profileId);
      doc.write({ items: [...doc.read().items, HistoryRecordSchema.parse(item)] });
    },
    getApplyRecord: (profileId) => applyDoc(profileId).read().status,
    saveApplyRecord(profileId, record) {
      const doc = applyDoc(profileId);
      // Unchanged while polling: skip the write (and its last-good mirror).
      if (JSON.stringify(doc.read().status) === JSON.stringify(record)) return;
      doc.write({ status: record });
    },
    getHandoff: (profileId) => handoffDoc(profileId).read(),
    saveHandoff(profileId, doc) {
      handoffDoc(profileId).write(doc);
    },
    takeNotices: () => notices.splice(0, notices.length),
  };
}
