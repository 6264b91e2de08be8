import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ApplyStatusView } from '../../../shared/contract/ipc.ts';
import { startHarness, type Harness } from './harness.ts';

/**
 * The app quits and starts again (same data folder, same keychain; the service keeps running)
 * while a save is applying or after it locked the admin out: the follow-up, the Reset URL
 * window and the restore offer are still there.
 */

let h: Harness | null = null;
let profileId = '';

async function start(applyDelayMs: number): Promise<Harness> {
  h = await startHarness({ applyDelayMs });
  const profile = await h.call('profiles:create', {
    fields: { name: 'Osaka', serviceUrl: h.service.url, login: 'admin', protectedAddresses: [] },
    password: h.password,
  });
  profileId = profile.id;
  await h.call('sync:pull', { profileId });
  return h;
}

afterEach(async () => {
  if (!h) return;
  await h.call('profiles:remove', { profileId }).catch(() => {});
  await h.stop();
  h = null;
});

const entries = (...ips: string[]) => ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` }));
const applyEvents = (events: Harness['events']): ApplyStatusView[] =>
  events.filter((e) => e.event === 'apply:state').map((e) => e.payload as ApplyStatusView);

describe('apply status across a restart', () => {
  it('locked out: after a restart apply:status still shows the lockout with the same Reset URL deadline and restore item; after the reset, the probe offers the restore', async () => {
    const harness = await start(150);
    await harness.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('192.0.2.8') },
    });
    const plan = await harness.call('sync:plan', { profileId });
    expect(plan.confirmationPhrase).toBe('127.0.0.1');
    const pushed = await harness.call('sync:push', {
      profileId,
      planId: plan.planId,
      confirmation: plan.confirmationPhrase!,
    });
    if (pushed.status !== 'pushed') throw new Error('not pushed');
    const before = await harness.created.services.tracker.settled(profileId);
    expect(before.phase).toBe('locked-out');
    expect(before.resetDeadline).not.toBeNull();
    expect(before.restoreHistoryId).not.toBeNull();

    await harness.restart();

    const after = await harness.call('apply:status', { profileId });
    expect(after).toMatchObject({
      phase: 'locked-out',
      revision: pushed.revision,
      clientIp: '127.0.0.1',
      pushedAt: before.pushedAt,
      resetDeadline: before.resetDeadline,
      restoreHistoryId: before.restoreHistoryId,
    });
    expect(after.message).toMatch(/Reset URL/);
    // What was kept on disk holds no secret.
    const kept = await readFile(join(harness.dataDir, 'apply', `${profileId}.json`), 'utf8');
    expect(kept).toContain(before.resetDeadline!);
    expect(kept).not.toContain(harness.password);

    // Still locked out: asking again does not move the deadline.
    const stillOut = await harness.call('apply:probe', { profileId });
    expect(stillOut.phase).toBe('locked-out');
    expect(stillOut.resetDeadline).toBe(before.resetDeadline);

    // The admin opens the Reset URL from the e-mail; access is back with the restore offer.
    expect((await fetch(await harness.resetUrl())).status).toBe(200);
    const back = await harness.call('apply:probe', { profileId });
    expect(back.phase).toBe('verified');
    expect(back.message).toMatch(/restore the previous revision/);
    expect(back.restoreHistoryId).toBe(before.restoreHistoryId);
    await harness.call('sync:pull', { profileId });
    const restored = await harness.call('history:restore', {
      profileId,
      historyId: back.restoreHistoryId!,
    });
    expect(restored.draft.working.mode).toBe('ALLOW_ALL');

    // Verified is not carried into the next start: nothing stale comes back.
    await harness.restart();
    expect((await harness.call('apply:status', { profileId })).phase).toBe('idle');
  });

  it('applying: after a restart apply:status still says applying and following resumes until verified', async () => {
    const harness = await start(1500);
    await harness.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: entries('127.0.0.1', '192.0.2.8') },
    });
    const plan = await harness.call('sync:plan', { profileId });
    const pushed = await harness.call('sync:push', { profileId, planId: plan.planId });
    if (pushed.status !== 'pushed') throw new Error('not pushed');
    expect(pushed.apply.phase).toBe('applying');

    // Quit while the service is still applying.
    await harness.restart();
    const eventsBefore = harness.events.length;

    const resumed = await harness.call('apply:status', { profileId });
    expect(resumed).toMatchObject({
      phase: 'applying',
      revision: pushed.revision,
      pushedAt: pushed.apply.pushedAt,
      restoreHistoryId: pushed.apply.restoreHistoryId,
    });
    const final = await harness.created.services.tracker.settled(profileId);
    expect(final.phase).toBe('verified');
    expect(final.revision).toBe(pushed.revision);
    expect(final.message).toMatch(/still have access/);
    // The window that asked hears the outcome as an event, as it would have before the restart.
    const heard = applyEvents(harness.events.slice(eventsBefore));
    expect(heard.at(-1)).toMatchObject({ phase: 'verified', revision: pushed.revision });
    expect((await harness.call('apply:status', { profileId })).phase).toBe('verified');

    await harness.restart();
    expect((await harness.call('apply:status', { profileId })).phase).toBe('idle');
  });
});
