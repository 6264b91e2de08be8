/**
 * How a memo that spreadsheet programs would run as a formula is recognised.
 *
 * One home for the rule: the export writes such a memo with a leading apostrophe (OWASP's CSV
 * injection advice), and the import says so when it meets that apostrophe again.
 */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A memo as a neutralised CSV export writes it: an apostrophe before a formula start. */
export function hasNeutralizingApostrophe(memo: string): boolean {
  return memo.startsWith("'") && FORMULA_START.test(memo.slice(1));
}
