import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore } from '../../../electron/core/secrets.ts';
import { startHarness, FROM_APP, type Harness } from '../sync/harness.ts';
import { echo, type Fake } from '../../support/handoff-fakes.ts';
import { list } from './support.ts';

/**
 * Promise 3: no secret is stored or sent for a cybozu.com Store profile, even when a compromised
 * renderer asks; nothing but the optional sign-in page GET reaches the tenant (a loopback stand-in
 * here, counting every request); endpoint URLs cannot read files or reach the local network.
 */
type Seen = { method: string; url: string; auth: string | undefined };
let h: Harness;
let tenant: { url: string; seen: Seen[]; close: () => Promise<void> };
let fakes: Fake[] = [];
beforeEach(async () => {
  h = await startHarness({
    deps: {
      dialogs: {
        openImportFile: async () => null,
        openLogFile: async () => null,
        saveFile: async (name) => ({ name }),
      },
    },
  });
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    seen.push({ method: req.method ?? '', url: req.url ?? '', auth: req.headers.authorization });
    res.writeHead(200, { 'Content-Type': 'text/html' });
    res.end('<html>login</html>');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  tenant = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
});
afterEach(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
  await tenant.close();
  await h.stop();
});

const raw = (channel: string, input: unknown) =>
  h.invoke(channel as never, FROM_APP, input as never) as Promise<{
    ok: boolean;
    error?: { code: string; message: string };
  }>;

async function tenantProfile() {
  return h.call('profiles:create', {
    fields: { name: 'T', serviceUrl: tenant.url, login: '', kind: 'cybozu-store' },
  });
}

describe('a compromised renderer cannot make a Store profile hold or send a secret', () => {
  it('a password on create, set-password, a login, a kind change: each refused, no keychain item', async () => {
    const refusedCreate = await raw('profiles:create', {
      fields: { name: 'T', serviceUrl: tenant.url, login: '', kind: 'cybozu-store' },
      password: 'hunter2',
    });
    expect(refusedCreate.ok).toBe(false);
    const smuggled = await raw('profiles:create', {
      fields: {
        name: 'T',
        serviceUrl: tenant.url,
        login: '',
        kind: 'cybozu-store',
        password: 'hunter2',
      },
    });
    expect(smuggled.ok).toBe(false);
    const profile = await tenantProfile();
    expect(profile.hasPassword).toBe(false);
    expect(
      (await raw('profiles:set-password', { profileId: profile.id, password: 'hunter2' })).ok,
    ).toBe(false);
    expect(
      (await raw('profiles:update', { profileId: profile.id, fields: { login: 'admin' } })).ok,
    ).toBe(false);
    expect(
      (await raw('profiles:update', { profileId: profile.id, fields: { kind: 'api' } })).ok,
    ).toBe(false);
    expect(await createKeytarSecretStore().get(profile.id)).toBeNull();
    const { profiles } = await h.call('profiles:list', {});
    expect(profiles.find((p) => p.id === profile.id)).toMatchObject({
      kind: 'cybozu-store',
      login: '',
      hasPassword: false,
    });
  });

  it('every channel of the hand-off and of API profiles: only GET /login reaches the tenant', async () => {
    const me = await echo('198.51.100.7');
    fakes.push(me);
    await h.call('handoff:set-endpoints', { endpoints: [me.url] });
    const profile = await tenantProfile();
    const id = { profileId: profile.id };
    await h.call('handoff:set-in-force', { ...id, config: list('198.51.100.7', '203.0.113.5') });
    await h.call('draft:save', { ...id, working: list('198.51.100.7') });
    const { plan } = await h.call('handoff:plan', id);
    await h.call('handoff:prepare', { ...id, planId: plan.planId });
    await h.call('handoff:confirm', id);
    await h.call('handoff:access-back', id);
    await h.call('handoff:dismiss', id);
    // API-profile channels a compromised renderer might aim at this profile.
    for (const [channel, input] of [
      ['sync:status', id],
      ['sync:pull', id],
      ['sync:plan', id],
      ['sync:push', { ...id, planId: plan.planId }],
      ['apply:probe', id],
      ['preview:impact', id],
    ] as const)
      await raw(channel, input);
    expect(tenant.seen).toEqual([]);
    await h.call('handoff:check-sign-in', id);
    expect(tenant.seen).toEqual([{ method: 'GET', url: '/login', auth: undefined }]);
  });
});

describe('endpoint URLs a compromised renderer sets', () => {
  for (const url of [
    'file:///etc/passwd',
    'http://192.168.1.1/',
    'http://10.0.0.1:8080/',
    'http://169.254.169.254/latest/meta-data/',
    'ftp://127.0.0.1/',
    'http://user:pw@127.0.0.1/',
    'javascript:alert(1)',
  ]) {
    it(`${url}: refused, the endpoints unchanged`, async () => {
      const before = await h.call('handoff:endpoints', {});
      const result = await raw('handoff:set-endpoints', { endpoints: [url] });
      expect(result.ok).toBe(false);
      expect(result.error?.message).toMatch(/Endpoint 1/);
      expect(await h.call('handoff:endpoints', {})).toEqual(before);
    });
  }
});

describe('a loopback endpoint is asked, not read', () => {
  it('what a local service answers is not handed to the renderer (only that it is no address)', async () => {
    const local = await echo('SECRET-abc123 private page of a local service');
    fakes.push(local);
    await h.call('handoff:set-endpoints', { endpoints: [local.url] });
    const egress = await h.call('handoff:egress', {});
    expect(egress.ip).toBeNull();
    expect(JSON.stringify(egress)).not.toContain('SECRET');
    expect(egress.answers[0]?.error).toMatch(/not an IP address/);
  });
});
