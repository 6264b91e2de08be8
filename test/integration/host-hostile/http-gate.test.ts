import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_PATHS } from '../../../host/protocol.ts';
import {
  call,
  locale,
  login,
  pageJson,
  raw,
  startTarget,
  statuses,
  type Target,
} from './support.ts';

/** Promises 1 and 2 over real HTTP and raw sockets: token, Host, Origin, malformed requests. */

let t: Target;
let P: number;
beforeAll(async () => {
  t = await startTarget();
  P = t.port;
});
afterAll(async () => {
  await t?.close();
});

const ROUTES = [
  '/',
  '/index.html',
  '/app.js',
  '/assets/a.js',
  HOST_PATHS.bridge,
  HOST_PATHS.events,
  `${HOST_PATHS.download}x`,
];

describe('promise 1: no token, no use', () => {
  it('every GET route without a token or with a wrong one answers 401 and nothing of the app', async () => {
    const wrong: Record<string, string>[] = [
      {},
      { cookie: `allowlist-token-${P}=` },
      { cookie: `allowlist-token-${P}=${t.token}x` },
      { cookie: `allowlist-token-${P}=${t.token.toUpperCase()}` },
      { cookie: `allowlist-token-${P}=${encodeURIComponent(' ' + t.token.slice(1))}` },
      { authorization: `Bearer ${t.token}` },
      { cookie: `allowlist-token-${P + 1}=${t.token}` },
      { cookie: `allowlist-token-${P}=wrong; allowlist-token-${P}=${t.token}` },
    ];
    for (const path of ROUTES) {
      for (const headers of wrong) {
        const r = await call(P, 'GET', path, headers);
        expect(r.status, `${path} ${JSON.stringify(headers)}`).toBe(401);
        expect(r.text).not.toContain('APP-INDEX');
        expect(r.headers['set-cookie']).toBeUndefined();
      }
      for (const q of [
        `token=`,
        `token=${t.token.slice(0, 20)}`,
        `token=x&token=${t.token}`,
        `TOKEN=${t.token}`,
      ]) {
        const r = await call(P, 'GET', `${path}?${q}`);
        expect(r.status, `${path}?${q}`).toBe(401);
        expect(r.headers['set-cookie']).toBeUndefined();
      }
    }
  });

  it('an invoke without the cookie never reaches a handler (token in the query of a POST does not count)', async () => {
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    for (const path of [
      `${HOST_PATHS.invoke}app:set-locale`,
      `${HOST_PATHS.invoke}app:set-locale?token=${t.token}`,
    ]) {
      const r = await call(P, 'POST', path, pageJson(t, ''), JSON.stringify({ locale: next }));
      expect(r.status).toBe(401);
    }
    expect(await locale(t)).toBe(before);
  });

  it('a pipelined second request on an authenticated connection is checked on its own', async () => {
    const cookie = await login(t);
    const answer = await raw(
      P,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\n\r\n` +
        `GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nConnection: close\r\n\r\n`,
    );
    expect(statuses(answer)).toEqual([200, 401]);
  });
});

describe('promise 2: Host header tricks (DNS rebinding) over raw sockets', () => {
  const foreignHosts = () => [
    'evil.example',
    `evil.example:${P}`,
    `127.0.0.1.:${P}`,
    `localhost.:${P}`,
    `user@127.0.0.1:${P}`,
    `127.0.0.1:${P}@evil.example`,
    `[::1]:${P}`,
    `0.0.0.0:${P}`,
    `127.1:${P}`,
    `2130706433:${P}`,
    `127.0.0.1:0${P}`,
    `127.0.0.1:${P}.evil.example`,
    `127.0.0.1`,
    `localhost`,
    `127.0.0.1:${P}/`,
    `evil.example#127.0.0.1:${P}`,
  ];

  it('a foreign or disguised Host gets 403 (or 400), even with the right cookie', async () => {
    const cookie = await login(t);
    for (const h of foreignHosts()) {
      const answer = await raw(
        P,
        `GET / HTTP/1.1\r\nHost: ${h}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
      );
      const [status] = statuses(answer);
      expect([400, 403], h).toContain(status);
      expect(answer).not.toContain('APP-INDEX');
    }
  });

  it('a missing Host (HTTP/1.0) is refused', async () => {
    const cookie = await login(t);
    const answer = await raw(P, `GET / HTTP/1.0\r\nCookie: ${cookie}\r\n\r\n`);
    expect([400, 403]).toContain(statuses(answer)[0]);
  });

  it('duplicate Host headers (one of them foreign) are refused, in either order', async () => {
    const cookie = await login(t);
    for (const [a, b] of [
      [`127.0.0.1:${P}`, 'evil.example'],
      ['evil.example', `127.0.0.1:${P}`],
      [`127.0.0.1:${P}`, `127.0.0.1:${P}`],
    ] as const) {
      const answer = await raw(
        P,
        `GET / HTTP/1.1\r\nHost: ${a}\r\nhOsT: ${b}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
      );
      expect([400, 403], `${a} + ${b}`).toContain(statuses(answer)[0]);
      expect(answer).not.toContain('APP-INDEX');
    }
  });

  it('an absolute-form request target naming another host is not served as this app', async () => {
    const cookie = await login(t);
    for (const target of ['http://evil.example/', `http://evil.example:${P}/index.html`]) {
      const answer = await raw(
        P,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nConnection: close\r\n\r\n`,
      );
      expect([400, 403], target).toContain(statuses(answer)[0]);
    }
  });

  it('header case tricks do not slip a foreign Origin or Sec-Fetch-Site past the gate', async () => {
    const cookie = await login(t);
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    const body = JSON.stringify({ locale: next });
    const variants = [
      `ORIGIN: http://evil.example`,
      `Origin: http://127.0.0.1:${P}\r\nOrigin: http://evil.example`,
      `Origin: http://127.0.0.1:${P}/`,
      `Origin: HTTP://127.0.0.1:${P}`,
      `Origin: null`,
      `Origin: http://127.0.0.1:${P}\r\nSec-Fetch-Site: Cross-Site`,
      `Origin: http://127.0.0.1:${P}\r\nSec-Fetch-Site: same-site`,
      `Origin: http://127.0.0.1:${P}\r\nSec-Fetch-Site: same-origin\r\nSec-Fetch-Site: cross-site`,
      `Origin: http://localhost:${P}\r\nSec-Fetch-Site: cross-site`,
    ];
    for (const v of variants) {
      const answer = await raw(
        P,
        `POST ${HOST_PATHS.invoke}app:set-locale HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\n${v}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nConnection: close\r\n\r\n${body}`,
      );
      expect([400, 403], v).toContain(statuses(answer)[0]);
    }
    expect(await locale(t)).toBe(before);
  });

  it('request smuggling (CL+TE, double CL, TE obfuscation) never gets a token-less request served', async () => {
    const cookie = await login(t);
    const smuggled = `GET /app.js HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\n\r\n`;
    const cases = [
      // CL.TE
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nOrigin: http://127.0.0.1:${P}\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n${smuggled}`,
      // double Content-Length
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nOrigin: http://127.0.0.1:${P}\r\nContent-Type: application/json\r\nContent-Length: 2\r\nContent-Length: ${2 + smuggled.length}\r\n\r\n{}${smuggled}`,
      // TE obfuscation
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nOrigin: http://127.0.0.1:${P}\r\nContent-Type: application/json\r\nTransfer-Encoding: xchunked\r\nContent-Length: 2\r\n\r\n{}${smuggled}`,
      `POST ${HOST_PATHS.invoke}app:info HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nOrigin: http://127.0.0.1:${P}\r\nContent-Type: application/json\r\nTransfer-Encoding : chunked\r\nContent-Length: 2\r\n\r\n{}${smuggled}`,
      // Bare LF line endings
      `GET / HTTP/1.1\nHost: 127.0.0.1:${P}\nCookie: ${cookie}\n\n${smuggled}`,
    ];
    for (const c of cases) {
      const answer = await raw(P, c);
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
    const cookie = await login(t);
    const answer = await raw(
      P,
      `GET / HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nX-Pad: ${'a'.repeat(70_000)}\r\nConnection: close\r\n\r\n`,
    );
    expect([400, 431]).toContain(statuses(answer)[0]);
  });

  it('a WebSocket upgrade to the event channel from a page is refused and never upgraded', async () => {
    const cookie = await login(t);
    const handshake = (extra: string) =>
      `GET ${HOST_PATHS.events} HTTP/1.1\r\nHost: 127.0.0.1:${P}\r\nCookie: ${cookie}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n${extra}\r\n`;
    const foreign = await raw(P, handshake('Origin: http://evil.example\r\n'), 800);
    expect(statuses(foreign)[0]).toBe(403);
    const sameSite = await raw(P, handshake(`Origin: http://127.0.0.1:${P + 1}\r\n`), 800);
    expect(statuses(sameSite)[0]).toBe(403);
    for (const a of [foreign, sameSite]) expect(a).not.toContain('101 Switching');
  });

  it('no response, refused or not, carries a CORS header', async () => {
    const cookie = await login(t);
    const replies = [
      await call(P, 'OPTIONS', `${HOST_PATHS.invoke}app:info`, {
        origin: 'http://evil.example',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type',
      }),
      await call(P, 'GET', '/', { cookie, origin: `http://127.0.0.1:${P}` }),
      await call(P, 'POST', `${HOST_PATHS.invoke}app:info`, pageJson(t, cookie), '{}'),
      await call(P, 'GET', '/', { origin: 'http://evil.example' }),
      await call(P, 'GET', '/nope', { cookie }),
    ];
    for (const r of replies) {
      expect(Object.keys(r.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('promise 2/3: the token exchange redirect', () => {
  it('never redirects off this origin (no protocol-relative or absolute Location)', async () => {
    for (const path of [
      '/.//evil.example/',
      '//evil.example/',
      '/%2F%2Fevil.example/',
      '/\\evil.example/',
      '/..//evil.example/',
      '/a/..//evil.example',
    ]) {
      const r = await call(P, 'GET', `${path}?token=${t.token}`);
      if (r.status !== 303) continue;
      const location = String(r.headers.location);
      const resolved = new URL(location, `http://127.0.0.1:${P}/`);
      expect(resolved.origin, `${path} → Location: ${location}`).toBe(`http://127.0.0.1:${P}`);
      expect(location).not.toContain(t.token);
    }
  });
});
