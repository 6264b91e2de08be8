import { closeSync, openSync, readSync } from 'node:fs';
import { formatIPv4 } from '../shared/ip/ipv4.ts';

/**
 * Streaming scan of a log for `allowlist impact`.
 *
 * Hand-written byte scanning on purpose: the benchmark target is >= 5M lines/s end to end, which
 * readline + regex + string parsing cannot reach. The file is read in fixed 4 MB chunks, so memory
 * is one chunk plus two words per distinct address in the log, never proportional to lines. Octets are decimal only (a zero-padded `010` is 10), as everywhere else.
 */

export type ImpactStats = {
  lines: number;
  addresses: number;
  allowed: number;
  denied: number;
  uniqueDenied: number;
  topDenied: { ip: string; count: number }[];
};

export type ScanOptions = {
  /** 1-based CSV column holding the address; absent: the first IPv4 address on the line. */
  column?: number;
  /** How many of the most frequent denied addresses to report (default 10). */
  top?: number;
  /** Chunk size in bytes (default 4 MB); a longer line grows the buffer. */
  chunkBytes?: number;
};

const DOT = 46;
const QUOTE = 34;
const COMMA = 44;

let scanEnd = 0;

/** The IPv4 address starting exactly at `i` (uint32), or -1; sets `scanEnd` past it. */
function addressAt(b: Uint8Array, i: number, e: number): number {
  let value = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (i >= e || b[i] !== DOT) return -1;
      i++;
    }
    let n = 0;
    let digits = 0;
    while (i < e && digits < 4) {
      const c = b[i] as number;
      if (c < 48 || c > 57) break;
      n = n * 10 + (c - 48);
      digits++;
      i++;
    }
    if (digits === 0 || digits > 3 || n > 255) return -1;
    value = value * 256 + n;
  }
  if (i < e) {
    const c = b[i] as number;
    // "1.2.3.45" must not read as 1.2.3.4, nor "1.2.3.4.5" as 1.2.3.4.
    if (c >= 48 && c <= 57) return -1;
    if (c === DOT && i + 1 < e && (b[i + 1] as number) >= 48 && (b[i + 1] as number) <= 57)
      return -1;
  }
  scanEnd = i;
  return value;
}

/** The first IPv4 address on a line, or -1. A candidate must not continue a number or address. */
export function firstAddress(b: Uint8Array, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = b[i] as number;
    if (c < 48 || c > 57) continue;
    if (i > s) {
      const p = b[i - 1] as number;
      if ((p >= 48 && p <= 57) || p === DOT) continue;
    }
    const v = addressAt(b, i, e);
    if (v >= 0) return v;
  }
  return -1;
}

/** The address that is the whole of CSV field `column` (1-based), quotes and spaces aside, or -1. */
export function columnAddress(b: Uint8Array, s: number, e: number, column: number): number {
  let field = 1;
  let start = s;
  let i = s;
  let quoted = false;
  for (; i < e; i++) {
    const c = b[i] as number;
    if (c === QUOTE) quoted = !quoted;
    else if (c === COMMA && !quoted) {
      if (field === column) break;
      field++;
      start = i + 1;
    }
  }
  if (field !== column) return -1;
  let end = i;
  while (start < end && (b[start] === 32 || b[start] === QUOTE || b[start] === 9)) start++;
  while (
    end > start &&
    (b[end - 1] === 32 || b[end - 1] === QUOTE || b[end - 1] === 13 || b[end - 1] === 9)
  )
    end--;
  const v = addressAt(b, start, end);
  return v >= 0 && scanEnd === end ? v : -1;
}

/** Per-address counts of a log: lines read, lines with an address, and the count table. */
export type LogCounts = {
  lines: number;
  addresses: number;
  keys: Uint32Array;
  counts: Uint32Array;
};

/**
 * Read a log once and count how often each IPv4 address appears (first address per line, or the
 * address in CSV `column`). Lines are cut at "\n"; a last line without one counts too. Throws the
 * fs error when the file cannot be read.
 *
 * Counting per address first and judging each distinct address afterwards keeps the per-line work
 * to a hash increment, and lets the scan run before (or while) the list is loaded.
 */
export function countLogAddresses(
  path: string,
  options: Pick<ScanOptions, 'column' | 'chunkBytes'> = {},
): LogCounts {
  const column = options.column;
  let buf = Buffer.allocUnsafe(options.chunkBytes ?? 4 * 1024 * 1024);
  const table = new CountTable();
  let lines = 0;
  let addresses = 0;
  const fd = openSync(path, 'r');
  try {
    let carry = 0;
    for (;;) {
      if (carry === buf.length) {
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, carry);
        buf = bigger;
      }
      const n = readSync(fd, buf, carry, buf.length - carry, null);
      const len = carry + n;
      const view = buf.subarray(0, len);
      let pos = 0;
      if (n === 0) {
        // End of file: a last line without a newline.
        if (len > 0) {
          lines++;
          const v =
            column === undefined ? firstAddress(view, 0, len) : columnAddress(view, 0, len, column);
          if (v >= 0) {
            addresses++;
            table.add(v);
          }
        }
        break;
      }
      if (column === undefined) {
        for (;;) {
          // Fast path: the line starts with an address (the usual access log). addressAt stops at
          // the first byte that is neither digit nor dot, so it never reads past the newline, and
          // the newline search starts after the address.
          let v = -1;
          let from = pos;
          const c0 = view[pos] ?? 0;
          if (c0 >= 48 && c0 <= 57) {
            v = addressAt(view, pos, len);
            if (v >= 0) from = scanEnd;
          }
          const nl = view.indexOf(10, from);
          if (nl < 0) break;
          if (v < 0) v = firstAddress(view, pos, nl);
          lines++;
          if (v >= 0) {
            addresses++;
            table.add(v);
          }
          pos = nl + 1;
        }
      } else {
        for (;;) {
          const nl = view.indexOf(10, pos);
          if (nl < 0) break;
          lines++;
          const v = columnAddress(view, pos, nl, column);
          if (v >= 0) {
            addresses++;
            table.add(v);
          }
          pos = nl + 1;
        }
      }
      carry = len - pos;
      if (carry > 0) buf.copy(buf, 0, pos, len);
    }
  } finally {
    closeSync(fd);
  }
  const { keys, counts } = table.arrays();
  return { lines, addresses, keys, counts };
}

/**
 * Judge each distinct address of a count table: allowed and denied line counts, top denied.
 */
export function summarizeCounts(
  log: LogCounts,
  allows: (value: number) => boolean,
  top = 10,
): ImpactStats {
  let allowed = 0;
  let denied = 0;
  let uniqueDenied = 0;
  const deniedItems: [number, number][] = [];
  const { keys, counts } = log;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i] as number;
    if (count === 0) continue;
    const key = keys[i] as number;
    if (allows(key)) {
      allowed += count;
    } else {
      denied += count;
      uniqueDenied++;
      deniedItems.push([key, count]);
    }
  }
  return {
    lines: log.lines,
    addresses: log.addresses,
    allowed,
    denied,
    uniqueDenied,
    topDenied: topCounts(deniedItems, top),
  };
}

/**
 * Count lines, addresses, allowed and denied in a log file, and the most frequent denied addresses.
 *
 * `allows(value)` answers for one uint32 address (a compiled matcher, or `() => true` for ALLOW_ALL).
 * Throws the fs error when the file cannot be read.
 */
export function scanLogFile(
  path: string,
  allows: (value: number) => boolean,
  options: ScanOptions = {},
): ImpactStats {
  return summarizeCounts(countLogAddresses(path, options), allows, options.top ?? 10);
}

/** The `k` largest counts (ties: lower address first), without sorting every address. */
function topCounts(counts: Iterable<[number, number]>, k: number): { ip: string; count: number }[] {
  const top: [number, number][] = [];
  const before = (a: [number, number], b: [number, number]) =>
    a[1] > b[1] || (a[1] === b[1] && a[0] < b[0]);
  for (const item of counts) {
    if (top.length === k && !before(item, top[k - 1] as [number, number])) continue;
    let at = top.length;
    while (at > 0 && before(item, top[at - 1] as [number, number])) at--;
    top.splice(at, 0, item);
    if (top.length > k) top.pop();
  }
  return top.map(([v, count]) => ({ ip: formatIPv4(v), count }));
}

/**
 * Counts per uint32 address in an open-addressing hash table (typed arrays, linear probing).
 *
 * Several times faster than a Map<number, number> on the denied-heavy logs impact is for, and
 * its memory is two words per distinct address.
 */
class CountTable {
  size = 0;
  private bits = 12;
  private keys = new Uint32Array(1 << 12);
  private counts = new Uint32Array(1 << 12);

  add(key: number): void {
    const mask = (1 << this.bits) - 1;
    let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
    for (;;) {
      const count = this.counts[slot] as number;
      if (count === 0) {
        this.keys[slot] = key;
        this.counts[slot] = 1;
        this.size += 1;
        if (this.size * 2 > mask) this.grow();
        return;
      }
      if (this.keys[slot] === key) {
        this.counts[slot] = count + 1;
        return;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The raw slots (count 0 = empty), transferable to another thread. */
  arrays(): { keys: Uint32Array; counts: Uint32Array } {
    return { keys: this.keys, counts: this.counts };
  }

  private grow(): void {
    const keys = this.keys;
    const counts = this.counts;
    this.bits += 1;
    this.keys = new Uint32Array(1 << this.bits);
    this.counts = new Uint32Array(1 << this.bits);
    const mask = (1 << this.bits) - 1;
    for (let i = 0; i < counts.length; i += 1) {
      const count = counts[i] as number;
      if (count === 0) continue;
      const key = keys[i] as number;
      let slot = Math.imul(key, 0x9e3779b1) >>> (32 - this.bits);
      while ((this.counts[slot] as number) !== 0) slot = (slot + 1) & mask;
      this.keys[slot] = key;
      this.counts[slot] = count;
    }
  }
}
