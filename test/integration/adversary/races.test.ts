import { describe, expect, it } from 'vitest';
import { gate } from '../support/fake-service.ts';
import { list, ips, useFakeServiceWorld } from '../support/fake-service-world.ts';

const w = useFakeServiceWorld();

describe('promise 3: edits autosaved while a pull/merge is in flight', () => {
  it('an edit autosaved while the pull asks the caller address for the merge screen is kept', async () => {
    const id = await w.pulledProfile();
    // Local edit of 192.0.2.1's memo; the other admin edits the same entry: a conflict.
    const local = list('127.0.0.1', '192.0.2.1');
    local.entries[1]!.memo = 'local memo';
    await w.saveDraft(id, local);
    const remote = list('127.0.0.1', '192.0.2.1');
    remote.entries[1]!.memo = 'remote memo';
    w.otherAdminSaves(remote, '2');
    const g = gate();
    w.a.hooks.beforeClientIp = g.wait;
    const pulling = w.h.call('sync:pull', { profileId: id });
    await g.reached;
    // The admin keeps typing while the merge screen loads: autosave of a new entry.
    const edited = structuredClone(local);
    edited.entries.push({ ip: '198.51.100.77', cidr: null, memo: 'typed during pull' });
    await w.saveDraft(id, edited);
    g.open();
    await pulling;
    const draft = await w.h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.77');
  });

  it('an edit autosaved while push re-merges (remote changed at push time) is kept', async () => {
    const id = await w.pulledProfile();
    const local = list('127.0.0.1', '192.0.2.1');
    local.entries[1]!.memo = 'local memo';
    await w.saveDraft(id, local);
    const plan = await w.h.call('sync:plan', { profileId: id });
    const remote = list('127.0.0.1', '192.0.2.1');
    remote.entries[1]!.memo = 'remote memo';
    w.otherAdminSaves(remote, '2');
    const g = gate();
    let n = 0;
    // First client-ip is the push's? No: push reads the list first, sees it moved and re-merges;
    // the re-merge asks client-ip for the merge screen. Hold that one.
    w.a.hooks.beforeClientIp = async () => {
      n += 1;
      if (n === 1) await g.wait();
    };
    const pushing = w.h.call('sync:push', { profileId: id, planId: plan.planId });
    await g.reached;
    const edited = structuredClone(local);
    edited.entries.push({ ip: '198.51.100.78', cidr: null, memo: 'typed during push' });
    await w.saveDraft(id, edited);
    g.open();
    const out = await pushing;
    expect(out.status).toBe('remote-changed');
    const draft = await w.h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.78');
  });

  it('an edit autosaved while a clean pull (no local changes) is reading the list is kept', async () => {
    const id = await w.pulledProfile();
    w.otherAdminSaves(list('127.0.0.1', '192.0.2.1', '203.0.113.5'), '2');
    const g = gate();
    w.a.hooks.beforeGet = g.wait;
    const pulling = w.h.call('sync:pull', { profileId: id });
    await g.reached;
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '198.51.100.9'));
    g.open();
    await pulling;
    const draft = await w.h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('198.51.100.9');
    expect(ips(draft.working)).toContain('203.0.113.5');
  });

  it('an edit autosaved while a PUT is in flight survives, and a restart', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.2'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    const g = gate();
    w.a.hooks.beforePut = g.wait;
    const pushing = w.h.call('sync:push', { profileId: id, planId: plan.planId });
    await g.reached;
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.2', '192.0.2.3'));
    g.open();
    await pushing;
    await w.h.restart();
    const draft = await w.h.call('draft:get', { profileId: id });
    expect(ips(draft.working)).toContain('192.0.2.3');
    expect(draft.dirty).toBe(true);
  });
});

describe('promise 2: caller address', () => {
  it('a zero-padded caller address ("010.0.0.1", octal to some systems) is not proven safe', async () => {
    const id = await w.pulledProfile();
    w.a.hooks.clientIp = '010.0.0.1';
    // The list keeps 10.0.0.1 (decimal reading) but not 8.0.0.1 (octal reading).
    await w.saveDraft(id, list('10.0.0.1'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    expect(plan.confirmationPhrase).not.toBeNull();
    await w.h.call('sync:push', { profileId: id, planId: plan.planId }).catch(() => undefined);
    expect(w.a.puts).toHaveLength(0);
  });

  it('client-ip answered with HTML is unknown: no PUT without the phrase', async () => {
    const id = await w.pulledProfile();
    w.a.hooks.override = (req, res) => {
      if (!req.url?.startsWith('/v1/client-ip.json')) return false;
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end('<html>127.0.0.1</html>');
      return true;
    };
    await w.saveDraft(id, list('192.0.2.1'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    expect(plan.lockout.clientIp).toBeNull();
    await expect(
      w.h.call('sync:push', { profileId: id, planId: plan.planId }),
    ).rejects.toMatchObject({
      code: 'CONFIRMATION_REQUIRED',
    });
    expect(w.a.puts).toHaveLength(0);
  });

  it('a caller address that changes between the check and the PUT (two answers) — the PUT list keeps the address checked last', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    expect(plan.confirmationPhrase).toBeNull();
    w.a.hooks.clientIp = '203.0.113.200';
    await expect(
      w.h.call('sync:push', { profileId: id, planId: plan.planId }),
    ).rejects.toMatchObject({
      code: 'LOCKOUT_CHANGED',
    });
    expect(w.a.puts).toHaveLength(0);
  });

  it('the same plan pushed twice at once sends at most one PUT', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.9'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    const results = await Promise.allSettled([
      w.h.call('sync:push', { profileId: id, planId: plan.planId }),
      w.h.call('sync:push', { profileId: id, planId: plan.planId }),
    ]);
    expect(results.some((r) => r.status === 'fulfilled')).toBe(true);
    expect(w.a.puts.length).toBeLessThanOrEqual(1);
  });

  it('a protected address typed zero-padded ("010.0.0.5") is stored as the address it was read as', async () => {
    const id = await w.profileAt(w.a.url);
    const p = await w.h
      .call('profiles:update', {
        profileId: id,
        fields: { protectedAddresses: [{ ip: '010.0.0.5', label: 'office' }] },
      })
      .catch((e: { code: string }) => e);
    // Either refused as ambiguous, or stored in the reading the lockout check uses (10.0.0.5).
    if ('code' in p) expect(p.code).toBe('INVALID_INPUT');
    else {
      await w.h.call('sync:pull', { profileId: id });
      await w.saveDraft(id, list('127.0.0.1', '10.0.0.5'));
      const plan = await w.h.call('sync:plan', { profileId: id });
      // 10.0.0.5 is in the list: no lockout warning for the protected address 010.0.0.5 = 10.0.0.5.
      expect(plan.lockout.checks.filter((c) => !c.allowed)).toEqual([]);
    }
  });
});
