import '../sync/sync.css';
import { ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { assertNever } from '../../../shared/allowlist/model.ts';
import { Button } from '../../components/ui/button.tsx';
import { errorText, IpcCallError } from '../../lib/api.ts';
import { formatDuration, useNow } from './use-apply.ts';
import type { ApplyTracking } from './use-apply.ts';

/**
 * After a push: "applying" with the elapsed time until the service reports APPLIED, then
 * "verified: you still have access" once the probe got through. Lockouts go to the recovery
 * screen instead (see RecoveryScreen).
 */
export function ApplyBanner({ apply }: { apply: ApplyTracking }) {
  const { t } = useTranslation();
  const status = apply.status;
  const applying = status?.phase === 'applying';
  const now = useNow(applying);
  if (!status || apply.lockedOut || apply.accessBack) return null;
  const revision = status.revision ?? '?';
  switch (status.phase) {
    case 'idle':
    case 'locked-out':
      return null;
    case 'applying': {
      const since = status.pushedAt ? Date.parse(status.pushedAt) : now;
      const elapsed = formatDuration(now - since);
      return (
        <div className="callout callout-info apply-banner" role="status" data-testid="apply-banner">
          <ProgressBar
            isIndeterminate
            aria-label={t('syncUi.apply.progressLabel')}
            className="apply-progress"
          >
            <div className="apply-progress-track">
              <div className="apply-progress-fill" />
            </div>
          </ProgressBar>
          <span className="apply-text">{t('syncUi.apply.applying', { revision })}</span>
          <span className="apply-elapsed" data-testid="apply-elapsed">
            {t('syncUi.apply.elapsed', { time: elapsed })}
          </span>
        </div>
      );
    }
    case 'applied':
      return (
        <div className="callout callout-info apply-banner" role="status" data-testid="apply-banner">
          <span className="apply-text">
            {t('syncUi.apply.applied', { revision })} {t('syncUi.apply.verifying')}
          </span>
        </div>
      );
    case 'verified':
      return (
        <div className="callout callout-ok apply-banner" role="status" data-testid="apply-banner">
          <span className="apply-icon" aria-hidden="true">
            ✓
          </span>
          <span className="apply-text">{t('syncUi.apply.verified', { revision })}</span>
          <Button size="small" variant="quiet" onPress={apply.dismiss}>
            {t('app.dismiss')}
          </Button>
        </div>
      );
    case 'offline':
    case 'error':
      return (
        <div
          className="callout callout-warning apply-banner"
          role="status"
          data-testid="apply-banner"
        >
          <span className="apply-text">
            {status.phase === 'offline'
              ? t('syncUi.apply.offline', { revision })
              : t('syncUi.apply.error', {
                  revision,
                  message: status.problem
                    ? errorText(new IpcCallError(status.problem))
                    : status.message,
                })}
          </span>
          <Button size="small" onPress={() => void apply.probe()} isDisabled={apply.probing}>
            {t('syncUi.apply.checkAgain')}
          </Button>
        </div>
      );
    default:
      return assertNever(status.phase);
  }
}
