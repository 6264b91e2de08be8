import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput, HandoffStatusView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { api, call, errorText } from '../../lib/api.ts';
import { formatDuration, useNow } from '../apply/use-apply.ts';

type SignIn = ChannelOutput<'handoff:check-sign-in'>;

/** What the tenant's login page answered, as a sentence (the admin judges). */
export function SignInResult({ result }: { result: SignIn }) {
  const { t } = useTranslation();
  return (
    <p className="muted" role="status" data-testid="sign-in-result">
      {result.status === null
        ? t('handoff.saved.pageFailed', { url: result.url, message: result.error ?? '' })
        : result.location
          ? t('handoff.saved.pageRedirect', {
              url: result.url,
              status: result.status,
              location: result.location,
            })
          : t('handoff.saved.pageStatus', { url: result.url, status: result.status })}{' '}
      {t('handoff.saved.pageJudge')}
    </p>
  );
}

/** "Check the login page from this computer" with its result. */
export function SignInCheck({ profileId }: { profileId: string }) {
  const { t } = useTranslation();
  const [result, setResult] = useState<SignIn | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="handoff-sign-in">
      <Button
        size="small"
        isDisabled={busy}
        onPress={() => {
          setBusy(true);
          setError(null);
          call(api().handoff.checkSignIn({ profileId }))
            .then(setResult)
            .catch((e: unknown) => setError(errorText(e)))
            .finally(() => setBusy(false));
        }}
      >
        {busy ? t('handoff.saved.checking') : t('handoff.saved.checkPage')}
      </Button>
      {result && <SignInResult result={result} />}
      <ErrorCallout>{error}</ErrorCallout>
    </div>
  );
}

/**
 * After "Saved on the Store": the revision, the Reset URL hour counting down (from when the file
 * was made: never more time than there is), the way to the recovery guide.
 */
export function HandoffBanner({
  status,
  onRecovery,
  onClose,
}: {
  status: HandoffStatusView;
  onRecovery: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const formatTime = useDateTimeFormat();
  const saved = status.saved;
  const deadline = saved ? Date.parse(saved.resetDeadline) : 0;
  const now = useNow(saved !== null);
  if (!saved || saved.phase !== 'saved') return null;
  const left = deadline - now;
  return (
    <section className="callout callout-ok handoff-banner" data-testid="handoff-saved">
      <p>
        <strong>
          {t('handoff.saved.line', { revision: saved.revision, time: formatTime(saved.savedAt) })}
        </strong>
      </p>
      <p data-testid="handoff-reset-window">
        {left > 0
          ? t('handoff.saved.resetLeft', {
              time: formatTime(deadline),
              left: formatDuration(left),
            })
          : t('handoff.saved.resetOver')}
      </p>
      <div className="handoff-actions">
        <Button size="small" variant="primary" onPress={onRecovery}>
          {t('handoff.saved.recovery')}
        </Button>
        <SignInCheck profileId={status.profileId} />
        <Button size="small" variant="quiet" onPress={onClose}>
          {t('handoff.saved.close')}
        </Button>
      </div>
    </section>
  );
}
