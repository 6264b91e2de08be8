import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../shared/contract/ipc.ts';
import { WorkspaceBody } from './workspace-body.tsx';
import { useWorkspace } from './use-workspace.ts';
import { ApplyBanner } from '../apply/apply-banner.tsx';
import { useApply } from '../apply/use-apply.ts';
import { RecoveryScreen } from '../recovery/recovery-screen.tsx';
import { MergeScreen } from '../sync/merge-screen.tsx';
import { CombinedSummary } from '../sync/combined-summary.tsx';

/**
 * One profile's workspace: which screen shows (loading, recovery, merge, the editor). Its state
 * is one reducer (workspace-state.ts, fed by use-workspace.ts); a profile switch resets it.
 */
export function Workspace({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const ws = useWorkspace(profile.id);
  const { state } = ws;
  const apply = useApply(profile.id);

  // The service refuses this computer (e.g. after a restart while locked out): ask the apply
  // tracker, which turns the recovery screen on.
  const restricted = state.sync?.errorCode === 'IP_RESTRICTED';
  const { lockedOut, probe } = apply;
  useEffect(() => {
    if (restricted && !lockedOut) void probe();
  }, [restricted, lockedOut, probe]);

  const { draft } = state;
  if (!draft) {
    return (
      <div className="workspace-loading">
        {state.error ? (
          <p className="callout callout-error" role="alert">
            {state.error}
          </p>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    );
  }
  if (apply.lockedOut || apply.accessBack)
    return (
      <RecoveryScreen
        profileId={profile.id}
        apply={apply}
        onRestore={async (historyId) => {
          // Access is back: main reads the list in force, puts the old revision in; plan it.
          await ws.restore(historyId);
          apply.dismissRecovery();
          apply.dismiss();
        }}
        onKeep={() => {
          apply.dismissRecovery();
          void ws.refreshStatus();
        }}
      />
    );
  if (draft.merge)
    return (
      <MergeScreen
        key={draft.merge.remoteRevision}
        draft={draft}
        merge={draft.merge}
        cause={state.mergeCause}
        onResolved={ws.resolved}
        onDiscarded={ws.discarded}
      />
    );
  return (
    <WorkspaceBody
      profile={profile}
      state={{ ...state, draft }}
      inFlight={ws.inFlight}
      onPull={(edits) => ws.pull(true, edits)}
      onPushed={(outcome, sent, edits) => {
        // The apply banner says "Saved as revision N" and follows it until verified.
        if (outcome.status === 'pushed') apply.started(outcome.apply);
        return ws.pushed(outcome, sent, edits);
      }}
      onAutosaved={ws.autosaved}
      onCheck={ws.checkNow}
      onDismissNotice={ws.dismissNotice}
      onReviewStarted={ws.reviewStarted}
      plan={{ onShow: ws.showPlan, onClose: ws.closePlan, onError: ws.saveError }}
      applyBanner={
        <>
          <ApplyBanner apply={apply} />
          {state.combined && (
            <CombinedSummary combined={state.combined} onDismiss={ws.dismissCombined} />
          )}
        </>
      }
    />
  );
}
