import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { restrictionBackOn } from '../../../shared/sync/restriction-off.ts';
import { startHarness, type Harness } from '../sync/harness.ts';

let h: Harness;
let id: string;
const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` })),
});

beforeEach(async () => {
  h = await startHarness();
  id = (
    await h.call('profiles:create', {
      fields: { name: 'R', serviceUrl: h.service.url, login: 'admin', protectedAddresses: [] },
      password: h.password,
    })
  ).id;
});
afterEach(async () => {
  await h.call('profiles:remove', { profileId: id }).catch(() => {});
  await h.stop();
});

/** Restriction on (with the admin in), then the admin locks themself out and opens the Reset URL. */
async function lockOutAndReset(): Promise<void> {
  await h.call('sync:pull', { profileId: id });
  await h.call('draft:save', { profileId: id, working: list('127.0.0.1', '192.0.2.8') });
  let plan = await h.call('sync:plan', { profileId: id });
  await h.call('sync:push', { profileId: id, planId: plan.planId });
  await h.created.services.tracker.settled(id);
  await h.call('draft:save', { profileId: id, working: list('192.0.2.8') });
  plan = await h.call('sync:plan', { profileId: id });
  await h.call('sync:push', {
    profileId: id,
    planId: plan.planId,
    confirmation: plan.confirmationPhrase!,
  });
  expect((await h.created.services.tracker.settled(id)).phase).toBe('locked-out');
  expect((await fetch(await h.resetUrl())).status).toBe(200);
  await h.call('apply:probe', { profileId: id });
}

describe('promise 2: a Reset URL must not silently turn the restriction off in later saves', () => {
  it('after the reset, a pull and the admin re-adding their address: the plan does not silently save "Allow all"', async () => {
    await lockOutAndReset();
    const pulled = await h.call('sync:pull', { profileId: id });
    // The admin fixes the list the way they meant it: adds their own address back.
    const working = pulled.draft.working;
    await h.call('draft:save', {
      profileId: id,
      working: {
        ...working,
        entries: [...working.entries, { ip: '127.0.0.1', cidr: null, memo: 'me' }],
      },
    });
    const plan = await h.call('sync:plan', { profileId: id });
    const saysAllowAll =
      plan.config.mode === 'ALLOW_SPECIFIC' ||
      plan.diff.modeChanged !== null ||
      plan.problems.some((p) => p.field === 'mode' || /allow all/i.test(p.message));
    const details = {
      mode: plan.config.mode,
      pullStatus: pulled.status,
      modeChanged: plan.diff.modeChanged,
      problems: plan.problems.map((p) => p.code),
    };
    expect(saysAllowAll, JSON.stringify(details)).toBe(true);
  });

  it('after the reset the pull says the restriction is off, the plan warns, and one step turns it back on with the entries', async () => {
    await lockOutAndReset();
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(pulled.draft.working.mode).toBe('ALLOW_ALL');
    expect(pulled.draft.restrictionOff?.entries.map((e) => e.ip)).toEqual(['192.0.2.8']);
    // Pulling again while it stays off keeps saying so.
    const again = await h.call('sync:pull', { profileId: id });
    expect(again.draft.restrictionOff?.entries.map((e) => e.ip)).toEqual(['192.0.2.8']);
    const plan = await h.call('sync:plan', { profileId: id });
    expect(plan.problems[0]).toMatchObject({
      code: 'RESTRICTION_STAYS_OFF',
      severity: 'warning',
      field: 'mode',
    });
    expect(plan.restrictionOff?.entries.map((e) => e.ip)).toEqual(['192.0.2.8']);
    // What the one-click button saves: the restriction on, the entries back, plus the admin's own.
    const back = restrictionBackOn(
      { mode: 'ALLOW_ALL', entries: [{ ip: '127.0.0.1', cidr: null, memo: 'me' }] },
      plan.restrictionOff!,
    );
    await h.call('draft:save', { profileId: id, working: back });
    const on = await h.call('sync:plan', { profileId: id });
    expect(on.problems.map((p) => p.code)).not.toContain('RESTRICTION_STAYS_OFF');
    expect(on.restrictionOff).toBeNull();
    expect(on.diff.modeChanged).toEqual({ from: 'ALLOW_ALL', to: 'ALLOW_SPECIFIC' });
    await h.call('sync:push', { profileId: id, planId: on.planId });
    const live = await h.other.get();
    if (!live.ok) throw new Error('get');
    expect(live.value.mode).toBe('ALLOW_SPECIFIC');
    expect(live.value.entries.map((e) => e.ip)).toEqual(['127.0.0.1', '192.0.2.8']);
    // Once it is on again, the note is gone.
    expect((await h.call('draft:get', { profileId: id })).restrictionOff).toBeNull();
  });

  it('edits made while locked out, then the reset: the merge asks about the mode (held by design)', async () => {
    await lockOutAndReset();
    await h.call('draft:save', { profileId: id, working: list('192.0.2.8', '127.0.0.1') });
    const pulled = await h.call('sync:pull', { profileId: id });
    expect(pulled.status).toBe('conflicts');
  });
});
