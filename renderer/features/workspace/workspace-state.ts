import type { Config } from '../../../shared/allowlist/model.ts';
import type {
  ChannelOutput,
  DraftView,
  PullResultView,
  SyncStatusView,
} from '../../../shared/contract/ipc.ts';
import { afterLocalStep, failedSyncStatus } from '../../../shared/sync/status.ts';
import { combinedFrom, combinedFromPull, type Combined } from '../sync/combined.ts';
import type { ShownPlan } from '../save/save-flow.tsx';
import type { Activity } from './in-flight.ts';

/**
 * The state of one profile's workspace, and every way it moves: one pure reducer.
 *
 * Main does each step in one call and returns what the window shows (draft, sync status, what
 * changed); an action here carries that answer. A new `draft` object means "main handed over a
 * new working copy" (the editor loads it); edits in the editor never replace it. Every action
 * names its profile: an answer that arrives after the admin switched profiles is ignored.
 */

/** A status notice, translated at render time (it follows a language switch). */
export type Notice = { key: string; params?: Record<string, string> };

export type WorkspaceState = {
  profileId: string;
  /** The draft as main last handed it over; null while loading. */
  draft: DraftView | null;
  /**
   * The editor's list when the call that returned `draft` started (null: none known, e.g. the
   * draft as opened). Edits made in the editor since are merged into `draft`, never replaced by
   * it (renderer/features/editor/merge-on-load.ts).
   */
  since: Config | null;
  /** The last failure (already in the UI language), shown under the bar or instead of the editor. */
  error: string | null;
  /** The last pull failed because the service cannot be reached: the sync advice says it. */
  pullOffline: boolean;
  sync: SyncStatusView | null;
  /** "Check now" is asking the service. */
  checking: boolean;
  notice: Notice | null;
  /** Why a pending merge is shown: a pull found it, or a save ran into it (412). */
  mergeCause: 'pull' | 'push';
  /** Open the plan once the editor shows this draft (after a merge or a restore). */
  review: boolean;
  /** The plan on screen (its review, or the lockout confirmation after it). */
  plan: ShownPlan | null;
  /** Why the last plan or save did not go through (in the UI language). */
  saveError: string | null;
  /** A merge main did without conflicts: the sides as they were. */
  combined: Combined | null;
  /** What runs against the service now (one at a time, see in-flight.ts). */
  inFlight: Activity | null;
};

type PushOutcome = ChannelOutput<'sync:push'>;
type DiscardOutcome = ChannelOutput<'sync:discard-and-pull'>;

type ForProfile<T> = T & { profileId: string };

export type WorkspaceAction = ForProfile<
  | { type: 'open' }
  | { type: 'loaded'; draft: DraftView }
  | { type: 'load-failed'; message: string }
  | { type: 'status'; sync: SyncStatusView }
  | { type: 'status-failed'; code: string | null; message: string }
  | { type: 'checking'; checking: boolean }
  | { type: 'in-flight'; activity: Activity | null }
  | { type: 'busy'; with: Activity }
  | { type: 'pulled'; result: PullResultView; tell: boolean; since?: Config | null }
  | { type: 'pull-failed'; code: string | null; message: string }
  | { type: 'pushed'; outcome: PushOutcome; sent: Config; since?: Config | null }
  | { type: 'resolved'; draft: DraftView }
  | { type: 'discarded'; outcome: DiscardOutcome; failedText: string | null }
  | { type: 'restored'; draft: DraftView; sync: SyncStatusView }
  | { type: 'autosaved'; dirty: boolean }
  | { type: 'dismiss-notice' }
  | { type: 'dismiss-combined' }
  | { type: 'review-started' }
  | { type: 'plan-shown'; plan: ShownPlan }
  | { type: 'plan-closed'; keepError: boolean }
  | { type: 'save-error'; message: string | null }
>;

/** A workspace that has loaded nothing yet. */
export function initialWorkspace(profileId: string): WorkspaceState {
  return {
    profileId,
    draft: null,
    since: null,
    error: null,
    pullOffline: false,
    sync: null,
    checking: false,
    notice: null,
    mergeCause: 'pull',
    review: false,
    plan: null,
    saveError: null,
    combined: null,
    inFlight: null,
  };
}

/** The notice a pull the admin asked for ends with (none when the merge is shown instead). */
function pullNotice(result: PullResultView, combined: Combined | null): Notice | null {
  if (combined) return null;
  const revision = result.draft.merge?.remoteRevision ?? result.draft.base?.revision ?? '';
  const key =
    result.status === 'merged'
      ? 'syncUi.pullMerged'
      : result.status === 'updated'
        ? 'syncUi.pullUpdated'
        : 'syncUi.pullUpToDate';
  return { key, params: { revision } };
}

/** A failed status read: the status says offline or the error (the code, when there is one). */
function failed(code: string | null, message: string): SyncStatusView {
  return failedSyncStatus({ code: code ?? 'INTERNAL', message });
}

export function workspaceReducer(state: WorkspaceState, action: WorkspaceAction): WorkspaceState {
  // Profile switch: everything starts over. Anything else for another profile is a late answer.
  if (action.type === 'open')
    return action.profileId === state.profileId ? state : initialWorkspace(action.profileId);
  if (action.profileId !== state.profileId) return state;
  switch (action.type) {
    case 'loaded':
      return { ...state, draft: action.draft, since: null, error: null };
    case 'load-failed':
      return { ...state, error: action.message };
    case 'status':
      return { ...state, sync: action.sync, checking: false };
    case 'status-failed':
      return { ...state, sync: failed(action.code, action.message), checking: false };
    case 'checking':
      return { ...state, checking: action.checking };
    case 'in-flight':
      return { ...state, inFlight: action.activity };
    case 'busy':
      return { ...state, notice: { key: `syncUi.busy.${action.with}` } };
    case 'pulled': {
      const { result } = action;
      const combined =
        result.status === 'merged' ? combinedFromPull(result.changes, result.draft) : null;
      return {
        ...state,
        draft: result.draft,
        since: action.since ?? null,
        sync: result.sync,
        combined,
        error: null,
        pullOffline: false,
        ...(result.status === 'conflicts'
          ? { mergeCause: 'pull' as const }
          : { notice: action.tell ? pullNotice(result, combined) : null }),
      };
    }
    case 'pull-failed':
      return {
        ...state,
        error: action.message,
        pullOffline: action.code === 'OFFLINE',
        sync: action.code === null ? state.sync : failed(action.code, action.message),
      };
    case 'pushed': {
      const { outcome } = action;
      // The plan was sent (or overtaken): it closes.
      const next = {
        ...state,
        draft: outcome.draft,
        since: action.since ?? null,
        sync: outcome.sync,
        plan: null,
        saveError: null,
      };
      if (outcome.status === 'pushed')
        // The apply banner says "Saved as revision N"; a notice only when it is not certain.
        return {
          ...next,
          combined: null,
          notice: outcome.confirmed
            ? null
            : { key: 'syncUi.pushUnconfirmed', params: { revision: outcome.revision } },
        };
      // 412 (or the remote moved) with conflicts: back to the merge, nothing was overwritten.
      if (outcome.draft.merge) return { ...next, mergeCause: 'push', notice: null };
      // Combined without conflicts: show both sides, then the new plan.
      return {
        ...next,
        notice: { key: 'syncUi.pushMerged' },
        combined: combinedFrom(
          state.draft && { ...state.draft, working: action.sent },
          outcome.draft,
        ),
        review: true,
      };
    }
    case 'resolved':
      // The service's revision is the base now: continue with the plan.
      return {
        ...state,
        draft: action.draft,
        since: null,
        review: true,
        notice: null,
        sync: afterLocalStep(state.sync, {
          dirty: action.draft.dirty,
          baseRevision: action.draft.base?.revision ?? null,
        }),
      };
    case 'discarded': {
      const { outcome } = action;
      const next = {
        ...state,
        combined: null,
        draft: outcome.draft,
        since: null,
        sync: outcome.sync,
        pullOffline: false,
      };
      if (outcome.outcome === 'pulled')
        return {
          ...next,
          error: null,
          notice: {
            key: 'syncUi.discarded',
            params: { revision: outcome.draft.base?.revision ?? '' },
          },
        };
      return { ...next, notice: null, error: action.failedText };
    }
    case 'restored':
      return {
        ...state,
        draft: action.draft,
        since: null,
        sync: action.sync,
        notice: null,
        review: true,
      };
    case 'autosaved':
      return {
        ...state,
        sync: afterLocalStep(state.sync, {
          dirty: action.dirty,
          baseRevision: state.draft?.base?.revision ?? null,
        }),
      };
    case 'dismiss-notice':
      return { ...state, notice: null };
    case 'dismiss-combined':
      return { ...state, combined: null };
    case 'review-started':
      return { ...state, review: false };
    case 'plan-shown':
      return { ...state, plan: action.plan, saveError: null };
    case 'plan-closed':
      return { ...state, plan: null, saveError: action.keepError ? state.saveError : null };
    case 'save-error':
      return { ...state, saveError: action.message };
  }
}
