import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { joinMemos, mergeExact, planToFit } from '../../../../shared/allowlist/aggregate.ts';
import { entryList } from './arbitraries.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

/** Oracle: covered addresses as sorted disjoint intervals, by plain integer arithmetic. */
function coverage(entries: Entry[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const x of entries) {
    if (!/^\d+\.\d+\.\d+\.\d+$/.test(x.ip)) continue;
    const v = x.ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
    const size = 2 ** (32 - (x.cidr ?? 32));
    spans.push([v - (v % size), v - (v % size) + size - 1]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [s, t] of spans) {
    const last = out[out.length - 1];
    if (last && s <= last[1] + 1) last[1] = Math.max(last[1], t);
    else out.push([s, t]);
  }
  return out;
}
const total = (c: [number, number][]) => c.reduce((a, [s, t]) => a + t - s + 1, 0);
const contains = (outer: [number, number][], inner: [number, number][]) =>
  inner.every(([s, t]) => outer.some(([a, b]) => a <= s && t <= b));

describe('mergeExact', () => {
  it('merges adjacent and overlapping networks, keeps the rest untouched', () => {
    const list = [
      e('198.51.100.0', 25, 'A'),
      e('192.0.2.1', null, 'solo'),
      e('198.51.100.128', 25, 'B'),
      e('198.51.100.9', null, 'A'),
    ];
    const result = mergeExact(list);
    expect(result.entries).toEqual([e('198.51.100.0', 24, 'A / B'), list[1]]);
    expect(result.entries[1]).toBe(list[1]);
    expect(result.merges).toMatchObject([{ replacedIndexes: [0, 2, 3], extraAddresses: 0 }]);
    expect(result.extraAddresses).toBe(0);
  });

  it('keeps invalid entries in place', () => {
    const result = mergeExact([e('bad'), e('8.8.8.8'), e('8.8.8.9')]);
    expect(result.entries).toEqual([e('bad'), e('8.8.8.8', 31, '')]);
    expect(result.invalidIndexes).toEqual([0]);
  });

  it('keeps coverage identical and leaves nothing mergeable (property)', () => {
    fc.assert(
      fc.property(entryList(), (entries) => {
        const result = mergeExact(entries);
        expect(coverage(result.entries)).toEqual(coverage(entries));
        // Minimal: the count equals the minimal CIDR cover of the coverage, computed independently.
        const minimal = coverage(entries).reduce((n, [s, t]) => {
          let count = 0;
          let cur = s;
          while (cur <= t) {
            let size = 1;
            while (cur % (size * 2) === 0 && cur + size * 2 - 1 <= t && size < 2 ** 32) size *= 2;
            cur += size;
            count += 1;
          }
          return n + count;
        }, 0);
        expect(result.entries.length).toBe(minimal);
      }),
      { numRuns: 300 },
    );
  });
});

describe('planToFit', () => {
  it('reports exactly how many extra addresses each merge admits', () => {
    const list = [e('192.0.2.0', 26, 'a'), e('192.0.2.128', 26, 'b'), e('8.8.8.8', null, 'dns')];
    const plan = planToFit(list, 2);
    expect(plan.fits).toBe(true);
    expect(plan.entries).toEqual([e('192.0.2.0', 24, 'a / b'), list[2]]);
    expect(plan.merges).toEqual([
      {
        into: e('192.0.2.0', 24, 'a / b'),
        replaces: [list[0], list[1]],
        replacedIndexes: [0, 1],
        extraAddresses: 128,
      },
    ]);
  });

  it('prefers the merge that admits fewest addresses', () => {
    const list = [e('10.0.0.0', 32), e('10.0.0.2', 32), e('10.0.1.0', 24)];
    const plan = planToFit(list, 2);
    expect(plan.merges[0]?.into).toEqual(e('10.0.0.0', 30, ''));
    expect(plan.extraAddresses).toBe(2);
  });

  it('cannot fit when invalid entries alone exceed the cap', () => {
    expect(planToFit([e('x'), e('y'), e('8.8.8.8')], 1).fits).toBe(false);
  });

  it('fits the cap, only grows coverage, and the reported extra is exact (property)', () => {
    fc.assert(
      fc.property(entryList(), fc.integer({ min: 1, max: 12 }), (entries, max) => {
        const plan = planToFit(entries, max);
        const before = coverage(entries);
        const after = coverage(plan.entries);
        expect(contains(after, before)).toBe(true);
        expect(plan.extraAddresses).toBe(total(after) - total(before));
        expect(plan.merges.reduce((a, m) => a + m.extraAddresses, 0)).toBe(plan.extraAddresses);
        if (entries.length > 0) expect(plan.fits).toBe(true);
        expect(plan.entries.length).toBeLessThanOrEqual(Math.max(max, plan.invalidIndexes.length));
        // Every original entry is replaced by at most one merge.
        const replaced = plan.merges.flatMap((m) => m.replacedIndexes);
        expect(new Set(replaced).size).toBe(replaced.length);
      }),
      { numRuns: 300 },
    );
  });
});

describe('joinMemos', () => {
  it('joins distinct memos and says how many did not fit', () => {
    expect(joinMemos(['a', '', 'b', 'a'])).toBe('a / b');
    const long = joinMemos(['x'.repeat(600), 'y'.repeat(600), 'z']);
    expect(long).toBe(`${'x'.repeat(600)} (+2 more)`);
  });
});
