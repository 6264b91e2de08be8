import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allowlist } from '../../support/cli.ts';
import { echo, fakeServer } from '../../support/handoff-fakes.ts';
import { codeOf, list, planAndPrepare, startWorld, type World } from './support.ts';

/**
 * Promise 1: never lock out silently. The admin's real public address is 198.51.100.7 and the
 * draft leaves it out; endpoints that answer an address the tenant can never see (private,
 * loopback, link-local, shared CGNAT, unspecified, an IPv4-mapped IPv6 form) must not count as
 * "your address", or the guard waves the file through without the phrase.
 */
let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => {
  await w.close();
});

async function draftKeeping(ip: string) {
  await w.call('handoff:set-in-force', { profileId: w.profileId, config: list('198.51.100.7') });
  await w.call('draft:save', { profileId: w.profileId, working: list(ip) });
}

describe('an endpoint answer the tenant can never see is an unknown address', () => {
  for (const [answer, kept] of [
    ['10.1.2.3', '10.1.2.3'],
    ['192.168.0.2', '192.168.0.2'],
    ['127.0.0.1', '127.0.0.1'],
    ['169.254.10.1', '169.254.10.1'],
    ['100.64.0.9', '100.64.0.9'],
    ['::ffff:10.1.2.3', '10.1.2.3'],
  ] as const) {
    it(`all endpoints say ${answer}: the phrase is required and no file is made without it`, async () => {
      const a = await echo(answer);
      const b = await echo(answer);
      w.fakes.push(a, b);
      await w.endpoints([a.url, b.url]);
      await draftKeeping(kept);
      const egress = await w.call('handoff:egress', {});
      expect(egress.ip).toBeNull();
      expect(egress.warning).not.toBeNull();
      const code = await codeOf(planAndPrepare(w));
      expect(code).toBe('CONFIRMATION_REQUIRED');
      expect(w.files).toHaveLength(0);
    });
  }
});

describe('a private answer beside a public one', () => {
  it('one endpoint says 10.1.2.3, another 198.51.100.8: the endpoints disagree, phrase required', async () => {
    const inside = await echo('10.1.2.3');
    const outside = await echo('198.51.100.8');
    w.fakes.push(inside, outside);
    await w.endpoints([inside.url, outside.url]);
    await draftKeeping('198.51.100.8');
    const egress = await w.call('handoff:egress', {});
    expect(egress).toMatchObject({ ip: null, verdict: 'disagree' });
    expect(egress.warning).toContain('10.1.2.3, 198.51.100.8');
    expect(await codeOf(planAndPrepare(w))).toBe('CONFIRMATION_REQUIRED');
    expect(w.files).toHaveLength(0);
  });
});

describe('answers that are not one address', () => {
  it('a redirect, a huge body and garbage: unknown, phrase required', async () => {
    const redirect = await fakeServer(302, '', { Location: 'http://127.0.0.1:1/' });
    const huge = await fakeServer(200, '198.51.100.8'.padEnd(200_000, ' '));
    const garbage = await fakeServer(200, '<html>198.51.100.8</html>');
    w.fakes.push(redirect, huge, garbage);
    await w.endpoints([redirect.url, huge.url, garbage.url]);
    await draftKeeping('198.51.100.8');
    expect(await codeOf(planAndPrepare(w))).toBe('CONFIRMATION_REQUIRED');
    expect(w.files).toHaveLength(0);
  });

  it('a body that never ends: unknown after the timeout, phrase required', async () => {
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.write('198.51.100.8');
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    w.fakes.push({
      url,
      hits: () => 0,
      close: () =>
        new Promise<void>((ok) => {
          server.closeAllConnections();
          server.close(() => ok());
        }),
    });
    await w.endpoints([url]);
    await draftKeeping('198.51.100.8');
    expect(await codeOf(planAndPrepare(w))).toBe('CONFIRMATION_REQUIRED');
    expect(w.files).toHaveLength(0);
  });

  it('a public address the draft keeps is still "your address" (no phrase)', async () => {
    await w.agreeOn('198.51.100.8');
    await draftKeeping('198.51.100.8');
    const { prepared } = await planAndPrepare(w);
    expect(prepared.status).toBe('ready');
    expect(w.files).toHaveLength(1);
  });
});

describe('allowlist egress (the CLI judges the same way)', () => {
  it('endpoints that all say 10.1.2.3: unknown, exit 1', async () => {
    const a = await echo('10.1.2.3');
    w.fakes.push(a);
    const run = await allowlist(['egress', '--endpoint', a.url]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('not a public address');
    expect(run.stdout).toContain('your address is unknown');
  });
});
