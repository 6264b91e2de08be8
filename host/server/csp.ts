import { CONTENT_SECURITY_POLICY } from '../../electron/main/security.ts';

/**
 * The Electron window's Content-Security-Policy, with one directive changed: the page talks to
 * its own server (invoke over fetch, events over a streamed fetch), so `connect-src 'self'` instead of
 * `'none'`. Every other directive comes from electron/main/security.ts (one home).
 */
export const BROWSER_CSP = ((): string => {
  const directives = CONTENT_SECURITY_POLICY.split('; ');
  const at = directives.findIndex((d) => d.startsWith('connect-src '));
  if (at < 0) throw new Error('The app CSP has no connect-src directive.');
  directives[at] = "connect-src 'self'";
  return directives.join('; ');
})();
