import { MAX_MEMO_LENGTH, type Problem } from '../allowlist/model.ts';
import { makeProblem } from '../allowlist/problem.ts';
import { listProblems, validateConfig } from '../allowlist/validate.ts';
import { formatProblem } from '../i18n/messages.ts';
import type { ImportedEntry } from './rows.ts';

/** The list checks every import makes: memo length by row, and the service's entry limit. */
export function basicProblems(entries: ImportedEntry[], maxEntries: number): Problem[] {
  const out: Problem[] = [];
  let lastRow = -1;
  entries.forEach((entry, index) => {
    // One report per row: the pieces of a range share their row's memo.
    if (entry.row === lastRow || entry.memo.length <= MAX_MEMO_LENGTH) return;
    lastRow = entry.row;
    const length = [...entry.memo].length;
    if (length > MAX_MEMO_LENGTH) {
      out.push(
        makeProblem(
          'MEMO_TOO_LONG',
          'error',
          { length, max: MAX_MEMO_LENGTH },
          { index, row: entry.row, field: 'memo' },
        ),
      );
    }
  });
  // The list limit, as the editor and the service check it (the mode is the imported list's).
  out.push(
    ...listProblems({ mode: 'ALLOW_SPECIFIC', entries }, { maxEntries }).filter(
      (p) => p.code === 'TOO_MANY_ENTRIES',
    ),
  );
  return out;
}

/** Validation of the imported entries (memo length, list limit, duplicates), by row. */
export function entryProblems(
  entries: ImportedEntry[],
  already: Problem[],
  maxEntries: number,
): Problem[] {
  const seen = new Set(already.map((p) => `${p.row}\u0000${p.code}\u0000${p.message}`));
  const out: Problem[] = [];
  // The entries as they are: validateConfig reads ip, cidr and memo only (no copy of each).
  for (const problem of validateConfig({ mode: 'ALLOW_SPECIFIC', entries }, { maxEntries })) {
    if (problem.code === 'NO_ENTRIES') continue;
    const row = problem.index === undefined ? undefined : entries[problem.index]?.row;
    if (row !== undefined) {
      const key = `${row}\u0000${problem.code}\u0000${problem.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    out.push(row === undefined ? problem : byRow(problem, row, entries));
  }
  return out;
}

/**
 * A validation problem of an imported entry, told by spreadsheet row: the row it came from, and
 * for a duplicate or covered entry the row of the other one (`otherRow`), never an entry number.
 */
function byRow(problem: Problem, row: number, entries: ImportedEntry[]): Problem {
  const otherIndex = problem.params?.otherIndex;
  const otherRow = typeof otherIndex === 'number' ? entries[otherIndex]?.row : undefined;
  if (otherRow === undefined) return { ...problem, row };
  const told: Problem = { ...problem, row, params: { ...problem.params, otherRow } };
  return { ...told, message: formatProblem(told, 'en') };
}
