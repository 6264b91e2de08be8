/**
 * The log scanner's inner loop, in AssemblyScript compiled to WebAssembly (with SIMD): the one
 * home of how a log line's address is read (first address, or the address in a field) and of
 * the per-address count table. shared/log/scanner.ts drives it; `npm run build:wasm` compiles this
 * file into shared/log/scanner-wasm.ts, and a unit test checks that the committed module is what
 * this source compiles to.
 *
 * Hand-written on purpose: `allowlist impact` must count several million lines a second per core
 * (bench/impact.bench.ts, against grepcidr). Measured on a 2M-line access log, one thread: the
 * previous scanner in JavaScript took ~450 ms, this one ~135 ms (SIMD newline search, no bounds
 * checks, and batched table probes that overlap cache misses: ~350 ms against ~580 ms without
 * them on a log of a million distinct addresses).
 *
 * Memory (one instance per scanner): [IN, IN + capacity) holds input bytes, followed by 64 bytes
 * that `scan` zeroes so no read runs into stale bytes; the count table follows. Octets are decimal
 * only (a zero-padded `010` is 10).
 */

const NL: u32 = 10;
const CR: u32 = 13;
const SPACE: u32 = 32;
const TAB: u32 = 9;
const QUOTE: u32 = 34;
const COMMA: u32 = 44;
const DOT: u32 = 46;
const OPEN_BRACKET: u32 = 91;
const CLOSE_BRACKET: u32 = 93;
const BACKSLASH: u32 = 92;

/** Delimiter codes, in the order of LOG_DELIMITERS (shared/log/fields.ts). */
const DELIM_COMMA: u32 = 0;
const DELIM_TAB: u32 = 1;
const DELIM_COMBINED: u32 = 3;

const PAD: usize = 64;
const BATCH: u32 = 16;

/** Where the input starts, 16-byte aligned, above the module's own data. */
const IN: usize = (__heap_base + 15) & ~15;
let capacity: usize = 0;
let maxLine: u32 = 0;
/** 1-based field of the address; 0: the first address on the line. */
let column: u32 = 0;
let delimiter: u32 = 2;

/** The batch of keys waiting to be counted (BATCH u32s before the input). */
let batchBase: usize = 0;
let batched: u32 = 0;

let tableBase: usize = 0;
let bits: u32 = 12;
let size: u32 = 0;
let overflowed: u32 = 0;
/** Sum of the batch's probe loads: kept so the loads are not optimized away. */
let touched: u32 = 0;

/** Counts of the last `scan` call. */
let lines: u32 = 0;
let addresses: u32 = 0;
let overlong: u32 = 0;

/** Where the last successful address read stopped (one past the address). */
let scanEnd: usize = 0;

/** 1 when memory could not grow (the table is full: the scan traps and must be refused). */
let full: u32 = 0;

/** The most a 32-bit module's memory can address. */
const MEMORY_LIMIT: u64 = (<u64>1) << 32;

/**
 * Grow the memory to at least `end` bytes (reckoned in 64 bits: the table's next size can pass
 * 4 GB, where a 32-bit address would wrap), or set `full` and trap.
 */
function ensureMemory(end: u64): void {
  const have = (<u64>memory.size()) << 16;
  if (end <= have) return;
  if (end > MEMORY_LIMIT || memory.grow(<i32>((end - have + 65535) >> 16)) < 0) {
    full = 1;
    unreachable();
  }
}

/**
 * Set up the scanner: room for `bytes` of input, lines over `maxLineBytes` skipped, the address
 * taken from field `addressColumn` (1-based; 0: the first address on a line). Returns where the
 * input goes.
 */
export function init(bytes: u32, maxLineBytes: u32, addressColumn: u32, delimiterCode: u32): usize {
  batchBase = IN;
  capacity = <usize>bytes;
  maxLine = maxLineBytes;
  column = addressColumn;
  delimiter = delimiterCode;
  const input = IN + ((<usize>BATCH) << 2);
  tableBase = (input + capacity + PAD + 15) & ~15;
  const tableBytes = (<usize>(2 << bits)) << 2;
  ensureMemory(<u64>tableBase + <u64>tableBytes);
  memory.fill(tableBase, 0, tableBytes);
  return input;
}

export function setDelimiter(code: u32): void {
  delimiter = code;
}

function inputBase(): usize {
  return IN + ((<usize>BATCH) << 2);
}

// ---- The count table: open addressing, linear probing, key and count side by side. ----

function slotOf(key: u32): u32 {
  return (key * 0x9e3779b1) >> (32 - bits);
}

function grow(): void {
  const oldBase = tableBase;
  const oldPairs: usize = (<usize>1) << bits;
  const newBase = oldBase + (oldPairs << 3);
  // The new table goes above the old one: past 2^28 slots it would end beyond 4 GB.
  ensureMemory(<u64>newBase + ((<u64>oldPairs) << 4));
  bits += 1;
  const pairs: usize = (<usize>1) << bits;
  memory.fill(newBase, 0, pairs << 3);
  const mask: u32 = <u32>pairs - 1;
  for (let i: usize = 0; i < oldPairs; i++) {
    const at = oldBase + (i << 3);
    const count = load<u32>(at, 4);
    if (count == 0) continue;
    const key = load<u32>(at);
    let slot = slotOf(key);
    while (load<u32>(newBase + ((<usize>slot) << 3), 4) != 0) slot = (slot + 1) & mask;
    store<u32>(newBase + ((<usize>slot) << 3), key);
    store<u32>(newBase + ((<usize>slot) << 3), count, 4);
  }
  // Move the new table down over the old one, so the memory above it is free again.
  memory.copy(oldBase, newBase, pairs << 3);
}

/** Add `n` to the count of `key`; a count that would pass 2^32 - 1 sets `overflowed` instead. */
function add(key: u32, n: u32): void {
  const mask: u32 = (1 << bits) - 1;
  let slot = slotOf(key);
  for (;;) {
    const at = tableBase + ((<usize>slot) << 3);
    const count = load<u32>(at, 4);
    if (count == 0) {
      store<u32>(at, key);
      store<u32>(at, n, 4);
      size++;
      if (size * 2 > mask) grow();
      return;
    }
    if (load<u32>(at) == key) {
      if (count > 0xffffffff - n) overflowed = 1;
      else store<u32>(at, count + n, 4);
      return;
    }
    slot = (slot + 1) & mask;
  }
}

/**
 * Count the batched keys: first touch each key's slot (independent loads, so the cache misses of
 * a big table overlap), then add them one by one.
 */
function flush(): void {
  const n = batched;
  const base = batchBase;
  let sum: u32 = 0;
  for (let i: u32 = 0; i < n; i++) {
    const slot = slotOf(load<u32>(base + ((<usize>i) << 2)));
    sum += load<u32>(tableBase + ((<usize>slot) << 3), 4);
  }
  touched += sum;
  for (let i: u32 = 0; i < n; i++) add(load<u32>(base + ((<usize>i) << 2)), 1);
  batched = 0;
}

function count(key: u32): void {
  // A table of at most 2^16 slots (512 KB) stays in the core's cache: no misses to overlap.
  if (bits <= 16) {
    add(key, 1);
    return;
  }
  store<u32>(batchBase + ((<usize>batched) << 2), key);
  batched++;
  if (batched == BATCH) flush();
}

// ---- Reading addresses. ----

function isDigit(c: u32): bool {
  return c - 48 <= 9;
}

/**
 * The address starting exactly at `i`, within `[i, e)` (uint32 in an i64), or -1; sets
 * `scanEnd`. Octets are 1-3 decimal digits, at most 255; "1.2.3.2555" (a fourth digit) and
 * "1.2.3.4.5" (a fifth part) are no address.
 */
function addressAt(i: usize, e: usize): i64 {
  let value: u32 = 0;
  for (let part = 0; ; part++) {
    if (i >= e || !isDigit(load<u8>(i))) return -1;
    let n: u32 = <u32>load<u8>(i) - 48;
    i++;
    if (i < e && isDigit(load<u8>(i))) {
      n = n * 10 + <u32>load<u8>(i) - 48;
      i++;
      if (i < e && isDigit(load<u8>(i))) {
        n = n * 10 + <u32>load<u8>(i) - 48;
        i++;
        if (n > 255 || (i < e && isDigit(load<u8>(i)))) return -1;
      }
    }
    value = (value << 8) | n;
    if (part == 3) break;
    if (i >= e || load<u8>(i) != DOT) return -1;
    i++;
  }
  if (i + 1 < e && load<u8>(i) == DOT && isDigit(load<u8>(i + 1))) return -1;
  scanEnd = i;
  return <i64>value;
}

/** The first address of `[s, e)` that does not continue a number or an address, or -1. */
function firstAddress(s: usize, e: usize): i64 {
  for (let i = s; i < e; i++) {
    if (!isDigit(load<u8>(i))) continue;
    if (i > s) {
      const p = <u32>load<u8>(i - 1);
      if (isDigit(p) || p == DOT) continue;
    }
    const v = addressAt(i, e);
    if (v >= 0) return v;
  }
  return -1;
}

/** The value of the `l` (1-3) digits ending just before `at`; at most 999. Reads `at - 3`. */
function octetBefore(at: usize, l: u32): u32 {
  // The three bytes before `at`, the first (3 - l) of them masked off: no branch on `l`.
  const keep: u32 = (0xffffff << ((3 - l) << 3)) & 0xffffff;
  const x = (load<u32>(at - 3) & keep) - (0x303030 & keep);
  return (x & 0xff) * 100 + ((x >> 8) & 0xff) * 10 + ((x >> 16) & 0xff);
}

/**
 * `addressAt(p, end of line)` for the address that starts a line, faster and without a branch
 * per digit: the digits and dots of the first 16 bytes as two bitmasks (SIMD), each octet's
 * length from them (ctz), its value read from its bytes. No read is bounded, since the bytes
 * after the input are zeroed (`seal`). Measured on the bench's 2M-line access log, one thread,
 * best of 25 interleaved runs: the whole scan 106 ms with a branch per digit (octet lengths vary,
 * so those branches mispredict), 86 ms this way. (Another branch-free SIMD form, tried in an
 * earlier round, measured slower: ~230 ms against ~135 ms then.)
 */
function leadingAddress(p: usize): i64 {
  const v = v128.load(p);
  const digits: u32 = i8x16.bitmask(i8x16.lt_u(i8x16.sub(v, i8x16.splat(48)), i8x16.splat(10)));
  const dots: u32 = i8x16.bitmask(i8x16.eq(v, i8x16.splat(<i8>DOT)));
  // The first three dots, each found from the one before by clearing its bit (a chain of 1-cycle
  // steps; the positions' ctz do not wait on each other), then the fourth run of digits. Measured
  // one thread on the bench's logs (best of 7, interleaved): the scan 76.3 -> 71.2 ms and
  // 177.2 -> 170.4 ms against finding each run's end from the one before.
  const d1: u32 = ctz(dots);
  const rest = dots & (dots - 1);
  const d2: u32 = ctz(rest);
  const d3: u32 = ctz(rest & (rest - 1));
  const l2 = d2 - d1 - 1;
  const l3 = d3 - d2 - 1;
  const l4: u32 = ctz(~(digits >> (d3 + 1)));
  // Octets of 1-3 digits (a missing dot makes a length out of range, as 0 does by wrapping).
  if (((d1 - 1 <= 2) & (l2 - 1 <= 2) & (l3 - 1 <= 2) & (l4 - 1 <= 2)) == 0) return -1;
  const end = d3 + 1 + l4;
  // Nothing but digits and those dots before the end.
  const span: u32 = (1 << end) - 1;
  if (((digits | dots) & span) != span) return -1;
  // "1.2.3.4.5" is no address; "1.2.3.4." (a sentence's full stop) is.
  if (load<u8>(p + end) == DOT && isDigit(load<u8>(p + end + 1))) return -1;
  const o1 = octetBefore(p + d1, d1);
  const o2 = octetBefore(p + d2, l2);
  const o3 = octetBefore(p + d3, l3);
  const o4 = octetBefore(p + end, l4);
  if ((o1 | o2 | o3 | o4) > 255) return -1;
  scanEnd = p + end;
  return <i64>((o1 << 24) | (o2 << 16) | (o3 << 8) | o4);
}

function isPad(c: u32): bool {
  return c == SPACE || c == QUOTE || c == TAB || c == CR || c == OPEN_BRACKET || c == CLOSE_BRACKET;
}

/** The address that is the whole of `[start, end)`, quotes, brackets and spaces aside, or -1. */
function wholeAddress(start: usize, end: usize): i64 {
  while (start < end && isPad(load<u8>(start))) start++;
  while (end > start && isPad(load<u8>(end - 1))) end--;
  const v = addressAt(start, end);
  return v >= 0 && scanEnd == end ? v : -1;
}

/**
 * The address that is the whole of field `column` (1-based) of `[s, e)`, or -1.
 * - comma, tab: one separator byte between fields; a field may be double-quoted (CSV: a quote
 *   opens a quoted field only at its start).
 * - space: runs of spaces or tabs separate fields; `"..."` groups words into one field.
 * - combined (Apache/nginx): as space, and `[...]` groups too, so the time is one field; inside
 *   `"..."` a backslash escapes the next byte (Apache's `\"`).
 */
function fieldAddress(s: usize, e: usize): i64 {
  if (delimiter == DELIM_COMMA || delimiter == DELIM_TAB) {
    const sep = delimiter == DELIM_COMMA ? COMMA : TAB;
    let start = s;
    for (let field: u32 = 1; ; field++) {
      // CSV: a field is quoted when it starts (spaces aside) with a quote; it then runs to the
      // quote that closes it ("" inside is a quote) and on to the separator. A quote anywhere
      // else is text, so a lone one in a request or user agent swallows no separator.
      let i = start;
      while (i < e && load<u8>(i) == SPACE) i++;
      if (i < e && load<u8>(i) == QUOTE) {
        i++;
        while (i < e) {
          if (load<u8>(i) == QUOTE) {
            if (i + 1 < e && load<u8>(i + 1) == QUOTE) i++;
            else break;
          }
          i++;
        }
      }
      while (i < e && <u32>load<u8>(i) != sep) i++;
      if (field == column) return wholeAddress(start, i);
      if (i >= e) return -1;
      start = i + 1;
    }
  }
  const brackets = delimiter == DELIM_COMBINED;
  let field: u32 = 0;
  let i = s;
  while (i < e) {
    while (i < e && (load<u8>(i) == SPACE || load<u8>(i) == TAB || load<u8>(i) == CR)) i++;
    if (i >= e) break;
    field++;
    const start = i;
    const open = <u32>load<u8>(i);
    const close: u32 = open == QUOTE ? QUOTE : brackets && open == OPEN_BRACKET ? CLOSE_BRACKET : 0;
    if (close != 0) {
      i++;
      // Apache writes a quote inside "..." as \" (and a backslash as \\): escaped, it closes nothing.
      const escapes = brackets && close == QUOTE;
      while (i < e && <u32>load<u8>(i) != close) i += escapes && load<u8>(i) == BACKSLASH ? 2 : 1;
      if (i < e) i++;
      else i = e; // a backslash that ended the line
    }
    while (i < e && load<u8>(i) != SPACE && load<u8>(i) != TAB) i++;
    if (field == column) return wholeAddress(start, i);
  }
  return -1;
}

/** Whether the line `[pos, nl)` is over the cap, measured without a "\r" that ends it (CRLF). */
function overCap(pos: usize, nl: usize): bool {
  let length = <u32>(nl - pos);
  if (length != 0 && <u32>load<u8>(nl - 1) == CR) length--;
  return length > maxLine;
}

/** `overCap` for input line `[from, nl)` (offsets from the input's start), for the driver. */
export function lineOverCap(from: u32, nl: u32): u32 {
  const base = inputBase();
  return overCap(base + <usize>from, base + <usize>nl) ? 1 : 0;
}

/**
 * The first newline in `[p, end)`, or `end`; may read up to 63 bytes past `end` (the zeroed pad:
 * `seal`). 64 bytes a step, four compares tested at once: with the search starting at the line's
 * start (see `scan`), the whole scan 1-5% faster than 16 bytes a step (one thread, the bench's
 * logs); starting where the address ends, no faster.
 */
function newline(p: usize, end: usize): usize {
  const nl = i8x16.splat(<i8>NL);
  while (p < end) {
    const a = i8x16.eq(v128.load(p), nl);
    const b = i8x16.eq(v128.load(p, 16), nl);
    const c = i8x16.eq(v128.load(p, 32), nl);
    const d = i8x16.eq(v128.load(p, 48), nl);
    if (v128.any_true(v128.or(v128.or(a, b), v128.or(c, d)))) {
      const m: u64 =
        (<u64>i8x16.bitmask(a)) |
        ((<u64>i8x16.bitmask(b)) << 16) |
        ((<u64>i8x16.bitmask(c)) << 32) |
        ((<u64>i8x16.bitmask(d)) << 48);
      const at = p + <usize>ctz(m);
      return at < end ? at : end;
    }
    p += 64;
  }
  return end;
}

/** The input is `[0, to)`: zero the bytes after it, so no read runs into stale bytes. */
export function seal(to: u32): void {
  memory.fill(inputBase() + <usize>to, 0, PAD);
}

/** Offset (from the input's start) of the first newline in `[from, to)`, or -1. */
export function findNewline(from: u32, to: u32): i32 {
  const base = inputBase();
  const at = newline(base + <usize>from, base + <usize>to);
  return at < base + <usize>to ? <i32>(at - base) : -1;
}

/**
 * Count the complete lines of input bytes `[from, to)`: each line's address into the table, lines
 * over the cap (`overCap`) skipped and counted (`seal` must have been called for the input's end). Returns the offset where the incomplete last line starts
 * (`to` when the bytes end with a newline); the counts are read with `scanned*`.
 */
export function scan(from: u32, to: u32): u32 {
  const base = inputBase();
  const end = base + <usize>to;
  let pos = base + <usize>from;
  let nLines: u32 = 0;
  let nAddresses: u32 = 0;
  let nOverlong: u32 = 0;
  if (column == 0) {
    for (;;) {
      // The newline is searched from the line's start, not from where its address ends: the two
      // searches then do not wait on each other and run side by side in the processor. Measured
      // with 64-byte steps, one thread: the bench's logs scanned 7-8% faster (82.6 -> 76.8 ms and
      // 207.6 -> 190.5 ms, best of 7, interleaved).
      const nl = newline(pos, end);
      let v = leadingAddress(pos);
      if (nl >= end) break;
      nLines++;
      if (overCap(pos, nl)) nOverlong++;
      else {
        if (v < 0) v = firstAddress(pos, nl);
        if (v >= 0) {
          nAddresses++;
          count(<u32>v);
        }
      }
      pos = nl + 1;
    }
  } else {
    for (;;) {
      const nl = newline(pos, end);
      if (nl >= end) break;
      nLines++;
      if (overCap(pos, nl)) nOverlong++;
      else {
        const v = fieldAddress(pos, nl);
        if (v >= 0) {
          nAddresses++;
          count(<u32>v);
        }
      }
      pos = nl + 1;
    }
  }
  flush();
  lines = nLines;
  addresses = nAddresses;
  overlong = nOverlong;
  return <u32>(pos - base);
}

/** Move input bytes `[from, to)` to the input's start (the carried incomplete line). */
export function carry(from: u32, to: u32): void {
  const base = inputBase();
  memory.copy(base, base + <usize>from, <usize>(to - from));
}

/** Add `pairs` (key, count) pairs placed at the input's start into the table (merging tables). */
export function absorb(pairs: u32): void {
  const base = inputBase();
  for (let i: u32 = 0; i < pairs; i++) {
    const at = base + ((<usize>i) << 3);
    const n = load<u32>(at, 4);
    if (n != 0) add(load<u32>(at), n);
  }
}

// ---- Judging the table against a list: the matcher's merged intervals. ----

let listBase: usize = 0;
let listLength: u32 = 0;
let deniedBase: usize = 0;
let deniedPairs: u32 = 0;
let candidatePairs: u32 = 0;
/** Counts of denied keys by count (the last bin: that count or more), for `judge`'s threshold. */
const HISTOGRAM_BINS: u32 = 1024;
let allowedLines: f64 = 0;
let deniedLines: f64 = 0;

/**
 * Room above the table for `n` merged intervals (`n` starts, then `n` inclusive ends, u32, sorted
 * and disjoint: shared/allowlist/match.ts's `intervals`), their /16 bucket index, and the denied
 * (key, count) pairs `judge` writes. Returns where the starts go, or 0 when they do not fit in the
 * memory (the last room stays as it was).
 */
export function listRoom(n: u32): usize {
  // Reckoned in 64 bits: a list of 2^29 intervals is 4 GB, which a 32-bit address would wrap
  // to a room overlapping the table.
  const list: u64 = (<u64>tableBase + ((<u64>(2 << bits)) << 2) + 15) & ~15;
  const denied: u64 = (list + ((<u64>n) << 3) + ((<u64>(65537 + HISTOGRAM_BINS)) << 2) + 15) & ~15;
  const end = denied + ((<u64>size) << 3);
  // No room: 0, for the driver to refuse in words (the table itself is fine, so `full` stays 0).
  const have = (<u64>memory.size()) << 16;
  if (end > MEMORY_LIMIT) return 0;
  if (end > have && memory.grow(<i32>((end - have + 65535) >> 16)) < 0) return 0;
  listBase = <usize>list;
  listLength = n;
  deniedBase = <usize>denied;
  return listBase;
}

/**
 * Judge every key of the table against the intervals put at `listRoom`: the lines of allowed and
 * of denied keys (`judgedAllowedLines`, `judgedDeniedLines`), the number of denied keys
 * (`judgedDeniedPairs`), and, written in table order at `deniedPtr`, the denied keys (with their
 * counts) that can be among the `top` most frequent: every one whose count is at least the
 * `top`-th largest (`judgedCandidates` of them; none when `top` is 0). The table is left as it
 * is. The lookup is compileMatcher's `allowsUint32` (shared/allowlist/match.ts): the intervals of
 * the key's /16 bucket, binary-searched for the first that ends at or after the key; a unit test
 * checks the two agree.
 */
export function judge(top: u32): void {
  const n = listLength;
  const starts = listBase;
  const ends = listBase + ((<usize>n) << 2);
  const buckets = ends + ((<usize>n) << 2);
  const histogram = buckets + ((<usize>65537) << 2);
  memory.fill(histogram, 0, (<usize>HISTOGRAM_BINS) << 2);
  // buckets[b]: the first interval ending at or after b * 65536 (n: none).
  let first: u32 = 0;
  for (let b: u32 = 0; b <= 65536; b++) {
    const bucketStart: u64 = (<u64>b) << 16;
    while (first < n && <u64>load<u32>(ends + ((<usize>first) << 2)) < bucketStart) first++;
    store<u32>(buckets + ((<usize>b) << 2), first);
  }
  let allowed: f64 = 0;
  let denied: f64 = 0;
  let out = deniedBase;
  const pairs: usize = (<usize>1) << bits;
  for (let i: usize = 0; i < pairs; i++) {
    const at = tableBase + (i << 3);
    const count = load<u32>(at, 4);
    if (count == 0) continue;
    const key = load<u32>(at);
    const bucket = <usize>(key >>> 16);
    let lo = load<u32>(buckets + (bucket << 2));
    let hi = load<u32>(buckets + ((bucket + 1) << 2));
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (load<u32>(ends + ((<usize>mid) << 2)) < key) lo = mid + 1;
      else hi = mid;
    }
    if (lo < n && load<u32>(starts + ((<usize>lo) << 2)) <= key) {
      allowed += <f64>count;
    } else {
      denied += <f64>count;
      store<u32>(out, key);
      store<u32>(out, count, 4);
      out += 8;
      const bin = count < HISTOGRAM_BINS ? count : HISTOGRAM_BINS - 1;
      const h = histogram + ((<usize>bin) << 2);
      store<u32>(h, load<u32>(h) + 1);
    }
  }
  allowedLines = allowed;
  deniedLines = denied;
  deniedPairs = <u32>((out - deniedBase) >> 3);
  // The lowest count among the `top` largest, as low as its bin (the last bin's keys all stay).
  let threshold: u32 = 1;
  let seen: u32 = 0;
  for (let bin: u32 = HISTOGRAM_BINS - 1; bin >= 1; bin--) {
    seen += load<u32>(histogram + ((<usize>bin) << 2));
    if (seen >= top) {
      threshold = bin;
      break;
    }
  }
  let kept: usize = deniedBase;
  if (top != 0) {
    for (let at = deniedBase; at < out; at += 8) {
      const count = load<u32>(at, 4);
      if (count < threshold) continue;
      store<u32>(kept, load<u32>(at));
      store<u32>(kept, count, 4);
      kept += 8;
    }
  }
  candidatePairs = <u32>((kept - deniedBase) >> 3);
}

export function judgedAllowedLines(): f64 {
  return allowedLines;
}
export function judgedDeniedLines(): f64 {
  return deniedLines;
}
export function judgedDeniedPairs(): u32 {
  return deniedPairs;
}
export function judgedCandidates(): u32 {
  return candidatePairs;
}
export function deniedPtr(): usize {
  return deniedBase;
}

/**
 * Move the table's (key, count) pairs together at its start, in table order, for handing them to
 * another scanner's `absorb`; returns how many. The table is spent: no key can be found after.
 */
export function pack(): u32 {
  const pairs: usize = (<usize>1) << bits;
  let out = tableBase;
  for (let i: usize = 0; i < pairs; i++) {
    const at = tableBase + (i << 3);
    const count = load<u32>(at, 4);
    if (count == 0) continue;
    store<u32>(out, load<u32>(at));
    store<u32>(out, count, 4);
    out += 8;
  }
  return <u32>((out - tableBase) >> 3);
}

export function scannedLines(): u32 {
  return lines;
}
export function scannedAddresses(): u32 {
  return addresses;
}
export function scannedOverlong(): u32 {
  return overlong;
}
export function tablePtr(): usize {
  return tableBase;
}
/** The table's length in u32s (two per slot). */
export function tableLength(): u32 {
  return 2 << bits;
}
export function tableSize(): u32 {
  return size;
}
/** 1 when a count would have passed 2^32 - 1 (the scan must be refused). */
export function tableOverflowed(): u32 {
  return overflowed;
}
/** 1 when the module's memory could not grow for the table (a call trapped). */
export function tableFull(): u32 {
  return full;
}
