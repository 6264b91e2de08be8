import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_PATHS, TOKEN_STORAGE_KEY } from '../../../host/protocol.ts';
import { locale, startTarget, type Target } from './support.ts';

/**
 * Promise 2 in a real Chromium: the admin is logged in (opened the printed URL), then visits an
 * attacker page served from another loopback port, another host name (localhost, a name mapped to
 * 127.0.0.1) and a DNS-rebinding name on the server's own port. The page tries every way a web
 * page can reach the server.
 */

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--host-resolver-rules=MAP *.attacker.test 127.0.0.1',
  // The server's promises must hold without Chromium's own Local Network Access checks
  // (other browsers have none): switch them off so that each request reaches the server.
  '--disable-features=LocalNetworkAccessChecks,PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults',
];

let t: Target;
let attacker: Server;
let A: number;
let browser: Browser;
let context: BrowserContext;
let victim: Page;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];

/** The attack, run in the attacker page against `target` (an origin, or '' for its own origin). */
function attackPage(target: string, next: string): string {
  return `<!doctype html><html><body><iframe name="sink"></iframe><script>
(async () => {
  const T = ${JSON.stringify(target)};
  const r = {};
  const inv = T + '${HOST_PATHS.invoke}app:set-locale';
  const body = JSON.stringify({ locale: ${JSON.stringify(next)} });
  const settle = (p) => p.then((v) => v, (e) => 'error:' + String(e));
  r.noCorsText = await settle(fetch(inv, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'Content-Type': 'text/plain' }, body }).then((x) => x.type + ':' + x.status));
  r.noCorsBlob = await settle(fetch(inv, { method: 'POST', mode: 'no-cors', credentials: 'include', body: new Blob([body]) }).then((x) => x.type + ':' + x.status));
  r.corsJson = await settle(fetch(inv, { method: 'POST', credentials: 'include', headers: { 'Content-Type': 'application/json' }, body }).then(async (x) => x.status + ':' + (await x.text())));
  r.readIndex = await settle(fetch(T + '/', { credentials: 'include' }).then(async (x) => x.status + ':' + (await x.text())));
  r.readBridge = await settle(fetch(T + '${HOST_PATHS.bridge}', { credentials: 'include' }).then(async (x) => x.status + ':' + (await x.text())));
  for (const enctype of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']) {
    const f = document.createElement('form');
    f.method = 'POST'; f.action = inv; f.enctype = enctype; f.target = 'sink';
    const i = document.createElement('input');
    i.name = '{"locale":"${next}","x":"'; i.value = '"}';
    f.append(i); document.body.append(f); f.submit();
    await new Promise((ok) => setTimeout(ok, 300));
  }
  const load = (el) => new Promise((ok) => { el.onload = () => ok('load'); el.onerror = () => ok('error'); document.body.append(el); setTimeout(() => ok('timeout'), 2000); });
  const img = document.createElement('img'); img.src = T + '/';
  r.img = await load(img);
  const s = document.createElement('script'); s.src = T + '${HOST_PATHS.bridge}';
  r.script = await load(s);
  const s2 = document.createElement('script'); s2.src = T + '${HOST_PATHS.invoke}app:info';
  r.scriptInvoke = await load(s2);
  r.events = await new Promise((ok) => {
    const es = new EventSource(T + '${HOST_PATHS.events}', { withCredentials: true });
    const out = [];
    es.onopen = () => out.push('open');
    es.onmessage = (m) => out.push('message:' + m.data);
    es.onerror = () => { out.push('error'); es.close(); ok(out.join(',')); };
    setTimeout(() => { es.close(); ok(out.join(',') || 'timeout'); }, 2000);
  });
  r.ws = await new Promise((ok) => {
    const base = T ? T.replace('http', 'ws') : location.origin.replace('http', 'ws');
    let ws;
    try { ws = new WebSocket(base + '${HOST_PATHS.events}'); } catch (e) { ok('throw'); return; }
    ws.onopen = () => { ok('open'); ws.close(); };
    ws.onmessage = (m) => ok('message:' + m.data);
    ws.onerror = () => ok('error');
    setTimeout(() => ok('timeout'), 2000);
  });
  const fr = document.createElement('iframe'); fr.src = T + '/';
  await load(fr);
  try { r.frameText = fr.contentDocument ? fr.contentDocument.body.innerText : 'no-access'; } catch (e) { r.frameText = 'no-access'; }
  r.popup = await new Promise((ok) => {
    const w = window.open(T + '/', '_blank');
    setTimeout(() => { try { ok(w && w.document ? w.document.body.innerText : 'no-access'); } catch (e) { ok('no-access'); } try { w && w.close(); } catch {} }, 1500);
  });
  window.__results = r;
})();
</script></body></html>`;
}

beforeAll(async () => {
  // The real page bridge: it takes the token from the URL's fragment into sessionStorage.
  t = await startTarget({ realBridge: true });
  attacker = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/attack.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(attackPage(`http://127.0.0.1:${t.port}`, url.searchParams.get('next') ?? 'ja'));
      return;
    }
    if (url.pathname === '/toss.html') {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(
        `<script>document.cookie = 'allowlist-token-${t.port}=tossed; path=${HOST_PATHS.invoke}'; document.cookie = 'allowlist-token-${t.port}=tossed2; path=/'; window.__done = document.cookie;</script>`,
      );
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>attacker</p>');
  });
  await new Promise<void>((ok) => attacker.listen(0, '127.0.0.1', () => ok()));
  A = (attacker.address() as AddressInfo).port;
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  context = await browser.newContext();
  victim = await context.newPage();
  await victim.goto(t.host.url);
  expect(await victim.content()).toContain('APP-INDEX');
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((ok) => (attacker ? attacker.close(() => ok()) : ok()));
  await t?.close();
});

async function runAttack(url: string, setup?: (page: Page) => Promise<void>) {
  const page = await context.newPage();
  await setup?.(page);
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __results?: unknown }).__results, null, {
    timeout: 30_000,
  });
  const results = (await page.evaluate(
    () => (window as unknown as { __results?: unknown }).__results,
  )) as Record<string, string>;
  await page.close();
  return results;
}

function expectNothingUseful(results: Record<string, string>) {
  for (const [k, v] of Object.entries(results)) {
    expect(String(v), k).not.toContain('APP-INDEX');
    expect(String(v), k).not.toContain('export {}');
    expect(String(v), k).not.toContain('"ok":true');
    expect(String(v), k).not.toContain('message:');
  }
  expect(results.events).not.toContain('open');
  expect(results.ws).not.toBe('open');
}

/** Victim's own page can still call the app (with the token its bridge keeps for this tab). */
async function victimCanInvoke(): Promise<number> {
  return victim.evaluate(
    async ([path, key]) => {
      const r = await fetch(path!, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: `Bearer ${sessionStorage.getItem(key!)}`,
        },
        body: '{}',
      });
      return r.status;
    },
    [`${HOST_PATHS.invoke}app:info`, TOKEN_STORAGE_KEY],
  );
}

describe('promise 2: a real Chromium, attacker pages', () => {
  const origins = () => [
    ['another port of 127.0.0.1 (same site)', `http://127.0.0.1:${A}`],
    ['localhost on another port (cross site)', `http://localhost:${A}`],
    ['a foreign host name mapped to loopback', `http://evil.attacker.test:${A}`],
  ];

  for (const [label, index] of [0, 1, 2].map(
    (i) => [['127.0.0.1:other', 'localhost:other', 'evil.attacker.test'][i], i] as const,
  )) {
    it(`from ${label}: fetch, forms, img, script, EventSource, WebSocket, iframe, popup get nothing and call nothing`, async () => {
      const [, attackerOrigin] = origins()[index]!;
      const before = await locale(t);
      const next = before === 'ja' ? 'en' : 'ja';
      const refusedBefore = t.logs.filter((l) => l.includes('refused')).length;
      const results = await runAttack(`${attackerOrigin}/attack.html?next=${next}`);
      expectNothingUseful(results);
      // The requests reached the server and its gate refused them (not only the browser).
      expect(
        t.logs.filter((l) => l.includes('refused')).length - refusedBefore,
      ).toBeGreaterThanOrEqual(5);
      expect(await locale(t)).toBe(before);
      expect(await victimCanInvoke()).toBe(200);
    });
  }

  it('DNS rebinding: a page on a foreign name at the server’s own port gets 403 for everything', async () => {
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    const origin = `http://rebind.attacker.test:${t.port}`;
    const results = await runAttack(`${origin}/attack.html`, async (page) => {
      // The first answer for the name came from the attacker; after that it resolves to 127.0.0.1.
      await page.route(`${origin}/attack.html`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: attackPage('', next) }),
      );
    });
    expectNothingUseful(results);
    expect(results.readIndex).toMatch(/^403:/);
    expect(results.corsJson).toMatch(/^403:/);
    expect(await locale(t)).toBe(before);
  });

  // Adapted: there is no token cookie any more; the promise is that nothing the browser sends
  // to another loopback server (cookie, Referer, any header or the URL) carries the token.
  it('the token is never sent to another server on loopback (no cookie, no header, no URL)', async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${A}/landing`);
    await page.close();
    expect(seen.length).toBeGreaterThan(0);
    const leaked = seen.filter((s) => JSON.stringify(s).includes(t.token));
    expect(leaked.map((s) => s.url)).toEqual([]);
  });

  it('another loopback server the admin visits cannot call a handler (end to end: capture, replay)', async () => {
    const before = await locale(t);
    const next = before === 'ja' ? 'en' : 'ja';
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${A}/landing-2`);
    await page.close();
    // What the attacker's server received, replayed from Node with the page's own Origin.
    // Every header it got (cookie included) is replayed, with forged Origin and Sec-Fetch-Site.
    const captured = seen.find((s) => s.url === '/landing-2')?.headers;
    expect(captured).toBeDefined();
    const { call } = await import('./support.ts');
    const replayed = Object.fromEntries(
      Object.entries(captured!).filter(
        (e): e is [string, string] => typeof e[1] === 'string' && e[0] !== 'host',
      ),
    );
    const reply = await call(
      t.port,
      'POST',
      `${HOST_PATHS.invoke}app:set-locale`,
      {
        ...replayed,
        origin: `http://127.0.0.1:${t.port}`,
        'sec-fetch-site': 'same-origin',
        'content-type': 'application/json',
        'content-length': String(JSON.stringify({ locale: next }).length),
      },
      JSON.stringify({ locale: next }),
    );
    expect(reply.status).toBe(401);
    expect(await locale(t)).toBe(before);
  });

  // Moot without cookies (a Cookie header is ignored); kept: the admin's tab still works.
  it('a page on another port of 127.0.0.1 cannot plant a cookie that locks the admin out', async () => {
    const page = await context.newPage();
    await page.goto(`http://127.0.0.1:${A}/toss.html`);
    await page.close();
    expect(await victimCanInvoke()).toBe(200);
    const pageStatus = await victim.evaluate(async () => (await fetch('/')).status);
    expect(pageStatus).toBe(200);
  });
});
