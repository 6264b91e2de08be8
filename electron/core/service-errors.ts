import { ErrorBodySchema } from '../../shared/contract/service.ts';
import type { ServiceError } from '../../shared/contract/service.ts';
import type { RawResponse } from './http-transport.ts';

/** Retry-After as seconds (delta-seconds or an HTTP date), or null. */
export function retryAfterSeconds(
  header: string | string[] | undefined,
  now = Date.now(),
): number | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (value === undefined || value.trim() === '') return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value);
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/**
 * Map a non-2xx response to the typed error the UI explains.
 *
 * The body is parsed with the contract's schema; a body that is not the contract's still yields
 * an error of the right kind from the status alone.
 */
export function mapErrorResponse(response: RawResponse, fallbackRequestId: string): ServiceError {
  let body: ReturnType<typeof ErrorBodySchema.safeParse>['data'];
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(response.body.toString('utf8')));
    body = parsed.success ? parsed.data : undefined;
  } catch {
    body = undefined;
  }
  const header = response.headers['x-request-id'];
  const requestId =
    (typeof header === 'string' ? header : undefined) ?? body?.requestId ?? fallbackRequestId;
  const status = response.status;
  const said = body?.message ? ` ${body.message}` : '';
  if (status === 401)
    return { kind: 'UNAUTHORIZED', message: `The service refused the login.${said}`, requestId };
  if (status === 403 && body?.code === 'IP_RESTRICTED') {
    const clientIp = body.clientIp ?? 'unknown';
    return {
      kind: 'IP_RESTRICTED',
      message: `The service does not allow access from ${clientIp}.`,
      clientIp,
      requestId,
    };
  }
  if (status === 412) {
    const etag = response.headers.etag?.replace(/^(W\/)?"|"$/g, '');
    const currentRevision = body?.currentRevision ?? etag ?? 'unknown';
    return {
      kind: 'REVISION_CONFLICT',
      message: `Someone saved in the meantime: the service is at revision ${currentRevision}.`,
      currentRevision,
      requestId,
    };
  }
  if (status === 400 && body?.code === 'VALIDATION_FAILED') {
    return {
      kind: 'VALIDATION',
      message: `The service refused the list.${said}`,
      errors: body.errors ?? [],
      requestId,
    };
  }
  if (status === 428)
    return {
      kind: 'PRECONDITION_REQUIRED',
      message: `The service requires a revision to save.${said}`,
      requestId,
    };
  if (status === 429 || status === 503) {
    const wait = retryAfterSeconds(response.headers['retry-after']);
    if (status === 429 || wait !== null) {
      return {
        kind: 'THROTTLED',
        message: `The service asks to wait${wait !== null ? ` ${wait} seconds` : ''} before trying again.${said}`,
        retryAfterSeconds: wait,
        requestId,
      };
    }
  }
  if (status >= 500) {
    return {
      kind: 'SERVER_ERROR',
      message: `The service failed (HTTP ${status}).${said}`,
      status,
      requestId,
    };
  }
  return {
    kind: 'BAD_RESPONSE',
    message: `The service answered HTTP ${status}${body?.code ? ` ${body.code}` : ''}.${said}`,
    requestId,
  };
}
