import type { Config } from '../../shared/allowlist/model.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import type {
  DraftView,
  HistoryItemView,
  PullChangesView,
  PullResultView,
} from '../../shared/contract/ipc.ts';
import {
  mergeConfigs,
  resolveConflicts,
  sameConfig,
  summarizeChanges,
  type Resolution,
} from '../../shared/sync/merge.ts';
import { failedSyncStatus, syncStatus, type SyncStatus } from '../../shared/sync/status.ts';
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

/** The draft against the service's list as just read (`remote`). */
export function statusOf(draft: DraftRecord, remote: SnapshotRecord): SyncStatus {
  if (!draft.base) return syncStatus('never-pulled', remote.revision);
  if (!sameBase(identityOf(draft.base), identityOf(remote)))
    return syncStatus('remote-changed', remote.revision);
  return syncStatus(isDirty(draft) ? 'local-changes' : 'up-to-date', remote.revision);
}

/** The status when reading the service failed: offline, or the error (anything else is a bug). */
export function statusOfFailure(error: unknown): SyncStatus {
  if (!isAppError(error)) throw error;
  return failedSyncStatus(error);
}

/** What each side changed since the draft's base (before the pull), and the sides as they were. */
export function changesOf(before: DraftRecord, remote: SnapshotRecord): PullChangesView {
  const empty: Config = { mode: 'ALLOW_ALL', entries: [] };
  const base = before.base?.config ?? empty;
  return {
    base: before.base && { revision: before.base.revision, config: before.base.config },
    mine: before.working,
    remoteRevision: remote.revision,
    remote: summarizeChanges(base, remote.config),
    local: summarizeChanges(base, before.working),
  };
}

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

  const discard = (profileId: string): DraftView => {
    profile(profileId);
    const draft = load(profileId);
    const working = draft.base ? draft.base.config : emptyDraft(profileId, now()).working;
    return draftView(persist({ ...draft, working, merge: null, updatedAt: now() }));
  };

  /** GET the list and bring it into the draft; what changed on each side; the new status. */
  const pull = async (profileId: string): Promise<PullResultView> => {
    const p = profile(profileId);
    const remote = await fetchSnapshot(p, 'pulling');
    const before = load(profileId);
    const { draft, status } = integrate(before, remote);
    const latest = await withCaller(p, draft);
    return {
      status,
      draft: draftView(latest),
      changes: changesOf(before, remote),
      sync: statusOf(latest, remote),
    };
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
    discard,
    pull,
    /**
     * Throw the local changes and a pending merge away (working copy = base), then pull. The
     * discard stands when the pull fails; the outcome then says why (nothing was sent anyway).
     */
    async discardAndPull(profileId: string): Promise<
      | (PullResultView & { outcome: 'pulled' })
      | {
          outcome: 'pull-failed';
          draft: DraftView;
          sync: SyncStatus;
          error: { code: string; message: string };
        }
    > {
      const discarded = discard(profileId);
      try {
        return { outcome: 'pulled', ...(await pull(profileId)) };
      } catch (error) {
        const sync = statusOfFailure(error);
        return {
          outcome: 'pull-failed',
          draft: discarded,
          sync,
          error: { code: sync.errorCode ?? 'INTERNAL', message: sync.message },
        };
      }
    },
    /** Used by push on a 412: GET again and merge (never overwrite). */
    async remerge(
      profileId: string,
      known?: SnapshotRecord,
    ): Promise<{ status: PullStatus; draft: DraftRecord; remote: SnapshotRecord }> {
      const p = profile(profileId);
      const remote = known ?? (await fetchSnapshot(p, 'merging'));
      const { draft, status } = integrate(load(profileId), remote);
      return { status, draft: await withCaller(p, draft), remote };
    },
    fetchSnapshot,
    sourceOf,
    async status(profileId: string): Promise<SyncStatus> {
      // An unknown profile is an error, never a status of a draft nobody has.
      const p = profile(profileId);
      const draft = load(profileId);
      try {
        return statusOf(draft, await fetchSnapshot(p, 'checking'));
      } catch (error) {
        return statusOfFailure(error);
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
    async restore(
      profileId: string,
      historyId: string,
    ): Promise<{ draft: DraftView; sync: SyncStatus }> {
      const p = profile(profileId);
      const item = deps.store.listHistory(profileId).find((h) => h.id === historyId);
      if (!item) throw new AppError('NOT_FOUND', {}, 'REVISION_NOT_IN_HISTORY');
      let fetched: SnapshotRecord | null = null;
      let failed: SyncStatus | null = null;
      try {
        fetched = await fetchSnapshot(p, 'restoring');
      } catch (error) {
        // Offline or refused (an AppError): restore against the last pulled base; the push
        // re-checks anyway. Anything else is a bug and must not pass for "offline".
        failed = statusOfFailure(error);
      }
      // The draft as it is after the wait (never a copy read before it).
      const draft = load(profileId);
      const base = fetched ?? draft.base;
      const restored = persist({
        ...draft,
        base,
        working: item.config,
        merge: null,
        updatedAt: now(),
      });
      return {
        draft: draftView(restored),
        sync: fetched ? statusOf(restored, fetched) : failed!,
      };
    },
    load,
    persist,
    profile,
  };
}

export type Drafts = ReturnType<typeof createDrafts>;
