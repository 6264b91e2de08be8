import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { joinMemos, mergeExact, planToFit } from '../../../../shared/allowlist/aggregate.ts';
import { clusteredEntry, entryList } from '../../support/arbitraries.ts';
import { coverage, total } from '../../support/coverage.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

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

describe('planToFit is optimal', () => {
  /** The smallest CIDR block holding `lo..hi`, as an interval. */
  const supernet = (lo: number, hi: number): [number, number] => {
    let size = 1;
    while (Math.floor(lo / size) !== Math.floor(hi / size)) size *= 2;
    return [lo - (lo % size), lo - (lo % size) + size - 1];
  };
  /** Every partition of 0..n-1 (restricted growth strings). */
  function* partitions(n: number, prefix: number[] = []): Generator<number[]> {
    if (prefix.length === n) {
      yield prefix;
      return;
    }
    const parts = prefix.length === 0 ? 0 : Math.max(...prefix) + 1;
    for (let p = 0; p <= parts; p += 1) yield* partitions(n, [...prefix, p]);
  }
  /**
   * Brute force, independent of the trie: replace each part of every partition of the entries
   * by the smallest block holding the part; the entries left are the blocks no other holds.
   * (An optimum never needs two blocks for one entry: blocks nest, so the entry itself would do
   * with fewer.) Returns, for every limit 1..n (the index), the fewest extra addresses of a plan
   * with at most that many entries.
   */
  const bruteForce = (entries: Entry[]): number[] => {
    const blocks = entries.map((x) => coverage([x])[0] as [number, number]);
    const before = total(coverage(entries));
    const byCount = Array.from({ length: blocks.length + 1 }, () => Infinity);
    for (const labels of partitions(blocks.length)) {
      const parts = new Map<number, [number, number]>();
      labels.forEach((label, i) => {
        const [s, t] = blocks[i] as [number, number];
        const had = parts.get(label);
        parts.set(label, had ? [Math.min(had[0], s), Math.max(had[1], t)] : [s, t]);
      });
      const chosen = [...parts.values()].map(([s, t]) => supernet(s, t));
      const maximal = chosen.filter(
        (c, i) =>
          !chosen.some(
            (d, j) =>
              j !== i && d[0] <= c[0] && c[1] <= d[1] && (d[0] < c[0] || d[1] > c[1] || j < i),
          ),
      );
      const spans = maximal.map(([s, t]) => {
        const prefix = 32 - Math.log2(t - s + 1);
        const ip = [s >>> 24, (s >>> 16) & 255, (s >>> 8) & 255, s & 255].join('.');
        return e(ip, prefix);
      });
      const extra = total(coverage(spans)) - before;
      byCount[maximal.length] = Math.min(byCount[maximal.length] as number, extra);
    }
    // Within a limit: the best plan of that many entries or fewer.
    for (let k = 1; k < byCount.length; k += 1)
      byCount[k] = Math.min(byCount[k] as number, byCount[k - 1] as number);
    return byCount;
  };
  const smallList = fc.array(
    fc
      .tuple(fc.nat(3), fc.nat(255), fc.integer({ min: 22, max: 32 }))
      .map(([c, d, prefix]) => e(`10.0.${c}.${d}`, prefix === 32 ? null : prefix)),
    { minLength: 1, maxLength: 7 },
  );
  // Also spread over four /16s far apart, /14 to /32: merges up to the whole address space.
  const spreadList = fc.array(clusteredEntry, { minLength: 1, maxLength: 7 });

  it('admits exactly as few extra addresses as brute force, for every limit (property)', () => {
    fc.assert(
      fc.property(fc.oneof(smallList, spreadList), (entries) => {
        const best = bruteForce(entries);
        // Host bits are cleared as the service would: the oracle works on the blocks.
        for (let cap = 1; cap <= entries.length; cap += 1) {
          const plan = planToFit(entries, cap);
          expect(plan.fits).toBe(true);
          expect(plan.entries.length).toBeLessThanOrEqual(cap);
          expect(plan.extraAddresses, `limit ${cap}`).toBe(best[cap]);
          expect(total(coverage(plan.entries)) - total(coverage(entries))).toBe(
            plan.extraAddresses,
          );
          expect(contains(coverage(plan.entries), coverage(entries))).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('beats the cheapest-merge-first greedy plan where that one is not optimal', () => {
    // Greedy (the previous planner) merged the cheapest neighbours first and ended at +252.
    const list = [
      e('10.0.1.189'),
      e('10.0.0.154'),
      e('10.0.1.245'),
      e('10.0.0.204'),
      e('10.0.1.92', 30),
    ];
    const plan = planToFit(list, 3);
    expect(plan.extraAddresses).toBe(250);
    expect(bruteForce(list)[3]).toBe(250);
    expect(plan.entries.length).toBe(3);
  });
});

describe('joinMemos', () => {
  it('joins distinct memos and says how many did not fit', () => {
    expect(joinMemos(['a', '', 'b', 'a'])).toBe('a / b');
    const long = joinMemos(['x'.repeat(600), 'y'.repeat(600), 'z']);
    expect(long).toBe(`${'x'.repeat(600)} (+2 more)`);
  });
});
