import { MAX_MEMO_LENGTH } from '../shared/allowlist/model.ts';

/** Bytes a JSON string takes when every character is written as `\uXXXX`. */
function escaped(text: string): number {
  return 2 + 6 * text.length;
}

/** Room per entry for whitespace a pretty-printer adds (indentation, line breaks, spaces). */
const WHITESPACE_PER_ENTRY = 256;
/** Room for the envelope (`mode`, `entries`, their whitespace) however it is written. */
const ENVELOPE = 64 * 1024;

/**
 * The largest entry a client can send for a valid list, in bytes: every key and value string
 * `\u`-escaped (the memo's 1,000 characters all outside the BMP, so each is a `\uD83D\uDE00`
 * surrogate pair: 12 bytes), the longest address (`255.255.255.255`), `null` as the prefix, the
 * punctuation, a separating comma and WHITESPACE_PER_ENTRY for pretty-printing. 12,428 bytes.
 */
export const MAX_ENTRY_BYTES =
  escaped('ip') +
  escaped('255.255.255.255') +
  escaped('cidr') +
  'null'.length +
  escaped('memo') +
  2 +
  12 * MAX_MEMO_LENGTH + // the memo: a quote, 1,000 surrogate pairs, a quote
  '{:,:,:}'.length +
  ','.length +
  WHITESPACE_PER_ENTRY;

/**
 * The request body limit: a `maxEntries`-entry list as MAX_ENTRY_BYTES describes fits, plus the
 * envelope. For the default 1,000 entries: 12,493,536 bytes (11.9 MiB).
 */
export function bodyLimitFor(maxEntries: number): number {
  return ENVELOPE + maxEntries * MAX_ENTRY_BYTES;
}
