import { formatIPv4 } from '../ip/ipv4.ts';
import type { LogDelimiter } from './fields.ts';
import type { LogCounts } from './scanner.ts';

/** What `allowlist impact` reports about a log under one list. */
export type ImpactStats = {
  lines: number;
  addresses: number;
  allowed: number;
  denied: number;
  uniqueDenied: number;
  topDenied: { ip: string; count: number }[];
  delimiter: LogDelimiter;
  overlongLines: number;
  maxLineBytes: number;
};

/** Judge each distinct address of a scan: allowed and denied line counts, top denied. */
export function summarizeCounts(
  log: LogCounts,
  allows: (value: number) => boolean,
  top = 10,
): ImpactStats {
  let allowed = 0;
  let denied = 0;
  let uniqueDenied = 0;
  const topDenied = new TopCounts(top);
  log.table.forEach((key, count) => {
    if (allows(key)) {
      allowed += count;
    } else {
      denied += count;
      uniqueDenied++;
      topDenied.offer(key, count);
    }
  });
  return {
    lines: log.lines,
    addresses: log.addresses,
    allowed,
    denied,
    uniqueDenied,
    topDenied: topDenied.items.map(([v, count]) => ({ ip: formatIPv4(v), count })),
    delimiter: log.delimiter,
    overlongLines: log.overlongLines,
    maxLineBytes: log.maxLineBytes,
  };
}

/** Whether (address `a`, count `n`) ranks before kept pair `b`: more lines, then lower address. */
const ranksBefore = (a: number, n: number, b: [number, number]) =>
  n > b[1] || (n === b[1] && a < b[0]);

/**
 * The `k` largest counts seen (ties: lower address first), kept without sorting every address:
 * an offer that does not beat the last kept one costs one comparison and allocates nothing.
 */
export class TopCounts {
  /** Kept [address, count] pairs, best first. */
  readonly items: [number, number][] = [];
  private readonly k: number;
  constructor(k: number) {
    this.k = k;
  }

  /** Consider one address and its count. */
  offer(key: number, count: number): void {
    const top = this.items;
    const k = this.k;
    if (k <= 0) return;
    if (top.length === k && !ranksBefore(key, count, top[k - 1] as [number, number])) return;
    let at = top.length;
    while (at > 0 && ranksBefore(key, count, top[at - 1] as [number, number])) at--;
    top.splice(at, 0, [key, count]);
    if (top.length > k) top.pop();
  }
}
