import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planToFit } from '../../../../../shared/allowlist/aggregate.ts';
import type { Entry } from '../../../../../shared/allowlist/model.ts';
import {
  applyAggregation,
  countAfter,
  extraAfter,
} from '../../../../../renderer/features/aggregate/apply-aggregation.ts';
import { entryList } from '../../../support/arbitraries.ts';
import { coverage, total } from '../../../support/coverage.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

/** Oracle: number of addresses the valid entries cover. */
const covered = (entries: Entry[]) => total(coverage(entries));

describe('applyAggregation', () => {
  it('replaces the accepted merges in place and leaves the others', () => {
    const entries = [
      e('127.0.0.1', null, 'Admin'),
      e('10.0.0.0', 25, 'Lab A'),
      e('192.168.1.10', null, 'Printer'),
      e('203.0.113.8', null, 'Router'),
      e('10.0.0.128', 25, 'Lab B'),
      e('192.168.1.11', null, 'Scanner'),
      e('203.0.113.12', null, 'VPN'),
    ];
    const plan = planToFit(entries, 4);
    const lab = plan.merges.findIndex((m) => m.into.ip === '10.0.0.0');
    expect(plan.merges[lab]?.into).toEqual(e('10.0.0.0', 24, 'Lab A / Lab B'));
    expect(applyAggregation(entries, plan.merges, new Set([lab]))).toEqual([
      e('127.0.0.1', null, 'Admin'),
      e('10.0.0.0', 24, 'Lab A / Lab B'),
      e('192.168.1.10', null, 'Printer'),
      e('203.0.113.8', null, 'Router'),
      e('192.168.1.11', null, 'Scanner'),
      e('203.0.113.12', null, 'VPN'),
    ]);
    expect(applyAggregation(entries, plan.merges, new Set())).toEqual(entries);
  });

  it('any subset: the count and the extra addresses shown are what applying it gives', () => {
    fc.assert(
      fc.property(
        entryList(30),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }),
        (entries, cap, picks) => {
          const plan = planToFit(entries, cap);
          const accepted = new Set(plan.merges.flatMap((_m, i) => (picks[i] ? [i] : [])));
          const result = applyAggregation(entries, plan.merges, accepted);
          expect(result).toHaveLength(countAfter(entries.length, plan.merges, accepted));
          expect(covered(result) - covered(entries)).toBe(extraAfter(plan.merges, accepted));
          // Every merge accepted: exactly the planner's own result.
          const all = new Set(plan.merges.map((_m, i) => i));
          expect(applyAggregation(entries, plan.merges, all)).toEqual(plan.entries);
        },
      ),
      { numRuns: 300 },
    );
  });
});
