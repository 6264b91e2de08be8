import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWithProfile, stopWithProfile, type Harness } from './harness.ts';

/**
 * One user action, one call: each sync call does the whole step and returns what the window
 * shows (the draft, what changed on each side, the sync status), so the renderer never asks
 * again. Real handlers, real reference service, real keychain.
 */

let h: Harness;
let profileId: string;

beforeEach(async () => {
  ({ h, profileId } = await startWithProfile());
});
afterEach(() => stopWithProfile(h, profileId));

const entry = (ip: string, memo = `m ${ip}`) => ({ ip, cidr: null, memo });
const none = { added: 0, removed: 0, memoChanged: 0, modeChanged: false };

/** Another admin saves `entries` (mode "Allow specific") over whatever the service holds. */
const otherSaves = (entries: ReturnType<typeof entry>[]) =>
  h.otherSaves({ mode: 'ALLOW_SPECIFIC', entries });

/** The app pulls, then the admin's draft becomes these entries (mode "Allow specific"). */
async function pullThenEdit(entries: ReturnType<typeof entry>[]) {
  await h.call('sync:pull', { profileId });
  await h.call('draft:save', { profileId, working: { mode: 'ALLOW_SPECIFIC', entries } });
}

/**
 * The app pulls two entries; the admin changes one memo ("mine") and another admin the same
 * memo ("theirs") on the service: the next pull meets a conflict. The service's new revision.
 */
async function bothChangeOneMemo(): Promise<string> {
  await otherSaves([entry('127.0.0.1'), entry('192.0.2.1')]);
  await pullThenEdit([entry('127.0.0.1'), entry('192.0.2.1', 'mine')]);
  return otherSaves([entry('127.0.0.1'), entry('192.0.2.1', 'theirs')]);
}

describe('pull says what changed on each side', () => {
  it('the service changed 3 entries, the admin’s 2 edits are kept: counted against the base, status included', async () => {
    await otherSaves([entry('127.0.0.1'), entry('192.0.2.1'), entry('192.0.2.2')]);
    const first = await h.call('sync:pull', { profileId });
    expect(first.status).toBe('updated');
    expect(first.changes.base).toBeNull();
    expect(first.sync).toMatchObject({
      state: 'up-to-date',
      remoteRevision: first.changes.remoteRevision,
    });
    const baseRevision = first.draft.base!.revision;

    // The admin: one entry added, one memo changed.
    const mine = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [
        entry('127.0.0.1', 'office'),
        entry('192.0.2.1'),
        entry('192.0.2.2'),
        entry('198.51.100.5'),
      ],
    };
    await h.call('draft:save', { profileId, working: mine });
    // Another admin: one removed, one added, one memo changed (3 entries).
    const revision = await otherSaves([
      entry('127.0.0.1'),
      entry('192.0.2.1', 'renamed'),
      entry('203.0.113.9'),
    ]);

    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('merged');
    expect(pulled.changes).toEqual({
      base: { revision: baseRevision, config: first.draft.working },
      mine,
      remoteRevision: revision,
      remote: { added: 1, removed: 1, memoChanged: 1, modeChanged: false },
      local: { added: 1, removed: 0, memoChanged: 1, modeChanged: false },
    });
    // Both sides' changes are in the working copy.
    expect(pulled.draft.working.entries.map((e) => [e.ip, e.memo]).sort()).toEqual([
      ['127.0.0.1', 'office'],
      ['192.0.2.1', 'renamed'],
      ['198.51.100.5', 'm 198.51.100.5'],
      ['203.0.113.9', 'm 203.0.113.9'],
    ]);
    // The window needs nothing more: the status is the one after the merge.
    expect(pulled.sync).toMatchObject({ state: 'local-changes', remoteRevision: revision });
    expect(h.calls.get).toBe(2);
  });

  it('nothing moved: zero remote changes, the edits counted, status "local changes"', async () => {
    await pullThenEdit([entry('127.0.0.1')]);
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('up-to-date');
    expect(pulled.changes.remote).toEqual(none);
    expect(pulled.changes.local).toEqual({ ...none, added: 1, modeChanged: true });
    expect(pulled.sync.state).toBe('local-changes');
  });

  it('conflicts: the status says the service changed (the merge waits), the counts are both sides', async () => {
    const revision = await bothChangeOneMemo();
    const pulled = await h.call('sync:pull', { profileId });
    expect(pulled.status).toBe('conflicts');
    expect(pulled.draft.merge?.conflicts).toHaveLength(1);
    expect(pulled.changes.remote).toEqual({ ...none, memoChanged: 1 });
    expect(pulled.changes.local).toEqual({ ...none, memoChanged: 1 });
    expect(pulled.sync).toMatchObject({ state: 'remote-changed', remoteRevision: revision });
  });
});

describe('discard and pull is one call', () => {
  it('drops the edits and the pending merge, then shows the service’s list; nothing is sent', async () => {
    const revision = await bothChangeOneMemo();
    expect((await h.call('sync:pull', { profileId })).status).toBe('conflicts');
    const puts = h.calls.put;

    const out = await h.call('sync:discard-and-pull', { profileId });
    expect(out.outcome).toBe('pulled');
    expect(out.draft.merge).toBeNull();
    expect(out.draft.dirty).toBe(false);
    expect(out.draft.base?.revision).toBe(revision);
    expect(out.draft.working.entries.map((e) => e.memo)).toEqual(['m 127.0.0.1', 'theirs']);
    expect(out.sync).toMatchObject({ state: 'up-to-date', remoteRevision: revision });
    expect(h.calls.put).toBe(puts);
  });

  it('offline: the discard stands and the outcome says the service could not be reached', async () => {
    const away = await h.call('profiles:create', {
      fields: {
        name: 'Away',
        serviceUrl: 'http://127.0.0.1:9',
        login: 'admin',
        protectedAddresses: [],
      },
      password: h.password,
    });
    try {
      await h.call('draft:save', {
        profileId: away.id,
        working: { mode: 'ALLOW_SPECIFIC', entries: [entry('192.0.2.1')] },
      });
      const out = await h.call('sync:discard-and-pull', { profileId: away.id });
      expect(out.outcome).toBe('pull-failed');
      expect(out.draft.working).toEqual({ mode: 'ALLOW_ALL', entries: [] });
      expect(out.sync.state).toBe('offline');
      if (out.outcome === 'pull-failed') expect(out.error.code).toBe('OFFLINE');
      expect((await h.call('draft:get', { profileId: away.id })).dirty).toBe(false);
    } finally {
      await h.call('profiles:remove', { profileId: away.id });
    }
  });
});

describe('push and restore return the status', () => {
  it('push: the draft and the status read back after the PUT', async () => {
    await pullThenEdit([entry('127.0.0.1')]);
    const plan = await h.call('sync:plan', { profileId });
    const pushed = await h.call('sync:push', { profileId, planId: plan.planId });
    if (pushed.status !== 'pushed') throw new Error(pushed.status);
    expect(pushed.sync).toMatchObject({ state: 'up-to-date', remoteRevision: pushed.revision });
    await h.created.services.tracker.settled(profileId);
  });

  it('push after someone else saved: the merge and status "changed on the service"', async () => {
    await pullThenEdit([entry('127.0.0.1'), entry('192.0.2.1', 'mine')]);
    const plan = await h.call('sync:plan', { profileId });
    const revision = await otherSaves([entry('127.0.0.1'), entry('192.0.2.1', 'theirs')]);
    const pushed = await h.call('sync:push', { profileId, planId: plan.planId });
    expect(pushed.status).toBe('remote-changed');
    expect(pushed.draft.merge?.remoteRevision).toBe(revision);
    expect(pushed.sync).toMatchObject({ state: 'remote-changed', remoteRevision: revision });
  });
});
