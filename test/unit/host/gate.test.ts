import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRequest, cookieName, type GateRequest } from '../../../host/server/gate.ts';

const PORT = 40123;
const TOKEN = 'k3Y9-token-of-this-session_abcdefghijklmnopqrstu';
const config = { token: TOKEN, port: PORT };

const hosts = fc.constantFrom(
  `127.0.0.1:${PORT}`,
  `localhost:${PORT}`,
  `LOCALHOST:${PORT}`,
  '127.0.0.1',
  `127.0.0.1:${PORT + 1}`,
  `evil.example:${PORT}`,
  `127.0.0.1.evil.example:${PORT}`,
  undefined,
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
const cookieNames = fc.constantFrom(cookieName(PORT), cookieName(PORT + 1));

/** Requests as any page, site or script could send them. */
const requests = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'OPTIONS', 'DELETE'),
  path: fc.constantFrom('/', '/index.html', '/__host/invoke/app:info', '/__host/events'),
  host: hosts,
  origin: origins,
  cookieToken: tokens,
  cookieName: cookieNames,
  queryToken: tokens,
  secFetchSite: fc.constantFrom(undefined, 'same-origin', 'same-site', 'cross-site', 'none'),
});

type Drawn = typeof requests extends fc.Arbitrary<infer T> ? T : never;

function toRequest(d: Drawn): GateRequest {
  const query = d.queryToken === null ? '' : `?token=${encodeURIComponent(d.queryToken)}`;
  return {
    method: d.method,
    url: `${d.path}${query}`,
    host: d.host,
    origin: d.origin,
    cookie: d.cookieToken === null ? undefined : `theme=dark; ${d.cookieName}=${d.cookieToken}`,
    secFetchSite: d.secFetchSite,
  };
}

describe('browser mode gate', () => {
  it('lets a request through exactly when Host, method, Origin, fetch site and token are all right', () => {
    fc.assert(
      fc.property(requests, (d) => {
        const verdict = checkRequest(toRequest(d), config);
        const ourHost = [`127.0.0.1:${PORT}`, `localhost:${PORT}`].includes(
          d.host?.toLowerCase() ?? '',
        );
        const ourOrigin =
          d.origin === `http://127.0.0.1:${PORT}` || d.origin === `http://localhost:${PORT}`;
        const originOk = d.method === 'POST' ? ourOrigin : d.origin === undefined || ourOrigin;
        const queryToken = d.method === 'GET' ? d.queryToken : null;
        const tokenOk =
          queryToken !== null
            ? queryToken === TOKEN
            : d.cookieToken === TOKEN && d.cookieName === cookieName(PORT);
        const expected =
          ourHost &&
          ['GET', 'POST'].includes(d.method) &&
          originOk &&
          (d.secFetchSite === undefined || ['same-origin', 'none'].includes(d.secFetchSite)) &&
          tokenOk;
        expect(verdict.ok).toBe(expected);
        if (!verdict.ok) expect(verdict.reason).not.toContain(TOKEN);
        // A foreign Host is refused before anything else is looked at.
        if (!ourHost) expect(verdict).toMatchObject({ ok: false, status: 403 });
        // The token in the URL is swapped for the cookie and removed from the address.
        if (verdict.ok && queryToken !== null) expect(verdict.exchange?.location).toBe(d.path);
        if (verdict.ok && queryToken === null) expect(verdict.exchange).toBeNull();
      }),
      { numRuns: 2000 },
    );
  });
});
