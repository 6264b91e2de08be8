import Papa from 'papaparse';
import type { Row, RowFlaw, SourceFormat } from './table.ts';

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Split CSV/TSV text into rows with papaparse (RFC 4180 quoting: commas, quotes and line breaks
 * inside quoted fields).
 *
 * The delimiter is guessed by papaparse among comma, tab and semicolon unless given (`guessed`:
 * guessDelimiter's guess for this text, already made). Empty lines are kept so that row N here is
 * row N in Excel (one record per row, even when a quoted field spans several lines).
 *
 * `flaws` are the rows (1-based) not read as their text says, each with why (table.ts RowFlaw):
 * where papaparse found a quote not closed where it should be (`"Tokyo" office`, an unterminated
 * `"Osaka`; it then reads on to the next quote, or to the end, as one cell), or, for well-formed
 * text, where a line break of another kind than the file's stands outside quotes (an LF line
 * appended to a CRLF file: it is read into the row before it). papaparse's own parse tells no
 * such line breaks: a file with malformed quotes has its stray line breaks unsaid.
 */
export function parseDelimited(
  text: string,
  delimiter?: string,
  guessed?: DelimiterGuess,
): { rows: Row[]; delimiter: string; format: SourceFormat; flaws: Map<number, RowFlaw> } {
  const guess = delimiter === undefined ? (guessed ?? guessDelimiter(text)) : undefined;
  const used = delimiter ?? guess?.delimiter ?? ',';
  const newline = guess?.newline;
  const flaws = new Map<number, RowFlaw>();
  const strayRows: number[] = [];
  let rows = newline === undefined ? null : wellFormedRecords(text, used, newline, strayRows);
  if (rows !== null) {
    for (const row of strayRows) flaws.set(row, 'IMPORT_STRAY_LINE_BREAK');
  } else {
    const parsed = Papa.parse<string[]>(text, {
      delimiter: used,
      // The line break the guess already found (papaparse's own guess, over the first megabyte,
      // would run again: a measured share of a 100,000-row import).
      ...(newline === undefined ? {} : { newline }),
      skipEmptyLines: false,
      header: false,
      dynamicTyping: false,
    });
    rows = parsed.data;
    for (const error of parsed.errors)
      if (error.type === 'Quotes' && error.row !== undefined)
        flaws.set(error.row + 1, 'IMPORT_MALFORMED_QUOTES');
  }
  // papaparse reports the final line break as one more empty record; Excel shows no such row.
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '') rows.pop();
  return { rows, delimiter: used, format: delimitedFormat(used), flaws };
}

/** The format a delimiter makes: TSV, semicolon-separated or CSV. */
export function delimitedFormat(delimiter: string): SourceFormat {
  return delimiter === '\t' ? 'tsv' : delimiter === ';' ? 'ssv' : 'csv';
}

/**
 * Guess the delimiter on the first 50 non-empty records, and the line break (guessLineBreak,
 * papaparse's guess), for the full parse.
 *
 * papaparse's own guess counts empty lines (a final line break makes a two-column file look
 * inconsistent), so the guess runs on a preview that skips them; the full parse keeps them.
 */
export type DelimiterGuess = { delimiter: string; newline: LineBreak };

export function guessDelimiter(text: string): DelimiterGuess {
  const newline = guessLineBreak(text);
  const preview = Papa.parse<string[]>(text, {
    preview: 50,
    newline,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  });
  return { delimiter: preview.meta.delimiter || ',', newline };
}

export type LineBreak = '\r\n' | '\n' | '\r';

/** papaparse's line-break guess reads the text's first megabyte (1,048,576 UTF-16 units). */
const LINE_BREAK_WINDOW = 1024 * 1024;

/**
 * The line break papaparse guesses for `text` (its guessLineEndings, 5.x), computed in one pass
 * without copying: over the first megabyte with every quoted span (`"` to the next `"`) taken
 * out, `\n` when there is no `\r` or a `\n` comes first; else `\r\n` when at least half the
 * pieces between `\r`s start with `\n`, else `\r`. A property test checks it against papaparse.
 *
 * Written here for speed, measured: papaparse's guess (a regex replace and two splits of the
 * megabyte) was 17 ms of the 260 of `allowlist import --json` on 100,000 rows.
 */
export function guessLineBreak(text: string): LineBreak {
  // papaparse drops a leading U+FEFF before it guesses: its megabyte starts after it.
  const start = byteOrderMarkLength(text);
  const end = Math.min(text.length, start + LINE_BREAK_WINDOW);
  let cr = 0;
  // A \r followed by \n once the quoted spans are out (pieces after a \r starting with \n).
  let crlf = 0;
  let afterCr = false;
  let newlineFirst = false;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      const close = nextQuote(text, i + 1);
      // A quoted span goes, and what was around it meets; a quote left open stays, as a character.
      if (close !== -1 && close < end) i = close;
      else afterCr = false;
    } else if (c === 13) {
      cr++;
      afterCr = true;
    } else {
      if (c === 10) {
        if (cr === 0) newlineFirst = true;
        if (afterCr) crlf++;
      }
      afterCr = false;
    }
  }
  if (cr === 0 || newlineFirst) return '\n';
  return crlf >= (cr + 1) / 2 ? '\r\n' : '\r';
}

/**
 * 1 when `text` starts with U+FEFF, which papaparse takes off a text before reading it (left
 * there when a file was saved with two byte order marks: the decoder takes off the first).
 */
function byteOrderMarkLength(text: string): number {
  return text.charCodeAt(0) === 0xfeff ? 1 : 0;
}

/**
 * The records papaparse gives for `text` (with this delimiter and line break, empty lines kept),
 * for text whose every quoted field is well formed; null as soon as one is not, and papaparse
 * parses the text instead. RecordCursor reads them one at a time. `strayRows` gets the records
 * (1-based) with a stray line break (RecordCursor.strayBreak).
 */
export function wellFormedRecords(
  text: string,
  delimiter: string,
  newline: string,
  strayRows?: number[],
): Row[] | null {
  const cursor = new RecordCursor(text, delimiter, newline);
  const records: Row[] = [];
  for (;;) {
    const read = cursor.next();
    if (read === null) return null;
    if (!read) return records;
    records.push(cursor.fields.slice(0, cursor.count));
    if (cursor.strayBreak) strayRows?.push(records.length);
  }
}

/**
 * wellFormedRecords one record at a time, into one scratch array: the import of a big file turns
 * each record into its entry at once, and keeps no array per row (measured: the rows of a
 * 100,000-row file, kept, were a third of the time of reading them, in garbage collection).
 *
 * Well formed: a field that starts with a quote ends with the quote followed by the delimiter,
 * the line break or the end of the text, with only doubled quotes (`""`) inside. That is what
 * Excel and the service write; papaparse's leniencies (spaces after a closing quote, stray or
 * missing quotes) stay papaparse's. A field that does not start with a quote runs to the next
 * delimiter or line break, as in papaparse. A property test checks the two agree on random text.
 *
 * Hand-written for speed, measured: papaparse took 130-210 ms of CPU on a 100,000-row file of
 * quoted fields (2-3x the bare read + decode + split + regex pass of bench/import.bench.ts), this
 * 45-50 ms; the quoted-field path of papaparse slices and regex-replaces every field.
 */
export class RecordCursor {
  /** The fields of the record last read: the first `count` (the rest is left from others). */
  readonly fields: string[] = [];
  count = 0;
  /** The record last read was the text's last. */
  last = false;
  /**
   * The record last read has a line break of another kind than `newline` outside quotes (a CR or
   * an LF of its own in a CRLF text, a CR in an LF text, an LF in a CR text): papaparse, like
   * this cursor, reads it as part of a field, so the line after it is in this record; a
   * spreadsheet program shows it as a row of its own.
   */
  strayBreak = false;
  private readonly text: string;
  private readonly delimiter: string;
  private readonly newline: string;
  private readonly d: number;
  private readonly nl0: number;
  private readonly nl1: number;
  private i = 0;
  // The next delimiter and line break at or after i (-1: none left), searched only when a field
  // without quotes needs them and they are behind: a file without delimiters must not cost one
  // search of the rest per line, one of quoted fields costs none. -2: not searched yet.
  private nextDelimiter = -2;
  private nextNewline = -2;
  // The next \r and \n at or after i, searched the same way, for stray line breaks; -1 for
  // good when that character is no stray one (the \n of an LF text, the \r of a CR text).
  private nextCr: number;
  private nextLf: number;
  /** Not well formed, or not a delimiter and line break this cursor reads: null from next(). */
  private broken: boolean;

  constructor(text: string, delimiter: string, newline: string) {
    this.text = text;
    this.delimiter = delimiter;
    this.newline = newline;
    this.d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1;
    this.nl0 = newline.charCodeAt(0);
    this.nl1 = newline.length === 2 ? newline.charCodeAt(1) : -1;
    this.nextCr = newline === '\r' ? -1 : -2;
    this.nextLf = newline === '\n' ? -1 : -2;
    // papaparse reads the text after a leading U+FEFF: its first field may be quoted.
    this.i = byteOrderMarkLength(text);
    // An empty text has no record; any other has at least one (maybe one empty field).
    this.last = text.length === this.i;
    this.broken = !this.last && (this.d < 0 || newline.length === 0);
  }

  /** Read the next record: true when read, false after the last one, null when not well formed. */
  next(): boolean | null {
    if (this.broken) return null;
    if (this.last) return false;
    const { text, fields, d, nl0, nl1, delimiter, newline } = this;
    const length = text.length;
    let i = this.i;
    let count = 0;
    this.strayBreak = false;
    for (;;) {
      if (text.charCodeAt(i) === 34 /* " */) {
        let close = nextQuote(text, i + 1);
        let doubled = false;
        while (close !== -1 && text.charCodeAt(close + 1) === 34) {
          doubled = true;
          close = nextQuote(text, close + 2);
        }
        if (close === -1) return this.break();
        const value = text.substring(i + 1, close);
        fields[count++] = doubled ? value.replaceAll('""', '"') : value;
        const after = close + 1;
        if (after === length) return this.end(count, true);
        const next = text.charCodeAt(after);
        if (next === d) i = after + 1;
        else if (next === nl0 && (nl1 < 0 || text.charCodeAt(after + 1) === nl1)) {
          this.i = after + newline.length;
          return this.end(count, false);
        } else return this.break();
        continue;
      }
      if (this.nextDelimiter !== -1 && this.nextDelimiter < i)
        this.nextDelimiter = text.indexOf(delimiter, i);
      if (this.nextNewline !== -1 && this.nextNewline < i)
        this.nextNewline = text.indexOf(newline, i);
      const nextDelimiter = this.nextDelimiter;
      const nextNewline = this.nextNewline;
      const delimited = nextDelimiter !== -1 && (nextNewline === -1 || nextDelimiter < nextNewline);
      const end = delimited ? nextDelimiter : nextNewline !== -1 ? nextNewline : length;
      // A \r or \n before the field's end is none of `newline` (which would have ended it).
      if (this.nextCr !== -1 && this.nextCr < i) this.nextCr = text.indexOf('\r', i);
      if (this.nextLf !== -1 && this.nextLf < i) this.nextLf = text.indexOf('\n', i);
      if ((this.nextCr !== -1 && this.nextCr < end) || (this.nextLf !== -1 && this.nextLf < end))
        this.strayBreak = true;
      fields[count++] = text.substring(i, end);
      if (delimited) {
        i = nextDelimiter + 1;
        continue;
      }
      if (nextNewline !== -1) {
        this.i = nextNewline + newline.length;
        return this.end(count, false);
      }
      return this.end(count, true);
    }
  }

  private end(count: number, last: boolean): true {
    this.count = count;
    this.last = last;
    return true;
  }

  private break(): null {
    this.broken = true;
    return null;
  }
}

/**
 * The index of the next `"` at or after `from`, or -1: indexOf's, by a loop. Fields are short, and
 * a call of indexOf cost ~50 ns, a third of reading a quoted field (measured on 100,000 rows).
 */
function nextQuote(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text.charCodeAt(i) === 34) return i;
  return -1;
}
