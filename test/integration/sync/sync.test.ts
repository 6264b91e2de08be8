import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createKeytarSecretStore, openSecret } from '../../../electron/services/secrets.ts';
import { startWithProfile, stopWithProfile, type Harness } from './harness.ts';

let h: Harness;
let profileId: string;
const secrets = createKeytarSecretStore();

beforeEach(async () => {
  ({ h, profileId } = await startWithProfile());
});
afterEach(() => stopWithProfile(h, profileId));

const entries = (...ips: string[]) => ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` }));

/** The service holds 192.0.2.8, the app pulls it, then another admin changes its memo. */
async function theirMemoAfterPull() {
  await h.otherSaves({ mode: 'ALLOW_ALL', entries: entries('192.0.2.8') });
  await h.call('sync:pull', { profileId });
  await h.otherSaves({
    mode: 'ALLOW_ALL',
    entries: [{ ip: '192.0.2.8', cidr: null, memo: 'theirs' }],
  });
}

describe('sync with the reference service', () => {
  it('pull, edit, plan, push, follow apply until verified, then history', async () => {
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('updated');
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('127.0.0.1', '192.0.2.8') },
    });
    const plan = await h.call('sync:plan', { profileId });
    expect(plan.lockout.clientIp).toBe('127.0.0.1');
    expect(plan.lockout.excludesSomeone).toBe(false);
    expect(plan.diff.added).toHaveLength(2);
    expect(plan.diff.modeChanged).toEqual({ from: 'ALLOW_ALL', to: 'ALLOW_SPECIFIC' });
    const pushed = await h.call('sync:push', { profileId, planId: plan.planId });
    expect(pushed.status).toBe('pushed');
    const final = await h.created.services.tracker.settled(profileId);
    expect(final.phase).toBe('verified');
    expect(
      h.events.some(
        (e) => e.event === 'apply:state' && (e.payload as { phase: string }).phase === 'verified',
      ),
    ).toBe(true);
    const remote = await h.other.get();
    expect(remote.ok && remote.value.entries.map((e) => e.ip)).toEqual(['127.0.0.1', '192.0.2.8']);
    const history = await h.call('history:list', { profileId });
    expect(history.map((x) => x.source)).toEqual(['pushed', 'pulled']);
    const draft = await h.call('draft:get', { profileId });
    expect(draft.dirty).toBe(false);
  });

  it('refuses a push that locks the admin out without the typed confirmation, and the service is untouched', async () => {
    await h.call('sync:pull', { profileId });
    await h.call('profiles:update', {
      profileId,
      fields: { protectedAddresses: [{ ip: '198.51.100.7', label: 'CI server' }] },
    });
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('192.0.2.8') },
    });
    const plan = await h.call('sync:plan', { profileId });
    expect(plan.lockout.checks.map((c) => [c.ip, c.reason, c.allowed])).toEqual([
      ['127.0.0.1', 'self', false],
      ['198.51.100.7', 'protected', false],
    ]);
    expect(plan.confirmationPhrase).toBe('127.0.0.1, 198.51.100.7');
    const before = await h.other.get();
    const putsBefore = h.calls.put;
    await expect(h.call('sync:push', { profileId, planId: plan.planId })).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    await expect(
      h.call('sync:push', { profileId, planId: plan.planId, confirmation: 'yes' }),
    ).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(h.calls.put).toBe(putsBefore);
    const after = await h.other.get();
    expect(after.ok && before.ok && after.value.revision).toBe(before.ok && before.value.revision);
    expect(after.ok && after.value.mode).toBe('ALLOW_ALL');
  });

  it('re-checks the address right before the PUT: moved to an excluded address, the push stops and the service is untouched', async () => {
    await h.call('sync:pull', { profileId });
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('127.0.0.1') },
    });
    const plan = await h.call('sync:plan', { profileId });
    expect(plan.lockout.excludesSomeone).toBe(false);
    h.network.localAddress = '127.0.0.2';
    await expect(h.call('sync:push', { profileId, planId: plan.planId })).rejects.toMatchObject({
      code: 'LOCKOUT_CHANGED',
    });
    expect(h.calls.put).toBe(0);
    const remote = await h.other.get();
    expect(remote.ok && remote.value.mode).toBe('ALLOW_ALL');
    // the new plan names the new address
    const again = await h.call('sync:plan', { profileId });
    expect(again.confirmationPhrase).toBe('127.0.0.2');
  });

  it('refuses ALLOW_SPECIFIC with no entries', async () => {
    await h.call('sync:pull', { profileId });
    await h.call('draft:save', { profileId, working: { mode: 'ALLOW_SPECIFIC', entries: [] } });
    const plan = await h.call('sync:plan', { profileId });
    expect(plan.blockers.map((p) => p.code)).toContain('NO_ENTRIES');
    await expect(
      h.call('sync:push', {
        profileId,
        planId: plan.planId,
        confirmation: plan.confirmationPhrase ?? '',
      }),
    ).rejects.toMatchObject({ code: 'PLAN_BLOCKED' });
    expect(h.calls.put).toBe(0);
  });

  it('merges when someone else saved meanwhile; a 412 on push loops back to the merge, never overwrites', async () => {
    await h.call('sync:pull', { profileId });
    // someone else saves first
    const base = await h.other.get();
    if (!base.ok) throw new Error('get failed');
    const theirs = await h.other.put(
      { mode: 'ALLOW_ALL', entries: entries('203.0.113.5') },
      base.value.revision,
    );
    expect(theirs.ok).toBe(true);
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_ALL', entries: entries('192.0.2.8') },
    });
    const plan = await h.call('sync:plan', { profileId });
    const outcome = await h.call('sync:push', { profileId, planId: plan.planId });
    expect(outcome.status).toBe('remote-changed');
    if (outcome.status !== 'remote-changed') return;
    expect(outcome.draft.working.entries.map((e) => e.ip).sort()).toEqual([
      '192.0.2.8',
      '203.0.113.5',
    ]);
    const remote = await h.other.get();
    expect(remote.ok && remote.value.entries.map((e) => e.ip)).toEqual(['203.0.113.5']);
    // plan again and push the merged list
    const plan2 = await h.call('sync:plan', { profileId });
    expect((await h.call('sync:push', { profileId, planId: plan2.planId })).status).toBe('pushed');
  });

  it('returns conflicts for the UI when both sides changed one entry', async () => {
    await theirMemoAfterPull();
    await h.call('draft:save', { profileId, working: { mode: 'ALLOW_ALL', entries: [] } });
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('conflicts');
    expect(pulled.draft.merge?.conflicts).toEqual([
      expect.objectContaining({ kind: 'entry', reason: 'deleted-vs-changed' }),
    ]);
    await expect(h.call('sync:plan', { profileId })).rejects.toMatchObject({
      code: 'MERGE_PENDING',
    });
    await expect(h.call('merge:resolve', { profileId, resolutions: [] })).rejects.toMatchObject({
      code: 'UNRESOLVED_CONFLICTS',
    });
    const id = pulled.draft.merge!.conflicts[0]!.id;
    const resolved = await h.call('merge:resolve', {
      profileId,
      resolutions: [{ id, choice: 'remote' }],
    });
    expect(resolved.working.entries).toEqual([{ ip: '192.0.2.8', cidr: null, memo: 'theirs' }]);
    expect(resolved.merge).toBeNull();
  });

  it('confirmed lockout: apply then probe reports locked out with the Reset URL window; after the reset, restore the previous revision', async () => {
    await h.call('sync:pull', { profileId });
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('192.0.2.8') },
    });
    const plan = await h.call('sync:plan', { profileId });
    const pushed = await h.call('sync:push', {
      profileId,
      planId: plan.planId,
      confirmation: plan.confirmationPhrase!,
    });
    expect(pushed.status).toBe('pushed');
    const final = await h.created.services.tracker.settled(profileId);
    expect(final.phase).toBe('locked-out');
    expect(final.clientIp).toBe('127.0.0.1');
    // The refusal came before the app saw APPLIED: the hour counts from the save (never overstated).
    expect(Date.parse(final.resetDeadline!) - Date.parse(final.pushedAt!)).toBe(3600_000);
    expect(Date.parse(final.resetDeadline!)).toBeLessThanOrEqual(
      Date.parse(final.appliedAt!) + 3600_000,
    );
    expect(final.message).toMatch(/Reset URL/);
    // offline-style failure: status says the service refuses us, draft kept
    await expect(h.call('sync:pull', { profileId })).rejects.toMatchObject({
      code: 'IP_RESTRICTED',
    });
    // the admin opens the Reset URL from the e-mail
    const res = await fetch(await h.resetUrl());
    expect(res.status).toBe(200);
    const probe = await h.call('apply:probe', { profileId });
    expect(probe.phase).toBe('verified');
    expect(probe.restoreHistoryId).not.toBeNull();
    // One call: restore reads the list in force itself (no pull first).
    const restored = await h.call('history:restore', {
      profileId,
      historyId: probe.restoreHistoryId!,
    });
    expect(restored.draft.working.mode).toBe('ALLOW_ALL');
    // The restore changes the list again: "not yet saved", against the service's list now.
    expect(restored.sync.state).toBe('local-changes');
    const plan2 = await h.call('sync:plan', { profileId });
    expect(plan2.lockout.excludesSomeone).toBe(false);
  });

  it('restore plans against the list in force now, not the stale base (another admin saved meanwhile)', async () => {
    await h.call('sync:pull', { profileId });
    const mine = { mode: 'ALLOW_SPECIFIC' as const, entries: entries('127.0.0.1', '192.0.2.8') };
    await h.call('draft:save', { profileId, working: mine });
    const plan = await h.call('sync:plan', { profileId });
    const pushed = await h.call('sync:push', { profileId, planId: plan.planId });
    expect(pushed.status).toBe('pushed');
    await h.created.services.tracker.settled(profileId);
    const theirs = { mode: 'ALLOW_SPECIFIC' as const, entries: entries('127.0.0.1', '192.0.2.9') };
    const put = await h.other.put(theirs, pushed.status === 'pushed' ? pushed.revision : '');
    if (!put.ok) throw new Error(JSON.stringify(put.error));

    const item = (await h.call('history:list', { profileId })).find(
      (i) => pushed.status === 'pushed' && i.revision === pushed.revision,
    );
    if (!item) throw new Error('pushed revision not in history');
    // No pull first: restore itself reads the list in force.
    const restored = await h.call('history:restore', { profileId, historyId: item.id });
    expect(restored.draft.working).toEqual(mine);
    expect(restored.draft.base?.revision).toBe(put.value.revision);
    expect(restored.sync).toMatchObject({
      state: 'local-changes',
      remoteRevision: put.value.revision,
    });
    const plan2 = await h.call('sync:plan', { profileId });
    expect(plan2.baseRevision).toBe(put.value.revision);
    expect(plan2.diff.added.map((e) => e.ip)).toEqual(['192.0.2.8']);
    expect(plan2.diff.removed.map((e) => e.ip)).toEqual(['192.0.2.9']);
    const pushed2 = await h.call('sync:push', { profileId, planId: plan2.planId });
    expect(pushed2.status).toBe('pushed');
    const remote = await h.other.get();
    if (!remote.ok) throw new Error(JSON.stringify(remote.error));
    expect({ mode: remote.value.mode, entries: remote.value.entries }).toEqual(mine);
  });

  it('offline: push says it needs the network and the draft is kept; edits still work', async () => {
    await h.call('sync:pull', { profileId });
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_ALL', entries: entries('192.0.2.8') },
    });
    const plan = await h.call('sync:plan', { profileId });
    await h.service.close();
    await expect(h.call('sync:push', { profileId, planId: plan.planId })).rejects.toMatchObject({
      code: 'OFFLINE',
    });
    const saved = await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_ALL', entries: entries('192.0.2.8', '192.0.2.9') },
    });
    expect(saved.dirty).toBe(true);
    expect((await h.call('draft:get', { profileId })).working.entries).toHaveLength(2);
    const status = await h.call('sync:status', { profileId });
    expect(status.state).toBe('offline');
  });

  it('keychain: the password is in the OS keychain under the profile id; a deleted item asks for it again and keeps the draft', async () => {
    const binding = { origin: h.service.url, login: 'admin' };
    expect(openSecret(binding, await secrets.get(profileId))).toBe(h.password);
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_ALL', entries: entries('192.0.2.8') },
    });
    await secrets.delete(profileId);
    const list = await h.call('profiles:list', {});
    expect(list.profiles.find((p) => p.id === profileId)?.hasPassword).toBe(false);
    await expect(h.call('sync:pull', { profileId })).rejects.toMatchObject({
      code: 'PASSWORD_REQUIRED',
    });
    expect((await h.call('draft:get', { profileId })).working.entries).toHaveLength(1);
    await h.call('profiles:set-password', { profileId, password: h.password });
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('merged');
    expect(pulled.draft.working.entries.map((e) => e.ip)).toEqual(['192.0.2.8']);
    await h.call('profiles:remove', { profileId });
    expect(await secrets.get(profileId)).toBeNull();
  });
});

describe('edits while a merge waits', () => {
  it('are merged too, so resolving the conflict keeps them', async () => {
    await theirMemoAfterPull();
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_ALL', entries: [{ ip: '192.0.2.8', cidr: null, memo: 'mine' }] },
    });
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('conflicts');
    await h.call('draft:save', {
      profileId,
      working: {
        mode: 'ALLOW_ALL',
        entries: [{ ip: '192.0.2.8', cidr: null, memo: 'mine' }, ...entries('198.51.100.1')],
      },
    });
    const { merge } = await h.call('draft:get', { profileId });
    expect(merge?.conflicts).toHaveLength(1);
    const resolved = await h.call('merge:resolve', {
      profileId,
      resolutions: [{ id: merge!.conflicts[0]!.id, choice: 'remote' }],
    });
    expect(resolved.working.entries).toEqual([
      { ip: '192.0.2.8', cidr: null, memo: 'theirs' },
      ...entries('198.51.100.1'),
    ]);
  });
});
