import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HandoffStatusView, ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import type { Confirmed } from './handoff-save.tsx';

/**
 * The steps on the cybozu.com Store with the file ready, then "Saved on the Store?". Yes records
 * the save (history, list in force, Reset URL hour); No forgets the file; Later keeps it waiting.
 */
export function HandoffGuide({
  isOpen,
  profile,
  status,
  onClose,
  onStatus,
  onConfirmed,
}: {
  isOpen: boolean;
  profile: ProfileView;
  status: HandoffStatusView;
  onClose: () => void;
  onStatus: (status: HandoffStatusView) => void;
  onConfirmed: (result: Confirmed) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pending = status.pending;
  const domain = new URL(profile.serviceUrl).hostname;
  const file = pending?.fileName ?? '';
  const next = String(Number(status.inForce?.revision ?? '0') + 1);

  const act = async (what: 'confirm' | 'cancel') => {
    setBusy(true);
    setError(null);
    try {
      if (what === 'confirm')
        onConfirmed(await call(api().handoff.confirm({ profileId: profile.id })));
      else onStatus(await call(api().handoff.cancel({ profileId: profile.id })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog
      title={t('handoff.guide.title')}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      size="wide"
    >
      {pending && (
        <div className="handoff-guide" data-testid="handoff-guide">
          <p className="callout callout-ok" data-testid="handoff-file">
            {pending.mode === 'ALLOW_SPECIFIC'
              ? t('handoff.guide.fileReady', { file, count: pending.entries })
              : t('handoff.guide.allowAllReady')}
          </p>
          <h3>{t('handoff.guide.steps')}</h3>
          <ol className="handoff-steps">
            <li>{t('handoff.guide.step1')}</li>
            <li>{t('handoff.guide.step2')}</li>
            <li>{t('handoff.guide.step3')}</li>
            <li>{t('handoff.guide.step4', { domain })}</li>
            <li>{t('handoff.guide.step5')}</li>
            {pending.mode === 'ALLOW_SPECIFIC' ? (
              <>
                <li>{t('handoff.guide.step6')}</li>
                <li>{t('handoff.guide.step7', { file })}</li>
                <li>{t('handoff.guide.step8')}</li>
              </>
            ) : (
              <li>{t('handoff.guide.stepAllowAll')}</li>
            )}
          </ol>
          <h3 id="handoff-question">{t('handoff.guide.question')}</h3>
          <p className="muted">{t('handoff.guide.questionHint', { revision: next })}</p>
          <ErrorCallout>{error}</ErrorCallout>
          <div className="dialog-actions" aria-labelledby="handoff-question">
            <Button onPress={onClose}>{t('handoff.guide.later')}</Button>
            <Button isDisabled={busy} onPress={() => void act('cancel')}>
              {t('handoff.guide.no')}
            </Button>
            <Button variant="primary" isDisabled={busy} onPress={() => void act('confirm')}>
              {t('handoff.guide.yes')}
            </Button>
          </div>
        </div>
      )}
    </AppDialog>
  );
}
