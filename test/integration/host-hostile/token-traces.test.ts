import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_PATHS } from '../../../host/protocol.ts';
import { call, startTarget, type Target } from './support.ts';

/**
 * Promise 3 in a real Chromium with a real profile on disk: after the admin opens the printed
 * URL, the token is not in the address bar, not in history, not in any file the browser wrote,
 * not in a Referer to another site, and not in the server's logs or data folder.
 */

let t: Target;
let other: Server;
let O: number;
let profile: string;
const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
let addressBar = '';
let afterBack = '';

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await filesUnder(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

async function filesContaining(dir: string, needle: string): Promise<string[]> {
  const hits: string[] = [];
  for (const file of await filesUnder(dir)) {
    if ((await stat(file)).size > 200 * 1024 * 1024) continue;
    const bytes = await readFile(file);
    if (bytes.includes(needle, 0, 'latin1') || bytes.includes(Buffer.from(needle, 'utf16le')))
      hits.push(file.slice(dir.length));
  }
  return hits;
}

beforeAll(async () => {
  t = await startTarget({ realBridge: true });
  other = createServer((req, res) => {
    seen.push({ url: req.url ?? '', headers: req.headers });
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<p>other site</p>');
  });
  await new Promise<void>((ok) => other.listen(0, '127.0.0.1', () => ok()));
  O = (other.address() as AddressInfo).port;
  profile = await mkdtemp(join(tmpdir(), 'host-hostile-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(t.host.url);
  addressBar = page.url();
  // The admin follows a link from the app's page to another site (localhost: another site).
  await page.evaluate((href) => {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = 'help';
    document.body.append(a);
    a.click();
  }, `http://localhost:${O}/help`);
  await page.waitForURL(`http://localhost:${O}/help`);
  await page.goBack();
  afterBack = page.url();
  await page.waitForTimeout(500);
  await context.close();
}, 90_000);

afterAll(async () => {
  await new Promise<void>((ok) => (other ? other.close(() => ok()) : ok()));
  await t?.close();
  if (profile) await rm(profile, { recursive: true, force: true });
});

describe('promise 3: the token leaves no trace', () => {
  it('is not left in the address bar, and Back does not return to the token URL', () => {
    expect(addressBar).toBe(`http://127.0.0.1:${t.port}/`);
    expect(afterBack).toBe(`http://127.0.0.1:${t.port}/`);
  });

  it('is not sent in a Referer (or anything else) to another site', () => {
    const help = seen.filter((s) => s.url === '/help');
    expect(help.length).toBeGreaterThan(0);
    for (const s of seen) expect(JSON.stringify(s.headers)).not.toContain(t.token);
  });

  it('is not written to the data folder or the logs', async () => {
    expect(await filesContaining(t.dataDir, t.token)).toEqual([]);
    for (const line of t.logs) expect(line).not.toContain(t.token);
  });

  // Adapted to the fragment design (finding F2): the browser records the URL it opened, fragment
  // included, in its history and session files, and the tab's sessionStorage holds the token so a
  // reload works. The promise now: the token is in no cookie, cache or persistent storage, and
  // what stays on disk is dead once that server stops (a new start has a new token and refuses
  // the old one, on the very same port).
  it('is on disk only in the browser’s record of the visit, and useless after the server stops', async () => {
    const hits = await filesContaining(profile, t.token);
    const records =
      /^\/Default\/(History|Sessions\/|Session Storage\/)|^\/segmentation_platform\/ukm_db$/;
    expect(hits.filter((h) => !records.test(h))).toEqual([]);
    expect(hits.some((h) => /Cookies|Cache|Local Storage|IndexedDB/.test(h))).toBe(false);
    const { port, token: old } = t;
    await t.close();
    t = await startTarget({ port });
    expect(t.token).not.toBe(old);
    const replay = await call(port, 'GET', HOST_PATHS.events, { authorization: `Bearer ${old}` });
    expect(replay.status).toBe(401);
  });
});
