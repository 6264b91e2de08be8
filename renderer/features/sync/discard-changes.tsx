import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { api, call, errorText } from '../../lib/api.ts';

/** How "discard my changes" ended: the service's list is in the editor, or only the discard worked. */
export type DiscardOutcome = ChannelOutput<'sync:discard-and-pull'>;

/**
 * The way out of a merge without resolving it: drop the local changes and take the service's
 * list as it is now.
 *
 * A secondary action behind a confirmation (Cancel is focused and is the default). One call,
 * `sync:discard-and-pull`: main sets working copy = base, clears the pending merge, then pulls (a
 * clean draft is simply replaced by the service's current list). Nothing is sent to the service.
 * If the discard works but the read fails (offline), the outcome says so: the changes are gone as
 * confirmed, and a later refresh brings the list.
 */
export function DiscardChanges({
  profileId,
  remoteRevision,
  onDiscarded,
}: {
  profileId: string;
  remoteRevision: string;
  onDiscarded: (outcome: DiscardOutcome) => void;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const discard = async () => {
    setBusy(true);
    setError(null);
    try {
      onDiscarded(await call(api().sync.discardAndPull({ profileId })));
    } catch (e) {
      // Nothing changed: the merge is still there; say why and stay in the dialog.
      setError(errorText(e));
      setBusy(false);
    }
  };

  return (
    <div className="merge-discard">
      <p className="muted">{t('syncUi.merge.discardHint')}</p>
      <Button
        variant="secondary"
        onPress={() => {
          setError(null);
          setOpen(true);
        }}
      >
        {t('syncUi.merge.discard')}
      </Button>
      <AppDialog
        title={t('syncUi.merge.discardTitle')}
        isOpen={open}
        onOpenChange={(next) => {
          if (!busy) setOpen(next);
        }}
        role="alertdialog"
        className="modal-danger"
      >
        <div data-testid="discard-dialog">
          <p>{t('syncUi.merge.discardBody', { remote: remoteRevision })}</p>
          <p>{t('syncUi.merge.discardNothingSent')}</p>
          {error && (
            <p className="callout callout-error" role="alert">
              {error}
            </p>
          )}
          <div className="dialog-actions">
            <Button autoFocus variant="primary" onPress={() => setOpen(false)} isDisabled={busy}>
              {t('syncUi.merge.discardCancel')}
            </Button>
            <Button variant="danger" onPress={() => void discard()} isDisabled={busy}>
              {busy ? t('syncUi.merge.discarding') : t('syncUi.merge.discardConfirm')}
            </Button>
          </div>
        </div>
      </AppDialog>
    </div>
  );
}
