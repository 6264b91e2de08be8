import { Trans, useTranslation } from 'react-i18next';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { formatDuration } from '../apply/use-apply.ts';

/**
 * The ways back in after a lockout and the Reset URL's hour counting down: shared by the API
 * profiles' recovery (recovery-screen.tsx) and the cybozu.com Store's (handoff/handoff-recovery.tsx),
 * which differ only in the third step.
 */
export function RecoveryWays({
  step3,
  deadline,
  now,
}: {
  /** The last step of the Reset URL way (what to do once the page is open again). */
  step3: string;
  /** When the Reset URL stops working (ms since the epoch); null when not known. */
  deadline: number | null;
  now: number;
}) {
  const { t } = useTranslation();
  // One date-time format everywhere: the deadline carries its date.
  const formatTime = useDateTimeFormat();
  const left = deadline === null ? null : deadline - now;
  return (
    <div className="recovery-grid">
      <div className="recovery-steps">
        <h3>{t('syncUi.recovery.howTitle')}</h3>
        <ol>
          <li>
            {/* The English subject stays on one line, so it can be found in the mailbox. */}
            <Trans
              i18nKey="syncUi.recovery.step1"
              components={{ subject: <span className="no-break" lang="en" /> }}
            />
          </li>
          <li>{t('syncUi.recovery.step2')}</li>
          <li>{step3}</li>
        </ol>
        <h3>{t('syncUi.recovery.storeTitle')}</h3>
        <p data-testid="recovery-store-way">{t('syncUi.recovery.storeWay')}</p>
      </div>
      <div
        className={`recovery-clock${left !== null && left <= 0 ? ' recovery-clock-expired' : ''}`}
        data-testid="reset-window"
      >
        <h3 id="recovery-left-label">{t('syncUi.recovery.timeLeftLabel')}</h3>
        {left === null || deadline === null ? (
          <p>{t('syncUi.recovery.noDeadline')}</p>
        ) : left > 0 ? (
          <>
            <p
              className="recovery-left"
              aria-labelledby="recovery-left-label"
              data-testid="reset-time-left"
            >
              {t('syncUi.recovery.timeLeft', { time: formatDuration(left) })}
            </p>
            <p className="muted">{t('syncUi.recovery.deadline', { time: formatTime(deadline) })}</p>
          </>
        ) : (
          <p role="alert">{t('syncUi.recovery.expired')}</p>
        )}
      </div>
    </div>
  );
}
