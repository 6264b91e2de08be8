import { useCallback, useEffect, useMemo, useReducer } from 'react';
import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ChannelOutput, DraftView } from '../../../shared/contract/ipc.ts';
import { sameConfig } from '../../../shared/sync/merge.ts';
import { api, call, errorText, IpcCallError } from '../../lib/api.ts';
import type { ShownPlan } from '../save/save-flow.tsx';
import { createInFlightGate, type InFlight } from './in-flight.ts';
import { initialWorkspace, workspaceReducer, type WorkspaceState } from './workspace-state.ts';

/** How often the connection state is refreshed while the window is open. */
const STATUS_POLL_MS = 15_000;

const codeOf = (e: unknown): string | null => (e instanceof IpcCallError ? e.code : null);

/**
 * The editor's side of a call that has main change the draft: the list main held when the call
 * started (the editor's autosave flushed first) and how to flush again.
 */
export type EditorEdits = { since: Config; flush: () => Promise<Config> };

/**
 * An answer that opens the merge screen unmounts the editor: edits typed while the call ran are
 * saved first (main's draft:save merges them into the pending merge) and the merge is read
 * again, so the merge screen shows them and resolving keeps them. If that save or read fails, the
 * call fails: the editor stays open with the edits and the error says why (Refresh again).
 */
async function withEditsKept(
  profileId: string,
  draft: DraftView,
  edits: EditorEdits | undefined,
): Promise<DraftView> {
  if (!draft.merge || !edits) return draft;
  const now = await edits.flush();
  return sameConfig(now, edits.since) ? draft : call(api().draft.get({ profileId }));
}

/**
 * One profile's workspace: the reducer (workspace-state.ts) and the calls that feed it. Each user
 * action is one call to main whose answer is one action; nothing here sequences network steps.
 * A profile switch is the `open` action (state starts over), not a remount.
 */
export function useWorkspace(profileId: string) {
  const { t } = useTranslation();
  const [stored, dispatch] = useReducer(workspaceReducer, profileId, initialWorkspace);
  // Until `open` has run for a newly selected profile, show that profile as not loaded yet
  // (never the previous profile's draft under the new profile's name).
  const state: WorkspaceState =
    stored.profileId === profileId ? stored : initialWorkspace(profileId);

  // Refresh, plan and push run one at a time through this gate (see in-flight.ts), one per profile.
  const gate = useMemo(
    () => createInFlightGate((activity) => dispatch({ type: 'in-flight', profileId, activity })),
    [profileId],
  );
  const inFlight: InFlight = useMemo(
    () => ({ current: state.inFlight, run: gate.run }),
    [state.inFlight, gate],
  );

  const refreshStatus = useCallback(async () => {
    try {
      dispatch({ type: 'status', profileId, sync: await call(api().sync.status({ profileId })) });
    } catch (e) {
      dispatch({ type: 'status-failed', profileId, code: codeOf(e), message: errorText(e) });
    }
  }, [profileId]);

  /** "Check now": the same request, shown as "Checking…" while it runs. */
  const checkNow = useCallback(() => {
    dispatch({ type: 'checking', profileId, checking: true });
    void refreshStatus();
  }, [profileId, refreshStatus]);

  /**
   * Pull; `tell` (the admin pressed Refresh) says how it went in a notice. `edits`: the editor's
   * list at the start, for what the admin types meanwhile (see EditorEdits); without it, `since`.
   */
  const pull = useCallback(
    async (tell = false, edits?: EditorEdits, since: Config | null = edits?.since ?? null) => {
      const pulled = await gate.run('refresh', async () => {
        try {
          const answer = await call(api().sync.pull({ profileId }));
          const result = { ...answer, draft: await withEditsKept(profileId, answer.draft, edits) };
          dispatch({ type: 'pulled', profileId, result, tell, since });
        } catch (e) {
          dispatch({ type: 'pull-failed', profileId, code: codeOf(e), message: errorText(e) });
        }
      });
      // Not started (the button is disabled meanwhile, so only a race gets here): say why.
      if (!pulled.ran) dispatch({ type: 'busy', profileId, with: pulled.busyWith });
    },
    [profileId, gate],
  );

  useEffect(() => {
    dispatch({ type: 'open', profileId });
    let alive = true;
    void (async () => {
      try {
        const draft = await call(api().draft.get({ profileId }));
        if (!alive) return;
        dispatch({ type: 'loaded', profileId, draft });
        // The editor starts from this draft: what is typed during the first pull is kept.
        if (draft.base === null) await pull(false, undefined, draft.working);
        else await refreshStatus();
      } catch (e) {
        if (alive) dispatch({ type: 'load-failed', profileId, message: errorText(e) });
      }
    })();
    const timer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    const onFocus = () => void refreshStatus();
    window.addEventListener('focus', onFocus);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [profileId, pull, refreshStatus]);

  return {
    state,
    inFlight,
    pull,
    checkNow,
    refreshStatus,
    /** A push's answer; `edits`: the editor's list when it started (see EditorEdits). */
    pushed: async (outcome: ChannelOutput<'sync:push'>, sent: Config, edits: EditorEdits) => {
      const draft = await withEditsKept(profileId, outcome.draft, edits);
      dispatch({
        type: 'pushed',
        profileId,
        outcome: { ...outcome, draft },
        sent,
        since: edits.since,
      });
    },
    resolved: (draft: DraftView) => dispatch({ type: 'resolved', profileId, draft }),
    discarded: (outcome: ChannelOutput<'sync:discard-and-pull'>) =>
      dispatch({
        type: 'discarded',
        profileId,
        outcome,
        failedText:
          outcome.outcome === 'pull-failed'
            ? t('syncUi.discardedPullFailed', {
                message: errorText(new IpcCallError(outcome.error)),
              })
            : null,
      }),
    /** Restore a revision (main reads the list in force itself); the plan opens next. */
    restore: async (historyId: string) => {
      const { draft, sync } = await call(api().history.restore({ profileId, historyId }));
      dispatch({ type: 'restored', profileId, draft, sync });
    },
    autosaved: (dirty: boolean) => dispatch({ type: 'autosaved', profileId, dirty }),
    dismissNotice: () => dispatch({ type: 'dismiss-notice', profileId }),
    dismissCombined: () => dispatch({ type: 'dismiss-combined', profileId }),
    reviewStarted: () => dispatch({ type: 'review-started', profileId }),
    showPlan: (plan: ShownPlan) => dispatch({ type: 'plan-shown', profileId, plan }),
    closePlan: (keepError: boolean) => dispatch({ type: 'plan-closed', profileId, keepError }),
    saveError: (message: string | null) => dispatch({ type: 'save-error', profileId, message }),
  };
}

export type WorkspaceControl = ReturnType<typeof useWorkspace>;
