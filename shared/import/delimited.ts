import Papa from 'papaparse';
import type { Row, SourceFormat } from './table.ts';

const DELIMITERS = [',', '\t', ';'] as const;

/**
 * Split CSV/TSV text into rows with papaparse (RFC 4180 quoting: commas, quotes and line breaks
 * inside quoted fields).
 *
 * The delimiter is guessed by papaparse among comma, tab and semicolon unless given. Empty lines
 * are kept so that row N here is row N in Excel (one record per row, even when a quoted field
 * spans several lines).
 */
export function parseDelimited(
  text: string,
  delimiter?: string,
): { rows: Row[]; delimiter: string; format: SourceFormat } {
  const guess = delimiter === undefined ? guessDelimiter(text) : undefined;
  const used = delimiter ?? guess?.delimiter ?? ',';
  const result = Papa.parse<string[]>(text, {
    delimiter: used,
    // The line break the guess already found (papaparse's own guess, over the first megabyte,
    // would run again: a measured share of a 100,000-row import).
    ...(guess ? { newline: guess.newline } : {}),
    skipEmptyLines: false,
    header: false,
    dynamicTyping: false,
  });
  let rows: Row[] = result.data;
  // papaparse reports the final line break as one more empty record; Excel shows no such row.
  const last = rows[rows.length - 1];
  if (last !== undefined && last.length === 1 && last[0] === '') rows = rows.slice(0, -1);
  const format: SourceFormat = used === '\t' ? 'tsv' : used === ';' ? 'ssv' : 'csv';
  return { rows, delimiter: used, format };
}

/**
 * Guess the delimiter on the first 50 non-empty records (and take papaparse's guess of the line
 * break, made over the whole text's first megabyte, for the full parse).
 *
 * papaparse's own guess counts empty lines (a final line break makes a two-column file look
 * inconsistent), so the guess runs on a preview that skips them; the full parse keeps them.
 */
function guessDelimiter(text: string): { delimiter: string; newline: '\r\n' | '\n' | '\r' } {
  const preview = Papa.parse<string[]>(text, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  });
  const { delimiter, linebreak } = preview.meta;
  return {
    delimiter: delimiter || ',',
    newline: linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n',
  };
}
