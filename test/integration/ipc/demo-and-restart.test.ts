import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { appInvoker, callerOf } from '../support/app-calls.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';

const dir = mkdtempSync(join(tmpdir(), 'allowlist-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function app() {
  const created = await createHandlers({ dataDir: dir, applyPollMs: 50, demoApplyDelayMs: 100 });
  const invoke = appInvoker(created);
  const call = callerOf(() => invoke);
  return { created, call };
}

describe('demo profile and restarts', () => {
  it('the demo profile runs the reference service in-process; drafts survive a restart; a damaged draft file is recovered and reported', async () => {
    const first = await app();
    const demo = await first.call('profiles:demo-start', {});
    expect(demo).toMatchObject({ demo: true, hasPassword: true });
    expect(demo.serviceUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await first.call('sync:pull', { profileId: demo.id })).status).toBe('updated');
    await first.call('draft:save', {
      profileId: demo.id,
      working: { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '127.0.0.1', cidr: null, memo: 'me' }] },
    });
    const plan = await first.call('sync:plan', { profileId: demo.id });
    expect(plan.lockout.clientIp).toBe('127.0.0.1');
    expect(
      (await first.call('sync:push', { profileId: demo.id, planId: plan.planId })).status,
    ).toBe('pushed');
    expect((await first.created.services.tracker.settled(demo.id)).phase).toBe('verified');
    await first.call('draft:save', {
      profileId: demo.id,
      working: {
        mode: 'ALLOW_SPECIFIC',
        entries: [
          { ip: '127.0.0.1', cidr: null, memo: 'me' },
          { ip: '192.0.2.1', cidr: null, memo: 'offline edit' },
        ],
      },
    });
    await first.created.dispose();

    const second = await app();
    const draft = await second.call('draft:get', { profileId: demo.id });
    expect(draft.dirty).toBe(true);
    expect(draft.working.entries.map((e) => e.memo)).toEqual(['me', 'offline edit']);
    // the demo service kept its state across the restart too (same data folder)
    const again = await second.call('profiles:demo-start', {});
    expect(again.id).toBe(demo.id);
    expect((await second.call('sync:status', { profileId: demo.id })).state).toBe('local-changes');
    expect((await second.call('history:list', { profileId: demo.id })).length).toBe(2);
    await second.created.dispose();

    writeFileSync(join(dir, 'drafts', `${demo.id}.json`), '{ broken');
    const third = await app();
    expect((await third.call('draft:get', { profileId: demo.id })).working.entries).toHaveLength(2);
    const notices = await third.call('app:notices', {});
    expect(notices).toEqual([expect.objectContaining({ code: 'STORE_RECOVERED' })]);
    expect(await third.call('app:notices', {})).toEqual([]);
    await third.created.dispose();
  });
});
