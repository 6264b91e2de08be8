import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../../../../shared/allowlist/match.ts';
import { MODES } from '../../../../shared/allowlist/model.ts';
import { formatIPv4 } from '../../../../shared/ip/ipv4.ts';
import { LogScanner } from '../../../../shared/log/scanner.ts';
import { summarizeCounts, TopCounts } from '../../../../shared/log/summary.ts';
import { address, entryList } from '../../support/arbitraries.ts';

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

describe('summarizeCounts', () => {
  it("judges as the list's own allowsUint32 does, address by address, and leaves the table as it was (property)", () => {
    // Lines from a pool of addresses (each may repeat), so counts above 1 occur; pools up to
    // 3,000 make the table grow past its first size.
    const log = fc
      .uniqueArray(address, { minLength: 1, maxLength: 3000, size: 'large' })
      .chain((pool) =>
        fc
          .array(fc.nat(pool.length - 1), { minLength: 1, maxLength: 6000, size: 'large' })
          .map((picks) => ({
            pool,
            picks,
          })),
      );
    fc.assert(
      fc.property(
        entryList(60),
        fc.constantFrom(...MODES),
        log,
        fc.integer({ min: 0, max: 30 }),
        (entries, mode, { pool, picks }, k) => {
          const scanner = new LogScanner();
          scanner.push(
            new TextEncoder().encode(
              picks.map((i) => `${formatIPv4(pool[i] as number)} - - "GET /"\n`).join(''),
            ),
          );
          const counts = scanner.end();
          const before: [number, number][] = [];
          counts.table.forEach((key, count) => before.push([key, count]));

          const list = compileConfig({ mode, entries });
          const stats = summarizeCounts(counts, list, k);

          let allowed = 0;
          const denied: [number, number][] = [];
          for (const [key, count] of before) {
            if (list.allowsUint32(key)) allowed += count;
            else denied.push([key, count]);
          }
          expect(stats.allowed).toBe(allowed);
          expect(stats.denied).toBe(picks.length - allowed);
          expect(stats.uniqueDenied).toBe(denied.length);
          expect(stats.topDenied).toEqual(
            oracle(denied, k).map(([v, count]) => ({ ip: formatIPv4(v), count })),
          );
          const after: [number, number][] = [];
          counts.table.forEach((key, count) => after.push([key, count]));
          expect(after).toEqual(before);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("ranks counts past the module's last histogram bin (1,023) by count, then address", () => {
    const lines = (ip: string, n: number) => `${ip} x\n`.repeat(n);
    const scanner = new LogScanner();
    scanner.push(
      new TextEncoder().encode(
        lines('203.0.113.9', 1100) +
          lines('203.0.113.1', 1500) +
          lines('203.0.113.7', 1100) +
          lines('203.0.113.2', 3) +
          lines('192.0.2.1', 2000),
      ),
    );
    const counts = scanner.end();
    const list = compileConfig({
      mode: 'ALLOW_SPECIFIC',
      entries: [{ ip: '192.0.2.0', cidr: 24, memo: '' }],
    });
    const stats = summarizeCounts(counts, list, 3);
    expect(stats).toMatchObject({ allowed: 2000, denied: 3703, uniqueDenied: 4 });
    expect(stats.topDenied).toEqual([
      { ip: '203.0.113.1', count: 1500 },
      { ip: '203.0.113.7', count: 1100 },
      { ip: '203.0.113.9', count: 1100 },
    ]);
    expect(summarizeCounts(counts, list, 0).topDenied).toEqual([]);
  });
});
