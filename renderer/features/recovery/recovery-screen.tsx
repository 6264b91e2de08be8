import '../sync/sync.css';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryItemView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { useNow } from '../apply/use-apply.ts';
import type { ApplyTracking } from '../apply/use-apply.ts';
import { useModeLabel } from '../sync/merge-sides.tsx';
import { useFocusHeading } from '../sync/use-focus-heading.ts';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { RecoveryWays } from './recovery-ways.tsx';

/**
 * Locked out after a push: how the Reset URL in the administrators' e-mail gets the admin back,
 * the time left in its one-hour window (from the apply time main reports), a button to probe
 * again, and once access is back the restore of the revision before the save (through the plan).
 */
export function RecoveryScreen({
  profileId,
  apply,
  onRestore,
  onKeep,
}: {
  profileId: string;
  apply: ApplyTracking;
  /** Restore this history item through the normal plan (the workspace pulls first). */
  onRestore: (historyId: string) => Promise<void>;
  /** Leave recovery with the list in force as it is. */
  onKeep: () => void;
}) {
  const { t } = useTranslation();
  const modeLabel = useModeLabel();
  const headingRef = useFocusHeading<HTMLHeadingElement>(apply.accessBack);
  const status = apply.status;
  const deadline = status?.resetDeadline ? Date.parse(status.resetDeadline) : null;
  const now = useNow(apply.lockedOut);
  const [previous, setPrevious] = useState<HistoryItemView | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // One date-time format everywhere: the deadline and the probe time carry their date.
  const formatTime = useDateTimeFormat();

  const restoreId = status?.restoreHistoryId ?? null;
  useEffect(() => {
    if (!restoreId) return;
    let alive = true;
    call(api().history.list({ profileId }))
      .then((items) => alive && setPrevious(items.find((h) => h.id === restoreId) ?? null))
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [profileId, restoreId]);

  if (!status) return null;

  if (apply.accessBack) {
    return (
      <section
        className="recovery recovery-back"
        aria-labelledby="recovery-back-title"
        data-testid="recovery"
      >
        <h2
          id="recovery-back-title"
          className="recovery-title recovery-title-ok"
          ref={headingRef}
          tabIndex={-1}
        >
          {t('syncUi.recovery.backTitle')}
        </h2>
        <p className="recovery-lead">
          {previous
            ? t('syncUi.recovery.backBody', {
                revision: previous.revision,
                time: formatTime(previous.pushedAt),
              })
            : t('syncUi.recovery.backBodyNoHistory')}
        </p>
        {previous && (
          <div className="recovery-previous" data-testid="recovery-previous">
            <h3>{t('syncUi.recovery.previousTitle', { revision: previous.revision })}</h3>
            <p className="muted">
              {t('syncUi.merge.baseSummary', {
                count: previous.config.entries.length,
                mode: modeLabel(previous.config.mode),
              })}
            </p>
          </div>
        )}
        <ErrorCallout>{error}</ErrorCallout>
        <div className="recovery-actions">
          {previous && (
            <Button
              variant="primary"
              isDisabled={restoring}
              onPress={() => {
                setRestoring(true);
                setError(null);
                onRestore(previous.id)
                  .catch((e: unknown) => setError(errorText(e)))
                  .finally(() => setRestoring(false));
              }}
            >
              {restoring
                ? t('syncUi.recovery.restoring')
                : t('syncUi.recovery.restore', { revision: previous.revision })}
            </Button>
          )}
          <Button onPress={onKeep}>{t('syncUi.recovery.keep')}</Button>
        </div>
      </section>
    );
  }

  return (
    <section className="recovery" aria-labelledby="recovery-title" data-testid="recovery">
      <h2 id="recovery-title" className="recovery-title" ref={headingRef} tabIndex={-1}>
        {t('syncUi.recovery.title')}
      </h2>
      {status.revision && (
        <p className="recovery-saved">
          {t('syncUi.recovery.saved', {
            revision: status.revision,
            time: formatTime(status.appliedAt ?? status.pushedAt ?? now),
          })}
        </p>
      )}
      <p className="recovery-lead">{t('syncUi.recovery.lead', { ip: status.clientIp ?? '?' })}</p>
      <RecoveryWays step3={t('syncUi.recovery.step3')} deadline={deadline} now={now} />
      <ErrorCallout>{apply.probeError}</ErrorCallout>
      {apply.lastProbeAt && !apply.probing && (
        <p className="muted" role="status">
          {t('syncUi.recovery.stillLocked', { time: formatTime(apply.lastProbeAt) })}
        </p>
      )}
      <div className="recovery-actions">
        <Button variant="primary" onPress={() => void apply.probe()} isDisabled={apply.probing}>
          {apply.probing ? t('syncUi.recovery.checking') : t('syncUi.recovery.checkAccess')}
        </Button>
      </div>
    </section>
  );
}
