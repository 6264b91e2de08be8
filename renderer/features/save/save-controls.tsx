import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { PlanView } from '../../../shared/contract/ipc.ts';
import { restrictionBackOn } from '../../../shared/sync/restriction-off.ts';
import { Button } from '../../components/ui/button.tsx';
import { LockoutDialog } from './lockout-dialog.tsx';
import { PlanDialog } from './plan-dialog.tsx';

/**
 * The parts of "Review and save…" that an API profile (save-flow.tsx) and a cybozu.com Store
 * profile (handoff/handoff-save.tsx) share: the button with why it cannot be pressed now, and the
 * plan's review followed by the lockout confirmation. What "send" means is the caller's.
 */

/** "Review and save…", the reason it is disabled, and the error of a review that did not open. */
export function SaveButton({
  onReview,
  disabledReason,
  busy,
  error,
}: {
  onReview: () => void;
  disabledReason: string | null;
  busy: boolean;
  /** Shown next to the button (only while no dialog shows it). */
  error: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Button
        variant="primary"
        onPress={onReview}
        isDisabled={disabledReason !== null || busy}
        aria-describedby={disabledReason ? 'save-disabled-reason' : undefined}
      >
        {t('save.button')}
      </Button>
      {disabledReason && (
        <span id="save-disabled-reason" className="save-reason" data-testid="save-disabled-reason">
          {disabledReason}
        </span>
      )}
      {error && (
        <span className="save-reason save-error" role="alert">
          {error}
        </span>
      )}
    </>
  );
}

/**
 * The plan's review, then (when the plan excludes the admin or a protected address) the lockout
 * confirmation with its phrase; confirming either sends the plan through `onSend`.
 */
export function PlanDialogs({
  state,
  serviceName,
  labels,
  onCancel,
  onLockout,
  onSend,
  onRestrictionBackOn,
  onLockoutCancel,
}: {
  /**
   * The plan under review and the plan awaiting its lockout phrase (at most one of them), whether
   * a plan or a send runs, and why the last one did not go through.
   */
  state: {
    plan: PlanView | null;
    lockoutPlan: PlanView | null;
    busy: boolean;
    error: string | null;
  };
  serviceName: string;
  labels?: { intro: string; yourAddress: string; confirm: string } | undefined;
  onCancel: () => void;
  /** The plan needs its phrase: show the lockout confirmation instead of the review. */
  onLockout: (plan: PlanView) => void;
  onSend: (plan: PlanView, confirmation?: string) => void;
  /** Put this list (the plan's with the restriction back on) in the editor. */
  onRestrictionBackOn: (config: Config) => void;
  onLockoutCancel: () => void;
}) {
  const { plan, lockoutPlan, ...shared } = state;
  return (
    <>
      <PlanDialog
        {...shared}
        plan={plan}
        serviceName={serviceName}
        labels={labels}
        onCancel={onCancel}
        onConfirm={() => {
          if (!plan) return;
          if (plan.confirmationPhrase !== null) onLockout(plan);
          else onSend(plan);
        }}
        onRestrictionBackOn={() => {
          if (!plan?.restrictionOff) return;
          onRestrictionBackOn(restrictionBackOn(plan.config, plan.restrictionOff));
        }}
      />
      <LockoutDialog
        key={lockoutPlan?.planId ?? 'none'}
        {...shared}
        plan={lockoutPlan}
        onCancel={onLockoutCancel}
        onConfirm={(phrase) => lockoutPlan && onSend(lockoutPlan, phrase)}
      />
    </>
  );
}
