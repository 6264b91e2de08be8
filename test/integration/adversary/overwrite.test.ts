import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { createInvoker } from '../../../electron/ipc/handle.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import type {
  ChannelInput,
  ChannelName,
  ChannelOutput,
  IpcResult,
} from '../../../shared/contract/ipc.ts';
import { startService } from '../../../service/server.ts';
import { APP_ORIGIN, FROM_APP } from '../sync/harness.ts';
import { gate } from '../support/fake-service.ts';
import { list, ips, useFakeServiceWorld } from '../support/fake-service-world.ts';

const w = useFakeServiceWorld();
const entry = (ip: string, memo: string) => ({ ip, cidr: null, memo });
/** The admin's address, then 192.0.2.1 once per memo given (a repeated network). */
const duplicates = (...memos: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: [entry('127.0.0.1', 'me'), ...memos.map((memo) => entry('192.0.2.1', memo))],
});

describe('merge of repeated networks (duplicates are only a warning)', () => {
  it('local deletes one duplicate, the other admin deletes the other: both deletions survive the merge', async () => {
    w.a.state.config = duplicates('first', 'second');
    const id = await w.pulledProfile();
    // Local: delete "second".
    await w.saveDraft(id, duplicates('first'));
    // Other admin: delete "first".
    w.otherAdminSaves(duplicates('second'), '2');
    const pulled = await w.h.call('sync:pull', { profileId: id });
    const memos = pulled.draft.working.entries.map((e) => e.memo);
    // The admin deleted "second": unless a conflict asks, it must not come back.
    if (pulled.status !== 'conflicts') expect(memos).not.toContain('second');
  });

  it('the admin deletes the 1st duplicate, the other admin deletes the 2nd: the push does not bring back the one the other admin deleted', async () => {
    w.a.state.config = duplicates('first', 'second');
    const id = await w.pulledProfile();
    await w.saveDraft(id, duplicates('second'));
    w.otherAdminSaves(duplicates('first'), '2');
    const pulled = await w.h.call('sync:pull', { profileId: id });
    expect(pulled.status).not.toBe('conflicts');
    const plan = await w.h.call('sync:plan', { profileId: id });
    if (plan.canPush) await w.h.call('sync:push', { profileId: id, planId: plan.planId });
    // The other admin deleted "second" (and the admin deleted "first"): "second" must not be back.
    expect(w.a.state.config.entries.map((e) => e.memo)).not.toContain('second');
  });

  it('the other admin edits the memo of the 2nd duplicate while the admin deletes the 1st: the edit survives or is a conflict', async () => {
    w.a.state.config = duplicates('first', 'second');
    const id = await w.pulledProfile();
    await w.saveDraft(id, duplicates('second'));
    w.otherAdminSaves(duplicates('first', 'second (edited by B)'), '2');
    const pulled = await w.h.call('sync:pull', { profileId: id });
    const memos = pulled.draft.working.entries.map((e) => e.memo);
    if (pulled.status !== 'conflicts') {
      expect(memos).toContain('second (edited by B)');
      expect(memos).not.toContain('first');
    }
  });
});

describe('promise 1 with the real reference service', () => {
  it('the service loses its data and restarts at the same URL; another admin saves: nothing of theirs is overwritten', async () => {
    const root = join(w.h.root, 'svc2');
    let svc = await startService({
      admins: [{ login: 'admin', password: 'pw' }],
      applyDelayMs: 50,
      data: join(root, 'd1'),
      outbox: join(root, 'o1'),
    });
    const port = Number(new URL(svc.url).port);
    const id = await w.profileAt(svc.url, { password: 'pw' });
    await w.h.call('sync:pull', { profileId: id });
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.10'));
    let plan = await w.h.call('sync:plan', { profileId: id });
    await w.h.call('sync:push', { profileId: id, planId: plan.planId });
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.10', '192.0.2.11'));
    plan = await w.h.call('sync:plan', { profileId: id });
    // The service loses everything and starts again on the same port; another admin saves once.
    await svc.close();
    svc = await startService({
      admins: [{ login: 'admin', password: 'pw' }],
      applyDelayMs: 50,
      port,
      data: join(root, 'd2'),
      outbox: join(root, 'o2'),
    });
    const { createHttpService } = await import('../../../electron/core/service-client.ts');
    const other = createHttpService({
      baseUrl: svc.url,
      login: 'admin',
      getPassword: async () => 'pw',
      retries: 0,
    });
    const now = await other.get();
    if (!now.ok) throw new Error('get');
    const put = await other.put(list('127.0.0.1', '203.0.113.50'), now.value.revision);
    expect(put.ok).toBe(true);
    const out = await w.h
      .call('sync:push', { profileId: id, planId: plan.planId })
      .catch((e: Error) => e);
    const after = await other.get();
    if (!after.ok) throw new Error('get');
    // Whatever happened, the other admin's entry is still there (or the app asked via a merge).
    if (!(out instanceof Error) && out.status === 'pushed')
      expect(ips(after.value)).toContain('203.0.113.50');
    else expect(ips(after.value)).toContain('203.0.113.50');
    await svc.close();
  });
});

describe('two app instances on the same data folder', () => {
  it('an edit autosaved by instance 2 while instance 1 PUTs is not lost', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.2'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    const second = await createHandlers({ dataDir: w.h.dataDir, applyPollMs: 50 });
    const invoke2 = createInvoker(second.handlers, {
      allowedOrigins: [APP_ORIGIN],
      emit: () => {},
    });
    const g = gate();
    w.a.hooks.beforePut = g.wait;
    const pushing = w.h.call('sync:push', { profileId: id, planId: plan.planId });
    await g.reached;
    const saved = (await invoke2('draft:save', FROM_APP, {
      profileId: id,
      working: list('127.0.0.1', '192.0.2.1', '192.0.2.2', '192.0.2.99'),
    })) as IpcResult<unknown>;
    expect(saved.ok).toBe(true);
    g.open();
    await pushing;
    const d = (await invoke2('draft:get', FROM_APP, { profileId: id })) as IpcResult<{
      working: Config;
    }>;
    expect(d.ok && ips(d.value.working)).toContain('192.0.2.99');
    await second.dispose();
  });
});

describe('promise 1: another admin saves between our PUT and its read-back', () => {
  it('their deletion of an entry we had just added is not silently undone by the next pull/push', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.44'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    let putDone = false;
    w.a.hooks.beforeGet = async () => {
      if (putDone && w.a.state.revision === '2') {
        // The other admin removes 192.0.2.44 right after our save: revision 3.
        w.otherAdminSaves(list('127.0.0.1', '192.0.2.1'), '3');
      }
    };
    const origPut = w.a.hooks.beforePut;
    w.a.hooks.beforePut = async () => {
      await origPut?.();
      putDone = true;
    };
    const out = await w.h.call('sync:push', { profileId: id, planId: plan.planId });
    expect(out.status).toBe('pushed');
    w.a.hooks.beforeGet = undefined;
    const pulled = await w.h.call('sync:pull', { profileId: id });
    if (pulled.status !== 'conflicts') {
      // The admin saves whatever the app now proposes (the plan lists it as the admin's own change).
      const next = await w.h.call('sync:plan', { profileId: id });
      const added = next.diff.added.map((e: { ip: string }) => e.ip);
      if (next.canPush) await w.h.call('sync:push', { profileId: id, planId: next.planId });
      // The other admin's later deletion must win (or be asked about), not be reverted.
      expect({
        pullStatus: pulled.status,
        planAdds: added,
        service: ips(w.a.state.config),
      }).toEqual({
        pullStatus: pulled.status,
        planAdds: added,
        service: ['127.0.0.1', '192.0.2.1'],
      });
    }
  });
});

describe('after an unconfirmed save the base is not the list in force', () => {
  it('the next pull asks about our change the service does not show; taking theirs keeps their deletion', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.44'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    let putDone = false;
    w.a.hooks.beforePut = async () => {
      putDone = true;
    };
    w.a.hooks.beforeGet = async () => {
      if (putDone && w.a.state.revision === '2') {
        w.otherAdminSaves(list('127.0.0.1', '192.0.2.1'), '3');
      }
    };
    const out = await w.h.call('sync:push', { profileId: id, planId: plan.planId });
    expect(out).toMatchObject({ status: 'pushed', confirmed: false });
    w.a.hooks.beforeGet = undefined;
    expect((await w.h.call('sync:status', { profileId: id })).state).toBe('remote-changed');
    const pulled = await w.h.call('sync:pull', { profileId: id });
    expect(pulled.status).toBe('conflicts');
    const conflicts = pulled.draft.merge?.conflicts ?? [];
    expect(conflicts).toEqual([
      expect.objectContaining({
        reason: 'unconfirmed-save',
        local: expect.objectContaining({ ip: '192.0.2.44' }),
        remote: null,
      }),
    ]);
    await w.h.call('merge:resolve', {
      profileId: id,
      resolutions: conflicts.map((c) => ({ id: c.id, choice: 'remote' as const })),
    });
    const next = await w.h.call('sync:plan', { profileId: id });
    expect(next.canPush).toBe(false);
    expect(ips(w.a.state.config)).toEqual(['127.0.0.1', '192.0.2.1']);
  });
});

describe('promise 1: two app instances (two admins) push at the same moment to the reference service', () => {
  it('neither admin’s change is lost: one is pushed, the other merges (never overwrites)', async () => {
    const mk = async (dir: string) => {
      const created = await createHandlers({ dataDir: join(w.h.root, dir), applyPollMs: 50 });
      const inv = createInvoker(created.handlers, { allowedOrigins: [APP_ORIGIN], emit: () => {} });
      const call = async <C extends ChannelName>(
        c: C,
        input: ChannelInput<C>,
      ): Promise<ChannelOutput<C>> => {
        const r = (await inv(c, FROM_APP, input)) as IpcResult<ChannelOutput<C>>;
        if (!r.ok) throw Object.assign(new Error(r.error.code), { code: r.error.code });
        return r.value;
      };
      return { created, call };
    };
    const one = await mk('inst1');
    const two = await mk('inst2');
    const fields = {
      name: 'S',
      serviceUrl: w.h.service.url,
      login: 'admin',
      protectedAddresses: [],
    };
    const id1 = (await one.call('profiles:create', { fields, password: w.h.password })).id;
    const id2 = (await two.call('profiles:create', { fields, password: w.h.password })).id;
    await one.call('sync:pull', { profileId: id1 });
    await two.call('sync:pull', { profileId: id2 });
    await one.call('draft:save', { profileId: id1, working: list('127.0.0.1', '192.0.2.101') });
    await two.call('draft:save', { profileId: id2, working: list('127.0.0.1', '192.0.2.102') });
    const p1 = await one.call('sync:plan', { profileId: id1 });
    const p2 = await two.call('sync:plan', { profileId: id2 });
    const [r1, r2] = await Promise.all([
      one.call('sync:push', { profileId: id1, planId: p1.planId }),
      two.call('sync:push', { profileId: id2, planId: p2.planId }),
    ]);
    const statuses = [r1.status, r2.status].sort();
    expect(statuses).toEqual(['pushed', 'remote-changed']);
    const loser = r1.status === 'remote-changed' ? { i: one, id: id1 } : { i: two, id: id2 };
    const d = await loser.i.call('draft:get', { profileId: loser.id });
    const plan = await loser.i.call('sync:plan', { profileId: loser.id });
    await loser.i.call('sync:push', { profileId: loser.id, planId: plan.planId });
    const final = await w.h.other.get();
    if (!final.ok) throw new Error('get');
    expect(ips(final.value)).toEqual(
      expect.arrayContaining(['127.0.0.1', '192.0.2.101', '192.0.2.102']),
    );
    expect(d.merge).toBeNull();
    await w.h.call('profiles:list', {});
    await one.call('profiles:remove', { profileId: id1 });
    await two.call('profiles:remove', { profileId: id2 });
    await one.created.dispose();
    await two.created.dispose();
  });
});
