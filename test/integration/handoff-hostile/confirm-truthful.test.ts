import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { list, planAndPrepare, startWorldAt, type World } from './support.ts';

/**
 * Promise 4: "Saved on the Store?" is truthful. The Reset URL hour starts when the Store takes a
 * file; the app only knows when it made one. Made twice before the admin confirms, the Store may
 * have taken the first: the countdown must count from that one, never from the later file.
 */
let w: World;
beforeEach(async () => {
  w = await startWorldAt('198.51.100.7', list('198.51.100.7', '203.0.113.5'));
});
afterEach(async () => {
  await w.close();
});

describe('the Reset URL countdown', () => {
  it('two files made before confirming: the hour counts from the first', async () => {
    await w.call('draft:save', { profileId: w.profileId, working: list('198.51.100.7') });
    await planAndPrepare(w);
    const first = (await w.call('handoff:status', { profileId: w.profileId })).pending!;
    // The admin uploads that file, then goes back, edits and makes the file again.
    await w.call('draft:save', {
      profileId: w.profileId,
      working: list('198.51.100.7', '192.0.2.1'),
    });
    await planAndPrepare(w);
    const second = (await w.call('handoff:status', { profileId: w.profileId })).pending!;
    expect(Date.parse(second.preparedAt)).toBeGreaterThan(Date.parse(first.preparedAt));
    const { status } = await w.call('handoff:confirm', { profileId: w.profileId });
    expect(Date.parse(status.saved!.resetDeadline)).toBeLessThanOrEqual(
      Date.parse(first.preparedAt) + 60 * 60 * 1000,
    );
  });

  it('a file made after "not saved" starts a new hour', async () => {
    await w.call('draft:save', { profileId: w.profileId, working: list('198.51.100.7') });
    await planAndPrepare(w);
    await w.call('handoff:cancel', { profileId: w.profileId });
    await planAndPrepare(w);
    const pending = (await w.call('handoff:status', { profileId: w.profileId })).pending!;
    const { status } = await w.call('handoff:confirm', { profileId: w.profileId });
    expect(status.saved!.resetDeadline).toBe(
      new Date(Date.parse(pending.preparedAt) + 60 * 60 * 1000).toISOString(),
    );
  });
});
