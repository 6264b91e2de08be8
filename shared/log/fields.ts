/**
 * The delimiters of log fields, and how one is guessed from a line's bytes. How an address is
 * read from a line or a field lives in the scanner's WebAssembly module (wasm/log-scanner.ts);
 * a delimiter's code there is its index in LOG_DELIMITERS.
 */

/** How the fields of a log line are separated (for `--column`). */
export type LogDelimiter = 'comma' | 'tab' | 'space' | 'combined';

/** Every delimiter, in the order the CLI lists them. */
export const LOG_DELIMITERS: readonly LogDelimiter[] = ['comma', 'tab', 'space', 'combined'];

const QUOTE = 34;
const COMMA = 44;
const TAB = 9;
const SPACE = 32;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

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
