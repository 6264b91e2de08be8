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
  const used = delimiter ?? guessDelimiter(text);
  const result = Papa.parse<string[]>(text, {
    delimiter: used,
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
 * Guess the delimiter on the first 50 non-empty records.
 *
 * papaparse's own guess counts empty lines (a final line break makes a two-column file look
 * inconsistent), so the guess runs on a preview that skips them; the full parse keeps them.
 */
function guessDelimiter(text: string): string {
  const preview = Papa.parse<string[]>(text, {
    preview: 50,
    skipEmptyLines: 'greedy',
    delimitersToGuess: [...DELIMITERS],
  });
  return preview.meta.delimiter || ',';
}
