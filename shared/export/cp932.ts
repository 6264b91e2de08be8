// shared/ has no DOM or Node typings; TextDecoder exists in browsers, workers and Node alike.
declare const TextDecoder: new (label: string) => { decode(input: Uint8Array): string };

let table: Map<number, number> | null = null;

/**
 * The Windows-31J (CP932) encoder table, built from the platform's own Shift_JIS decoder.
 *
 * Hand-written on purpose: iconv-lite needs Node's Buffer, and shared/ must run in the browser
 * too. Deriving the table from the WHATWG "shift_jis" decoder (which is CP932: NEC and IBM
 * extensions) keeps it exact. Where several byte pairs decode to one character, the first wins,
 * skipping the NEC-selected IBM extension rows (WHATWG's "index Shift_JIS pointer" rule, which is
 * also what Windows writes). Only characters that decode back to themselves are in the table, so
 * ¥ (U+00A5) is not silently written as a backslash.
 */
function cp932Table(): Map<number, number> {
  if (table) return table;
  const map = new Map<number, number>();
  const decoder = new TextDecoder('shift_jis');
  const trails: number[] = [];
  for (let t = 0x40; t <= 0xfc; t++) if (t !== 0x7f) trails.push(t);
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (lead > 0x9f && lead < 0xe0) continue;
    const bytes = new Uint8Array(trails.length * 3);
    trails.forEach((t, i) => {
      bytes[i * 3] = lead;
      bytes[i * 3 + 1] = t;
      bytes[i * 3 + 2] = 0x0a;
    });
    const parts = decoder.decode(bytes).split('\n');
    trails.forEach((t, i) => {
      const part = parts[i];
      if (part === undefined || part.length !== 1 || part === '\ufffd') return;
      const pointer = (lead - (lead < 0xa0 ? 0x81 : 0xc1)) * 188 + (t - (t < 0x7f ? 0x40 : 0x41));
      if (pointer >= 8272 && pointer <= 8835) return;
      const code = part.charCodeAt(0);
      if (!map.has(code)) map.set(code, (lead << 8) | t);
    });
  }
  // Half-width katakana are single bytes.
  for (let b = 0xa1; b <= 0xdf; b++) map.set(0xff61 + (b - 0xa1), b);
  table = map;
  return map;
}

/** The first character of `text` CP932 cannot encode, with its index, or null. */
export function findUnencodable(text: string): { char: string; index: number } | null {
  const map = cp932Table();
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (map.has(code)) continue;
    const point = text.codePointAt(i) ?? code;
    return { char: String.fromCodePoint(point), index: i };
  }
  return null;
}

/**
 * Encode text as CP932. Characters outside it become "?" (callers check first with
 * `findUnencodable` and report; they only reach here when a visible replacement was allowed).
 */
export function encodeCp932(text: string): Uint8Array {
  const map = cp932Table();
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const bytes = map.get(code);
    if (bytes === undefined) {
      out[n++] = 0x3f;
      // A surrogate pair is one character: one "?".
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) i++;
    } else if (bytes < 0x100) {
      out[n++] = bytes;
    } else {
      out[n++] = bytes >> 8;
      out[n++] = bytes & 0xff;
    }
  }
  return out.slice(0, n);
}

/** Replace every character CP932 cannot encode with "?". */
export function replaceUnencodable(text: string): string {
  const map = cp932Table();
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += ch.length === 1 && (code < 0x80 || map.has(code)) ? ch : '?';
  }
  return out;
}
