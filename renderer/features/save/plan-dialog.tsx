import { useTranslation } from 'react-i18next';
import type { Entry } from '../../../shared/allowlist/model.ts';
import type { PlanView } from '../../../shared/contract/ipc.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

function entryText(e: Entry): string {
  return `${e.ip}${e.cidr === null ? '' : `/${e.cidr}`}`;
}

/**
 * The plan of a save: mode change, added / removed / changed entries, who keeps access.
 *
 * Cancel is the default (focused) button; a plan with blockers cannot be confirmed.
 */
export function PlanDialog({
  plan,
  serviceName,
  busy,
  error,
  onCancel,
  onConfirm,
  onRestrictionBackOn,
  labels,
}: {
  plan: PlanView | null;
  serviceName: string;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
  /** Turn the restriction back on with the entries in force before it went off. */
  onRestrictionBackOn: () => void;
  /** Other words where the save is not a call to the service (the cybozu.com Store hand-off). */
  labels?: { intro: string; yourAddress: string; confirm: string } | undefined;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const modeLabel = (m: string) =>
    m === 'ALLOW_ALL' ? t('mode.allowAll') : t('mode.allowSpecific');
  const diff = plan?.diff;
  const nothing =
    diff &&
    !diff.modeChanged &&
    diff.added.length + diff.removed.length + diff.memoChanged.length === 0;
  return (
    <AppDialog
      title={t('save.planTitle')}
      isOpen={plan !== null}
      onOpenChange={(open) => {
        if (!open) onCancel();
      }}
      size="wide"
    >
      {plan && diff && (
        <div className="plan" data-testid="plan">
          <p>{labels?.intro ?? t('save.planIntro', { service: serviceName })}</p>
          {diff.modeChanged && (
            <p className="plan-mode callout callout-warning">
              {t('save.modeChange', {
                from: modeLabel(diff.modeChanged.from),
                to: modeLabel(diff.modeChanged.to),
              })}
            </p>
          )}
          {plan.restrictionOff && (
            <div className="callout callout-warning" data-testid="restriction-off">
              {plan.problems
                .filter((p) => p.code === 'RESTRICTION_STAYS_OFF')
                .map((p) => (
                  <p key={p.code}>{formatProblem(p, locale)}</p>
                ))}
              <Button onPress={onRestrictionBackOn} isDisabled={busy}>
                {t('save.restrictionBackOn', { count: plan.restrictionOff.entries.length })}
              </Button>
            </div>
          )}
          {nothing && <p>{t('save.noChanges')}</p>}
          <div className="plan-columns">
            <EntryListSection
              kind="added"
              sign="+"
              heading={t('save.added', { count: diff.added.length })}
              entries={diff.added}
            />
            <EntryListSection
              kind="removed"
              sign="−"
              heading={t('save.removed', { count: diff.removed.length })}
              entries={diff.removed}
            />
            {diff.memoChanged.length > 0 && (
              <section
                aria-labelledby="plan-changed"
                className="plan-section plan-changed scroll-panel"
              >
                <h3 id="plan-changed">{t('save.changed', { count: diff.memoChanged.length })}</h3>
                <ul>
                  {diff.memoChanged.map((c, i) => (
                    <li key={`c${i}`}>
                      <code>{entryText(c.after)}</code> “{c.before.memo}” → “{c.after.memo}”
                    </li>
                  ))}
                </ul>
              </section>
            )}
          </div>
          <p className="muted">{t('save.unchanged', { count: diff.unchanged })}</p>
          <section className="plan-access" aria-label={t('preview.heading')}>
            <p>
              {labels
                ? labels.yourAddress
                : plan.lockout.clientIp
                  ? t('save.yourAddress', { ip: plan.lockout.clientIp })
                  : t('save.yourAddressUnknown', { reason: plan.lockout.clientIpError ?? '' })}
            </p>
            <ul className="access-checks">
              {plan.lockout.checks.map((c) => (
                <li key={`${c.reason}-${c.ip}`} className={c.allowed ? 'access-ok' : 'access-lost'}>
                  <span aria-hidden="true">{c.allowed ? '✓' : '✕'}</span> <code>{c.ip}</code>{' '}
                  {c.reason === 'self'
                    ? t('save.selfLabel')
                    : t('save.protectedLabel', { label: c.label ?? '' })}
                  : <strong>{c.allowed ? t('save.accessKept') : t('save.accessLost')}</strong>
                </li>
              ))}
            </ul>
          </section>
          {plan.blockers.length > 0 && (
            <div className="callout callout-error" role="alert">
              <p>{t('save.blockers')}</p>
              <ul>
                {plan.blockers.map((p, i) => (
                  <li key={`${p.code}-${i}`}>{formatProblem(p, locale)}</li>
                ))}
              </ul>
            </div>
          )}
          <ErrorCallout>{error}</ErrorCallout>
          <div className="dialog-actions">
            <Button autoFocus onPress={onCancel}>
              {t('save.cancel')}
            </Button>
            <Button
              variant={plan.lockout.excludesSomeone ? 'danger' : 'primary'}
              onPress={onConfirm}
              isDisabled={busy || plan.blockers.length > 0 || nothing === true}
            >
              {busy ? t('save.saving') : (labels?.confirm ?? t('save.confirm'))}
            </Button>
          </div>
        </div>
      )}
    </AppDialog>
  );
}

/** One side of the plan (entries added or removed), hidden when empty. */
function EntryListSection({
  kind,
  sign,
  heading,
  entries,
}: {
  kind: 'added' | 'removed';
  sign: string;
  heading: string;
  entries: Entry[];
}) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby={`plan-${kind}`} className={`plan-section plan-${kind} scroll-panel`}>
      <h3 id={`plan-${kind}`}>{heading}</h3>
      <ul>
        {entries.map((e, i) => (
          <li key={i}>
            <span className="diff-sign" aria-hidden="true">
              {sign}
            </span>{' '}
            <code>{entryText(e)}</code> {e.memo}
          </li>
        ))}
      </ul>
    </section>
  );
}
