/**
 * The common shape every reader produces: sheets of rows of cells.
 *
 * A cell is its text as the spreadsheet shows it, or an issue when the cell holds no usable text
 * (an Excel error value, a formula saved without its result).
 */
export type CellIssue =
  { issue: 'error-value'; text: string } | { issue: 'no-cached-value'; formula: string };
export type Cell = string | CellIssue;
/** One row; index 0 is column A. */
export type Row = Cell[];

export type Sheet = {
  name: string;
  /** rows[0] is spreadsheet row 1; missing rows are empty arrays. */
  rows: Row[];
};

/**
 * Why a row of a CSV/TSV file is not what its text says, found while splitting the text: a quote
 * not closed where it should be, or a line break of another kind than the file's outside quotes.
 * Either way the lines after it were read into the row: an error, and no entry from it.
 */
export type RowFlaw = 'IMPORT_MALFORMED_QUOTES' | 'IMPORT_STRAY_LINE_BREAK';

export type SourceFormat = 'csv' | 'tsv' | 'ssv' | 'xlsx';
export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'shift_jis';

export type Workbook = {
  format: SourceFormat;
  encoding?: TextEncodingName;
  delimiter?: string;
  sheets: Sheet[];
};

/** The text of a cell, '' for issues. */
export function cellText(cell: Cell | undefined): string {
  return typeof cell === 'string' ? cell : '';
}

/** Column letters as Excel shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}
