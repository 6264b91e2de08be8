import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { startHarness, type Harness } from './harness.ts';
import { startLyingService, type LyingService } from './lying-service.ts';

/**
 * Issue 10's holes, each one as the admin meets it: the real handlers, store and keychain, against
 * a misbehaving service on loopback (lying-service.ts) where the reference service cannot be made
 * to misbehave that way.
 */

let h: Harness;
let a: LyingService;
let b: LyingService;
const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` })),
});
const ips = (c: { entries: { ip: string }[] }) => c.entries.map((e) => e.ip);

beforeEach(async () => {
  h = await startHarness();
  a = await startLyingService({ revision: '1', config: list('127.0.0.1', '192.0.2.1') });
  b = await startLyingService({ revision: '1', config: list('127.0.0.1', '198.51.100.1') });
});
afterEach(async () => {
  const { profiles } = await h.call('profiles:list', {});
  for (const p of profiles) await h.call('profiles:remove', { profileId: p.id }).catch(() => {});
  await h.stop();
  await a.close();
  await b.close();
});

const profileAt = async (url: string, login = 'admin') =>
  (
    await h.call('profiles:create', {
      fields: { name: 'T', serviceUrl: url, login, protectedAddresses: [] },
      password: 'pw-a',
    })
  ).id;

const planAndPush = async (profileId: string, confirmation?: string) => {
  const plan = await h.call('sync:plan', { profileId });
  return h.call('sync:push', {
    profileId,
    planId: plan.planId,
    ...(confirmation !== undefined ? { confirmation } : {}),
  });
};

/**
 * Pull, save `working` and push it, with the PUT held at service `a` (a slow save) until
 * `release`: returns once the PUT has reached the service.
 */
const pushHeldAtPut = async (profileId: string, working: Config) => {
  await h.call('sync:pull', { profileId });
  await h.call('draft:save', { profileId, working });
  let release = () => {};
  a.lies.putGate = new Promise<void>((resolve) => (release = resolve));
  const plan = await h.call('sync:plan', { profileId });
  const pushing = h.call('sync:push', { profileId, planId: plan.planId });
  while (a.puts.length === 0) await new Promise((r) => setTimeout(r, 10));
  return { plan, pushing, release };
};

describe('overwrite without a merge', () => {
  it('a revision count that started over (same revision, other list) is a remote change: merged, never wiped', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.2'),
    });
    // The service lost its data; another admin saved again: revision 1 again, another list.
    a.state.config = list('127.0.0.1', '203.0.113.9');
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(pulled.status).toBe('merged');
    expect(ips(pulled.draft.working)).toEqual(['127.0.0.1', '192.0.2.2', '203.0.113.9']);
    const pushed = await planAndPush(id);
    expect(pushed.status).toBe('pushed');
    expect(ips(a.state.config)).toContain('203.0.113.9');
  });

  it('the same holds at push time: the live list is read right before the PUT', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '192.0.2.2') });
    const plan = await h.call('sync:plan', { profileId: id });
    a.state.config = list('127.0.0.1', '203.0.113.9');
    const out = await h.call('sync:push', { profileId: id, planId: plan.planId });
    expect(out.status).toBe('remote-changed');
    expect(a.puts).toHaveLength(0);
    expect(ips(out.draft.working)).toEqual(['127.0.0.1', '192.0.2.2', '203.0.113.9']);
  });

  it('a URL corrected to another tenant at the same revision: plan asks for a pull, the pull merges', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.5'),
    });
    await h.call('profiles:update', { profileId: id, fields: { serviceUrl: b.url } });
    await h.call('profiles:set-password', { profileId: id, password: 'pw-b' });
    await expect(h.call('sync:plan', { profileId: id })).rejects.toMatchObject({
      code: 'NOT_PULLED',
    });
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(pulled.status).toBe('merged');
    expect(ips(pulled.draft.working)).toEqual(['127.0.0.1', '192.0.2.5', '198.51.100.1']);
    expect((await planAndPush(id)).status).toBe('pushed');
    expect(ips(b.state.config)).toContain('198.51.100.1');
  });

  it('a plan made against one URL is not pushed to another', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    await h.call('profiles:update', { profileId: id, fields: { serviceUrl: b.url } });
    await h.call('profiles:set-password', { profileId: id, password: 'pw-b' });
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      { code: 'PLAN_STALE' },
    );
    expect(b.puts).toHaveLength(0);
    expect(a.puts).toHaveLength(0);
  });

  it('a save acknowledged with the revision the service already had is unconfirmed; the next pull loses nothing', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '192.0.2.7') });
    a.lies.ackSameRevision = true;
    a.lies.dropPut = true;
    const out = await planAndPush(id);
    expect(out.status === 'pushed' && out.confirmed).toBe(false);
    expect(out.status === 'pushed' && out.message).toMatch(/revision it already had/);
    expect(out.status === 'pushed' && out.draft.dirty).toBe(true);
    const history = await h.call('history:list', { profileId: id });
    expect(history[0]).toMatchObject({ source: 'pushed', confirmed: false });
    // The apply tracker reads the other list back under that revision: never "verified".
    expect(await h.created.services.tracker.settled(id)).toMatchObject({
      phase: 'error',
      message: expect.stringMatching(/another list at revision 1/),
    });
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(ips(pulled.draft.working)).toEqual(['127.0.0.1', '192.0.2.7']);
    expect(pulled.draft.dirty).toBe(true);
  });
});

describe('lockout guard', () => {
  it('a caller address that is not IPv4 ("") is unknown: the phrase is needed and nothing is sent without it', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    a.lies.clientIp = '';
    await h.call('draft:save', { profileId: id, working: list('192.0.2.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.lockout.clientIp).toBeNull();
    expect(plan.lockout.clientIpError).toMatch(/not an IPv4 address/);
    expect(plan.confirmationPhrase).toBe('unknown');
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      { code: 'CONFIRMATION_REQUIRED' },
    );
    expect(a.puts).toHaveLength(0);
    const out = await h.call('sync:push', {
      profileId: id,
      planId: plan.planId,
      confirmation: 'unknown',
    });
    expect(out.status).toBe('pushed');
  });

  it('the caller turning unknown between plan and push stops the push', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.confirmationPhrase).toBeNull();
    a.lies.clientIp = '::1';
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      { code: 'LOCKOUT_CHANGED' },
    );
    expect(a.puts).toHaveLength(0);
  });

  it('an IPv4-mapped caller address is that IPv4 address: no false warning', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    a.lies.clientIp = '::ffff:127.0.0.1';
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.lockout.clientIp).toBe('127.0.0.1');
    expect(plan.confirmationPhrase).toBeNull();
  });

  it('a protected address added after the plan is checked at push', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1') });
    const plan = await h.call('sync:plan', { profileId: id });
    await h.call('profiles:update', {
      profileId: id,
      fields: { protectedAddresses: [{ ip: '192.0.2.1', label: 'CI' }] },
    });
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      { code: 'LOCKOUT_CHANGED' },
    );
    expect(a.puts).toHaveLength(0);
  });

  it('protected addresses that are not IPv4 are refused when stored, naming the row', async () => {
    const id = await profileAt(a.url);
    for (const ip of ['10.0.0.300', 'hello']) {
      await expect(
        h.call('profiles:update', {
          profileId: id,
          fields: {
            protectedAddresses: [
              { ip: '192.0.2.1', label: 'ok' },
              { ip, label: 'x' },
            ],
          },
        }),
      ).rejects.toMatchObject({
        code: 'INVALID_INPUT',
        message: expect.stringContaining(`Protected address 2 ("${ip}")`),
      });
    }
    const { profiles } = await h.call('profiles:list', {});
    expect(profiles.find((p) => p.id === id)?.protectedAddresses).toEqual([]);
  });
});

describe('lost edits and false truth', () => {
  it('an edit autosaved while the PUT is in flight is kept', async () => {
    const id = await profileAt(a.url);
    const { pushing, release } = await pushHeldAtPut(id, list('127.0.0.1', '192.0.2.8'));
    await h.call('draft:save', {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.8', '192.0.2.9'),
    });
    release();
    const out = await pushing;
    expect(out.status).toBe('pushed');
    const draft = await h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toEqual(['127.0.0.1', '192.0.2.8', '192.0.2.9']);
    expect(draft.dirty).toBe(true);
    expect(draft.base && ips(draft.base)).toEqual(['127.0.0.1', '192.0.2.8']);
  });

  it('the same plan pushed twice at once is sent once', async () => {
    const id = await profileAt(a.url);
    const {
      plan,
      pushing: first,
      release,
    } = await pushHeldAtPut(id, list('127.0.0.1', '192.0.2.8'));
    await expect(h.call('sync:push', { profileId: id, planId: plan.planId })).rejects.toMatchObject(
      { code: 'PLAN_STALE' },
    );
    release();
    expect((await first).status).toBe('pushed');
    expect(a.puts).toHaveLength(1);
  });

  it('a save acknowledged but not stored is unconfirmed in the history and the admin is told', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '192.0.2.8') });
    a.lies.dropPut = true;
    const out = await planAndPush(id);
    expect(out.status === 'pushed' && out.confirmed).toBe(false);
    expect(out.status === 'pushed' && out.message).toMatch(/not certain/);
    const history = await h.call('history:list', { profileId: id });
    expect(history[0]?.confirmed).toBe(false);
    // The pushed list is still the admin's change (not "truth"): the next plan shows it again.
    const again = await h.call('sync:plan', { profileId: id });
    expect(again.diff.added.map((e) => e.ip)).toEqual(['192.0.2.8']);
  });

  it('a PUT answered with HTML says the outcome is unknown', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '192.0.2.8') });
    a.lies.putHtml = true;
    await expect(planAndPush(id)).rejects.toMatchObject({
      code: 'SERVICE_ERROR',
      message: expect.stringMatching(/may or may not have been saved/),
    });
    expect((await h.call('draft:get', { profileId: id })).dirty).toBe(true);
  });
});

describe('secrets', () => {
  it('changing the URL or the login drops the password: it never goes to the new origin', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    expect(a.credentials.every((c) => c === 'admin:pw-a')).toBe(true);
    const moved = await h.call('profiles:update', { profileId: id, fields: { serviceUrl: b.url } });
    expect(moved.hasPassword).toBe(false);
    await expect(h.call('sync:pull', { profileId: id })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
    await expect(h.call('sync:plan', { profileId: id })).rejects.toMatchObject({
      code: 'NOT_PULLED',
    });
    expect(b.credentials).toEqual([]);
    await h.call('profiles:set-password', { profileId: id, password: 'pw-b' });
    await h.call('sync:pull', { profileId: id });
    expect(b.credentials.every((c) => c === 'admin:pw-b')).toBe(true);
    const renamed = await h.call('profiles:update', { profileId: id, fields: { login: 'other' } });
    expect(renamed.hasPassword).toBe(false);
    const before = b.credentials.length;
    await expect(h.call('sync:status', { profileId: id })).resolves.toMatchObject({
      errorCode: 'PASSWORD_REQUIRED',
    });
    expect(b.credentials).toHaveLength(before);
    expect(a.credentials.every((c) => c === 'admin:pw-a')).toBe(true);
  });
});

describe('merge and plan tell the admin (real reference service)', () => {
  const realProfile = async () =>
    (
      await h.call('profiles:create', {
        fields: { name: 'R', serviceUrl: h.service.url, login: 'admin', protectedAddresses: [] },
        password: h.password,
      })
    ).id;

  it('a merge after another save that drops the admin’s own entry says so on the merge screen', async () => {
    const id = await realProfile();
    const start = await h.other.get();
    if (!start.ok) throw new Error('get failed');
    await h.other.put(list('127.0.0.1', '192.0.2.8'), start.value.revision);
    await h.call('sync:pull', { profileId: id });
    const mine = list('127.0.0.1', '192.0.2.8');
    mine.entries[1]!.memo = 'mine';
    await h.call('draft:save', { profileId: id, working: mine });
    const plan = await h.call('sync:plan', { profileId: id });
    // Another admin removes this admin's address and edits the same memo.
    const now = await h.other.get();
    if (!now.ok) throw new Error('get failed');
    await h.other.put(
      { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '192.0.2.8', cidr: null, memo: 'theirs' }] },
      now.value.revision,
    );
    const out = await h.call('sync:push', { profileId: id, planId: plan.planId });
    expect(out.status).toBe('remote-changed');
    const merge = out.status === 'remote-changed' ? out.draft.merge : null;
    expect(merge?.conflicts).toHaveLength(1);
    expect(merge?.lostAccess).toEqual([{ ip: '127.0.0.1', reason: 'self', allowed: false }]);
  });

  it('a Reset URL opened while locked out is a mode decision in the merge, and the plan shows the choice', async () => {
    const id = await realProfile();
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('192.0.2.8') });
    const plan = await h.call('sync:plan', { profileId: id });
    await h.call('sync:push', {
      profileId: id,
      planId: plan.planId,
      confirmation: plan.confirmationPhrase!,
    });
    expect((await h.created.services.tracker.settled(id)).phase).toBe('locked-out');
    // Locked out, the admin keeps editing; then opens the Reset URL ("Allow all").
    await h.call('draft:save', { profileId: id, working: list('192.0.2.8', '127.0.0.1') });
    expect((await fetch(await h.resetUrl())).status).toBe(200);
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(pulled.status).toBe('conflicts');
    expect(pulled.draft.merge?.conflicts).toEqual([
      expect.objectContaining({
        kind: 'mode',
        reason: 'remote-changed-while-editing',
        local: 'ALLOW_SPECIFIC',
        remote: 'ALLOW_ALL',
      }),
    ]);
    await h.call('merge:resolve', {
      profileId: id,
      resolutions: [{ id: 'mode', choice: 'local' }],
    });
    const next = await h.call('sync:plan', { profileId: id });
    expect(next.diff.modeChanged).toEqual({ from: 'ALLOW_ALL', to: 'ALLOW_SPECIFIC' });
    expect(next.confirmationPhrase).toBeNull();
  });
});

describe('read-back after a deliberate lockout', () => {
  it('a list in force at once that refuses the admin confirms the save (not "unconfirmed")', async () => {
    const id = await profileAt(a.url);
    await h.call('sync:pull', { profileId: id });
    await h.call('draft:save', { profileId: id, working: list('192.0.2.8') });
    const plan = await h.call('sync:plan', { profileId: id });
    a.lies.restrictAfterPut = true;
    const out = await h.call('sync:push', {
      profileId: id,
      planId: plan.planId,
      confirmation: plan.confirmationPhrase!,
    });
    expect(out).toMatchObject({ status: 'pushed', confirmed: true, draft: { dirty: false } });
  });
});
