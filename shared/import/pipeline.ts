import type { Problem } from '../allowlist/model.ts';
import {
  delimitedFormat,
  guessDelimiter,
  parseDelimited,
  RecordCursor,
  type DelimiterGuess,
} from './delimited.ts';
import { ImportError } from './errors.ts';
import {
  addressesAboveData,
  detectMapping,
  MAPPING_ROWS,
  noHeaderProblem,
  type ColumnMapping,
} from './header.ts';
import { basicProblems, entryProblems } from './list-problems.ts';
import { RowConverter, rowsToEntries, type ImportedEntry } from './rows.ts';
import type { Row, RowFlaw, Sheet, SourceFormat, TextEncodingName } from './table.ts';
import { decodeText, looksBinary } from './text.ts';
import { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
import { compoundFileError, isCompoundFile, readXlsx } from './xlsx.ts';
import { isZip } from './zip-guard.ts';

/**
 * The import pipeline: bytes -> sniff (zip? encoding) -> table of rows -> header detection ->
 * column mapping -> per-row entries with problems -> `{ entries, problems, stats }`
 * (docs/architecture.md "Import pipeline"). shared/import/index.ts is its public face.
 */

export type ImportProgress = { done: number; total: number };

/** Structural AbortSignal: shared/ has no DOM typings, and this is all the import needs. */
export type AbortSignalLike = { readonly aborted: boolean };

export type ImportOptions = {
  /** Sheet name (XLSX); default: the first sheet holding IP data. */
  sheet?: string;
  /** Column mapping chosen by the user; default: detected. */
  mapping?: ColumnMapping;
  onProgress?: (progress: ImportProgress) => void;
  signal?: AbortSignalLike;
  limits?: Partial<ImportLimits>;
  /**
   * Also run the full list validation (validateConfig: non-global and overly broad networks,
   * duplicates and coverage) and report it by row. Default false: the import reports what it did
   * with each row, plus memo length and the entry limit; the app validates the working copy on
   * every change anyway. The CLI's list reader turns it on.
   */
  validate?: boolean;
};

export type ImportStats = {
  format: SourceFormat;
  encoding?: TextEncodingName;
  delimiter?: string;
  /** Rows from the first data row to the last row of the sheet. */
  rows: number;
  /** Data rows that were blank. */
  blankRows: number;
  /** Data rows that gave at least one entry. */
  importedRows: number;
  /** Data rows with an error (no entry taken from them). */
  errorRows: number;
  entries: number;
  errors: number;
  warnings: number;
};

export type ImportResult = {
  entries: ImportedEntry[];
  problems: Problem[];
  mapping: ColumnMapping;
  /** Header cells of the chosen sheet (empty without a header row), for showing the mapping. */
  headers: string[];
  stats: ImportStats;
  /** XLSX: every sheet's name, and the one read. */
  sheets?: string[];
  sheet?: string;
};

/**
 * Import a CSV/TSV/Unicode-text or XLSX file from its bytes.
 *
 * The format and the encoding are sniffed from the content, never from a file name. Rows become
 * entries through the domain parser; every problem names its spreadsheet row. Throws ImportError
 * when the file cannot be read at all.
 */
export async function importBytes(
  bytes: Uint8Array,
  options: ImportOptions = {},
): Promise<ImportResult> {
  const limits: ImportLimits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
  checkAborted(options.signal);
  if (bytes.length > limits.maxFileBytes) {
    throw new ImportError(
      'FILE_TOO_LARGE',
      `The file is ${mb(bytes.length)} MB; the import accepts files up to ${mb(limits.maxFileBytes)} MB.`,
      { sizeMb: mb(bytes.length), limitMb: mb(limits.maxFileBytes) },
    );
  }
  const { book, sheet, mapping, converted } = await readBook(bytes, limits, options);
  const listProblems = options.validate
    ? entryProblems(converted.entries, converted.problems, limits.maxEntries)
    : basicProblems(converted.entries, limits.maxEntries);
  // A mapping guessed from content is announced (which column became what); a chosen one is not.
  const guessed = options.mapping ? null : noHeaderProblem(sheet.rows, mapping);
  const problems = [
    ...(guessed ? [guessed] : []),
    ...addressesAboveData(sheet.rows, mapping),
    ...converted.problems,
    ...listProblems,
  ];
  problems.sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const errors = problems.filter((p) => p.severity === 'error').length;
  const headerCells = mapping.headerRow === null ? [] : (sheet.rows[mapping.headerRow - 1] ?? []);
  const result: ImportResult = {
    entries: converted.entries,
    problems,
    mapping,
    headers: headerCells.map((c) => (typeof c === 'string' ? c : '')),
    stats: {
      format: book.format,
      ...(book.encoding ? { encoding: book.encoding } : {}),
      ...(book.delimiter ? { delimiter: book.delimiter } : {}),
      ...converted.counts,
      entries: converted.entries.length,
      errors,
      warnings: problems.length - errors,
    },
  };
  if (book.format === 'xlsx') {
    result.sheets = book.sheets.map((s) => s.name);
    result.sheet = sheet.name;
  }
  return result;
}

/**
 * The file read: its book, the sheet and mapping chosen, and its rows converted.
 *
 * `sheet.rows` holds every row, except for a CSV/TSV file of well-formed records read without
 * progress (the CLI): its rows are converted as they are read, and `sheet.rows` holds only the
 * first MAPPING_ROWS, all that choosing the mapping reads. A property test checks both ways give
 * the same result.
 */
type Read = {
  book: Book;
  sheet: Sheet;
  mapping: ColumnMapping;
  converted: Pick<RowConverter, 'entries' | 'problems' | 'counts'>;
};

async function readBook(
  bytes: Uint8Array,
  limits: ImportLimits,
  options: ImportOptions,
): Promise<Read> {
  let book: Book;
  let flaws: ReadonlyMap<number, RowFlaw> | undefined;
  if (isZip(bytes)) {
    book = { format: 'xlsx', sheets: await readXlsx(bytes, limits) };
  } else {
    const text = readText(bytes);
    const guess = guessDelimiter(text.text);
    const streamed =
      options.onProgress || options.signal ? null : streamDelimited(text, guess, limits, options);
    if (streamed) return streamed;
    const table = parseDelimited(text.text, undefined, guess);
    flaws = table.flaws;
    book = {
      format: table.format,
      encoding: text.encoding,
      delimiter: table.delimiter,
      sheets: [{ name: '', rows: table.rows }],
    };
  }
  checkAborted(options.signal);
  const { sheet, mapping } = chooseSheet(book.sheets, options);
  checkRowCount(book, sheet, sheet.rows.length, limits);
  const converted = await rowsToEntries(sheet.rows, mapping, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(flaws ? { flaws } : {}),
  });
  return { book, sheet, mapping, converted };
}

function checkRowCount(book: Book, sheet: Sheet, rows: number, limits: ImportLimits): void {
  if (rows > limits.maxRows) {
    throw new ImportError(
      'TOO_MANY_ROWS',
      `The ${book.format === 'xlsx' ? `sheet "${sheet.name}"` : 'file'} has ${rows} rows; the import accepts at most ${limits.maxRows}.`,
      { rows, limit: limits.maxRows },
    );
  }
}

/**
 * A delimited text read record by record (RecordCursor), each data row converted as it is read:
 * no array per row is kept past the first MAPPING_ROWS. Null when a record is not well formed
 * (papaparse then parses the whole text).
 */
function streamDelimited(
  text: { text: string; encoding: TextEncodingName },
  guess: DelimiterGuess,
  limits: ImportLimits,
  options: ImportOptions,
): Read | null {
  const cursor = new RecordCursor(text.text, guess.delimiter, guess.newline);
  const head: Row[] = [];
  // The head's rows with a stray line break (parseDelimited's flaws).
  const flaws = new Map<number, RowFlaw>();
  // papaparse reports a final line break as one more empty record, which is no row
  // (parseDelimited drops it too).
  const finalEmpty = () => cursor.last && cursor.count === 1 && cursor.fields[0] === '';
  for (;;) {
    if (head.length === MAPPING_ROWS) break;
    const read = cursor.next();
    if (read === null) return null;
    if (!read || finalEmpty()) break;
    head.push(cursor.fields.slice(0, cursor.count));
    if (cursor.strayBreak) flaws.set(head.length, 'IMPORT_STRAY_LINE_BREAK');
  }
  const book: Book = {
    format: delimitedFormat(guess.delimiter),
    encoding: text.encoding,
    delimiter: guess.delimiter,
    sheets: [{ name: '', rows: head }],
  };
  const { sheet, mapping } = chooseSheet(book.sheets, options);
  // A mapping given with its header or data further down than the rows kept: read them all.
  if (Math.max(mapping.headerRow ?? 0, mapping.dataStartRow) > head.length && !cursor.last)
    return null;
  const converter = new RowConverter(
    mapping,
    mapping.headerRow === null ? undefined : head[mapping.headerRow - 1],
  );
  if (flaws.size > 0) converter.flawsAbove(head, flaws);
  for (let r = mapping.dataStartRow - 1; r < head.length; r++) {
    const row = head[r] as Row;
    converter.add(row, row.length, r + 1, flaws.get(r + 1));
  }
  let rows = head.length;
  if (head.length === MAPPING_ROWS && !cursor.last) {
    for (;;) {
      const read = cursor.next();
      if (read === null) return null;
      if (!read || finalEmpty()) break;
      rows++;
      // Past the limit, only counted (the import is refused with their number).
      if (rows <= limits.maxRows)
        converter.add(
          cursor.fields,
          cursor.count,
          rows,
          cursor.strayBreak ? 'IMPORT_STRAY_LINE_BREAK' : undefined,
        );
    }
  }
  checkRowCount(book, sheet, rows, limits);
  return { book, sheet, mapping, converted: converter };
}

function readText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (isCompoundFile(bytes)) throw compoundFileError(bytes);
  if (bytes.length === 0) throw new ImportError('NO_IP_DATA', 'The file is empty.');
  let decoded: ReturnType<typeof decodeText>;
  try {
    decoded = decodeText(bytes);
  } catch (error) {
    if (
      error instanceof ImportError &&
      error.code === 'UNKNOWN_ENCODING' &&
      error.params.encoding === undefined &&
      looksBinaryBytes(bytes)
    )
      throw notSpreadsheet();
    throw error;
  }
  if (looksBinary(decoded.text)) throw notSpreadsheet();
  return decoded;
}

type Book = {
  format: SourceFormat;
  encoding?: TextEncodingName;
  delimiter?: string;
  sheets: Sheet[];
};

function chooseSheet(
  sheets: Sheet[],
  options: ImportOptions,
): { sheet: Sheet; mapping: ColumnMapping } {
  if (options.sheet !== undefined) {
    const sheet = sheets.find((s) => s.name === options.sheet);
    if (!sheet) {
      const names = sheets.map((s) => `"${s.name}"`).join(', ');
      throw new ImportError(
        'SHEET_NOT_FOUND',
        `The workbook has no sheet "${options.sheet}" (sheets: ${names}).`,
        {
          sheet: options.sheet,
          sheets: names,
        },
      );
    }
    return { sheet, mapping: mappingFor(sheet, options.mapping) };
  }
  if (options.mapping) {
    const first = sheets[0];
    if (!first) throw new ImportError('NO_IP_DATA', 'The workbook has no sheets.');
    return { sheet: first, mapping: mappingFor(first, options.mapping) };
  }
  for (const sheet of sheets) {
    const mapping = detectMapping(sheet.rows);
    if (mapping) return { sheet, mapping };
  }
  throw noIpData(sheets);
}

function mappingFor(sheet: Sheet, mapping: ColumnMapping | undefined): ColumnMapping {
  if (mapping) return checkMapping(mapping);
  const detected = detectMapping(sheet.rows);
  if (!detected) throw noIpData([sheet]);
  return detected;
}

function checkMapping(m: ColumnMapping): ColumnMapping {
  const column = (v: unknown) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 16384;
  const row = (v: unknown) => Number.isInteger(v) && (v as number) >= 1;
  const ok =
    column(m.ip) &&
    (m.prefix === null || column(m.prefix)) &&
    (m.memo === null || column(m.memo)) &&
    (m.headerRow === null || row(m.headerRow)) &&
    row(m.dataStartRow) &&
    (m.headerRow === null || m.dataStartRow > m.headerRow);
  if (!ok)
    throw new ImportError(
      'INVALID_MAPPING',
      'The column mapping is not valid (columns from A, rows from 1, data after the header).',
    );
  return {
    headerRow: m.headerRow,
    dataStartRow: m.dataStartRow,
    ip: m.ip,
    prefix: m.prefix,
    memo: m.memo,
  };
}

function noIpData(sheets: Sheet[]): ImportError {
  const which = sheets.length > 1 ? ` in any of its ${sheets.length} sheets` : '';
  return new ImportError('NO_IP_DATA', `No column of IP addresses was found${which}.`);
}

function notSpreadsheet(): ImportError {
  return new ImportError(
    'NOT_A_SPREADSHEET',
    'The file is not a spreadsheet: neither CSV/TSV text nor an Excel workbook (.xlsx).',
  );
}

function looksBinaryBytes(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}

function checkAborted(signal: AbortSignalLike | undefined): void {
  if (signal?.aborted) throw new ImportError('IMPORT_ABORTED', 'The import was cancelled.');
}

function mb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}
