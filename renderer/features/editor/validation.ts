import type { Config, Problem } from '../../../shared/allowlist/model.ts';
import { validateConfig } from '../../../shared/allowlist/validate.ts';
import { parseCidrText } from './draft-state.ts';
import type { Row } from './draft-state.ts';

/** Problems of the working copy, indexed for the table. */
export type ValidationResult = {
  problems: Problem[];
  /** Problems per entry index (0-based, list order). */
  byIndex: Map<number, Problem[]>;
  /** Problems of the whole list (mode, limit). */
  general: Problem[];
  errors: number;
  warnings: number;
};

/**
 * Validate the working copy: the domain's rules plus "CIDR is not a whole number" for text the
 * model cannot hold yet (the row keeps the text; the entry is blocked from saving).
 */
export function validateDraft(config: Config, rows: Row[], maxEntries: number): ValidationResult {
  const problems: Problem[] = [];
  const badCidr = new Set<number>();
  rows.forEach((row, index) => {
    if (parseCidrText(row.cidr) === undefined) {
      badCidr.add(index);
      problems.push({
        code: 'CIDR_NOT_A_NUMBER',
        severity: 'error',
        message: `The CIDR "${row.cidr}" is not a whole number from 0 to 32.`,
        index,
        field: 'cidr',
        params: { prefix: row.cidr },
      });
    }
  });
  for (const p of validateConfig(config, { maxEntries })) {
    // Entry-level checks on a row whose CIDR is unreadable would describe a network it is not.
    if (p.index !== undefined && badCidr.has(p.index) && p.field !== 'memo') continue;
    problems.push(p);
  }
  const byIndex = new Map<number, Problem[]>();
  const general: Problem[] = [];
  let errors = 0;
  let warnings = 0;
  for (const p of problems) {
    if (p.severity === 'error') errors++;
    else warnings++;
    if (p.index === undefined) {
      general.push(p);
      continue;
    }
    const list = byIndex.get(p.index);
    if (list) list.push(p);
    else byIndex.set(p.index, [p]);
  }
  return { problems, byIndex, general, errors, warnings };
}
