import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequest, isApiPath, type GateRequest } from '../../../../host/server/gate.ts';

const PORT = 40123;
const TOKEN = 'k3Y9-token-of-this-session_abcdefghijklmnopqrstu';
const config = { token: TOKEN, port: PORT };
const OURS = [`127.0.0.1:${PORT}`, `localhost:${PORT}`];

const hosts = fc.constantFrom(
  `127.0.0.1:${PORT}`,
  `localhost:${PORT}`,
  `LOCALHOST:${PORT}`,
  '127.0.0.1',
  `127.0.0.1:${PORT + 1}`,
  `evil.example:${PORT}`,
  `127.0.0.1.evil.example:${PORT}`,
);
const origins = fc.constantFrom(
  undefined,
  `http://127.0.0.1:${PORT}`,
  `http://localhost:${PORT}`,
  `https://127.0.0.1:${PORT}`,
  `http://127.0.0.1:${PORT + 1}`,
  'http://evil.example',
  'null',
);
const tokens = fc.constantFrom(null, TOKEN, `${TOKEN}x`, TOKEN.slice(1), '');
const paths = fc.constantFrom(
  '/',
  '/index.html',
  '/assets/app.js',
  '/__host/bridge.js',
  '/__host/invoke/app:info',
  '/__host/events',
  '/__host/download/abc',
);

/** Requests as any page, site or script could send them (a cookie is sent but never counts). */
const requests = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'DELETE'),
  path: paths,
  absolute: fc.constantFrom(null, `127.0.0.1:${PORT}`, `evil.example`, `127.0.0.1:${PORT + 1}`),
  hosts: fc.array(hosts, { minLength: 0, maxLength: 2 }),
  origin: origins,
  bearer: tokens,
  scheme: fc.constantFrom('Bearer', 'Basic', 'bearer'),
  queryToken: tokens,
  secFetchSite: fc.constantFrom(undefined, 'same-origin', 'same-site', 'cross-site', 'none'),
});

type Drawn = typeof requests extends fc.Arbitrary<infer T> ? T : never;

function toRequest(d: Drawn): GateRequest {
  const query = d.queryToken === null ? '' : `?token=${encodeURIComponent(d.queryToken)}`;
  return {
    method: d.method,
    url: `${d.absolute === null ? '' : `http://${d.absolute}`}${d.path}${query}`,
    hosts: d.hosts,
    origin: d.origin,
    authorization: d.bearer === null ? undefined : `${d.scheme} ${d.bearer}`,
    secFetchSite: d.secFetchSite,
  };
}

describe('browser mode gate', () => {
  it('lets a request through exactly when Host, target, method, Origin, fetch site and (for the API) the bearer token are all right', () => {
    fc.assert(
      fc.property(requests, (d) => {
        const verdict = checkRequest(toRequest(d), config);
        const oneHost = d.hosts.length === 1;
        const ourHost = oneHost && OURS.includes(d.hosts[0]!.toLowerCase());
        const ourTarget = d.absolute === null || OURS.includes(d.absolute);
        const ourOrigin =
          d.origin === `http://127.0.0.1:${PORT}` || d.origin === `http://localhost:${PORT}`;
        const originOk = d.method === 'POST' ? ourOrigin : d.origin === undefined || ourOrigin;
        const api = d.method === 'POST' || isApiPath(d.path);
        // Only the Authorization header counts: never the query, never a cookie.
        const tokenOk = d.scheme === 'Bearer' && d.bearer === TOKEN;
        const expected =
          ourHost &&
          ourTarget &&
          ['GET', 'POST'].includes(d.method) &&
          originOk &&
          (d.secFetchSite === undefined || ['same-origin', 'none'].includes(d.secFetchSite)) &&
          (!api || tokenOk);
        expect(verdict.ok).toBe(expected);
        if (!verdict.ok) expect(verdict.reason).not.toContain(TOKEN);
        // Two Host headers, or a foreign one, are refused before anything else is looked at.
        if (d.hosts.length > 1) expect(verdict).toMatchObject({ ok: false, status: 400 });
        else if (!ourHost) expect(verdict).toMatchObject({ ok: false, status: 403 });
        else if (!ourTarget) expect(verdict).toMatchObject({ ok: false, status: 400 });
        if (verdict.ok) expect(verdict.path).toBe(d.path);
      }),
      { numRuns: 3000 },
    );
  });

  it('serves the page’s static files without the token, but never an API route', () => {
    expect(isApiPath('/')).toBe(false);
    expect(isApiPath('/__host/bridge.js')).toBe(false);
    expect(isApiPath('/__host/invoke/app:info')).toBe(true);
    expect(isApiPath('/__host/events')).toBe(true);
    expect(isApiPath('/__host/download/x')).toBe(true);
    expect(isApiPath('/__host/anything')).toBe(true);
  });
});
