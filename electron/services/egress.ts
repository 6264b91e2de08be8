import {
  checkEgress as checkWith,
  EGRESS_TIMEOUT_MS,
  MAX_EGRESS_ENDPOINTS,
  type EgressGet,
  type EgressResult,
} from '../../shared/handoff/egress.ts';
import { AppError } from './errors.ts';
import { checkBaseUrl, type Transport } from './http-transport.ts';

export { DEFAULT_EGRESS_ENDPOINTS } from '../../shared/handoff/egress.ts';

/**
 * The egress check (shared/handoff/egress.ts) and the tenant's login page, through the app's
 * transport: Electron's `net` in the app (the system proxy, PAC, the OS certificates), plain Node
 * with the environment's proxy in browser mode and tests.
 */

/** Check a settings list of endpoints: each https (or http to this computer), at most ten. */
export function checkEgressEndpoints(list: readonly string[]): string[] {
  if (list.length === 0)
    throw new AppError('INVALID_INPUT', { field: 'egressEndpoints' }, 'EGRESS_NONE');
  if (list.length > MAX_EGRESS_ENDPOINTS)
    throw new AppError(
      'INVALID_INPUT',
      { field: 'egressEndpoints', max: MAX_EGRESS_ENDPOINTS },
      'EGRESS_TOO_MANY',
    );
  return list.map((text, index) => {
    const checked = checkBaseUrl(text.trim());
    if (!checked.ok)
      throw new AppError(
        'INVALID_INPUT',
        { row: index + 1, field: 'egressEndpoints', detail: checked.message },
        'EGRESS_ENDPOINT_INVALID',
      );
    return text.trim();
  });
}

/** One GET through the transport, as the egress check wants it. */
function getter(transport: Transport): EgressGet {
  return async (url, timeoutMs) => {
    const sent = await transport(new URL(url), {
      method: 'GET',
      headers: { Accept: 'text/plain', 'Cache-Control': 'no-cache' },
      timeoutMs,
    });
    return sent.ok
      ? { ok: true, status: sent.response.status, body: sent.response.body.toString('utf8') }
      : { ok: false, message: sent.failure.message };
  };
}

/** Ask every endpoint through the transport and judge. */
export function checkEgress(
  transport: Transport,
  endpoints: readonly string[],
  timeoutMs = EGRESS_TIMEOUT_MS,
): Promise<EgressResult> {
  return checkWith(getter(transport), endpoints, timeoutMs);
}

/** What the tenant's login page answered from this computer (the admin judges: pages vary). */
export type SignInCheck = {
  url: string;
  status: number | null;
  /** Where a redirect points (same site or another), as the page said. */
  location: string | null;
  error: string | null;
};

/** Request the tenant's login page once (no redirect followed). Never throws. */
export async function checkSignInPage(
  transport: Transport,
  origin: string,
  timeoutMs = EGRESS_TIMEOUT_MS,
): Promise<SignInCheck> {
  const url = new URL('/login', origin).href;
  const sent = await transport(new URL(url), {
    method: 'GET',
    headers: { Accept: 'text/html' },
    timeoutMs,
  });
  if (!sent.ok) return { url, status: null, location: null, error: sent.failure.message };
  const location = sent.response.headers.location;
  return {
    url,
    status: sent.response.status,
    location: typeof location === 'string' ? location.slice(0, 500) : null,
    error: null,
  };
}
