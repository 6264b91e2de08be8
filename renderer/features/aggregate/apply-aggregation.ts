import type { AggregationStep } from '../../../shared/allowlist/aggregate.ts';
import type { Entry } from '../../../shared/allowlist/model.ts';

/**
 * Apply the accepted merges of a plan to the list they were planned on.
 *
 * Each merge replaces its source entries by its `into` entry, placed where the first source was;
 * every other entry stays as it is and in its place. The merges of one plan replace disjoint sets
 * of entries (planToFit folds earlier steps into later ones), so any subset can be applied.
 */
export function applyAggregation(
  entries: Entry[],
  merges: AggregationStep[],
  accepted: Set<number>,
): Entry[] {
  const replacedBy = new Map<number, AggregationStep>();
  merges.forEach((merge, m) => {
    if (!accepted.has(m)) return;
    for (const index of merge.replacedIndexes) {
      if (replacedBy.has(index)) throw new Error(`Entry ${index + 1} is in two merges.`);
      replacedBy.set(index, merge);
    }
  });
  const out: Entry[] = [];
  const placed = new Set<AggregationStep>();
  entries.forEach((entry, index) => {
    const merge = replacedBy.get(index);
    if (!merge) out.push(entry);
    else if (!placed.has(merge)) {
      placed.add(merge);
      out.push(merge.into);
    }
  });
  return out;
}

/** Entries left after applying the accepted merges (without building the list). */
export function countAfter(
  total: number,
  merges: AggregationStep[],
  accepted: Set<number>,
): number {
  let count = total;
  merges.forEach((merge, m) => {
    if (accepted.has(m)) count -= merge.replacedIndexes.length - 1;
  });
  return count;
}

/** Extra addresses the accepted merges admit together. */
export function extraAfter(merges: AggregationStep[], accepted: Set<number>): number {
  let extra = 0;
  merges.forEach((merge, m) => {
    if (accepted.has(m)) extra += merge.extraAddresses;
  });
  return extra;
}

/** `ip/cidr` (or the bare address) of an entry. */
export function entryText(entry: Pick<Entry, 'ip' | 'cidr'>): string {
  return entry.cidr === null ? entry.ip : `${entry.ip}/${entry.cidr}`;
}
