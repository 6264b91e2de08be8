import type { ApplyStatusView } from '../../shared/contract/ipc.ts';
import type { Restriction, ServiceResult } from '../../shared/contract/service.ts';
import { fingerprintOf } from './base-identity.ts';
import { AppError, toIpcError } from './errors.ts';
import { RESET_WINDOW_MS, serviceFailure } from './service-failure.ts';

/**
 * True when `revision` is known to come after `than`: both are strings of digits and the number
 * is larger. Compared exactly (BigInt): revisions are decimal strings that may exceed 2^53, where
 * Number() would round two different revisions to one. Anything else has no order (false).
 */
export function isLaterRevision(revision: string, than: string | null): boolean {
  if (than === null || !/^\d+$/.test(revision) || !/^\d+$/.test(than)) return false;
  return BigInt(revision) > BigInt(than);
}

/** What one look at the service changes in the apply status, and whether following can stop. */
export type ApplyStep = { patch: Partial<ApplyStatusView>; done: boolean };

/**
 * The pure phase transition of the apply tracker: what one look at the service (`result` of a
 * GET) changes in `status`, and whether following can stop. No I/O and no clock but `now`, so
 * test/unit/electron/core/apply-phase.test.ts covers it with a table.
 *
 * `expected`: fingerprint of the pushed list (kept across a restart; null when unknown), what the
 * service must show at the acknowledged revision or a later one while the save is followed.
 */
export function applyStep(
  status: ApplyStatusView,
  result: ServiceResult<Restriction>,
  context: { expected: string | null; now: Date },
): ApplyStep {
  if (!result.ok) {
    const error = result.error;
    if (error.kind === 'IP_RESTRICTED') {
      const appliedAt = status.appliedAt ?? context.now.toISOString();
      // The e-mail went out when the revision was applied, somewhere between the save and this
      // first refusal. Without the service's own appliedAt, count the hour from the save: the
      // countdown may show less time than there is, never more.
      // A later refusal keeps the deadline set at the first one (appliedAt is that refusal's
      // time by now, which would move the window later than the e-mail's).
      const windowStart = status.appliedAt ?? status.pushedAt ?? appliedAt;
      return {
        patch: {
          phase: 'locked-out',
          serviceState: 'APPLIED',
          appliedAt,
          clientIp: error.clientIp,
          resetDeadline:
            status.resetDeadline ??
            new Date(Date.parse(windowStart) + RESET_WINDOW_MS).toISOString(),
          message: `The service now refuses your address ${error.clientIp}: you are locked out. Open the Reset URL in the e-mail the service sent after the save; it works for one hour. Once access is back you can restore the previous revision.`,
        },
        done: true,
      };
    }
    if (error.kind === 'OFFLINE' || error.kind === 'TIMEOUT') {
      return {
        patch: {
          phase: status.phase === 'verified' ? 'verified' : 'offline',
          message: 'The service cannot be reached right now; access could not be checked.',
        },
        done: false,
      };
    }
    return {
      patch: {
        phase: 'error',
        message: error.message,
        problem: toIpcError(serviceFailure(error, 'check the save')),
      },
      done: true,
    };
  }
  const { apply } = result.value;
  const mine = status.revision;
  const shown = fingerprintOf({ mode: result.value.mode, entries: result.value.entries });
  // While following (not after a lockout, where a Reset URL's "Allow all" is the way back):
  // the service must show the pushed list, at its revision or a later one.
  if (context.expected !== null && status.phase !== 'locked-out' && shown !== context.expected) {
    // Another list under the revision it acknowledged, or a later revision with another list
    // (saved over by someone, or a service that lost its data): never "verified".
    const problem =
      result.value.revision === mine
        ? new AppError('SERVICE_ERROR', { revision: mine ?? '?' }, 'APPLY_OTHER_LIST')
        : new AppError(
            'SERVICE_ERROR',
            { revision: mine ?? '?', current: result.value.revision },
            'APPLY_LIST_REPLACED',
          );
    return {
      patch: {
        phase: 'error',
        problem: toIpcError(problem),
        message:
          result.value.revision === mine
            ? `The service shows another list at revision ${mine} than the one saved. Refresh from the service and review before saving again.`
            : `The service now holds revision ${result.value.revision} with another list than the one saved as revision ${mine} (someone saved over it, or the service lost it). Refresh from the service and review before saving again.`,
      },
      done: true,
    };
  }
  const appliedMine =
    apply.state === 'APPLIED' && (apply.revision === mine || isLaterRevision(apply.revision, mine));
  if (!appliedMine) {
    return {
      patch: {
        phase: 'applying',
        serviceState: apply.state,
        message: 'The service is applying the new list.',
      },
      done: false,
    };
  }
  // APPLIED and this GET was let through: the probe succeeded.
  return {
    patch: {
      phase: 'verified',
      serviceState: 'APPLIED',
      appliedAt: apply.appliedAt ?? status.appliedAt ?? context.now.toISOString(),
      message:
        status.phase === 'locked-out'
          ? 'Access is back. You can restore the previous revision.'
          : 'Applied. Verified: you still have access.',
    },
    done: true,
  };
}
