import { closeSync, openSync, readSync } from 'node:fs';
import { formatIPv4 } from '../shared/ip/ipv4.ts';

/**
 * Streaming scan of a log for `allowlist impact`.
 *
 * Hand-written byte scanning on purpose: the benchmark target is >= 5M lines/s end to end, which
 * readline + regex + string parsing cannot reach. The file is read in fixed 4 MB chunks, so memory
 * depends on the number of distinct denied addresses (the counts we must report), never on the
 * number of lines. Octets are decimal only (a zero-padded `010` is 10), as everywhere else.
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
  const column = options.column;
  let buf = Buffer.allocUnsafe(options.chunkBytes ?? 4 * 1024 * 1024);
  const deniedCounts = new Map<number, number>();
  let lines = 0;
  let addresses = 0;
  let allowed = 0;
  let denied = 0;
  let lastValue = -1;
  let lastAllowed = false;

  const line = (b: Uint8Array, s: number, e: number): void => {
    lines++;
    const v = column === undefined ? firstAddress(b, s, e) : columnAddress(b, s, e, column);
    if (v < 0) return;
    addresses++;
    // Logs repeat the same client on consecutive lines: remember the last answer.
    if (v !== lastValue) {
      lastValue = v;
      lastAllowed = allows(v);
    }
    if (lastAllowed) {
      allowed++;
    } else {
      denied++;
      deniedCounts.set(v, (deniedCounts.get(v) ?? 0) + 1);
    }
  };

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
      if (n === 0) {
        if (len > 0) line(buf, 0, len);
        break;
      }
      const view = buf.subarray(0, len);
      let pos = 0;
      for (;;) {
        const nl = view.indexOf(10, pos);
        if (nl < 0) break;
        line(view, pos, nl);
        pos = nl + 1;
      }
      carry = len - pos;
      if (carry > 0) buf.copy(buf, 0, pos, len);
    }
  } finally {
    closeSync(fd);
  }

  return {
    lines,
    addresses,
    allowed,
    denied,
    uniqueDenied: deniedCounts.size,
    topDenied: topCounts(deniedCounts, options.top ?? 10),
  };
}

/** The `k` largest counts (ties: lower address first), without sorting every address. */
function topCounts(counts: Map<number, number>, k: number): { ip: string; count: number }[] {
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
