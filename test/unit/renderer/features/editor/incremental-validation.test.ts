import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Config, Entry, Problem } from '../../../../../shared/allowlist/model.ts';
import { validateConfig } from '../../../../../shared/allowlist/validate.ts';
import {
  draftConfig,
  draftReducer,
  initialDraft,
  parseCidrText,
} from '../../../../../renderer/features/editor/draft-state.ts';
import type {
  DraftAction,
  DraftState,
  Row,
} from '../../../../../renderer/features/editor/draft-state.ts';
import {
  createConfigValidator,
  flattenProblems,
} from '../../../../../renderer/features/editor/incremental-validation.ts';
import { createDraftValidator } from '../../../../../renderer/features/editor/validation.ts';

/** Addresses chosen to collide: duplicates, nesting, host bits, bad and zero-padded text. */
const IPS = [
  '10.0.0.0',
  '10.0.0.1',
  '10.0.0.5',
  '10.0.1.0',
  '10.1.2.3',
  '192.168.1.1',
  '8.8.8.8',
  '127.0.0.1',
  '0.0.0.0',
  '010.0.0.1',
  '11.0.1.9999',
  '10.0.0',
  'abc',
  '',
  ' 10.0.0.1 ',
  '10.0.0.0-10.0.0.9',
];
const CIDRS = ['', '', '', '8', '16', '24', '30', '32', '0', '4', '33', 'x', '2.5'];
const MEMOS = ['', 'Office', 'VPN', 'x'.repeat(1001)];

const entryArb = fc.record({
  ip: fc.constantFrom(...IPS.filter((ip) => ip !== '')),
  cidr: fc.constantFrom(null, 8, 16, 24, 32, 30),
  memo: fc.constantFrom(...MEMOS.slice(0, 3)),
});

const actionArb = (ids: number[]): fc.Arbitrary<DraftAction> => {
  const id = ids.length > 0 ? fc.constantFrom(...ids) : fc.constant(-1);
  return fc.oneof(
    {
      weight: 8,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        id,
        field: fc.constant('ip' as const),
        value: fc.constantFrom(...IPS),
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        id,
        field: fc.constant('cidr' as const),
        value: fc.constantFrom(...CIDRS),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('edit' as const),
        id,
        field: fc.constant('memo' as const),
        value: fc.constantFrom(...MEMOS),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('addRow' as const),
        afterId: fc.option(id, { nil: null }),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('deleteRows' as const),
        ids: fc.array(id, { maxLength: 2 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('duplicateRow' as const), id }) },
    { weight: 1, arbitrary: fc.constant({ type: 'undo' as const }) },
    { weight: 1, arbitrary: fc.constant({ type: 'redo' as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant('setMode' as const),
        mode: fc.constantFrom('ALLOW_ALL' as const, 'ALLOW_SPECIFIC' as const),
      }),
    },
  );
};

/** The editor's validation before it became incremental: one full validateConfig pass. */
function referenceDraft(config: Config, rows: Row[], maxEntries: number) {
  const problems: Problem[] = [];
  const badCidr = new Set<number>();
  rows.forEach((row, index) => {
    if (parseCidrText(row.cidr) === undefined) {
      badCidr.add(index);
      problems.push({
        code: 'CIDR_NOT_A_NUMBER',
        severity: 'error',
        message: 'The CIDR must be a whole number from 0 to 32 (or empty for a single address).',
        index,
        field: 'cidr',
        params: { prefix: row.cidr },
      });
    }
  });
  for (const p of validateConfig(config, { maxEntries })) {
    if (p.index !== undefined && badCidr.has(p.index) && p.field !== 'memo') continue;
    problems.push(p);
  }
  const byIndex = new Map<number, Problem[]>();
  for (const p of problems) {
    if (p.index === undefined) continue;
    byIndex.set(p.index, [...(byIndex.get(p.index) ?? []), p]);
  }
  return {
    problems,
    byIndex,
    general: problems.filter((p) => p.index === undefined),
    errors: problems.filter((p) => p.severity === 'error').length,
    warnings: problems.filter((p) => p.severity !== 'error').length,
  };
}

describe('incremental validation of the working copy', () => {
  it('equals a full validateConfig pass after every step of random edit sequences', () => {
    fc.assert(
      fc.property(
        fc.array(entryArb, { maxLength: 12 }),
        fc.integer({ min: 1, max: 14 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        (entries, maxEntries, seeds) => {
          let state: DraftState = initialDraft({ mode: 'ALLOW_SPECIFIC', entries });
          const configValidator = createConfigValidator();
          const draftValidator = createDraftValidator();
          for (const seed of seeds) {
            const [action] = fc.sample(actionArb(state.rows.map((r) => r.id)), {
              seed,
              numRuns: 1,
            });
            state = draftReducer(state, action!);
            const config = draftConfig(state);
            expect(flattenProblems(configValidator(config, { maxEntries }))).toEqual(
              validateConfig(config, { maxEntries }),
            );
            expect(draftValidator(config, state.rows, maxEntries)).toEqual(
              referenceDraft(config, state.rows, maxEntries),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keeps the problem lists of entries the edit did not affect (memoized rows stay put)', () => {
    const entries: Entry[] = Array.from({ length: 50 }, (_, i) => ({
      ip: i === 0 ? '127.0.0.1' : `11.0.${i}.1`,
      cidr: null,
      memo: `Branch ${i}`,
    }));
    entries.push({ ip: '11.0.0.0', cidr: 16, memo: 'Covers the branches' });
    let state = initialDraft({ mode: 'ALLOW_SPECIFIC', entries });
    const validate = createDraftValidator();
    const before = validate(draftConfig(state), state.rows, 1000);
    expect(before.byIndex.get(0)?.map((p) => p.code)).toEqual(['NON_GLOBAL_ADDRESS']);
    expect(before.byIndex.get(7)?.map((p) => p.code)).toEqual(['COVERED_BY_ENTRY']);

    // Typing in entry 6 ("11.0.5.1" -> "11.0.5.19999"): only that entry's problems change.
    const id = state.rows[5]!.id;
    state = draftReducer(state, { type: 'edit', id, field: 'ip', value: '11.0.5.19999' });
    const after = validate(draftConfig(state), state.rows, 1000);
    expect(after.byIndex.get(5)?.map((p) => p.code)).toEqual(['IP_OCTET_OUT_OF_RANGE']);
    expect(after.byIndex.get(0)).toBe(before.byIndex.get(0));
    expect(after.byIndex.get(7)).toBe(before.byIndex.get(7));
    expect(after.errors).toBe(1);
  });
});
