import { createHash, timingSafeEqual } from 'node:crypto';
import { HOST_PATHS, TOKEN_SCHEME } from '../protocol.ts';

/**
 * Who may talk to the browser-mode server: the one decision, as a function of the request's
 * method, target, headers and the server's token and port (unit-tested with fast-check, and over
 * real HTTP in test/integration/host and test/integration/host-hostile).
 *
 * - Exactly one Host header, and it must be `127.0.0.1:PORT` or `localhost:PORT` (a
 *   DNS-rebinding page sends its own name); an absolute-form target must name the same.
 * - The renderer's static files (index.html, scripts, styles, fonts: public, no secrets) are
 *   served without the token. Every API route (invoke, events, download) needs the connection
 *   token in `Authorization: Bearer …`, which only the page's bridge holds (read from the
 *   printed URL's fragment, kept in the tab's sessionStorage). Never a cookie: cookies are not
 *   separated by port, so Chromium would hand one to every other server on 127.0.0.1; a Cookie
 *   header is ignored.
 * - A state-changing request (POST) must carry an Origin of this server; any request with a
 *   foreign Origin, or that the browser marks as coming from another origin (Sec-Fetch-Site), is
 *   refused. No CORS headers, ever (the Authorization header forces a preflight cross-origin,
 *   and OPTIONS is refused).
 */

export type GateRequest = {
  method: string;
  /** The request target as received (`req.url`). */
  url: string;
  /** Every Host header of the request (from `req.rawHeaders`). */
  hosts: readonly string[];
  origin: string | undefined;
  authorization: string | undefined;
  secFetchSite: string | undefined;
};

export type GateVerdict =
  | {
      ok: true;
      /** The path of the target (without query). */
      path: string;
    }
  | { ok: false; status: 400 | 401 | 403 | 405; reason: string };

export type GateConfig = { token: string; port: number };

/** The Host header values this server answers to. */
export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

/** The page origins this server trusts (also the invoker's allowedOrigins). */
export function allowedOrigins(port: number): string[] {
  return allowedHosts(port).map((h) => `http://${h}`);
}

/** Whether a path is an API route (needs the token) rather than a static file of the page. */
export function isApiPath(path: string): boolean {
  return path.startsWith('/__host/') && path !== HOST_PATHS.bridge;
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** Constant-time comparison (hashing first makes the lengths equal). */
function sameToken(given: string, token: string): boolean {
  return timingSafeEqual(digest(given), digest(token));
}

function refuse(status: 400 | 403, reason: string): GateVerdict {
  return { ok: false, status, reason };
}

/** The target's path, or null when it is malformed or names another authority. */
function targetPath(target: string, host: string, port: number): string | null {
  if (target.startsWith('/') && !target.startsWith('//')) {
    try {
      return new URL(target, `http://${host}`).pathname;
    } catch {
      return null;
    }
  }
  // Absolute form (`GET http://host/ HTTP/1.1`): only when it names this server.
  try {
    const url = new URL(target);
    if (url.protocol !== 'http:' || url.username || url.password) return null;
    return allowedHosts(port).includes(url.host.toLowerCase()) ? url.pathname : null;
  } catch {
    return null;
  }
}

/** Decide one request. Never echoes the token or header values in `reason`. */
export function checkRequest(request: GateRequest, config: GateConfig): GateVerdict {
  if (request.hosts.length > 1) return refuse(400, 'A request has one Host header.');
  const host = request.hosts[0]?.toLowerCase();
  if (!host || !allowedHosts(config.port).includes(host)) {
    return refuse(403, `This server answers only to http://127.0.0.1:${config.port}/.`);
  }
  const path = targetPath(request.url, host, config.port);
  if (path === null) return refuse(400, 'Malformed request target.');
  const method = request.method.toUpperCase();
  if (method !== 'GET' && method !== 'POST') {
    return { ok: false, status: 405, reason: 'Only GET and POST are served here.' };
  }
  const origins = allowedOrigins(config.port);
  if (request.origin !== undefined && !origins.includes(request.origin)) {
    return refuse(403, 'Requests from other sites are refused.');
  }
  if (method === 'POST' && request.origin === undefined) {
    return refuse(403, 'A request that changes something needs an Origin.');
  }
  // Chromium names where a request comes from; another port of 127.0.0.1 is "same-site", so
  // only this origin ("same-origin") or the address bar ("none").
  if (
    request.secFetchSite !== undefined &&
    !['same-origin', 'none'].includes(request.secFetchSite)
  ) {
    return refuse(403, 'Requests from other sites are refused.');
  }
  if (method === 'POST' || isApiPath(path)) {
    const prefix = `${TOKEN_SCHEME} `;
    const given = request.authorization?.startsWith(prefix)
      ? request.authorization.slice(prefix.length)
      : null;
    if (given === null || !sameToken(given, config.token)) {
      return {
        ok: false,
        status: 401,
        reason:
          'Open the URL that `npm start -- --browser` printed: it carries this session’s token.',
      };
    }
  }
  return { ok: true, path };
}
