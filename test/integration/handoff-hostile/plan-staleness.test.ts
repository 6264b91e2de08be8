import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { echo } from '../../support/handoff-fakes.ts';
import { codeOf, list, startWorldAt, type World } from './support.ts';

/**
 * Promise 1, last part: a plan made before the list in force, the protected addresses or the
 * address-check endpoints changed is not used for the file. The plan's lockout verdict rests on
 * all three; a file made from an old verdict is one the admin never reviewed.
 */
let w: World;
beforeEach(async () => {
  w = await startWorldAt('198.51.100.7', list('198.51.100.7', '198.51.100.20'));
  await w.call('draft:save', { profileId: w.profileId, working: list('198.51.100.7') });
});
afterEach(async () => {
  await w.close();
});

const plan = async () => (await w.call('handoff:plan', { profileId: w.profileId })).plan;
const prepare = (planId: string, confirmation?: string) =>
  w.call('handoff:prepare', {
    profileId: w.profileId,
    planId,
    ...(confirmation === undefined ? {} : { confirmation }),
  });

describe('a plan older than its facts makes no file', () => {
  it('the endpoints changed (now they see another address): PLAN_STALE', async () => {
    const old = await plan();
    expect(old.confirmationPhrase).toBeNull();
    // The admin switches to endpoints that see 198.51.100.99: the draft would lock them out.
    const other = await echo('198.51.100.99');
    w.fakes.push(other);
    await w.endpoints([other.url]);
    expect(await codeOf(prepare(old.planId))).toBe('PLAN_STALE');
    expect(w.files).toHaveLength(0);
    // A new plan shows the lockout.
    expect((await plan()).confirmationPhrase).toBe('198.51.100.99');
  });

  it('the protected addresses changed: PLAN_STALE even when the new ones are kept', async () => {
    const old = await plan();
    await w.call('profiles:update', {
      profileId: w.profileId,
      fields: { protectedAddresses: [{ ip: '198.51.100.7', label: 'office' }] },
    });
    expect(await codeOf(prepare(old.planId))).toBe('PLAN_STALE');
    expect(w.files).toHaveLength(0);
  });

  it('the list in force was stated again: PLAN_STALE', async () => {
    const old = await plan();
    await w.call('handoff:set-in-force', {
      profileId: w.profileId,
      config: list('198.51.100.7', '198.51.100.21'),
    });
    expect(await codeOf(prepare(old.planId))).toBe('PLAN_STALE');
    expect(w.files).toHaveLength(0);
  });
});

describe('the same endpoints, another address', () => {
  it('the admin switched network (or turned a VPN on) after the plan: PLAN_STALE, no file', async () => {
    let answer = '198.51.100.7\n';
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/plain' });
      res.end(answer);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    w.fakes.push({
      url,
      hits: () => 0,
      close: () => new Promise((ok) => server.close(() => ok())),
    });
    await w.endpoints([url]);
    const old = await plan();
    expect(old.confirmationPhrase).toBeNull();
    answer = '198.51.100.99\n';
    expect(await codeOf(prepare(old.planId))).toBe('PLAN_STALE');
    expect(w.files).toHaveLength(0);
    expect((await plan()).confirmationPhrase).toBe('198.51.100.99');
  });
});
