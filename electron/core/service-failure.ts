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
      return new AppError('OFFLINE', { action });
    case 'TIMEOUT':
      return new AppError('TIMEOUT', { action });
    case 'UNAUTHORIZED':
      return new AppError('UNAUTHORIZED');
    case 'THROTTLED':
      return error.retryAfterSeconds !== null
        ? new AppError(
            'THROTTLED',
            { retryAfterSeconds: error.retryAfterSeconds },
            'THROTTLED_SECONDS',
          )
        : new AppError('THROTTLED');
    case 'IP_RESTRICTED':
      return new AppError('IP_RESTRICTED', { clientIp: error.clientIp });
    case 'VALIDATION':
      // The service's own words (its language): passed on as they are.
      return new AppError('VALIDATION_FAILED', {
        detail:
          error.errors
            .map((e) => e.message)
            .slice(0, 3)
            .join(' ') || error.message,
      });
    case 'REVISION_CONFLICT':
      return new AppError('SERVICE_ERROR', {}, 'REVISION_CONFLICT');
    case 'PRECONDITION_REQUIRED':
    case 'INSECURE_URL':
    case 'REDIRECT_REFUSED':
    case 'CERTIFICATE_REFUSED':
    case 'BAD_RESPONSE':
      return new AppError('SERVICE_ERROR', { detail: error.message });
    case 'SAVE_OUTCOME_UNKNOWN':
      return new AppError('SERVICE_ERROR', { detail: error.message }, 'SAVE_OUTCOME_UNKNOWN');
    case 'SERVER_ERROR':
      return new AppError('SERVICE_ERROR', { status: error.status }, 'SERVER_ERROR');
    default:
      return assertNever(error);
  }
}
