import { rm } from 'node:fs/promises';
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { startService, type RunningService } from '../../../service/server.ts';
import { startFake, type Fake } from '../support/fake-service.ts';
import { startHarness, type Harness } from '../sync/harness.ts';
import { plannedSave } from '../support/planned-save.ts';

/**
 * Promise 1 (never overwrite, nothing lost unseen): a service that restarts without its data
 * while the app follows a save. The real app handlers and the real reference service; the
 * service is stopped and started again on the same port with an empty data folder (what a lost
 * disk or a redeploy without its volume does). The restarted service answers APPLIED at a later
 * revision (its new folder's clock-based revision), holding "Allow all": the save is gone.
 */

const office: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '127.0.0.0', cidr: 8, memo: 'this computer' },
    { ip: '198.51.100.0', cidr: 24, memo: 'Osaka office' },
  ],
};

let h: Harness | null = null;
let restarted: RunningService | null = null;
let fake: Fake | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
  await restarted?.close();
  restarted = null;
  await h?.stop();
  h = null;
});

/** The office list saved through the app to `app`'s service (applying slowly: still APPLYING). */
async function saveOffice(app: Harness) {
  const { profile, plan } = await plannedSave(app, app.service.url, office);
  const pushed = await app.call('sync:push', { profileId: profile.id, planId: plan.planId });
  return { profile, pushed };
}

/** The reference service stops, loses its data folder and starts again on the same port. */
async function serviceLosesItsData(app: Harness): Promise<RunningService> {
  const port = app.service.port;
  await app.service.close();
  await rm(app.service.dataDir, { recursive: true, force: true });
  return startService({
    admins: [{ login: 'admin', password: app.password }],
    applyDelayMs: 50,
    port,
    data: app.service.dataDir,
    outbox: app.outbox,
  });
}

describe('a save the service loses while the app follows it', () => {
  it('is never reported as applied and verified', async () => {
    h = await startHarness({ applyDelayMs: 1500 });
    const { profile, pushed } = await saveOffice(h);
    expect(pushed.status).toBe('pushed');
    if (pushed.status !== 'pushed') return;
    expect(pushed.confirmed).toBe(true);

    // While the save is still APPLYING, the service goes away and comes back without its data.
    restarted = await serviceLosesItsData(h);
    const live = await h.other.get();
    expect(live.ok && live.value.mode).toBe('ALLOW_ALL');

    const status = await h.created.services.tracker.settled(profile.id);
    // The list the admin saved is not in force: the app must not say it is.
    expect(status.phase).not.toBe('verified');
    expect(status.message).toMatch(/another list/);
    // The status line says so as well.
    const sync = await h.call('sync:status', { profileId: profile.id });
    expect(sync.state).toBe('remote-changed');
  });

  it('is never reported as applied and verified after the app restarted meanwhile', async () => {
    h = await startHarness({ applyDelayMs: 1500 });
    const { profile, pushed } = await saveOffice(h);
    expect(pushed.status).toBe('pushed');

    // The app quits while the save is APPLYING; the service loses its data meanwhile.
    await h.created.services.tracker.stopAll();
    await h.restart();
    restarted = await serviceLosesItsData(h);

    // The restarted app resumes following the save it kept.
    const resumed = await h.call('apply:status', { profileId: profile.id });
    expect(resumed.revision).toBe(pushed.status === 'pushed' ? pushed.revision : null);
    const status = await h.created.services.tracker.settled(profile.id);
    expect(status.phase).not.toBe('verified');
    expect(status.message).toMatch(/another list/);
  });

  it('is never reported as applied and verified when the service acknowledged an older revision', async () => {
    // A misbehaving service (the reference service cannot be made to lie): it answers the PUT
    // with 202 and an older revision than the one it holds, and saves nothing.
    fake = await startFake({ revision: '5', config: { mode: 'ALLOW_ALL', entries: [] } });
    const liar = fake;
    liar.hooks.override = (req, res) => {
      if (req.method !== 'PUT') return false;
      res.writeHead(202, { 'Content-Type': 'application/json', 'X-Request-Id': 'fake' });
      res.end(JSON.stringify({ revision: '4', apply: { state: 'APPLYING', revision: '4' } }));
      return true;
    };
    h = await startHarness();
    const { profile, plan } = await plannedSave(h, liar.url, office);
    const pushed = await h.call('sync:push', { profileId: profile.id, planId: plan.planId });
    expect(pushed.status === 'pushed' && pushed.confirmed).toBe(false);
    // The service shows "Allow all" at revision 5, APPLIED (later than the 4 it acknowledged).
    const status = await h.created.services.tracker.settled(profile.id);
    expect(status.phase).not.toBe('verified');
    expect(status.message).toMatch(/another list/);
    // The admin's list is still the unsaved working copy.
    const draft = await h.call('draft:get', { profileId: profile.id });
    expect(draft.working).toEqual(office);
    expect(draft.dirty).toBe(true);
  });
});
