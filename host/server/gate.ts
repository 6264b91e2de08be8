import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Who may talk to the browser-mode server: the one decision, as a function of the request's
 * method, path, headers and the server's token and port (unit-tested with fast-check, and over
 * real HTTP in test/integration/host).
 *
 * - Host must be `127.0.0.1:PORT` or `localhost:PORT` (a DNS-rebinding page sends its own name).
 * - The connection token must come with every request: as the `token` query parameter of a GET
 *   (the URL printed for the user; exchanged for a cookie, then redirected away), or in the
 *   HttpOnly, SameSite=Strict cookie.
 * - A state-changing request (POST) must carry an Origin of this server; any request with a
 *   foreign Origin, or that the browser marks as coming from another origin (Sec-Fetch-Site), is
 *   refused. No CORS headers, ever.
 */

export type GateRequest = {
  method: string;
  /** Path and query as received (`req.url`). */
  url: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
  secFetchSite: string | undefined;
};

export type GateVerdict =
  | {
      ok: true;
      /** The token came in the query: set the cookie and redirect to `location`. */
      exchange: { location: string } | null;
    }
  | { ok: false; status: 401 | 403 | 405; reason: string };

export type GateConfig = { token: string; port: number };

/** The cookie that carries the token (per port: cookies are not separated by port). */
export function cookieName(port: number): string {
  return `allowlist-token-${port}`;
}

/** The Host header values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The page origins this server trusts (also the invoker's allowedOrigins). */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/** The `Set-Cookie` value after a successful token exchange. */
export function tokenCookie(config: GateConfig): string {
  return `${cookieName(config.port)}=${config.token}; Path=/; HttpOnly; SameSite=Strict`;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function sameToken(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

function cookieValue(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return null;
}

/** Decide one request. Never echoes the token or header values in `reason`. */
export function checkRequest(request: GateRequest, config: GateConfig): GateVerdict {
  const host = request.host?.toLowerCase();
  if (!host || !allowedHosts(config.port).includes(host)) {
    return {
      ok: false,
      status: 403,
      reason: `This server answers only to http://127.0.0.1:${config.port}/.`,
    };
  }
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    return { ok: false, status: 405, reason: 'Only GET and POST are served here.' };
  }
  const origins = allowedOrigins(config.port);
  if (request.origin !== undefined && !origins.includes(request.origin)) {
    return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  }
  if (method === 'POST' && request.origin === undefined) {
    return { ok: false, status: 403, reason: 'A request that changes something needs an Origin.' };
  }
  // Chromium names where a request comes from; another port of 127.0.0.1 is "same-site" (and
  // carries SameSite cookies), so only this origin ("same-origin") or the address bar ("none").
  if (
    request.secFetchSite !== undefined &&
    !['same-origin', 'none'].includes(request.secFetchSite)
  ) {
    return { ok: false, status: 403, reason: 'Requests from other sites are refused.' };
  }

  let url: URL;
  try {
    url = new URL(request.url, `http://${host}`);
  } catch {
    return { ok: false, status: 403, reason: 'Malformed request.' };
  }
  const fromCookie = cookieValue(request.cookie, cookieName(config.port));
  const fromQuery = method === 'GET' ? url.searchParams.get('token') : null;
  if (fromQuery !== null) {
    if (!sameToken(fromQuery, config.token)) return unauthorized();
    url.searchParams.delete('token');
    return { ok: true, exchange: { location: `${url.pathname}${url.search}` } };
  }
  if (fromCookie === null || !sameToken(fromCookie, config.token)) return unauthorized();
  return { ok: true, exchange: null };
}

function unauthorized(): GateVerdict {
  return {
    ok: false,
    status: 401,
    reason: 'Open the URL that `npm start -- --browser` printed: it carries this session’s token.',
  };
}
