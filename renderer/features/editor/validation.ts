import type { Config, Problem } from '../../../shared/allowlist/model.ts';
import { makeProblem } from '../../../shared/allowlist/problem.ts';
import { parseCidrText } from './draft-state.ts';
import type { Row } from './draft-state.ts';
import { createConfigValidator } from './incremental-validation.ts';

/** Problems of the working copy, indexed for the table. */
export type ValidationResult = {
  problems: Problem[];
  /**
   * Problems per entry index (0-based, list order); entries without problems have no key. A
   * list keeps its identity while that entry's problems stay the same (memoized rows).
   */
  byIndex: Map<number, Problem[]>;
  /** Problems of the whole list (mode, limit). */
  general: Problem[];
  errors: number;
  warnings: number;
};

/** Validates successive versions of one working copy, re-checking only what changed. */
export type DraftValidator = (config: Config, rows: Row[], maxEntries: number) => ValidationResult;

function cidrProblem(row: Row, index: number): Problem {
  return makeProblem('CIDR_NOT_A_NUMBER', 'error', { prefix: row.cidr }, { index, field: 'cidr' });
}

/**
 * Validate the working copy: the domain's rules plus "CIDR is not a whole number" for text the
 * model cannot hold yet (the row keeps the text; the entry is blocked from saving).
 *
 * The result equals `validateDraft` on the same input; the validator keeps what it needs to
 * re-check only the edited entries (see createConfigValidator).
 */
export function createDraftValidator(): DraftValidator {
  const validateConfig = createConfigValidator();
  const cidrCache = new WeakMap<Row, Problem>();
  let previous = new Map<number, Problem[]>();
  return (config, rows, maxEntries) => {
    const result = validateConfig(config, { maxEntries });
    const cidrProblems: Problem[] = [];
    const byIndex = new Map<number, Problem[]>();
    const entryProblems: Problem[] = [];
    const count = Math.max(rows.length, result.entries.length);
    for (let index = 0; index < count; index++) {
      const row = rows[index];
      const own = result.entries[index] ?? [];
      let list = own as Problem[];
      if (row && parseCidrText(row.cidr) === undefined) {
        let bad = cidrCache.get(row);
        if (!bad || bad.index !== index) {
          bad = cidrProblem(row, index);
          cidrCache.set(row, bad);
        }
        cidrProblems.push(bad);
        // Entry-level checks on a row whose CIDR is unreadable would describe a network it is not.
        const kept = own.filter((p) => p.field === 'memo');
        entryProblems.push(...kept);
        list = [bad, ...kept];
        const old = previous.get(index);
        if (old && old.length === list.length && old.every((p, i) => p === list[i])) list = old;
      } else {
        entryProblems.push(...own);
      }
      if (list.length > 0) byIndex.set(index, list);
    }
    previous = byIndex;
    const problems = [...cidrProblems, ...result.general, ...entryProblems];
    let errors = 0;
    for (const p of problems) if (p.severity === 'error') errors++;
    return {
      problems,
      byIndex,
      general: result.general,
      errors,
      warnings: problems.length - errors,
    };
  };
}

/** One-off validation of a working copy (no incremental state kept). */
export function validateDraft(config: Config, rows: Row[], maxEntries: number): ValidationResult {
  return createDraftValidator()(config, rows, maxEntries);
}
