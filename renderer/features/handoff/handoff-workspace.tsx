import './handoff.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_MAX_ENTRIES } from '../../../shared/allowlist/model.ts';
import type { DraftView, HandoffStatusView, ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { api, call, errorText } from '../../lib/api.ts';
import { useModeLabel } from '../sync/merge-sides.tsx';
import { useInFlight } from '../workspace/in-flight.ts';
import { WorkspaceBody } from '../workspace/workspace-body.tsx';
import { initialWorkspace } from '../workspace/workspace-state.ts';
import { EgressSettings } from './egress-settings.tsx';
import { HandoffBanner } from './handoff-banner.tsx';
import { HandoffRecovery } from './handoff-recovery.tsx';
import { HandoffSave } from './handoff-save.tsx';
import { InForceSetup } from './in-force-setup.tsx';

/**
 * The workspace of a cybozu.com Store profile: the list in force first (stated by the admin until
 * a save on the Store is confirmed), then the API profiles' editor, preview, history and merge
 * tabs (WorkspaceBody) with the hand-off save panel instead of Refresh and the push.
 */
export function HandoffWorkspace({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat();
  const modeLabel = useModeLabel();
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [status, setStatus] = useState<HandoffStatusView | null>(null);
  const [generation, setGeneration] = useState(0);
  const [reviewAt, setReviewAt] = useState<number | null>(null);
  const [restating, setRestating] = useState(false);
  const [recovery, setRecovery] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inFlight = useInFlight();

  useEffect(() => {
    let alive = true;
    Promise.all([
      call(api().draft.get({ profileId: profile.id })),
      call(api().handoff.status({ profileId: profile.id })),
    ])
      .then(([d, s]) => {
        if (!alive) return;
        setDraft(d);
        setStatus(s);
        if (s.saved?.phase === 'access-back') setRecovery(true);
      })
      .catch((e: unknown) => alive && setError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [profile.id]);

  const replace = (d: DraftView, s: HandoffStatusView, review = false) => {
    setDraft(d);
    setStatus(s);
    if (review) setReviewAt(generation + 1);
    setGeneration(generation + 1);
  };
  const dismiss = async () => {
    setStatus(await call(api().handoff.dismiss({ profileId: profile.id })));
    setRecovery(false);
  };

  if (!draft || !status)
    return (
      <div className="workspace-loading">
        {error ? <ErrorCallout>{error}</ErrorCallout> : <p>{t('app.loading')}</p>}
      </div>
    );
  const maxEntries = profile.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!status.inForce || restating)
    return (
      <InForceSetup
        profile={profile}
        maxEntries={maxEntries}
        onDone={(r) => {
          setRestating(false);
          replace(r.draft, r.status);
        }}
        onCancel={status.inForce ? () => setRestating(false) : undefined}
      />
    );
  if (recovery && status.saved)
    return (
      <HandoffRecovery
        status={status}
        onAccessBack={async () => {
          const r = await call(api().handoff.accessBack({ profileId: profile.id }));
          replace(r.draft, r.status);
        }}
        onRestore={async (historyId) => {
          const { draft: d } = await call(
            api().history.restore({ profileId: profile.id, historyId }),
          );
          const s = await call(api().handoff.dismiss({ profileId: profile.id }));
          setRecovery(false);
          replace(d, s, true);
        }}
        onKeep={() => void dismiss()}
        onClose={() => setRecovery(false)}
      />
    );

  const inForce = status.inForce;
  return (
    <>
      <div className="handoff-in-force-line" data-testid="in-force-line">
        <span>
          {t('handoff.inForce.line', {
            revision: inForce.revision,
            mode: modeLabel(inForce.mode),
            count: inForce.entries,
            time: formatTime(inForce.since),
          })}
        </span>
        {inForce.stated && (
          <span className="chip chip-warning" data-testid="in-force-stated">
            {t('handoff.inForce.stated')}
          </span>
        )}
        <Button size="small" variant="quiet" onPress={() => setRestating(true)}>
          {t('handoff.inForce.restate')}
        </Button>
      </div>
      <details className="handoff-egress-details">
        <summary>{t('handoff.egress.endpoints')}</summary>
        <EgressSettings />
      </details>
      <WorkspaceBody
        key={`${profile.id}-${generation}`}
        profile={profile}
        state={{ ...initialWorkspace(profile.id), draft }}
        onDismissNotice={() => {}}
        onPull={async () => {}}
        onPushed={() => {}}
        onAutosaved={() => {}}
        onReviewStarted={() => {}}
        inFlight={inFlight}
        applyBanner={
          <HandoffBanner
            status={status}
            onRecovery={() => setRecovery(true)}
            onClose={() => void dismiss()}
          />
        }
        handoffSave={(editor) => {
          const dirty = editor.autosave.kind === 'saved' ? editor.autosave.dirty : true;
          const reason =
            editor.autosave.kind === 'blocked'
              ? t('save.disabledBadCidr', { n: editor.autosave.row })
              : editor.validation.errors > 0
                ? t('save.disabledErrors')
                : !dirty
                  ? t('save.disabledNoChanges')
                  : null;
          return (
            <HandoffSave
              profile={profile}
              editor={editor}
              status={status}
              disabledReason={reason}
              inFlight={inFlight}
              autoReview={reviewAt === generation}
              onStatus={setStatus}
              onConfirmed={(r) => replace(r.draft, r.status)}
            />
          );
        }}
      />
    </>
  );
}
