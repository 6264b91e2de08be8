import { CountTable } from './count-table.ts';
import {
  detectDelimiter,
  fieldAddress,
  firstAddress,
  leadingAddress,
  scanEnd,
  type LogDelimiter,
} from './fields.ts';

/** Lines longer than this (bytes, newline excluded) are skipped and counted, never buffered. */
export const MAX_LINE_BYTES = 64 * 1024;

export type LogScanOptions = {
  /** 1-based field holding the address; absent: the first IPv4 address on the line. */
  column?: number;
  /** How fields are separated; absent: detected from the first non-empty line. */
  delimiter?: LogDelimiter;
  /** Longest line kept (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
};

/** What a scan found: line counts and the per-address count table. */
export type LogCounts = {
  lines: number;
  /** Lines with an address (in `column` when given). */
  addresses: number;
  /** Lines over `maxLineBytes`, skipped unread (counted in `lines`). */
  overlongLines: number;
  maxLineBytes: number;
  /** The delimiter used (taken or detected; 'space' when the log had no line to detect from). */
  delimiter: LogDelimiter;
  table: CountTable;
};

const NL = 10;
const DOT = 46;

/**
 * Streaming count of the addresses in a log: `push` its bytes in chunks of any size, then `end`.
 *
 * Lines are cut at "\n"; a last line without one counts too. Complete lines are read in place in
 * the chunk (no copy, no allocation per line); only a line cut by a chunk end is copied, into a
 * carry buffer of at most `maxLineBytes`. A longer line is skipped and counted, so memory stays
 * bounded on a file without newlines. The same scanner serves the CLI (files, gzip, stdin,
 * worker threads) and the app's log preview.
 */
export class LogScanner {
  lines = 0;
  addresses = 0;
  overlongLines = 0;
  readonly table = new CountTable();
  private delimiter: LogDelimiter | undefined;
  private readonly column: number | undefined;
  private readonly maxLine: number;
  private carry: Uint8Array;
  private carryLength = 0;
  /** Inside an over-long line: drop bytes up to the next newline. */
  private skipping = false;

  constructor(options: LogScanOptions = {}) {
    this.column = options.column;
    this.delimiter = options.delimiter;
    this.maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    this.carry = new Uint8Array(Math.min(this.maxLine, 4096));
  }

  /** Scan the next bytes of the log. The chunk is not kept; it may be reused after the call. */
  push(chunk: Uint8Array): void {
    let pos = 0;
    if (this.skipping || this.carryLength > 0) {
      const nl = chunk.indexOf(NL);
      const upTo = nl < 0 ? chunk.length : nl;
      if (!this.skipping) {
        if (this.carryLength + upTo > this.maxLine) {
          this.skipping = true;
          this.carryLength = 0;
        } else {
          this.keep(chunk, 0, upTo);
        }
      }
      if (nl < 0) return;
      this.finishCarried();
      pos = nl + 1;
    }
    pos = this.scanLines(chunk, pos);
    if (pos < chunk.length) {
      if (chunk.length - pos > this.maxLine) this.skipping = true;
      else this.keep(chunk, pos, chunk.length);
    }
  }

  /** The log ended: count a last line without a newline, and return the counts. */
  end(): LogCounts {
    if (this.skipping || this.carryLength > 0) this.finishCarried();
    return {
      lines: this.lines,
      addresses: this.addresses,
      overlongLines: this.overlongLines,
      maxLineBytes: this.maxLine,
      delimiter: this.delimiter ?? 'space',
      table: this.table,
    };
  }

  private keep(chunk: Uint8Array, from: number, to: number): void {
    const need = this.carryLength + to - from;
    if (need > this.carry.length) {
      const bigger = new Uint8Array(Math.min(this.maxLine, Math.max(need, this.carry.length * 2)));
      bigger.set(this.carry.subarray(0, this.carryLength));
      this.carry = bigger;
    }
    this.carry.set(chunk.subarray(from, to), this.carryLength);
    this.carryLength = need;
  }

  private finishCarried(): void {
    if (this.skipping) {
      this.lines++;
      this.overlongLines++;
      this.skipping = false;
    } else {
      this.line(this.carry, 0, this.carryLength);
    }
    this.carryLength = 0;
  }

  /** One complete line `b[s..e)` (newline excluded), outside the hot loop. */
  private line(b: Uint8Array, s: number, e: number): void {
    this.lines++;
    if (e - s > this.maxLine) {
      this.overlongLines++;
      return;
    }
    if (this.delimiter === undefined && e > s) this.delimiter = detectDelimiter(b, s, e);
    const v =
      this.column === undefined
        ? firstAddress(b, s, e)
        : fieldAddress(b, s, e, this.column, this.delimiter ?? 'space');
    if (v >= 0) {
      this.addresses++;
      this.table.add(v);
    }
  }

  /** The complete lines of `b` from `pos`; returns where the incomplete tail starts. */
  private scanLines(b: Uint8Array, pos: number): number {
    // Until the delimiter is known, go line by line (detection needs a non-empty line).
    while (this.delimiter === undefined) {
      const nl = b.indexOf(NL, pos);
      if (nl < 0) return pos;
      this.line(b, pos, nl);
      pos = nl + 1;
    }
    const max = this.maxLine;
    const table = this.table;
    let lines = 0;
    let addresses = 0;
    let overlong = 0;
    if (this.column === undefined) {
      // Lines starting this far from the end of `b` are parsed with no bounds checks: the
      // longest read is 17 bytes (15 for "255.255.255.255", then the "1.2.3.4.5" look-ahead).
      const safe = b.length - 17;
      for (;;) {
        // Fast path: the line starts with an address (the usual access log), parsed inline with
        // leadingAddress's rules (decimal octets of 1-3 digits, at most 255, no fourth digit, no
        // fifth part) into `v`, no call and no allocation. It stops at the first byte that is
        // neither digit nor dot, so it never passes the newline, and the newline search starts
        // after the address. `indexOf` is memchr when `b` is a Node Buffer.
        let v = -1;
        let from = pos;
        if (pos < safe) {
          let i = pos;
          let value = 0;
          for (let part = 0; ; part++) {
            let d = (b[i] as number) ^ 48;
            if (d > 9) break;
            let n = d;
            d = (b[++i] as number) ^ 48;
            if (d <= 9) {
              n = n * 10 + d;
              d = (b[++i] as number) ^ 48;
              if (d <= 9) {
                n = n * 10 + d;
                d = (b[++i] as number) ^ 48;
                if (n > 255 || d <= 9) break;
              }
            }
            value = (value << 8) | n;
            if (part === 3) {
              // "1.2.3.4.5" is no address.
              if (d !== (DOT ^ 48) || ((b[i + 1] as number) ^ 48) > 9) {
                v = value >>> 0;
                from = i;
              }
              break;
            }
            if (d !== (DOT ^ 48)) break;
            i++;
          }
        } else if (((b[pos] as number) ^ 48) <= 9) {
          v = leadingAddress(b, pos);
          if (v >= 0) from = scanEnd;
        }
        const nl = b.indexOf(NL, from);
        if (nl < 0) break;
        lines++;
        if (nl - pos > max) overlong++;
        else {
          if (v < 0) v = firstAddress(b, pos, nl);
          if (v >= 0) {
            addresses++;
            table.add(v);
          }
        }
        pos = nl + 1;
      }
    } else {
      const column = this.column;
      const delimiter = this.delimiter;
      for (;;) {
        const nl = b.indexOf(NL, pos);
        if (nl < 0) break;
        lines++;
        if (nl - pos > max) overlong++;
        else {
          const v = fieldAddress(b, pos, nl, column, delimiter);
          if (v >= 0) {
            addresses++;
            table.add(v);
          }
        }
        pos = nl + 1;
      }
    }
    this.lines += lines;
    this.addresses += addresses;
    this.overlongLines += overlong;
    return pos;
  }
}

/** Whether bytes start with the gzip magic number (1f 8b): decided by content, not by name. */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}
