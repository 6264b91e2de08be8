import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TopCounts } from '../../../../shared/log/summary.ts';

/** The top `k` by sorting everything: more lines first, then the lower address. */
const oracle = (pairs: [number, number][], k: number) =>
  [...pairs].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, Math.max(0, k));

describe('TopCounts', () => {
  it('keeps the k most frequent addresses, ties by the lower address, in any offer order (property)', () => {
    const pairs = fc.uniqueArray(fc.tuple(fc.nat(0xffffffff), fc.integer({ min: 1, max: 5 })), {
      selector: (p) => p[0],
      maxLength: 200,
    });
    fc.assert(
      fc.property(pairs, fc.integer({ min: -1, max: 40 }), (list, k) => {
        const top = new TopCounts(k);
        for (const [key, count] of list) top.offer(key, count);
        expect(top.items).toEqual(oracle(list, k));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps everything when k is at least the number of addresses', () => {
    const top = new TopCounts(10);
    top.offer(3, 1);
    top.offer(1, 1);
    top.offer(2, 7);
    expect(top.items).toEqual([
      [2, 7],
      [1, 1],
      [3, 1],
    ]);
  });
});
