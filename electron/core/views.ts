import type { Config } from '../../shared/allowlist/model.ts';
import type { DraftView, MergeView, ProfileView } from '../../shared/contract/ipc.ts';
import { sameConfig } from '../../shared/sync/merge.ts';
import type { DraftRecord, MergeRecord, ProfileRecord } from './store.ts';

/** Stored records → what the renderer sees (never a secret: `hasPassword` only). */

export function profileView(profile: ProfileRecord, hasPassword: boolean): ProfileView {
  return { ...profile, kind: profile.kind ?? 'api', hasPassword };
}

export function mergeView(merge: MergeRecord): MergeView {
  return {
    baseRevision: merge.baseRevision,
    remoteRevision: merge.remote.revision,
    remote: merge.remote.config,
    merged: merge.merged,
    local: merge.local,
    remoteChanges: merge.remoteChanges,
    conflicts: merge.conflicts,
    lostAccess: merge.lostAccess,
  };
}

export function draftView(draft: DraftRecord): DraftView {
  return {
    profileId: draft.profileId,
    base: draft.base
      ? {
          revision: draft.base.revision,
          ...draft.base.config,
          pulledAt: draft.base.pulledAt,
          maxEntries: draft.base.maxEntries,
        }
      : null,
    working: draft.working,
    updatedAt: draft.updatedAt,
    dirty: isDirty(draft),
    merge: draft.merge ? mergeView(draft.merge) : null,
    restrictionOff: draft.base?.restrictionOff ?? null,
  };
}

export function isDirty(draft: DraftRecord): boolean {
  return draft.base
    ? !sameConfig(draft.base.config, draft.working)
    : draft.working.entries.length > 0 || draft.working.mode !== 'ALLOW_ALL';
}

/** A new, empty draft (before the first pull). */
export function emptyDraft(profileId: string, now: string): DraftRecord {
  const working: Config = { mode: 'ALLOW_ALL', entries: [] };
  return { profileId, base: null, working, updatedAt: now, merge: null };
}
