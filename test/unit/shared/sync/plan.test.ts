import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Config } from '../../../../shared/allowlist/model.ts';
import { normalizeCallerAddress } from '../../../../shared/allowlist/lockout.ts';
import { buildPlan, typedPhraseMatches, UNKNOWN_ADDRESS } from '../../../../shared/sync/plan.ts';

const base: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [{ ip: '203.0.113.0', cidr: 24, memo: 'HQ' }],
};

/** The plan from `base` to `working` (no caller address, none protected, 1,000 entries unless given). */
const planFor = (working: Config, more: Partial<Parameters<typeof buildPlan>[0]> = {}) =>
  buildPlan({ base, working, clientIp: null, protectedAddresses: [], maxEntries: 1000, ...more });

describe('buildPlan', () => {
  it('lets a change through when the admin and protected addresses keep access', () => {
    const working: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [...base.entries, { ip: '198.51.100.7', cidr: null, memo: 'VPN' }],
    };
    const plan = planFor(working, {
      clientIp: '203.0.113.7',
      protectedAddresses: [{ ip: '198.51.100.7', label: 'CI' }],
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
    const plan = planFor(working, {
      clientIp: '203.0.113.7',
      protectedAddresses: [{ ip: '192.0.2.1', label: 'Other admin' }],
    });
    expect(plan.checks.map((c) => [c.ip, c.allowed])).toEqual([
      ['203.0.113.7', false],
      ['192.0.2.1', false],
    ]);
    expect(plan.confirmationPhrase).toBe('203.0.113.7, 192.0.2.1');
    expect(plan.problems.map((p) => p.code)).toEqual(
      expect.arrayContaining(['SELF_LOCKOUT', 'PROTECTED_LOCKOUT']),
    );
    expect(plan.canPush).toBe(true);
  });

  it('blocks ALLOW_SPECIFIC with no entries and an unchanged list', () => {
    const empty = planFor({ mode: 'ALLOW_SPECIFIC', entries: [] });
    expect(empty.blockers.map((p) => p.code)).toContain('NO_ENTRIES');
    expect(empty.canPush).toBe(false);
    const same = planFor(base, { clientIp: '203.0.113.7' });
    expect(same.canPush).toBe(false);
  });

  it('respects the service limit', () => {
    const working: Config = {
      mode: 'ALLOW_SPECIFIC',
      entries: [...base.entries, { ip: '192.0.2.1', cidr: null, memo: '' }],
    };
    expect(planFor(working, { maxEntries: 1 }).blockers.map((p) => p.code)).toEqual([
      'TOO_MANY_ENTRIES',
    ]);
  });
});

describe('the caller address and the phrase', () => {
  const restricting: Config = {
    mode: 'ALLOW_SPECIFIC',
    entries: [{ ip: '198.51.100.0', cidr: 24, memo: '' }],
  };

  it('an unknown caller address needs the phrase for a restricting list, not for "Allow all"', () => {
    const plan = planFor(restricting);
    expect(plan.checks).toEqual([
      { ip: UNKNOWN_ADDRESS, reason: 'self', allowed: false, error: expect.any(String) },
    ]);
    expect(plan.excludesSomeone).toBe(true);
    expect(plan.confirmationPhrase).toBe('unknown');
    const open = planFor({ mode: 'ALLOW_ALL', entries: [] });
    expect(open.confirmationPhrase).toBeNull();
  });

  it('the phrase is plain ASCII and names every address that loses access', () => {
    const plan = planFor(restricting, {
      clientIp: '203.0.113.7',
      protectedAddresses: [
        { ip: '192.0.2.1', label: '管理者' },
        { ip: '198.51.100.9', label: 'kept' },
      ],
    });
    expect(plan.confirmationPhrase).toBe('203.0.113.7, 192.0.2.1');
    expect(plan.confirmationPhrase).toMatch(/^[\x20-\x7e]+$/);
  });

  it('reads the service-reported address: IPv4 and IPv4-mapped only', () => {
    expect(normalizeCallerAddress('127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeCallerAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normalizeCallerAddress('::FFFF:192.0.2.8')).toBe('192.0.2.8');
    for (const bad of ['', ' ', '::1', '10.0.0.300', 'hello', '1.2.3', '0x7f.0.0.1', '::ffff:'])
      expect(normalizeCallerAddress(bad), bad).toBeNull();
  });

  it('proves only a canonical dotted quad: zero-padded (octal to some systems) is unknown', () => {
    for (const ambiguous of [
      '010.0.0.1',
      '127.000.000.001',
      '::ffff:010.0.0.1',
      '00.0.0.0',
      ' 127.0.0.1',
      '127.0.0.1\n',
    ])
      expect(normalizeCallerAddress(ambiguous), ambiguous).toBeNull();
    fc.assert(
      fc.property(fc.ipV4(), (ip) => {
        expect(normalizeCallerAddress(ip)).toBe(ip);
        expect(normalizeCallerAddress(`::ffff:${ip}`)).toBe(ip);
      }),
    );
  });
});

describe('typedPhraseMatches: the lockout phrase as a Japanese keyboard types it', () => {
  it('accepts the phrase as shown, full-width, with the Japanese comma or loose spaces', () => {
    const phrase = '203.0.113.7, 192.0.2.1';
    for (const typed of [
      '203.0.113.7, 192.0.2.1',
      '２０３．０．１１３．７，　１９２．０．２．１',
      '203.0.113.7、192.0.2.1',
      '  203.0.113.7 ,192.0.2.1 ',
    ])
      expect(typedPhraseMatches(typed, phrase)).toBe(true);
    expect(typedPhraseMatches('ｕｎｋｎｏｗｎ', 'unknown')).toBe(true);
  });

  it('refuses another address, a partial phrase, another order and an empty phrase', () => {
    const phrase = '203.0.113.7, 192.0.2.1';
    for (const typed of ['203.0.113.7', '192.0.2.1, 203.0.113.7', '203.0.113.70, 192.0.2.1', ''])
      expect(typedPhraseMatches(typed, phrase)).toBe(false);
    expect(typedPhraseMatches('', '')).toBe(false);
  });
});
