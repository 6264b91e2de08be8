/**
 * Byte-level reading of IPv4 addresses and fields in log lines (Uint8Array, no strings).
 *
 * Hand-written byte scanning on purpose: `allowlist impact` and the app's log preview must read
 * millions of lines per second (bench/impact.bench.ts), which per-line strings and regexes cannot
 * reach. Octets are decimal only (a zero-padded `010` is 10), as everywhere else.
 */

/** How the fields of a log line are separated (for `--column`). */
export type LogDelimiter = 'comma' | 'tab' | 'space' | 'combined';

/** Every delimiter, in the order the CLI lists them. */
export const LOG_DELIMITERS: readonly LogDelimiter[] = ['comma', 'tab', 'space', 'combined'];

const DOT = 46;
const QUOTE = 34;
const COMMA = 44;
const TAB = 9;
const SPACE = 32;
const CR = 13;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

/** Where the last successful `addressAt` stopped (one past the address). */
export let scanEnd = 0;

/**
 * The IPv4 address starting exactly at `i` (uint32), or -1; sets `scanEnd` past it.
 *
 * Unrolled per octet, on int32 arithmetic: `byte ^ 48` is 0-9 exactly for the digits, so one
 * comparison tests a byte. Each read is guarded by `e`, so it never passes the line's end.
 */
export function addressAt(b: Uint8Array, i: number, e: number): number {
  let value = 0;
  for (let part = 0; ; part++) {
    let d = i < e ? (b[i] as number) ^ 48 : 10;
    if (d > 9) return -1;
    let n = d;
    i++;
    d = i < e ? (b[i] as number) ^ 48 : 10;
    if (d <= 9) {
      n = n * 10 + d;
      i++;
      d = i < e ? (b[i] as number) ^ 48 : 10;
      if (d <= 9) {
        n = n * 10 + d;
        i++;
        // A fourth digit: not an octet ("1.2.3.2555" is not 1.2.3.255).
        if (n > 255 || (i < e && ((b[i] as number) ^ 48) <= 9)) return -1;
      }
    }
    value = (value << 8) | n;
    if (part === 3) break;
    if (i >= e || b[i] !== DOT) return -1;
    i++;
  }
  // "1.2.3.4.5" must not read as 1.2.3.4.
  if (i + 1 < e && b[i] === DOT && ((b[i + 1] as number) ^ 48) <= 9) return -1;
  scanEnd = i;
  return value >>> 0;
}

/**
 * `addressAt(b, i, b.length)` for the address that starts a line: the same answer, faster. No
 * read is guarded: past the end of `b` a typed array reads `undefined`, which is no digit and no
 * dot, so the address simply ends there. The scanner's hot loop parses the same way inline, and
 * calls this only for a line that starts within 17 bytes of a chunk's end.
 */
export function leadingAddress(b: Uint8Array, i: number): number {
  let value = 0;
  for (let part = 0; ; part++) {
    let d = (b[i] as number) ^ 48;
    if (d > 9) return -1;
    let n = d;
    d = (b[++i] as number) ^ 48;
    if (d <= 9) {
      n = n * 10 + d;
      d = (b[++i] as number) ^ 48;
      if (d <= 9) {
        n = n * 10 + d;
        d = (b[++i] as number) ^ 48;
        // A fourth digit: not an octet ("1.2.3.2555" is not 1.2.3.255).
        if (n > 255 || d <= 9) return -1;
      }
    }
    value = (value << 8) | n;
    if (part === 3) break;
    if (d !== (DOT ^ 48)) return -1;
    i++;
  }
  // "1.2.3.4.5" must not read as 1.2.3.4.
  if (b[i] === DOT && ((b[i + 1] as number) ^ 48) <= 9) return -1;
  scanEnd = i;
  return value >>> 0;
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

/** The address that is the whole of `b[start..end)`, quotes, brackets and spaces aside, or -1. */
function wholeAddress(b: Uint8Array, start: number, end: number): number {
  const pad = (c: number) =>
    c === SPACE ||
    c === QUOTE ||
    c === TAB ||
    c === CR ||
    c === OPEN_BRACKET ||
    c === CLOSE_BRACKET;
  while (start < end && pad(b[start] as number)) start++;
  while (end > start && pad(b[end - 1] as number)) end--;
  const v = addressAt(b, start, end);
  return v >= 0 && scanEnd === end ? v : -1;
}

/**
 * The address that is the whole of field `column` (1-based) of a line, or -1.
 *
 * - `comma`, `tab`: one separator byte between fields; a field may be double-quoted (CSV).
 * - `space`: runs of spaces or tabs separate fields; `"..."` groups words into one field.
 * - `combined` (Apache/nginx): as `space`, and `[...]` groups too, so the time is one field
 *   (`host ident user [time] "request" status bytes "referer" "agent"`: the client is field 1).
 */
export function fieldAddress(
  b: Uint8Array,
  s: number,
  e: number,
  column: number,
  delimiter: LogDelimiter,
): number {
  if (delimiter === 'comma' || delimiter === 'tab') {
    const sep = delimiter === 'comma' ? COMMA : TAB;
    let field = 1;
    let start = s;
    let i = s;
    let quoted = false;
    for (; i < e; i++) {
      const c = b[i] as number;
      if (c === QUOTE) quoted = !quoted;
      else if (c === sep && !quoted) {
        if (field === column) break;
        field++;
        start = i + 1;
      }
    }
    return field === column ? wholeAddress(b, start, i) : -1;
  }
  const brackets = delimiter === 'combined';
  let field = 0;
  let i = s;
  while (i < e) {
    while (i < e && (b[i] === SPACE || b[i] === TAB || b[i] === CR)) i++;
    if (i >= e) break;
    field++;
    const start = i;
    const open = b[i] as number;
    const close = open === QUOTE ? QUOTE : brackets && open === OPEN_BRACKET ? CLOSE_BRACKET : -1;
    if (close >= 0) {
      i++;
      while (i < e && b[i] !== close) i++;
      if (i < e) i++;
    }
    while (i < e && b[i] !== SPACE && b[i] !== TAB) i++;
    if (field === column) return wholeAddress(b, start, i);
  }
  return -1;
}

/**
 * Guess the delimiter from one line: the combined log format when the line looks like
 * `host ident user [time] "...`, else tab when it has a tab, comma when it has a comma, else space.
 */
export function detectDelimiter(b: Uint8Array, s: number, e: number): LogDelimiter {
  let i = s;
  let spaces = 0;
  for (; i < e && spaces < 3; i++) if (b[i] === SPACE) spaces++;
  if (spaces === 3 && b[i] === OPEN_BRACKET) {
    while (i < e && b[i] !== CLOSE_BRACKET) i++;
    if (b[i + 1] === SPACE && b[i + 2] === QUOTE) return 'combined';
  }
  let comma = false;
  for (i = s; i < e; i++) {
    if (b[i] === TAB) return 'tab';
    if (b[i] === COMMA) comma = true;
  }
  return comma ? 'comma' : 'space';
}
