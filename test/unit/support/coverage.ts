import type { Entry } from '../../../shared/allowlist/model.ts';

/**
 * Test oracle: the addresses the valid entries cover, as sorted disjoint intervals, by plain
 * integer arithmetic (no code of the app).
 */
export function coverage(entries: Entry[]): [number, number][] {
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

/** How many addresses intervals from `coverage` hold. */
export const total = (c: [number, number][]) => c.reduce((a, [s, t]) => a + t - s + 1, 0);
