/**
 * The UTF-8 bytes of `JSON.stringify(items)` for a long array, written without making its text.
 *
 * An element shaped exactly like an imported entry (`{ ip, cidr, memo, row }`, in that order, ip
 * and memo strings, cidr null or a finite number, row a finite number) is written field by field
 * into a byte buffer: the numbers as JSON writes them, the strings as UTF-8 (through
 * JSON.stringify only when one holds a character JSON escapes, or a surrogate). Any other element
 * is JSON.stringify's own text. The bytes are always those of JSON.stringify (a property test
 * compares them), handed on about 64 KB at a time.
 *
 * Hand-written for measured speed: printing the 100,000 entries of `allowlist import --json`
 * through JSON.stringify, its two-byte text (Japanese memos) and its UTF-8 copy took more time
 * (interleaved runs of the command: 10-18 ms more of ~300; bench/import.bench.ts).
 */

const ENTRY_KEYS = ['ip', 'cidr', 'memo', 'row'] as const;
const FLUSH_AT = 1 << 16;

const encoder = new TextEncoder();

type EntryShape = { ip: string; cidr: number | null; memo: string; row: number };

function isEntryShape(item: unknown): item is EntryShape {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return false;
  if (Object.getPrototypeOf(item) !== Object.prototype) return false;
  let k = 0;
  for (const key in item) {
    if (key !== ENTRY_KEYS[k]) return false;
    k++;
  }
  if (k !== ENTRY_KEYS.length) return false;
  const e = item as Record<string, unknown>;
  return (
    typeof e.ip === 'string' &&
    (e.cidr === null || isFiniteNumber(e.cidr)) &&
    typeof e.memo === 'string' &&
    isFiniteNumber(e.row)
  );
}

/** A number JSON.stringify writes as String writes it: any finite one (NaN and ±Infinity: null). */
function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Bytes written into a buffer handed to `sink` each time about 64 KB has built up: a first flush
 * comes before the loop is optimized, so the optimized code never meets it untried.
 */
class ByteSink {
  private buffer = new Uint8Array(FLUSH_AT + 4096);
  private at = 0;
  private readonly sink: (bytes: Uint8Array) => void;
  constructor(sink: (bytes: Uint8Array) => void) {
    this.sink = sink;
  }

  /** Room for `bytes` more bytes (flushing first when the buffer is past its mark). */
  private room(bytes: number): void {
    if (this.at >= FLUSH_AT) this.flush();
    if (this.at + bytes > this.buffer.length) {
      const bigger = new Uint8Array(Math.max(this.buffer.length * 2, this.at + bytes));
      bigger.set(this.buffer.subarray(0, this.at));
      this.buffer = bigger;
    }
  }

  /** Characters all below U+0080, needing no escape. */
  ascii(text: string): void {
    this.room(text.length);
    const buffer = this.buffer;
    let at = this.at;
    for (let i = 0; i < text.length; i++) buffer[at++] = text.charCodeAt(i);
    this.at = at;
  }

  text(text: string): void {
    // At most 3 bytes per UTF-16 code unit.
    this.room(text.length * 3);
    this.at += encoder.encodeInto(text, this.buffer.subarray(this.at)).written;
  }

  /**
   * A JSON string literal of `text`, encoded here character by character (one encodeInto per
   * memo took more time than the loop); JSON.stringify's text when a character needs an escape
   * (a control character, `"`, `\`) or is a surrogate (paired or not), found on the way.
   */
  string(text: string): void {
    this.room(text.length * 3 + 2);
    const buffer = this.buffer;
    const start = this.at;
    let at = start;
    buffer[at++] = 0x22;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c < 0x20 || c === 0x22 || c === 0x5c) return this.escaped(text, start);
        buffer[at++] = c;
      } else if (c < 0x800) {
        buffer[at++] = 0xc0 | (c >> 6);
        buffer[at++] = 0x80 | (c & 0x3f);
      } else {
        if (c >= 0xd800 && c <= 0xdfff) return this.escaped(text, start);
        buffer[at++] = 0xe0 | (c >> 12);
        buffer[at++] = 0x80 | ((c >> 6) & 0x3f);
        buffer[at++] = 0x80 | (c & 0x3f);
      }
    }
    buffer[at++] = 0x22;
    this.at = at;
  }

  private escaped(text: string, start: number): void {
    this.at = start;
    this.text(JSON.stringify(text));
  }

  /** A number as JSON.stringify writes it; the digits of a uint32 written here. */
  number(value: number): void {
    if (value >>> 0 !== value) {
      this.ascii(Number.isFinite(value) ? String(value) : 'null');
      return;
    }
    this.room(10);
    const buffer = this.buffer;
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.at + digits;
    this.at = at;
    let rest = value;
    do {
      buffer[--at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    } while (rest > 0);
  }

  /** Hand the bytes so far to the sink (a buffer of their own: the sink may keep them). */
  flush(): void {
    if (this.at === 0) return;
    const full = this.buffer.subarray(0, this.at);
    this.buffer = new Uint8Array(this.buffer.length);
    this.at = 0;
    this.sink(full);
  }
}

/** Write the bytes of `JSON.stringify(items)` to `sink`, about 64 KB at a time. */
export function writeJsonArray(items: readonly unknown[], sink: (bytes: Uint8Array) => void): void {
  const out = new ByteSink(sink);
  out.ascii('[');
  for (let i = 0; i < items.length; i++) {
    if (i > 0) out.ascii(',');
    const item = items[i];
    if (isEntryShape(item)) {
      out.ascii('{"ip":');
      out.string(item.ip);
      out.ascii(',"cidr":');
      if (item.cidr === null) out.ascii('null');
      else out.number(item.cidr);
      out.ascii(',"memo":');
      out.string(item.memo);
      out.ascii(',"row":');
      out.number(item.row);
      out.ascii('}');
    } else {
      // JSON.stringify writes null for what it cannot write (undefined, a function) in an array.
      out.text(JSON.stringify(item) ?? 'null');
    }
  }
  out.ascii(']');
  out.flush();
}
