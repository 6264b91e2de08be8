import { describe, expect, it } from 'vitest';
import type { Config } from '../../../../shared/allowlist/model.ts';
import { buildPlan } from '../../../../shared/sync/plan.ts';

const base: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [{ ip: '203.0.113.0', cidr: 24, memo: 'HQ' }],
};

describe('buildPlan', () => {
  it('lets a change through when the admin and protected addresses keep access', () => {
    const working: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [...base.entries, { ip: '198.51.100.7', cidr: null, memo: 'VPN' }],
    };
    const plan = buildPlan({
      base,
      working,
      clientIp: '203.0.113.7',
      protectedAddresses: [{ ip: '198.51.100.7', label: 'CI' }],
      maxEntries: 1000,
    });
    expect(plan.diff.added).toHaveLength(1);
    expect(plan.excludesSomeone).toBe(false);
    expect(plan.confirmationPhrase).toBeNull();
    expect(plan.canPush).toBe(true);
  });

  it('asks for a typed confirmation naming the admin address when the admin would be excluded', () => {
    const working: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [{ ip: '198.51.100.7', cidr: null, memo: '' }],
    };
    const plan = buildPlan({
      base,
      working,
      clientIp: '203.0.113.7',
      protectedAddresses: [{ ip: '192.0.2.1', label: 'Other admin' }],
      maxEntries: 1000,
    });
    expect(plan.checks.map((c) => [c.ip, c.allowed])).toEqual([
      ['203.0.113.7', false],
      ['192.0.2.1', false],
    ]);
    expect(plan.confirmationPhrase).toBe('remove access for 203.0.113.7');
    expect(plan.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['SELF_LOCKOUT', 'PROTECTED_LOCKOUT']),
    );
    expect(plan.canPush).toBe(true);
  });

  it('blocks ALLOW_SPECIFIC with no entries and an unchanged list', () => {
    const empty = buildPlan({
      base,
      working: { mode: 'ALLOW_SPECIFIC', entries: [] },
      clientIp: null,
      protectedAddresses: [],
      maxEntries: 1000,
    });
    expect(empty.blockers.map((p) => p.code)).toContain('NO_ENTRIES');
    expect(empty.canPush).toBe(false);
    const same = buildPlan({
      base,
      working: base,
      clientIp: '203.0.113.7',
      protectedAddresses: [],
      maxEntries: 1000,
    });
    expect(same.canPush).toBe(false);
  });

  it('respects the service limit', () => {
    const working: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [...base.entries, { ip: '192.0.2.1', cidr: null, memo: '' }],
    };
    expect(
      buildPlan({
        base,
        working,
        clientIp: null,
        protectedAddresses: [],
        maxEntries: 1,
      }).blockers.map((p) => p.code),
    ).toEqual(['TOO_MANY_ENTRIES']);
  });
});
