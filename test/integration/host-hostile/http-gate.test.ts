import { describe, expect, it } from 'vitest';
import { HOST_PATHS } from '../../../host/protocol.ts';
import { call, locale, login, pageJson, raw, statuses, useTarget } from './support.ts';

/** Promises 1 and 2 over real HTTP and raw sockets: token, Host, Origin, malformed requests. */

const t = useTarget();

/** The renderer's public files: served without the token (no secret in them). */
const STATIC_ROUTES = ['/', '/index.html', '/app.js', '/assets/a.js', HOST_PATHS.bridge];
/** The API: nothing without the token in the Authorization header. */
const API_ROUTES = [HOST_PATHS.events, `${HOST_PATHS.download}x`, `${HOST_PATHS.invoke}app:info`];

describe('promise 1: no token, no use', () => {
  // Adapted to the bearer design (the token was a cookie when this was written): the static
  // files are public, and the promise is now that no cookie or query ever stands for the token.
  it('every API route without the bearer token, or with a wrong one, answers 401 (a cookie or the query never counts)', async () => {
    const wrong: Record<string, string>[] = [
      {},
      { cookie: `allowlist-token-${t.port}=${t.token}` },
      { cookie: `allowlist-token-${t.port}=wrong; allowlist-token-${t.port}=${t.token}` },
      { authorization: `Bearer ${t.token}x` },
      { authorization: `Bearer ${t.token.toUpperCase()}` },
      { authorization: `Bearer  ${t.token}` },
      { authorization: `bearer ${t.token}` },
      { authorization: `Basic ${t.token}` },
      { authorization: t.token },
      { authorization: `Bearer ${t.token.slice(0, 20)}` },
    ];
    for (const path of API_ROUTES) {
      for (const headers of wrong) {
        const r = await call(t.port, 'GET', path, headers);
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(r.text).not.toContain(t.token);
        expect(r.headers['set-cookie']).toBeUndefined();
      }
      for (const q of [`token=${t.token}`, `token=x&token=${t.token}`, `TOKEN=${t.token}`]) {
        const r = await call(t.port, 'GET', `${path}?${q}`);
        expect(r.status, `${path}?${q}`).toBe(401);
        expect(r.headers['set-cookie']).toBeUndefined();
      }
    }
  });

  it('the static files are served without the token, never set a cookie and never carry the token', async () => {
    for (const path of STATIC_ROUTES) {
      for (const query of ['', `?token=${t.token}`]) {
        const r = await call(t.port, 'GET', `${path}${query}`);
        expect(r.status, path).toBe(200);
        expect(r.headers['set-cookie']).toBeUndefined();
        expect(r.headers.location).toBeUndefined();
        expect(r.text).not.toContain(t.token);
      }
    }
  });

  it('a Cookie header is ignored: a planted or stale cookie neither grants nor blocks a call', async () => {
    const auth = await login(t);
    const r = await call(
      t.port,
      'POST',
      `${HOST_PATHS.invoke}app:info`,
      pageJson(t, auth, {
        cookie: `allowlist-token-${t.port}=tossed; allowlist-token-${t.port}=tossed2`,
      }),
      '{}',
    );
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).result.ok).toBe(true);
  });

  it('an invoke without the bearer token never reaches a handler (token in the query of a POST does not count)', async () => {
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    for (const path of [
      `${HOST_PATHS.invoke}app:set-locale`,
      `${HOST_PATHS.invoke}app:set-locale?token=${t.token}`,
    ]) {
      const r = await call(t.port, 'POST', path, pageJson(t, ''), JSON.stringify({ locale: next }));
      expect(r.status).toBe(401);
    }
    expect(await locale(t)).toBe(before);
  });

  it('a pipelined second request on an authenticated connection is checked on its own', async () => {
    const auth = await login(t);
    const answer = await raw(
      t.port,
      `GET ${HOST_PATHS.download}nope HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\n\r\n` +
        `GET ${HOST_PATHS.download}nope HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nConnection: close\r\n\r\n`,
    );
    // Adapted: the static files are public now, so both requests name an API route.
    expect(statuses(answer)).toEqual([404, 401]);
  });
});

describe('promise 2: Host header tricks (DNS rebinding) over raw sockets', () => {
  const foreignHosts = () => [
    'evil.example',
    `evil.example:${t.port}`,
    `127.0.0.1.:${t.port}`,
    `localhost.:${t.port}`,
    `user@127.0.0.1:${t.port}`,
    `127.0.0.1:${t.port}@evil.example`,
    `[::1]:${t.port}`,
    `0.0.0.0:${t.port}`,
    `127.1:${t.port}`,
    `2130706433:${t.port}`,
    `127.0.0.1:0${t.port}`,
    `127.0.0.1:${t.port}.evil.example`,
    `127.0.0.1`,
    `localhost`,
    `127.0.0.1:${t.port}/`,
    `evil.example#127.0.0.1:${t.port}`,
  ];

  it('a foreign or disguised Host gets 403 (or 400), even with the right token', async () => {
    const auth = await login(t);
    for (const h of foreignHosts()) {
      const answer = await raw(
        t.port,
        `GET / HTTP/1.1\r\nHost: ${h}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`,
      );
      const [status] = statuses(answer);
      expect([400, 403], h).toContain(status);
      expect(answer).not.toContain('APP-INDEX');
    }
  });

  it('a missing Host (HTTP/1.0) is refused', async () => {
    const auth = await login(t);
    const answer = await raw(t.port, `GET / HTTP/1.0\r\nAuthorization: ${auth}\r\n\r\n`);
    expect([400, 403]).toContain(statuses(answer)[0]);
  });

  it('duplicate Host headers (one of them foreign) are refused, in either order', async () => {
    const auth = await login(t);
    for (const [a, b] of [
      [`127.0.0.1:${t.port}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${t.port}`],
      [`127.0.0.1:${t.port}`, `127.0.0.1:${t.port}`],
    ] as const) {
      const answer = await raw(
        t.port,
        `GET / HTTP/1.1\r\nHost: ${a}\r\nhOsT: ${b}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`,
      );
      expect([400, 403], `${a} + ${b}`).toContain(statuses(answer)[0]);
      expect(answer).not.toContain('APP-INDEX');
    }
  });

  it('an absolute-form request target naming another host is not served as this app', async () => {
    const auth = await login(t);
    for (const target of ['http://evil.example/', `http://evil.example:${t.port}/index.html`]) {
      const answer = await raw(
        t.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`,
      );
      expect([400, 403], target).toContain(statuses(answer)[0]);
    }
  });

  it('header case tricks do not slip a foreign Origin or Sec-Fetch-Site past the gate', async () => {
    const auth = await login(t);
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    const body = JSON.stringify({ locale: next });
    const variants = [
      `ORIGIN: http://evil.example`,
      `Origin: http://127.0.0.1:${t.port}\r\nOrigin: http://evil.example`,
      `Origin: http://127.0.0.1:${t.port}/`,
      `Origin: HTTP://127.0.0.1:${t.port}`,
      `Origin: null`,
      `Origin: http://127.0.0.1:${t.port}\r\nSec-Fetch-Site: Cross-Site`,
      `Origin: http://127.0.0.1:${t.port}\r\nSec-Fetch-Site: same-site`,
      `Origin: http://127.0.0.1:${t.port}\r\nSec-Fetch-Site: same-origin\r\nSec-Fetch-Site: cross-site`,
      `Origin: http://localhost:${t.port}\r\nSec-Fetch-Site: cross-site`,
    ];
    for (const v of variants) {
      const answer = await raw(
        t.port,
        `POST ${HOST_PATHS.invoke}app:set-locale HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\n${v}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect([400, 403], v).toContain(statuses(answer)[0]);
    }
    expect(await locale(t)).toBe(before);
  });

  it('request smuggling (CL+TE, double CL, TE obfuscation) never gets a token-less request served', async () => {
    const auth = await login(t);
    const smuggled = `GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\n\r\n`;
    const cases = [
      // CL.TE
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nOrigin: http://127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      // double Content-Length
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nOrigin: http://127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: ${2 + smuggled.length}\r\n\r\n{}${smuggled}`,
      // TE obfuscation
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nOrigin: http://127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nTransfer-Encoding: xchunked\r\nContent-Length: 2\r\n\r\n{}${smuggled}`,
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nOrigin: http://127.0.0.1:${t.port}\r\nContent-Type: application/json\r\nTransfer-Encoding : chunked\r\nContent-Length: 2\r\n\r\n{}${smuggled}`,
      // Bare LF line endings
      `GET / HTTP/1.1\nHost: 127.0.0.1:${t.port}\nAuthorization: ${auth}\n\n${smuggled}`,
    ];
    for (const c of cases) {
      const answer = await raw(t.port, c);
      // Whatever the server does with the first request, the smuggled token-less one is not a 200.
      const codes = statuses(answer);
      expect(
        codes.slice(1).every((s) => s !== 200),
        `${c.slice(0, 120)} → ${codes}`,
      ).toBe(true);
      expect(answer).not.toContain('export const');
    }
  });

  it('huge headers are refused with 431 and do not reach a handler', async () => {
    const auth = await login(t);
    const answer = await raw(
      t.port,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nX-Pad: ${'a'.repeat(70_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect([400, 431]).toContain(statuses(answer)[0]);
  });

  it('a WebSocket upgrade to the event channel from a page is refused and never upgraded', async () => {
    const auth = await login(t);
    const handshake = (extra: string) =>
      `GET ${HOST_PATHS.events} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
    const foreign = await raw(t.port, handshake('Origin: http://evil.example\r\n'), 800);
    expect(statuses(foreign)[0]).toBe(403);
    const sameSite = await raw(
      t.port,
      handshake(`Origin: http://127.0.0.1:${t.port + 1}\r\n`),
      800,
    );
    expect(statuses(sameSite)[0]).toBe(403);
    for (const a of [foreign, sameSite]) expect(a).not.toContain('101 Switching');
  });

  it('no response, refused or not, carries a CORS header', async () => {
    const auth = await login(t);
    const replies = [
      await call(t.port, 'OPTIONS', `${HOST_PATHS.invoke}app:info`, {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      }),
      await call(t.port, 'GET', '/', { authorization: auth, origin: `http://127.0.0.1:${t.port}` }),
      await call(t.port, 'POST', `${HOST_PATHS.invoke}app:info`, pageJson(t, auth), '{}'),
      await call(t.port, 'GET', '/', { origin: 'http://evil.example' }),
      await call(t.port, 'GET', '/nope', { authorization: auth }),
    ];
    for (const r of replies) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

// Adapted: the token exchange (and its 303) is gone with the cookie; the promise left is that
// nothing redirects at all, least of all off this origin, whatever the target looks like.
describe('promise 2/3: no redirect', () => {
  it('never redirects (so never off this origin), with or without a token in the query', async () => {
    for (const path of [
      '/',
      '/.//evil.example/',
      '//evil.example/',
      '/%2F%2Fevil.example/',
      '/\\evil.example/',
      '/..//evil.example/',
      '/a/..//evil.example',
    ]) {
      for (const headers of [{}, { authorization: `Bearer ${t.token}` }] as Record<
        string,
        string
      >[]) {
        const r = await call(t.port, 'GET', `${path}?token=${t.token}`, headers);
        expect(r.status, path).not.toBe(303);
        expect(r.status >= 300 && r.status < 400, path).toBe(false);
        expect(r.headers.location).toBeUndefined();
        expect(r.text).not.toContain(t.token);
      }
    }
  });
});
