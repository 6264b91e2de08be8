import { ImportError } from './errors.ts';
import type { TextEncodingName } from './table.ts';

// shared/ has no DOM or Node typings; TextDecoder exists in browsers, workers and Node alike.
declare const TextDecoder: new (
  label: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => { decode(input: Uint8Array): string };

/**
 * Decode a text file, sniffing its encoding from the bytes.
 *
 * BOM first (UTF-8, UTF-16 LE/BE), then strict UTF-8, then strict Shift_JIS (the WHATWG
 * "shift_jis" decoder is Windows-31J/CP932: NEC and IBM extensions included). Nothing is decoded
 * leniently: a byte sequence neither encoding accepts is an error, never a replacement character.
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) {
    return { text: strict('utf-8', bytes.subarray(3), 'UTF-8'), encoding: 'utf-8-bom' };
  }
  if (b0 === 0xff && b1 === 0xfe) {
    return { text: strict('utf-16le', bytes.subarray(2), 'UTF-16 LE'), encoding: 'utf-16le' };
  }
  if (b0 === 0xfe && b1 === 0xff) {
    return { text: strict('utf-16be', bytes.subarray(2), 'UTF-16 BE'), encoding: 'utf-16be' };
  }
  const utf8 = tryDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };
  const sjis = tryDecode('shift_jis', bytes);
  if (sjis !== null) return { text: sjis, encoding: 'shift_jis' };
  throw new ImportError(
    'UNKNOWN_ENCODING',
    'The file is neither UTF-8, UTF-16 (with BOM) nor Shift_JIS text, and not an Excel workbook.',
  );
}

/**
 * True when decoded text looks like binary data rather than a table.
 *
 * NUL and most C0 control characters never occur in CSV/TSV written by people or by Excel.
 */
export function looksBinary(text: string): boolean {
  const sample = text.length > 65536 ? text.slice(0, 65536) : text;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) return true;
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > 8 && controls > sample.length / 1000;
}

function tryDecode(label: string, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function strict(label: string, bytes: Uint8Array, name: string): string {
  const text = tryDecode(label, bytes);
  if (text === null) {
    throw new ImportError(
      'UNKNOWN_ENCODING',
      `The file starts with a ${name} byte order mark but is not valid ${name} text.`,
      { encoding: name },
    );
  }
  return text;
}
