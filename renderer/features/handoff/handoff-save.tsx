import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/allowlist/model.ts';
import type {
  ChannelOutput,
  EgressView,
  HandoffStatusView,
  PlanView,
  ProfileView,
} from '../../../shared/contract/ipc.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { api, call, errorText } from '../../lib/api.ts';
import type { Editor } from '../editor/use-editor.ts';
import { PlanDialogs, SaveButton } from '../save/save-controls.tsx';
import type { InFlight } from '../workspace/in-flight.ts';
import { HandoffGuide } from './handoff-guide.tsx';
import { egressText } from './egress-text.ts';

export type Confirmed = ChannelOutput<'handoff:confirm'>;

/**
 * "Review and save…" of a cybozu.com Store profile: the same plan and lockout guard as an API
 * profile (made in main against the list in force, the admin's address from the egress check),
 * then the Store's CSV is made (save dialog, or a download in browser mode), the guide shows the
 * steps on the Store, and "Saved on the Store?" records the save.
 */
export function HandoffSave({
  profile,
  editor,
  status,
  disabledReason,
  inFlight,
  autoReview,
  onStatus,
  onConfirmed,
}: {
  profile: ProfileView;
  editor: Editor;
  status: HandoffStatusView;
  disabledReason: string | null;
  inFlight: InFlight;
  autoReview: boolean;
  onStatus: (status: HandoffStatusView) => void;
  onConfirmed: (result: Confirmed) => void;
}) {
  const { t } = useTranslation();
  const [plan, setPlan] = useState<PlanView | null>(null);
  const [egress, setEgress] = useState<EgressView | null>(null);
  const [lockoutPlan, setLockoutPlan] = useState<PlanView | null>(null);
  const [refused, setRefused] = useState<Problem[] | null>(null);
  const [guide, setGuide] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busy = inFlight.current !== null;

  const review = async () => {
    setError(null);
    setRefused(null);
    try {
      const made = await inFlight.run('review', async () => {
        await editor.flush();
        return call(api().handoff.plan({ profileId: profile.id }));
      });
      if (!made.ran) return setError(t(`syncUi.busy.${made.busyWith}`));
      setPlan(made.value.plan);
      setEgress(made.value.egress);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const reviewed = useRef(false);
  useEffect(() => {
    if (!autoReview || reviewed.current) return;
    reviewed.current = true;
    void review();
    // Once per mount (the workspace remounts the body for each new draft).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [autoReview]);

  const prepare = async (current: PlanView, confirmation?: string) => {
    setError(null);
    try {
      const made = await inFlight.run('push', () =>
        call(
          api().handoff.prepare({ profileId: profile.id, planId: current.planId, confirmation }),
        ),
      );
      if (!made.ran) return setError(t(`syncUi.busy.${made.busyWith}`));
      setPlan(null);
      setLockoutPlan(null);
      if (made.value.status === 'refused') setRefused(made.value.problems as Problem[]);
      if (made.value.status === 'ready') {
        onStatus(await call(api().handoff.status({ profileId: profile.id })));
        setGuide(true);
      }
    } catch (e) {
      setError(errorText(e));
    }
  };

  const locale = currentLocale();
  const labels = egress && {
    intro: t('handoff.plan.intro', { service: profile.name }),
    yourAddress: egressText(t, egress),
    confirm: t('handoff.plan.confirm'),
  };

  return (
    <div className="save-flow handoff-save">
      {status.pending && (
        <Button onPress={() => setGuide(true)} data-testid="handoff-open-guide">
          {t('handoff.guide.openGuide')}
        </Button>
      )}
      <SaveButton
        onReview={() => void review()}
        disabledReason={disabledReason}
        busy={busy}
        error={plan === null && lockoutPlan === null ? error : null}
      />
      {refused && (
        <div className="callout callout-error handoff-refused" role="alert">
          <p>{t('handoff.refused.title')}</p>
          <ul>
            {refused
              .filter((p) => p.severity === 'error')
              .map((p, i) => (
                <li key={i}>{formatProblem(p, locale)}</li>
              ))}
          </ul>
        </div>
      )}
      <PlanDialogs
        state={{ plan, lockoutPlan, busy, error }}
        serviceName={profile.name}
        labels={labels ?? undefined}
        onCancel={() => setPlan(null)}
        onLockout={(view) => {
          setLockoutPlan(view);
          setPlan(null);
        }}
        onSend={(view, confirmation) => void prepare(view, confirmation)}
        onRestrictionBackOn={(config) => {
          editor.dispatch({ type: 'replaceAll', config });
          setPlan(null);
        }}
        onLockoutCancel={() => {
          setLockoutPlan(null);
          setError(null);
        }}
      />
      <HandoffGuide
        isOpen={guide && status.pending !== null}
        profile={profile}
        status={status}
        onClose={() => setGuide(false)}
        onStatus={(s) => {
          onStatus(s);
          setGuide(false);
        }}
        onConfirmed={(r) => {
          setGuide(false);
          onConfirmed(r);
        }}
      />
    </div>
  );
}
