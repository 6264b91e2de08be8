import type { Config } from '../../shared/allowlist/model.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import type { DraftView, HistoryItemView } from '../../shared/contract/ipc.ts';
import {
  mergeConfigs,
  resolveConflicts,
  sameConfig,
  type Resolution,
} from '../../shared/sync/merge.ts';
import { sameBase } from '../../shared/sync/base.ts';
import { identityOf, snapshotOf, sourceOf } from './base-identity.ts';
import { AppError, isAppError, storeFailure } from './errors.ts';
import { serviceFailure } from './service-failure.ts';
import type { AppStore, DraftRecord, MergeRecord, ProfileRecord, SnapshotRecord } from './store.ts';
import { normalizeCallerAddress } from '../../shared/allowlist/lockout.ts';
import { lockoutChecks } from '../../shared/sync/plan.ts';
import { restrictionOffAfter } from '../../shared/sync/restriction-off.ts';
import { draftView, emptyDraft, isDirty } from './views.ts';

/**
 * Drafts: the offline working copy, pull with three-way merge, conflict resolution, history.
 *
 * Everything but pull and status works without the network.
 */

/** Resolve a profile's service client (reads the password from the keychain; throws PASSWORD_REQUIRED). */
export type ServiceFactory = (profile: ProfileRecord) => Promise<AllowlistService>;

export type DraftDeps = {
  store: AppStore;
  serviceFor: ServiceFactory;
  now?: () => Date;
};

export type PullStatus = 'updated' | 'up-to-date' | 'merged' | 'conflicts';

export type SyncState =
  'never-pulled' | 'up-to-date' | 'local-changes' | 'remote-changed' | 'offline' | 'error';

/** The empty base that stands in before a first pull (see `integrate`). */
function isStandIn(base: SnapshotRecord): boolean {
  return base.revision === '' && base.origin === undefined;
}

/** How a draft's base takes part in a three-way merge (see `mergeConfigs` options). */
function mergeOptions(base: SnapshotRecord): { firstPull: boolean; unconfirmedBase: boolean } {
  return { firstPull: isStandIn(base), unconfirmedBase: base.unconfirmed === true };
}

/** The merge with `lostAccess`: who its merged list would lock out (caller and protected). */
function lostAccessOf(profile: ProfileRecord, merge: MergeRecord): MergeRecord {
  const checks = lockoutChecks(merge.merged, merge.callerIp, profile.protectedAddresses);
  return { ...merge, lostAccess: checks.filter((c) => !c.allowed) };
}

/** Create the draft service. */
export function createDrafts(deps: DraftDeps) {
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();

  const profile = (id: string): ProfileRecord => {
    const found = deps.store.getProfile(id);
    if (!found) throw new AppError('NOT_FOUND', {}, 'PROFILE_NOT_FOUND');
    return found;
  };
  const load = (id: string): DraftRecord => {
    let found: DraftRecord | null;
    try {
      found = deps.store.getDraft(id);
    } catch (error) {
      throw storeFailure(error, 'draft');
    }
    if (!found) return emptyDraft(id, now());
    // The file's name says whose draft it is: a (copied or hand-edited) file naming another
    // profile is this profile's draft, and is never written over that other profile's file.
    return found.profileId === id ? found : { ...found, profileId: id };
  };
  const persist = (draft: DraftRecord): DraftRecord => {
    try {
      deps.store.saveDraft(draft);
    } catch (error) {
      throw storeFailure(error, 'draft');
    }
    return draft;
  };

  /**
   * Bring a remote snapshot into the draft.
   *
   * No local changes: base = working = remote. Local changes and the remote moved: three-way
   * merge; conflicts are kept in the draft for the UI (base and working untouched until resolved).
   */
  const integrate = (
    draft: DraftRecord,
    pulled: SnapshotRecord,
  ): { draft: DraftRecord; status: PullStatus } => {
    const updatedAt = now();
    const restrictionOff = restrictionOffAfter(draft.base, pulled.config);
    const remote: SnapshotRecord = restrictionOff ? { ...pulled, restrictionOff } : pulled;
    if (!draft.base && isDirty(draft)) {
      // Edited (or imported) before the first pull: merge against an empty list, lose nothing.
      const empty: SnapshotRecord = {
        revision: '',
        config: { mode: 'ALLOW_ALL', entries: [] },
        pulledAt: remote.pulledAt,
        maxEntries: remote.maxEntries,
      };
      return integrate({ ...draft, base: empty }, remote);
    }
    const unchanged = draft.base !== null && sameBase(identityOf(draft.base), identityOf(remote));
    if (!draft.base || !isDirty(draft)) {
      const status: PullStatus = unchanged ? 'up-to-date' : 'updated';
      return {
        draft: persist({ ...draft, base: remote, working: remote.config, merge: null, updatedAt }),
        status,
      };
    }
    // Same origin, login, revision and content: nothing moved. Anything else differing (a
    // revision count that started over, another tenant at the same revision, a base pulled from
    // the URL before it was corrected) is "changed remotely" and goes through the merge.
    if (unchanged) {
      return {
        draft: persist({
          ...draft,
          base: { ...draft.base, maxEntries: remote.maxEntries },
          merge: null,
        }),
        status: 'up-to-date',
      };
    }
    const outcome = mergeConfigs(
      draft.base.config,
      draft.working,
      remote.config,
      mergeOptions(draft.base),
    );
    if (outcome.conflicts.length === 0) {
      // Only the identity moved (same content, e.g. another origin spelling): nothing to combine.
      // The stand-in empty base before a first pull has no origin: that is always a merge.
      // After an unconfirmed save the base is not known to be the list in force: never "up to date".
      const nothingNew =
        draft.base.origin !== undefined &&
        draft.base.unconfirmed !== true &&
        sameConfig(draft.base.config, remote.config);
      return {
        draft: persist({ ...draft, base: remote, working: outcome.merged, merge: null, updatedAt }),
        status: nothingNew ? 'up-to-date' : 'merged',
      };
    }
    const merge = lostAccessOf(profile(draft.profileId), {
      baseRevision: draft.base.revision,
      remote,
      merged: outcome.merged,
      local: outcome.local,
      remoteChanges: outcome.remote,
      conflicts: outcome.conflicts,
      callerIp: draft.merge?.callerIp ?? null,
      lostAccess: [],
    });
    return { draft: persist({ ...draft, merge, updatedAt }), status: 'conflicts' };
  };

  /**
   * A merge screen must say when the merged list locks someone out: learn the caller's address
   * (once per merge; unknown when the service does not say) and check the merged list.
   */
  const withCaller = async (p: ProfileRecord, draft: DraftRecord): Promise<DraftRecord> => {
    if (!draft.merge) return draft;
    let callerIp: string | null = null;
    try {
      const answer = await (await deps.serviceFor(p)).clientIp();
      callerIp = answer.ok ? normalizeCallerAddress(answer.value) : null;
    } catch (error) {
      if (!isAppError(error)) throw error;
    }
    // Written on the draft as it is now, never on the copy from before the wait: an edit
    // autosaved meanwhile (save re-merges it into the pending merge) is kept. A merge that was
    // resolved, discarded or replaced meanwhile is not brought back.
    const current = load(p.id);
    if (
      !current.merge ||
      !sameBase(identityOf(current.merge.remote), identityOf(draft.merge.remote))
    )
      return current;
    return persist({ ...current, merge: lostAccessOf(p, { ...current.merge, callerIp }) });
  };

  const fetchSnapshot = async (p: ProfileRecord, action: string): Promise<SnapshotRecord> => {
    const service = await deps.serviceFor(p);
    const result = await service.get();
    if (!result.ok) throw serviceFailure(result.error, action);
    const { mode, entries, revision, limits } = result.value;
    return snapshotOf(p, {
      revision,
      config: { mode, entries },
      pulledAt: now(),
      maxEntries: limits.maxEntries,
    });
  };

  return {
    get(profileId: string): DraftView {
      profile(profileId);
      return draftView(load(profileId));
    },
    save(profileId: string, working: Config): { updatedAt: string; dirty: boolean } {
      profile(profileId);
      const old = load(profileId);
      // Edits made while a merge waits are merged too: resolving never drops them.
      const merge =
        old.merge && old.base
          ? (() => {
              const outcome = mergeConfigs(
                old.base.config,
                working,
                old.merge.remote.config,
                mergeOptions(old.base),
              );
              return lostAccessOf(profile(profileId), {
                ...old.merge,
                merged: outcome.merged,
                local: outcome.local,
                remoteChanges: outcome.remote,
                conflicts: outcome.conflicts,
              });
            })()
          : old.merge;
      const draft = persist({ ...old, working, merge, updatedAt: now() });
      return { updatedAt: draft.updatedAt, dirty: isDirty(draft) };
    },
    discard(profileId: string): DraftView {
      profile(profileId);
      const draft = load(profileId);
      const working = draft.base ? draft.base.config : emptyDraft(profileId, now()).working;
      return draftView(persist({ ...draft, working, merge: null, updatedAt: now() }));
    },
    async pull(profileId: string): Promise<{ status: PullStatus; draft: DraftView }> {
      const p = profile(profileId);
      const remote = await fetchSnapshot(p, 'pulling');
      const { draft, status } = integrate(load(profileId), remote);
      return { status, draft: draftView(await withCaller(p, draft)) };
    },
    /** Used by push on a 412: GET again and merge (never overwrite). */
    async remerge(
      profileId: string,
      known?: SnapshotRecord,
    ): Promise<{ status: PullStatus; draft: DraftRecord }> {
      const p = profile(profileId);
      const remote = known ?? (await fetchSnapshot(p, 'merging'));
      const { draft, status } = integrate(load(profileId), remote);
      return { status, draft: await withCaller(p, draft) };
    },
    fetchSnapshot,
    sourceOf,
    async status(profileId: string): Promise<{
      state: SyncState;
      remoteRevision: string | null;
      message: string;
      errorCode: string | null;
    }> {
      const draft = load(profileId);
      try {
        const remote = await fetchSnapshot(profile(profileId), 'checking');
        if (!draft.base)
          return {
            state: 'never-pulled',
            remoteRevision: remote.revision,
            message: 'Not pulled yet.',
            errorCode: null,
          };
        if (!sameBase(identityOf(draft.base), identityOf(remote)))
          return {
            state: 'remote-changed',
            remoteRevision: remote.revision,
            message: 'The list changed on the service since the last pull.',
            errorCode: null,
          };
        if (isDirty(draft))
          return {
            state: 'local-changes',
            remoteRevision: remote.revision,
            message: 'Local changes not yet saved to the service.',
            errorCode: null,
          };
        return {
          state: 'up-to-date',
          remoteRevision: remote.revision,
          message: 'Up to date.',
          errorCode: null,
        };
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        const offline = error.code === 'OFFLINE' || error.code === 'TIMEOUT';
        return {
          state: offline ? 'offline' : 'error',
          remoteRevision: null,
          message: error.message,
          errorCode: error.code,
        };
      }
    },
    resolve(profileId: string, resolutions: Resolution[]): DraftView {
      profile(profileId);
      const draft = load(profileId);
      if (!draft.merge) throw new AppError('NOT_FOUND', {}, 'NO_MERGE');
      let working: Config;
      try {
        working = resolveConflicts(draft.merge.merged, draft.merge.conflicts, resolutions);
      } catch (error) {
        throw new AppError('UNRESOLVED_CONFLICTS', {
          detail: error instanceof Error ? error.message : String(error),
        });
      }
      return draftView(
        persist({ ...draft, base: draft.merge.remote, working, merge: null, updatedAt: now() }),
      );
    },
    history(profileId: string): HistoryItemView[] {
      profile(profileId);
      return [...deps.store.listHistory(profileId)].reverse();
    },
    /**
     * Make a history revision the working copy, to go through the normal plan.
     *
     * Restoring means "the service should hold this list again", so the plan must be made
     * against the list in force now: when the service answers, its current revision becomes the
     * base (otherwise a later three-way merge would quietly keep whatever changed since, e.g. the
     * "Allow all" a Reset URL set). Offline, the restore still works against the last pulled base.
     */
    async restore(profileId: string, historyId: string): Promise<DraftView> {
      const p = profile(profileId);
      const item = deps.store.listHistory(profileId).find((h) => h.id === historyId);
      if (!item) throw new AppError('NOT_FOUND', {}, 'REVISION_NOT_IN_HISTORY');
      let fetched: SnapshotRecord | null = null;
      try {
        fetched = await fetchSnapshot(p, 'restoring');
      } catch (error) {
        // Offline or refused (an AppError): restore against the last pulled base; the push
        // re-checks anyway. Anything else is a bug and must not pass for "offline".
        if (!isAppError(error)) throw error;
      }
      // The draft as it is after the wait (never a copy read before it).
      const draft = load(profileId);
      const base = fetched ?? draft.base;
      return draftView(
        persist({ ...draft, base, working: item.config, merge: null, updatedAt: now() }),
      );
    },
    load,
    persist,
    profile,
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
