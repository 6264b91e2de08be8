import { describe, expect, it } from 'vitest';
import type { AllowlistService, ServiceResult } from '../../../../shared/contract/service.ts';
import {
  createApplyTracker,
  isLaterRevision,
  type ApplyKeeper,
} from '../../../../electron/core/apply-tracker.ts';
import type { ApplyRecord } from '../../../../electron/core/store.ts';

/**
 * What the tracker keeps for a restart. The service answers are scripted: a network drop in the
 * middle of a lockout cannot be caused on loopback (the restart itself is covered end to end in
 * test/integration/sync/apply-restart.test.ts).
 */

type GetResult = Awaited<ReturnType<AllowlistService['get']>>;

const refused: GetResult = {
  ok: false,
  error: { kind: 'IP_RESTRICTED', message: 'refused', clientIp: '203.0.113.5' },
};
const offline: GetResult = { ok: false, error: { kind: 'OFFLINE', message: 'offline' } };
const applied = (revision: string): GetResult => ({
  ok: true,
  value: {
    revision,
    mode: 'ALLOW_ALL',
    entries: [],
    apply: { state: 'APPLIED', revision, appliedAt: '2025-01-01T00:00:30.000Z' },
  } as unknown as Extract<GetResult, { ok: true }>['value'],
});

const scripted = (answers: GetResult[]): AllowlistService => ({
  get: async () => answers.shift() ?? offline,
  put: async () => ({ ok: false, error: { kind: 'OFFLINE', message: 'offline' } }),
  clientIp: async (): Promise<ServiceResult<string>> => ({ ok: true, value: '203.0.113.5' }),
});

const memoryKeeper = () => {
  const saved = new Map<string, ApplyRecord | null>();
  const keeper: ApplyKeeper = {
    load: (id) => saved.get(id) ?? null,
    save: (id, record) => void saved.set(id, record),
  };
  return { saved, keeper };
};

describe('apply tracker: what survives a restart', () => {
  it('keeps a lockout through an offline probe, never moves its deadline, and clears it once verified', async () => {
    const { saved, keeper } = memoryKeeper();
    let clock = Date.parse('2025-01-01T00:00:00.000Z');
    const now = () => new Date(clock);
    const first = createApplyTracker({ keep: keeper, now, pollMs: 1 });
    first.start({
      profileId: 'p1',
      revision: '7',
      // The first refusal comes 5 s after the save.
      service: { ...scripted([]), get: async () => ((clock += 5_000), refused) },
      restoreHistoryId: 'rev-6',
    });
    const out = await first.settled('p1');
    expect(out.phase).toBe('locked-out');
    expect(out.resetDeadline).toBe('2025-01-01T01:00:00.000Z');
    expect(saved.get('p1')).toMatchObject({
      phase: 'locked-out',
      resetDeadline: out.resetDeadline,
    });

    // "Restart": a new tracker reads the record back.
    clock += 20 * 60_000;
    const second = createApplyTracker({ keep: keeper, now });
    expect(second.status('p1')).toEqual(out);
    expect(second.needsResume('p1')).toBe(false);
    // The network drops: the phase says offline, the kept lockout does not change.
    expect((await second.probe('p1', scripted([offline]))).phase).toBe('offline');
    expect(saved.get('p1')).toMatchObject({
      phase: 'locked-out',
      resetDeadline: out.resetDeadline,
    });
    // Refused again later: same deadline (the e-mail's hour does not restart).
    expect((await second.probe('p1', scripted([refused]))).resetDeadline).toBe(out.resetDeadline);
    const back = await second.probe('p1', scripted([applied('7')]));
    expect(back).toMatchObject({ phase: 'verified', restoreHistoryId: 'rev-6' });
    expect(saved.get('p1')).toBeNull();
  });

  it('after a lockout, the Reset URL\'s "Allow all" stays "Access is back" at every later look (the kept record drops the pushed list)', async () => {
    const { saved, keeper } = memoryKeeper();
    const first = createApplyTracker({ keep: keeper, pollMs: 1 });
    first.start({
      profileId: 'p1',
      revision: '7',
      service: scripted([refused]),
      restoreHistoryId: 'rev-6',
      pushed: { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '198.51.100.1', cidr: null, memo: '' }] },
    });
    expect((await first.settled('p1')).phase).toBe('locked-out');
    expect(saved.get('p1')).not.toHaveProperty('expected');
    // The admin opened the Reset URL: the service holds "Allow all" at a later revision.
    const back = await first.probe('p1', scripted([applied('8')]));
    expect(back.phase).toBe('verified');
    expect(back.message).toBe('Access is back. You can restore the previous revision.');
    const again = await first.probe('p1', scripted([applied('8')]));
    expect(again.phase).toBe('verified');
  });

  it('a replaced follow-up does not overwrite the newer save it was replaced by', async () => {
    const { saved, keeper } = memoryKeeper();
    const tracker = createApplyTracker({ keep: keeper, pollMs: 1 });
    let release: (r: GetResult) => void = () => {};
    const slow: AllowlistService = {
      ...scripted([]),
      get: () => new Promise<GetResult>((resolve) => (release = resolve)),
    };
    tracker.start({ profileId: 'p1', revision: '7', service: slow, restoreHistoryId: null });
    tracker.start({
      profileId: 'p1',
      revision: '8',
      service: scripted([offline, offline]),
      restoreHistoryId: 'rev-7',
    });
    release(refused);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(saved.get('p1')).toMatchObject({ phase: 'applying', revision: '8' });
    await tracker.stopAll();
  });
});

describe('apply tracker: revisions past 2^53', () => {
  // 2^53 and 2^53 + 1: Number() makes them one number.
  const mine = '9007199254740992';
  const next = '9007199254740993';

  it('a later revision applied (someone saved after us) counts as ours applied: verified, not stuck', async () => {
    const tracker = createApplyTracker({ pollMs: 1, maxFollowMs: 200 });
    tracker.start({
      profileId: 'p1',
      revision: mine,
      service: scripted([applied(next)]),
      restoreHistoryId: null,
    });
    expect((await tracker.settled('p1')).phase).toBe('verified');
  });

  it('an earlier revision applied is not ours: still applying', async () => {
    const tracker = createApplyTracker({ pollMs: 1, maxFollowMs: 50 });
    tracker.start({
      profileId: 'p1',
      revision: next,
      service: scripted(Array.from({ length: 500 }, () => applied(mine))),
      restoreHistoryId: null,
    });
    expect((await tracker.settled('p1')).phase).toBe('applying');
    await tracker.stopAll();
  });

  it.each([
    [next, mine, true],
    [mine, next, false],
    [mine, mine, false],
    ['10', '9', true],
    ['123456789012345678901234567890', '123456789012345678901234567889', true],
    ['abc', '1', false],
    ['2', 'x7', false],
    ['2', null, false],
  ] as const)('isLaterRevision(%s, %s) is %s', (a, b, want) => {
    expect(isLaterRevision(a, b)).toBe(want);
  });
});
