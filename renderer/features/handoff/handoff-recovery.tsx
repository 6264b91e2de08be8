import '../sync/sync.css';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApplyStatusView, HandoffStatusView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { errorText } from '../../lib/api.ts';
import { useNow, type ApplyTracking } from '../apply/use-apply.ts';
import { RecoveryScreen } from '../recovery/recovery-screen.tsx';
import { RecoveryWays } from '../recovery/recovery-ways.tsx';
import { SignInCheck } from './handoff-banner.tsx';

/**
 * Lost access after a save on the cybozu.com Store: the API profiles' two ways back (the Reset URL
 * in the completion e-mail, within its hour; a cybozu.com Store Administrator on the Store, article
 * 020465), the hour counting down, the login-page check, and "Access is back" (the admin judges:
 * no service says it). Once back, the API profiles' restore offer (RecoveryScreen).
 */
export function HandoffRecovery({
  status,
  onAccessBack,
  onRestore,
  onKeep,
  onClose,
}: {
  status: HandoffStatusView;
  onAccessBack: () => Promise<void>;
  onRestore: (historyId: string) => Promise<void>;
  onKeep: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat();
  const saved = status.saved;
  const now = useNow(saved?.phase === 'saved');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!saved) return null;

  if (saved.phase === 'access-back') {
    // The API profiles' restore offer, fed from the hand-off status.
    const apply: ApplyTracking = {
      status: applyStatusOf(status),
      lockedOut: false,
      accessBack: true,
      probing: false,
      probeError: null,
      lastProbeAt: null,
      probe: async () => {},
      started: () => {},
      dismissRecovery: onKeep,
      dismiss: onKeep,
    };
    return (
      <RecoveryScreen
        profileId={status.profileId}
        apply={apply}
        onRestore={onRestore}
        onKeep={onKeep}
      />
    );
  }

  const deadline = Date.parse(saved.resetDeadline);
  return (
    <section className="recovery" aria-labelledby="recovery-title" data-testid="recovery">
      <h2 id="recovery-title" className="recovery-title">
        {t('handoff.recovery.title')}
      </h2>
      <p className="recovery-saved">
        {t('handoff.saved.line', { revision: saved.revision, time: formatTime(saved.savedAt) })}
      </p>
      <RecoveryWays step3={t('handoff.recovery.step3')} deadline={deadline} now={now} />
      <SignInCheck profileId={status.profileId} />
      <p className="muted">{t('handoff.recovery.accessBackHint')}</p>
      <ErrorCallout>{error}</ErrorCallout>
      <div className="recovery-actions">
        <Button
          variant="primary"
          isDisabled={busy}
          onPress={() => {
            setBusy(true);
            setError(null);
            onAccessBack()
              .catch((e: unknown) => setError(errorText(e)))
              .finally(() => setBusy(false));
          }}
        >
          {t('handoff.recovery.accessBack')}
        </Button>
        <Button onPress={onClose}>{t('handoff.recovery.back')}</Button>
      </div>
    </section>
  );
}

/** The hand-off's last save in the apply tracker's shape (what RecoveryScreen reads). */
function applyStatusOf(status: HandoffStatusView): ApplyStatusView {
  const saved = status.saved;
  return {
    profileId: status.profileId,
    phase: 'verified',
    revision: saved?.revision ?? null,
    serviceState: null,
    pushedAt: saved?.savedAt ?? null,
    appliedAt: saved?.savedAt ?? null,
    clientIp: null,
    resetDeadline: saved?.resetDeadline ?? null,
    restoreHistoryId: saved?.restoreHistoryId ?? null,
    message: '',
  };
}
