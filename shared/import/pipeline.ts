import type { Problem } from '../allowlist/model.ts';
import { parseDelimited } from './delimited.ts';
import { ImportError } from './errors.ts';
import { detectMapping, noHeaderProblem, type ColumnMapping } from './header.ts';
import { basicProblems, entryProblems } from './list-problems.ts';
import { rowsToEntries, type ImportedEntry } from './rows.ts';
import type { Sheet, SourceFormat, TextEncodingName } from './table.ts';
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
  const book = await readBook(bytes, limits);
  checkAborted(options.signal);
  const { sheet, mapping } = chooseSheet(book.sheets, options);
  if (sheet.rows.length > limits.maxRows) {
    throw new ImportError(
      'TOO_MANY_ROWS',
      `The ${book.format === 'xlsx' ? `sheet "${sheet.name}"` : 'file'} has ${sheet.rows.length} rows; the import accepts at most ${limits.maxRows}.`,
      { rows: sheet.rows.length, limit: limits.maxRows },
    );
  }
  const converted = await rowsToEntries(sheet.rows, mapping, {
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  const listProblems = options.validate
    ? entryProblems(converted.entries, converted.problems, limits.maxEntries)
    : basicProblems(converted.entries, limits.maxEntries);
  // A mapping guessed from content is announced (which column became what); a chosen one is not.
  const guessed = options.mapping ? null : noHeaderProblem(sheet.rows, mapping);
  const problems = [...(guessed ? [guessed] : []), ...converted.problems, ...listProblems];
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

type Book = {
  format: SourceFormat;
  encoding?: TextEncodingName;
  delimiter?: string;
  sheets: Sheet[];
};

async function readBook(bytes: Uint8Array, limits: ImportLimits): Promise<Book> {
  if (isZip(bytes)) return { format: 'xlsx', sheets: await readXlsx(bytes, limits) };
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
  const table = parseDelimited(decoded.text);
  return {
    format: table.format,
    encoding: decoded.encoding,
    delimiter: table.delimiter,
    sheets: [{ name: '', rows: table.rows }],
  };
}

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
