import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { PlanView, PushOutcome } from '../../../shared/contract/ipc.ts';
import { api, call, errorText } from '../../lib/api.ts';
import { PlanDialogs, SaveButton } from './save-controls.tsx';
import type { InFlight } from '../workspace/in-flight.ts';
import type { EditorEdits } from '../workspace/use-workspace.ts';

export type { PushOutcome } from '../../../shared/contract/ipc.ts';

/** The plan on screen: its review, or the lockout confirmation that follows it. */
export type ShownPlan = { view: PlanView; dialog: 'plan' | 'lockout' };

/**
 * "Review and save": flush the autosave, ask main for the plan, show it, then the lockout
 * confirmation when the plan excludes the admin or a protected address, then push. The plan on
 * screen and the error are the workspace's state (workspace-state.ts); this renders and asks.
 */
export function SaveFlow({
  profileId,
  serviceName,
  disabledReason,
  flush,
  onPushed,
  onReplace,
  autoReview = false,
  onAutoReview,
  inFlight,
  shown,
  error,
  onShow,
  onClose,
  onError,
}: {
  profileId: string;
  serviceName: string;
  /** Why saving is not possible now (shown next to the disabled button), or null. */
  disabledReason: string | null;
  /** Save the editor's pending edits; resolves with the list main then holds. */
  flush: () => Promise<PlanView['config']>;
  /** Put this list in the editor (an undoable edit), e.g. the restriction turned back on. */
  onReplace: (config: PlanView['config']) => void;
  /** The push's outcome, the list it tried to send, and the editor's list when it started. */
  onPushed: (outcome: PushOutcome, sent: PlanView['config'], edits: EditorEdits) => unknown;
  /** Open the plan now (after a merge was resolved or a revision restored). */
  autoReview?: boolean;
  /** The plan was opened for `autoReview` (the request is done). */
  onAutoReview?: () => void;
  /** The workspace's one owner of what is in flight: a plan or push runs only through it. */
  inFlight: InFlight;
  /** The plan on screen, if any. */
  shown: ShownPlan | null;
  /** Why the last plan or save did not go through (in the UI language). */
  error: string | null;
  onShow: (shown: ShownPlan) => void;
  /** Close the plan; `keepError`: the error stays next to the button. */
  onClose: (keepError: boolean) => void;
  onError: (message: string | null) => void;
}) {
  const { t } = useTranslation();
  const plan = shown?.dialog === 'plan' ? shown.view : null;
  const lockoutPlan = shown?.dialog === 'lockout' ? shown.view : null;
  const setError = onError;
  const busy = inFlight.current === 'review' || inFlight.current === 'push';

  const review = async () => {
    setError(null);
    try {
      const made = await inFlight.run('review', async () => {
        await flush();
        return call(api().sync.plan({ profileId }));
      });
      // Not started (another action runs): say which, never nothing.
      if (made.ran) onShow({ view: made.value, dialog: 'plan' });
      else setError(t(`syncUi.busy.${made.busyWith}`));
    } catch (e) {
      setError(errorText(e));
    }
  };

  const reviewing = useRef(false);
  useEffect(() => {
    if (!autoReview) {
      reviewing.current = false;
      return;
    }
    if (reviewing.current) return;
    // Once per request: the workspace clears `autoReview` through onAutoReview.
    reviewing.current = true;
    onAutoReview?.();
    void review();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoReview]);

  const push = async (current: PlanView, confirmation?: string) => {
    setError(null);
    try {
      const sent = await inFlight.run('push', async () => {
        // Main sees every edit typed so far (a changed draft makes the plan stale: never pushed).
        const since = await flush();
        const outcome = await call(
          api().sync.push({ profileId, planId: current.planId, confirmation }),
        );
        return { outcome, since };
      });
      if (!sent.ran) {
        setError(t(`syncUi.busy.${sent.busyWith}`));
        return;
      }
      await onPushed(sent.value.outcome, current.config, { since: sent.value.since, flush });
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div className="save-flow">
      <SaveButton
        onReview={() => void review()}
        disabledReason={disabledReason}
        busy={busy}
        error={plan === null && lockoutPlan === null ? error : null}
      />
      <PlanDialogs
        state={{ plan, lockoutPlan, busy, error }}
        serviceName={serviceName}
        onCancel={() => onClose(true)}
        // Keep the plan behind; the lockout dialog takes over (Cancel returns to editing).
        onLockout={(view) => onShow({ view, dialog: 'lockout' })}
        onSend={(view, confirmation) => void push(view, confirmation)}
        onRestrictionBackOn={(config) => {
          // Back in the editor with the restriction on: the admin reviews the new plan.
          onReplace(config);
          onClose(true);
        }}
        onLockoutCancel={() => onClose(false)}
      />
    </div>
  );
}
