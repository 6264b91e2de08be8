import { assertNever } from '../../shared/allowlist/model.ts';
import type { ServiceError } from '../../shared/contract/service.ts';
import { AppError } from './errors.ts';

/** One hour: the Reset URL in the completion e-mail (docs/service-contract.md). */
export const RESET_WINDOW_MS = 60 * 60 * 1000;

/**
 * Turn a service failure into the error the user reads.
 *
 * Network failures say that the draft is kept: nothing is lost offline.
 */
export function serviceFailure(error: ServiceError, action: string): AppError {
  switch (error.kind) {
    case 'OFFLINE':
      return new AppError(
        'OFFLINE',
        `The service cannot be reached, so ${action} needs the network. Your draft is kept on this computer.`,
      );
    case 'TIMEOUT':
      return new AppError(
        'TIMEOUT',
        `The service did not answer in time (${action}). Your draft is kept on this computer.`,
      );
    case 'UNAUTHORIZED':
      return new AppError(
        'UNAUTHORIZED',
        'The service refused the login or password. Check them in the profile.',
      );
    case 'THROTTLED':
      return new AppError(
        'THROTTLED',
        `Too many failed logins: the service asks to wait${error.retryAfterSeconds !== null ? ` ${error.retryAfterSeconds} seconds` : ''}.`,
        error.retryAfterSeconds !== null
          ? { retryAfterSeconds: error.retryAfterSeconds }
          : undefined,
      );
    case 'IP_RESTRICTED':
      return new AppError(
        'IP_RESTRICTED',
        `The service refuses your address ${error.clientIp}: the IP restriction locks you out. Use the Reset URL in the e-mail the service sent after the save (valid for one hour).`,
        { clientIp: error.clientIp },
      );
    case 'VALIDATION':
      return new AppError(
        'VALIDATION_FAILED',
        `The service refused the list: ${
          error.errors
            .map((e) => e.message)
            .slice(0, 3)
            .join(' ') || error.message
        }`,
      );
    case 'REVISION_CONFLICT':
      return new AppError(
        'SERVICE_ERROR',
        'Someone saved the list in the meantime; pull to merge.',
      );
    case 'PRECONDITION_REQUIRED':
    case 'INSECURE_URL':
    case 'REDIRECT_REFUSED':
    case 'CERTIFICATE_REFUSED':
    case 'BAD_RESPONSE':
      return new AppError('SERVICE_ERROR', error.message);
    case 'SAVE_OUTCOME_UNKNOWN':
      return new AppError(
        'SERVICE_ERROR',
        `${error.message} Pull before trying again; your draft is kept.`,
      );
    case 'SERVER_ERROR':
      return new AppError(
        'SERVICE_ERROR',
        `The service failed (HTTP ${error.status}). Your draft is kept; try again later.`,
      );
    default:
      return assertNever(error);
  }
}
