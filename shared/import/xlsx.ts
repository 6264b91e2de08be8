import type ExcelJS from 'exceljs';
import { ImportError } from './errors.ts';
import type { Cell, Row, Sheet } from './table.ts';
import { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits.ts';
import { readCentralDirectory, verifyZipEntries, XmlTagCounter } from './zip-guard.ts';

export { DEFAULT_XLSX_LIMITS, type XlsxLimits } from './limits.ts';

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** True for an OLE compound file: a legacy .xls, or an encrypted .xlsx (Excel wraps those in one). */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return CFB_SIGNATURE.every((b, i) => bytes[i] === b);
}

/** The error for an OLE compound file: encrypted OOXML or a legacy binary workbook. */
export function compoundFileError(bytes: Uint8Array): ImportError {
  // An encrypted OOXML package is a compound file with an "EncryptionInfo" stream; the directory
  // stores stream names in UTF-16 LE.
  if (indexOfUtf16(bytes, 'EncryptionInfo') >= 0) {
    return new ImportError(
      'ENCRYPTED_WORKBOOK',
      'The workbook is password-protected; save it without a password and import again.',
    );
  }
  return new ImportError(
    'LEGACY_XLS',
    'The file is a legacy Excel 97-2003 workbook (.xls); save it as .xlsx or CSV and import again.',
  );
}

/**
 * Read every sheet of an XLSX workbook into rows of cell texts.
 *
 * The zip is checked first (entry count, declared sizes, ratio, then a bounded streaming inflate
 * that catches lying sizes); only then does exceljs (a maintained reader; the npm `xlsx` package
 * is stale with known advisories) parse it. Formula cells give their cached value, rich text its
 * plain text, numbers their shortest decimal form (a prefix typed as 24 reads "24").
 */
export async function readXlsx(
  bytes: Uint8Array,
  limits: XlsxLimits = DEFAULT_XLSX_LIMITS,
): Promise<Sheet[]> {
  const entries = readCentralDirectory(bytes, limits);
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('xl/workbook.xml')) {
    if (names.has('mimetype') && names.has('content.xml')) {
      throw new ImportError(
        'OPENDOCUMENT_NOT_SUPPORTED',
        'The file is an OpenDocument spreadsheet (.ods); save it as .xlsx or CSV and import again.',
      );
    }
    throw new ImportError(
      'NOT_A_SPREADSHEET',
      'The file is a zip archive but not an Excel workbook (.xlsx).',
    );
  }
  // Rows and cells are counted while the zip is verified, before exceljs builds its model
  // (about 1-2 KB of memory per cell): a huge sheet is refused without being parsed.
  const counters = new Map<string, XmlTagCounter>();
  await verifyZipEntries(bytes, entries, (entry, chunk) => {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) return;
    let counter = counters.get(entry.name);
    if (!counter) counters.set(entry.name, (counter = new XmlTagCounter()));
    counter.push(chunk);
  });
  for (const counter of counters.values()) {
    if (counter.rows > limits.maxRows) {
      throw new ImportError(
        'TOO_MANY_ROWS',
        `A sheet of the workbook has ${counter.rows} rows; the import accepts at most ${limits.maxRows}.`,
        { rows: counter.rows, limit: limits.maxRows },
      );
    }
    if (counter.cells > limits.maxCells) {
      throw new ImportError(
        'TOO_MANY_CELLS',
        `A sheet of the workbook has ${counter.cells} filled cells; the import accepts at most ${limits.maxCells}.`,
        { cells: counter.cells, limit: limits.maxCells },
      );
    }
  }
  // Loaded on demand: exceljs takes ~0.4 s to import, which every CLI run would pay otherwise.
  const { default: ExcelRuntime } = await import('exceljs');
  const workbook = new ExcelRuntime.Workbook();
  try {
    // exceljs accepts any ArrayBuffer view; its typings say Buffer (a Uint8Array subclass).
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0], {
      ignoreNodes: [
        'dataValidations',
        'conditionalFormatting',
        'extLst',
        'drawing',
        'picture',
        'legacyDrawing',
      ],
    });
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new ImportError('CORRUPT_WORKBOOK', `The workbook cannot be read: ${why}.`, {
      detail: String(why),
    });
  }
  const sheets: Sheet[] = [];
  for (const worksheet of workbook.worksheets) {
    const rows: Row[] = [];
    worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      const cells: Row = [];
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        cells[colNumber - 1] = cellValue(cell.value);
      });
      for (let i = 0; i < cells.length; i++) if (cells[i] === undefined) cells[i] = '';
      rows[rowNumber - 1] = cells;
    });
    for (let i = 0; i < rows.length; i++) if (rows[i] === undefined) rows[i] = [];
    sheets.push({ name: worksheet.name, rows });
  }
  return sheets;
}

type Value = ExcelJS.CellValue;

function cellValue(value: Value): Cell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (value instanceof Date) return dateText(value);
  if ('error' in value) return { issue: 'error-value', text: String(value.error) };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) {
      const formula =
        'formula' in value && value.formula
          ? value.formula
          : 'sharedFormula' in value
            ? value.sharedFormula
            : '';
      return { issue: 'no-cached-value', formula };
    }
    return cellValue(result);
  }
  if ('hyperlink' in value)
    return typeof value.text === 'string' ? value.text : cellValue(value.text as Value);
  return '';
}

function numberText(n: number): string {
  // Shortest round-trip form: 24 -> "24", 0.5 -> "0.5"; integers never show as "24.0".
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(0) : String(n);
}

function dateText(d: Date): string {
  // exceljs gives dates as UTC midnights of the serial's day; show the date, and the time if any.
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ');
}

function indexOfUtf16(bytes: Uint8Array, text: string): number {
  const limit = Math.min(bytes.length, 4 * 1024 * 1024);
  outer: for (let i = 0; i + text.length * 2 <= limit; i++) {
    for (let j = 0; j < text.length; j++) {
      if (bytes[i + j * 2] !== text.charCodeAt(j) || bytes[i + j * 2 + 1] !== 0) continue outer;
    }
    return i;
  }
  return -1;
}
