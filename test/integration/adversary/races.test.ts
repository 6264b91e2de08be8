import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { startHarness, type Harness } from '../sync/harness.ts';
import { gate, startFake, type Fake } from '../support/fake-service.ts';

let h: Harness;
let a: Fake;
const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` })),
});
const ips = (c: { entries: { ip: string }[] }) => c.entries.map((e) => e.ip);

beforeEach(async () => {
  h = await startHarness();
  a = await startFake({ revision: '1', config: list('127.0.0.1', '192.0.2.1') });
});
afterEach(async () => {
  const { profiles } = await h.call('profiles:list', {});
  for (const p of profiles) await h.call('profiles:remove', { profileId: p.id }).catch(() => {});
  await h.stop();
  await a.close();
});

const profileAt = async (url: string) =>
  (
    await h.call('profiles:create', {
      fields: { name: 'T', serviceUrl: url, login: 'admin', protectedAddresses: [] },
      password: 'pw-a',
    })
  ).id;

describe('promise 3: edits autosaved while a pull/merge is in flight', () => {
  it('an edit autosaved while the pull asks the caller address for the merge screen is kept', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    // Local edit of 192.0.2.1's memo; the other admin edits the same entry: a conflict.
    const local = list('127.0.0.1', '192.0.2.1');
    local.entries[1]!.memo = 'local memo';
    await h.call('draft:save', { profileId: id, working: local });
    const remote = list('127.0.0.1', '192.0.2.1');
    remote.entries[1]!.memo = 'remote memo';
    a.state.config = remote;
    a.state.revision = '2';
    const g = gate();
    a.hooks.beforeClientIp = g.wait;
    const pulling = h.call('sync:pull', { profileId: id });
    await g.reached;
    // The admin keeps typing while the merge screen loads: autosave of a new entry.
    const edited = structuredClone(local);
    edited.entries.push({ ip: '198.51.100.77', cidr: null, memo: 'typed during pull' });
    await h.call('draft:save', { profileId: id, working: edited });
    g.open();
    await pulling;
    const draft = await h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.77');
  });

  it('an edit autosaved while push re-merges (remote changed at push time) is kept', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    const local = list('127.0.0.1', '192.0.2.1');
    local.entries[1]!.memo = 'local memo';
    await h.call('draft:save', { profileId: id, working: local });
    const plan = await h.call('sync:plan', { profileId: id });
    const remote = list('127.0.0.1', '192.0.2.1');
    remote.entries[1]!.memo = 'remote memo';
    a.state.config = remote;
    a.state.revision = '2';
    const g = gate();
    let n = 0;
    // First client-ip is the push's? No: push reads the list first, sees it moved and re-merges;
    // the re-merge asks client-ip for the merge screen. Hold that one.
    a.hooks.beforeClientIp = async () => {
      n += 1;
      if (n === 1) await g.wait();
    };
    const pushing = h.call('sync:push', { profileId: id, planId: plan.planId });
    await g.reached;
    const edited = structuredClone(local);
    edited.entries.push({ ip: '198.51.100.78', cidr: null, memo: 'typed during push' });
    await h.call('draft:save', { profileId: id, working: edited });
    g.open();
    const out = await pushing;
    expect(out.status).toBe('remote-changed');
    const draft = await h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.78');
  });

  it('an edit autosaved while a clean pull (no local changes) is reading the list is kept', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    a.state.config = list('127.0.0.1', '192.0.2.1', '203.0.113.5');
    a.state.revision = '2';
    const g = gate();
    a.hooks.beforeGet = g.wait;
    const pulling = h.call('sync:pull', { profileId: id });
    await g.reached;
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '198.51.100.9'),
    });
    g.open();
    await pulling;
    const draft = await h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.9');
    expect(ips(draft.working)).toContain('203.0.113.5');
  });

  it('an edit autosaved while a PUT is in flight survives, and a restart', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.2'),
    });
    const plan = await h.call('sync:plan', { profileId: id });
    const g = gate();
    a.hooks.beforePut = g.wait;
    const pushing = h.call('sync:push', { profileId: id, planId: plan.planId });
    await g.reached;
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.2', '192.0.2.3'),
    });
    g.open();
    await pushing;
    await h.restart();
    const draft = await h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('192.0.2.3');
    expect(draft.dirty).toBe(true);
  });
});

describe('promise 2: caller address', () => {
  it('a zero-padded caller address ("010.0.0.1", octal to some systems) is not proven safe', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    a.hooks.clientIp = '010.0.0.1';
    // The list keeps 10.0.0.1 (decimal reading) but not 8.0.0.1 (octal reading).
    await h.call('draft:save', { profileId: id, working: list('10.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.confirmationPhrase).not.toBeNull();
    await h.call('sync:push', { profileId: id, planId: plan.planId }).catch(() => undefined);
    expect(a.puts).toHaveLength(0);
  });

  it('client-ip answered with HTML is unknown: no PUT without the phrase', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    a.hooks.override = (req, res) => {
      if (!req.url?.startsWith('/v1/client-ip.json')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>127.0.0.1</html>');
      return true;
    };
    await h.call('draft:save', { profileId: id, working: list('192.0.2.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.lockout.clientIp).toBeNull();
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      {
        code: 'CONFIRMATION_REQUIRED',
      },
    );
    expect(a.puts).toHaveLength(0);
  });

  it('a caller address that changes between the check and the PUT (two answers) — the PUT list keeps the address checked last', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.confirmationPhrase).toBeNull();
    a.hooks.clientIp = '203.0.113.200';
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      {
        code: 'LOCKOUT_CHANGED',
      },
    );
    expect(a.puts).toHaveLength(0);
  });

  it('the same plan pushed twice at once sends at most one PUT', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.9'),
    });
    const plan = await h.call('sync:plan', { profileId: id });
    const results = await Promise.allSettled([
      h.call('sync:push', { profileId: id, planId: plan.planId }),
      h.call('sync:push', { profileId: id, planId: plan.planId }),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(a.puts.length).toBeLessThanOrEqual(1);
  });

  it('a protected address typed zero-padded ("010.0.0.5") is stored as the address it was read as', async () => {
    const id = await profileAt(a.url);
    const p = await h
      .call('profiles:update', {
        profileId: id,
        fields: { protectedAddresses: [{ ip: '010.0.0.5', label: 'office' }] },
      })
      .catch((e: { code: string }) => e);
    // Either refused as ambiguous, or stored in the reading the lockout check uses (10.0.0.5).
    if ('code' in p) expect(p.code).toBe('INVALID_INPUT');
    else {
      await h.call('sync:pull', { profileId: id });
      await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '10.0.0.5') });
      const plan = await h.call('sync:plan', { profileId: id });
      // 10.0.0.5 is in the list: no lockout warning for the protected address 010.0.0.5 = 10.0.0.5.
      expect(plan.lockout.checks.filter((c) => !c.allowed)).toEqual([]);
    }
  });
});
