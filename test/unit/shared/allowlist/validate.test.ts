import { describe, expect, it } from 'vitest';
import type { Config, Entry } from '../../../../shared/allowlist/model.ts';
import { validateConfig, validateEntry } from '../../../../shared/allowlist/validate.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });
const codes = (entry: Entry) =>
  validateEntry(entry).map((p) => `${p.severity}:${p.code}:${p.field}`);
const specific = (...entries: Entry[]): Config => ({ mode: 'ALLOW_SPECIFIC', entries });

describe('validateEntry', () => {
  it.each([
    [e('8.8.8.8'), []],
    [e('8.8.8.0', 24, 'office'), []],
    [e(''), ['error:IP_REQUIRED:ip']],
    [e('::1'), ['error:IPV6_NOT_SUPPORTED:ip']],
    [e('2001:db8::1', 64), ['error:IPV6_NOT_SUPPORTED:ip', 'error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('1.2.3'), ['error:IP_TOO_FEW_PARTS:ip']],
    [e('0x7f.0.0.1'), ['error:IP_NON_DECIMAL:ip']],
    [e('1.2.3.256'), ['error:IP_OCTET_OUT_OF_RANGE:ip']],
    [e('8.8.8.8', 33), ['error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('8.8.8.8', -1), ['error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('8.8.8.8', 2.5), ['error:INVALID_PREFIX:cidr']],
    [e('8.8.8.0/24'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e('8.8.8.*'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e('8.8.8.1-8.8.8.9'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e(' 8.8.8.8'), ['error:IP_NOT_NORMALIZED:ip']],
    [e('８.８.８.８'), ['error:IP_NOT_NORMALIZED:ip']],
    [e('008.8.8.8'), ['error:IP_ZERO_PADDED:ip']],
    [e('192.168.010.001'), ['error:IP_ZERO_PADDED:ip']],
    [e('8.8.8.77', 24), ['warning:HOST_BITS_SET:ip']],
    [e('10.0.0.1'), ['warning:NON_GLOBAL_ADDRESS:ip']],
    [e('8.0.0.0', 7), ['warning:OVERLY_BROAD:cidr']],
    [e('0.0.0.0', 0), ['warning:OVERLY_BROAD:cidr']],
    [e('8.0.0.0', 8), []],
    [e('8.8.8.8', null, 'x'.repeat(1000)), []],
    [e('8.8.8.8', null, 'x'.repeat(1001)), ['error:MEMO_TOO_LONG:memo']],
    [e('8.8.8.8', null, '😀'.repeat(1000)), []],
  ])('%j', (entry, expected) => {
    expect(codes(entry)).toEqual(expected);
  });

  it('names the non-global reason and offers the network for host bits', () => {
    expect(validateEntry(e('192.168.1.5', 16))).toMatchObject([
      { code: 'HOST_BITS_SET', params: { network: '192.168.0.0/16' } },
      { code: 'NON_GLOBAL_ADDRESS', params: { reason: 'private', block: '192.168.0.0/16' } },
    ]);
    for (const [ip, reason] of [
      ['127.0.0.1', 'loopback'],
      ['169.254.0.9', 'linkLocal'],
      ['100.64.1.1', 'carrierGradeNat'],
      ['198.51.100.7', 'documentation'],
      ['239.1.1.1', 'multicast'],
      ['250.0.0.1', 'reserved'],
    ] as const) {
      expect(validateEntry(e(ip))[0]?.params?.reason).toBe(reason);
    }
  });

  it('offers the converted form for a network typed into the address field', () => {
    expect(validateEntry(e('8.8.8.0/24'))[0]?.message).toContain('8.8.8.0 + CIDR 24');
  });
});

describe('validateConfig', () => {
  it('adds the entry index to entry problems', () => {
    const problems = validateConfig(specific(e('8.8.8.8'), e('::1'), e('1.1.1.1', 40)));
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'IPV6_NOT_SUPPORTED'],
      [2, 'PREFIX_OUT_OF_RANGE'],
    ]);
  });

  it('refuses ALLOW_SPECIFIC with no entries but not ALLOW_ALL', () => {
    expect(validateConfig(specific()).map((p) => p.code)).toEqual(['NO_ENTRIES']);
    expect(validateConfig({ mode: 'ALLOW_ALL', entries: [] })).toEqual([]);
  });

  it('refuses an unknown mode', () => {
    expect(
      validateConfig({ mode: 'ALLOW_NONE', entries: [e('8.8.8.8')] } as unknown as Config),
    ).toMatchObject([{ code: 'INVALID_MODE', severity: 'error', field: 'mode' }]);
  });

  it('limits the number of entries (default 1,000, parameter)', () => {
    const entries = Array.from({ length: 1001 }, (_, i) =>
      e(`8.${Math.floor(i / 256)}.${i % 256}.1`),
    );
    expect(validateConfig(specific(...entries)).map((p) => p.code)).toEqual(['TOO_MANY_ENTRIES']);
    expect(validateConfig(specific(...entries.slice(0, 1000)))).toEqual([]);
    expect(validateConfig(specific(...entries.slice(0, 3)), { maxEntries: 2 })).toMatchObject([
      { code: 'TOO_MANY_ENTRIES', params: { count: 3, max: 2 } },
    ]);
  });

  it('finds duplicates by network and names the first', () => {
    const problems = validateConfig(
      specific(e('8.8.8.8'), e('9.9.9.0', 24), e('8.8.8.8', 32), e('9.9.9.5', 24)),
    );
    expect(problems.map((p) => [p.index, p.code, p.params?.otherIndex])).toEqual([
      [2, 'DUPLICATE_ENTRY', 0],
      [3, 'HOST_BITS_SET', undefined],
      [3, 'DUPLICATE_ENTRY', 1],
    ]);
  });

  it('names the covering entry, whatever the order', () => {
    const problems = validateConfig(
      specific(e('8.8.8.8', null, 'Alice'), e('8.8.0.0', 16, 'Osaka office'), e('8.9.0.1')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'COVERED_BY_ENTRY',
      severity: 'warning',
      index: 0,
      params: { otherIndex: 1, otherNetwork: '8.8.0.0/16' },
    });
    expect(problems[0]?.message).toBe(
      'Entry 1 (8.8.8.8) is already covered by entry 2 (8.8.0.0/16, "Osaka office").',
    );
  });

  it('reports coverage against a naive pairwise oracle', () => {
    // Deterministic pseudo-random lists: compare to O(n^2) containment.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round += 1) {
      const entries = Array.from({ length: 25 }, () => {
        const prefix = 20 + rand(13);
        return e(`8.8.${rand(4)}.${rand(256)}`, prefix === 32 ? null : prefix);
      });
      const span = (x: Entry) => {
        const v = x.ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
        const size = 2 ** (32 - (x.cidr ?? 32));
        const start = v - (v % size);
        return [start, start + size - 1] as const;
      };
      const flagged = new Set(
        validateConfig(specific(...entries))
          .filter((p) => p.code === 'COVERED_BY_ENTRY' || p.code === 'DUPLICATE_ENTRY')
          .map((p) => p.index),
      );
      entries.forEach((x, i) => {
        const [s, t] = span(x);
        const contained = entries.some((y, j) => {
          if (j === i) return false;
          const [a, b] = span(y);
          const same = a === s && b === t;
          return a <= s && t <= b && (!same || j < i);
        });
        expect(flagged.has(i)).toBe(contained);
      });
    }
  });
});
