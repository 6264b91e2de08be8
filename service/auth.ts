import type { IncomingMessage } from 'node:http';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { AdminAccount } from './options.ts';
import type { LoginThrottle } from './login-throttle.ts';
import { HttpError } from './http-io.ts';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/**
 * Check `X-Cybozu-Authorization: base64("LOGIN:PASSWORD")` and return the login.
 *
 * 429 TOO_MANY_ATTEMPTS with Retry-After while the address is throttled (checked first, so a
 * throttled caller learns nothing about the password); 401 UNAUTHORIZED for a missing header or
 * wrong credentials (the latter counts as a failed login).
 */
export function authenticate(
  req: IncomingMessage,
  ip: string,
  admins: AdminAccount[],
  throttle: LoginThrottle,
  now: number,
): string {
  const wait = throttle.retryAfterSeconds(ip, now);
  if (wait !== null) {
    throw new HttpError(
      429,
      'TOO_MANY_ATTEMPTS',
      `Too many failed logins from ${ip}; try again in ${wait} seconds.`,
      { retryAfterSeconds: wait },
      { 'Retry-After': String(wait) },
    );
  }
  const header = req.headers['x-cybozu-authorization'];
  if (typeof header !== 'string' || header.trim() === '') {
    throw new HttpError(
      401,
      'UNAUTHORIZED',
      'Sign-in required: send X-Cybozu-Authorization with base64("LOGIN:PASSWORD").',
    );
  }
  const decoded = Buffer.from(header.trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  const login = colon > 0 ? decoded.slice(0, colon) : '';
  const password = colon > 0 ? decoded.slice(colon + 1) : '';
  // Compare digests in constant time; check every account so timing does not reveal logins.
  let match: string | null = null;
  for (const admin of admins) {
    const same = timingSafeEqual(
      digest(`${admin.login}\u0000${admin.password}`),
      digest(`${login}\u0000${password}`),
    );
    if (same) match = admin.login;
  }
  if (match === null) {
    throttle.recordFailure(ip, now);
    throw new HttpError(401, 'UNAUTHORIZED', 'The login name or password is wrong.');
  }
  return match;
}
