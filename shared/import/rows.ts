import type { Entry, Problem } from '../allowlist/model.ts';
import { hasNeutralizingApostrophe } from '../export/formula.ts';
import { makeProblem } from '../allowlist/problem.ts';
import { networkOf } from '../ip/ipv4.ts';
import { parseCanonicalIPv4, parseIpInput, type Network } from '../ip/parse.ts';
import { ImportError } from './errors.ts';
import { looksLikeAddress, type ColumnMapping } from './header.ts';
import { columnLetter, type Cell, type Row, type RowFlaw } from './table.ts';

/**
 * An entry read from a file, with the spreadsheet row it came from (1-based, as shown): exactly
 * these four fields, made in rowsToEntries only (`allowlist import --json` prints them as they are).
 */
export type ImportedEntry = Entry & { row: number };

export type RowCounts = {
  rows: number;
  blankRows: number;
  importedRows: number;
  errorRows: number;
};

type Options = {
  onProgress?: (p: { done: number; total: number }) => void;
  signal?: { readonly aborted: boolean };
  /** Rows not read as their text says (parseDelimited's flaws). */
  flaws?: ReadonlyMap<number, RowFlaw>;
};

// shared/ has no DOM or Node typings; setTimeout exists in browsers, workers and Node alike.
declare const setTimeout: (callback: () => void, ms: number) => unknown;

const PROGRESS_EVERY = 2000;

/** A problem of one cell of the file: its row (1-based) and column (0-based, shown as a letter). */
function cellProblem(
  code: string,
  severity: Problem['severity'],
  row: number,
  column: number,
  field?: Problem['field'],
): Problem {
  return makeProblem(
    code,
    severity,
    { row, column: columnLetter(column) },
    field === undefined ? { row } : { row, field },
  );
}

/**
 * Turn the data rows into entries through the domain parser (RowConverter, row by row).
 *
 * With a signal the loop yields to the event loop now and then, so a cancel message can arrive.
 */
export async function rowsToEntries(
  rows: Row[],
  mapping: ColumnMapping,
  options: Options = {},
): Promise<{ entries: ImportedEntry[]; problems: Problem[]; counts: RowCounts }> {
  const converter = new RowConverter(
    mapping,
    rows[mapping.headerRow === null ? -1 : mapping.headerRow - 1],
  );
  const flaws = options.flaws;
  if (flaws?.size) converter.flawsAbove(rows, flaws);
  const total = Math.max(0, rows.length - (mapping.dataStartRow - 1));
  for (let r = mapping.dataStartRow - 1; r < rows.length; r++) {
    const done = r - (mapping.dataStartRow - 1);
    if (done % PROGRESS_EVERY === 0 && done > 0) {
      options.onProgress?.({ done, total });
      if (options.signal) {
        await new Promise<void>((resolve) => setTimeout(resolve, 0));
        if (options.signal.aborted)
          throw new ImportError('IMPORT_ABORTED', 'The import was cancelled.');
      }
    }
    const row = rows[r] ?? [];
    converter.add(row, row.length, r + 1, flaws?.get(r + 1));
  }
  options.onProgress?.({ done: total, total });
  return converter;
}

/**
 * The data rows of a sheet, one at a time, into entries and problems.
 *
 * A range may give several entries, each keeping the row's memo. The memo is kept exactly as the
 * cell holds it (no trimming; text that looks like a formula stays text). Blank rows are skipped
 * and counted. A row is read from its first `length` cells only: the import of a big CSV file
 * hands each record in the same scratch array (RecordCursor).
 */
export class RowConverter {
  readonly entries: ImportedEntry[] = [];
  readonly problems: Problem[] = [];
  readonly counts: RowCounts = { rows: 0, blankRows: 0, importedRows: 0, errorRows: 0 };
  private readonly mapping: ColumnMapping;
  /** Columns up to the header row's last filled cell (null: no header row). */
  private readonly named: number | null;

  constructor(mapping: ColumnMapping, header: Row | undefined) {
    this.mapping = mapping;
    this.named = mapping.headerRow === null ? null : headerWidth(header);
  }

  /**
   * The flawed rows above the data (`rows[0]` is row 1), not blank: an error each, as for a data
   * row (a title row read on into the header and the rows below it).
   */
  flawsAbove(rows: readonly Row[], flaws: ReadonlyMap<number, RowFlaw>): void {
    for (const [rowNumber, flaw] of flaws) {
      const row = rows[rowNumber - 1];
      if (rowNumber < this.mapping.dataStartRow && row && !isBlank(row, row.length))
        this.problems.push(flawProblem(flaw, rowNumber));
    }
  }

  /**
   * Data row `rowNumber` (1-based): its first `length` cells. A row with a flaw (not read as its
   * text says, see RowFlaw) and not blank is an error, and gives no entry.
   */
  add(row: Row, length: number, rowNumber: number, flaw?: RowFlaw): void {
    const { mapping, entries, problems, counts } = this;
    counts.rows++;
    if (isBlank(row, length)) {
      counts.blankRows++;
      return;
    }
    if (flaw !== undefined) {
      problems.push(flawProblem(flaw, rowNumber));
      counts.errorRows++;
      return;
    }
    if (this.named !== null) {
      const stray = strayColumn(row, length, this.named);
      if (stray !== null)
        problems.push(cellProblem('IMPORT_UNNAMED_COLUMN', 'warning', rowNumber, stray));
    }
    const unread = unreadAddress(row, length, mapping, this.named ?? length);
    if (unread !== null)
      problems.push(
        makeProblem(
          'IMPORT_UNREAD_ADDRESS',
          'warning',
          { row: rowNumber, column: columnLetter(unread), ip: (row[unread] as string).trim() },
          { row: rowNumber },
        ),
      );
    const ipCell = mapping.ip < length ? row[mapping.ip] : undefined;
    const prefixCell =
      mapping.prefix === null || mapping.prefix >= length ? undefined : row[mapping.prefix];
    const memoCell =
      mapping.memo === null || mapping.memo >= length ? undefined : row[mapping.memo];
    const issue =
      cellIssue(ipCell, mapping.ip, rowNumber) ??
      cellIssue(prefixCell, mapping.prefix, rowNumber) ??
      cellIssue(memoCell, mapping.memo, rowNumber);
    if (issue) {
      problems.push(issue);
      counts.errorRows++;
      return;
    }
    const ipText = typeof ipCell === 'string' ? ipCell : '';
    const prefixText = typeof prefixCell === 'string' ? prefixCell : '';
    const memo = typeof memoCell === 'string' ? memoCell : '';
    if (mapping.memo !== null && hasNeutralizingApostrophe(memo))
      problems.push(
        cellProblem('IMPORT_MEMO_APOSTROPHE', 'warning', rowNumber, mapping.memo, 'memo'),
      );
    if (ipText.trim() === '') {
      problems.push(cellProblem('IMPORT_MISSING_IP', 'error', rowNumber, mapping.ip, 'ip'));
      counts.errorRows++;
      return;
    }
    const plain = plainNetwork(ipText, prefixText);
    if (plain) {
      entries.push({ ip: plain.ip, cidr: plain.cidr, memo, row: rowNumber });
      counts.importedRows++;
      return;
    }
    const outcome = parseIpInput(ipText, prefixText);
    if (!outcome.ok) {
      problems.push({ ...outcome.problem, row: rowNumber });
      counts.errorRows++;
      return;
    }
    for (const warning of outcome.warnings) problems.push({ ...warning, row: rowNumber });
    for (const network of outcome.networks)
      entries.push({ ip: network.ip, cidr: network.cidr, memo, row: rowNumber });
    counts.importedRows++;
  }
}

function flawProblem(flaw: RowFlaw, row: number): Problem {
  return makeProblem(flaw, 'error', { row }, { row });
}

/**
 * Fast path for the rows most files hold: a canonical dotted quad ("192.0.2.0", no padding, no
 * spaces) and an empty prefix or a plain 0-32 prefix that leaves no host bits set. For exactly
 * these, parseIpInput returns this one network with no warnings (a property test checks the two
 * agree); everything else goes through parseIpInput. Measured: parseIpInput normalizes every
 * input (NFKC and several regexes), which alone took 3-10x the bare CSV pass on 100,000 rows
 * (bench/import.bench.ts).
 */
export function plainNetwork(ipText: string, prefixText: string): Network | null {
  const value = parseCanonicalIPv4(ipText);
  if (value === null) return null;
  if (prefixText === '') return { ip: ipText, cidr: null };
  const cidr = plainPrefix(prefixText);
  if (cidr < 0) return null;
  return networkOf(value, cidr) === value ? { ip: ipText, cidr } : null;
}

/** "0" to "32" written plainly (no sign, space or leading zero), as a number; else -1. */
function plainPrefix(text: string): number {
  const a = text.charCodeAt(0) - 48;
  if (text.length === 1) return a >= 0 && a <= 9 ? a : -1;
  if (text.length !== 2 || a < 1 || a > 3) return -1;
  const b = text.charCodeAt(1) - 48;
  if (b < 0 || b > 9) return -1;
  const n = a * 10 + b;
  return n <= 32 ? n : -1;
}

/** Columns up to the header row's last filled cell have a heading. */
function headerWidth(header: Row | undefined): number {
  let width = 0;
  for (let c = 0; c < (header?.length ?? 0); c++) if (!isBlankCell(header?.[c])) width = c + 1;
  return width;
}

/**
 * The first filled cell of `row` past the headed columns, or null.
 *
 * Such a cell is read by no mapping (often a memo split by an unquoted comma): it is reported,
 * never dropped silently.
 */
function strayColumn(row: Row, length: number, named: number): number | null {
  for (let c = named; c < length; c++) if (!isBlankCell(row[c])) return c;
  return null;
}

/**
 * The first cell of `row` before column `named` that the mapping reads as nothing (not the
 * address, prefix or memo) and that holds an address, or null: a second address column (a backup
 * line, "IPアドレス(予備)") or one under a heading that names no role. Its addresses are not
 * imported, and are told row by row (cells past the headings are IMPORT_UNNAMED_COLUMN's).
 */
function unreadAddress(
  row: Row,
  length: number,
  mapping: ColumnMapping,
  named: number,
): number | null {
  const end = Math.min(length, named);
  for (let c = 0; c < end; c++) {
    if (c === mapping.ip || c === mapping.prefix || c === mapping.memo) continue;
    const cell = row[c];
    if (typeof cell === 'string' && looksLikeAddress(cell)) return c;
  }
  return null;
}

function isBlankCell(cell: Cell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlank(row: Row, length: number): boolean {
  for (let c = 0; c < length; c++) {
    const cell = row[c];
    if (typeof cell !== 'string' || cell.trim() !== '') return false;
  }
  return true;
}

function cellIssue(cell: Cell | undefined, column: number | null, row: number): Problem | null {
  if (cell === undefined || typeof cell === 'string' || column === null) return null;
  const where = { row, column: columnLetter(column) };
  if (cell.issue === 'error-value') {
    return makeProblem('IMPORT_CELL_ERROR', 'error', { ...where, value: cell.text }, { row });
  }
  return makeProblem(
    'IMPORT_FORMULA_NO_VALUE',
    'error',
    { ...where, formula: cell.formula },
    { row },
  );
}
