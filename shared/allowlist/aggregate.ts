import { MAX_MEMO_LENGTH, type Entry } from './model.ts';
import { entryBlock } from './network.ts';
import { blockSize, commonSupernet, formatIPv4, rangeToBlocks } from '../ip/ipv4.ts';

/**
 * Aggregation of allowlist entries: exact merge, and a cap-aware planner.
 *
 * Exact merge replaces overlapping and adjacent networks by the minimal CIDR set of their union:
 * the same addresses, fewer entries. The planner then, while the list is over the cap, merges
 * neighbours into their common supernet, each time choosing the merge that admits the fewest
 * addresses that no entry covered, and reports that exact count per merge.
 */

/** One merge: the new entry, the original entries (and their indexes) it replaces, and the cost. */
export type MergeStep = {
  into: Entry;
  replaces: Entry[];
  replacedIndexes: number[];
  /** Addresses the new entry lets in that no replaced entry (or earlier merge) did; 0 when exact. */
  extraAddresses: number;
};

export type AggregateResult = {
  /** The resulting list, each entry at the position of its first source. */
  entries: Entry[];
  merges: MergeStep[];
  /** Sum of `extraAddresses` over all merges. */
  extraAddresses: number;
  /** Indexes of invalid entries, kept as they are and counted in the total. */
  invalidIndexes: number[];
  /** For `planToFit`: whether the result has at most `maxEntries` entries. */
  fits: boolean;
};

type Group = { start: number; prefix: number; sources: number[] };

const end = (g: { start: number; prefix: number }): number => g.start + blockSize(g.prefix) - 1;

/** Join the distinct non-empty memos of merged entries, within the service's memo limit. */
export function joinMemos(memos: string[]): string {
  const distinct = [...new Set(memos.filter((m) => m !== ''))];
  const kept: string[] = [];
  for (let i = 0; i < distinct.length; i += 1) {
    const candidate = [...kept, distinct[i] as string].join(' / ');
    const more = distinct.length - i - 1;
    const suffix = more > 0 ? ` (+${more} more)` : '';
    if ([...candidate].length + suffix.length > MAX_MEMO_LENGTH) {
      return `${kept.join(' / ')} (+${distinct.length - i} more)`;
    }
    kept.push(distinct[i] as string);
  }
  return kept.join(' / ');
}

function exactGroups(entries: Entry[]): { groups: Group[]; invalidIndexes: number[] } {
  const items: { index: number; start: number; end: number }[] = [];
  const invalidIndexes: number[] = [];
  entries.forEach((entry, index) => {
    const block = entryBlock(entry);
    if (block) items.push({ index, start: block.start, end: end(block) });
    else invalidIndexes.push(index);
  });
  items.sort((a, b) => a.start - b.start || b.end - a.end || a.index - b.index);
  const groups: Group[] = [];
  let i = 0;
  while (i < items.length) {
    const first = items[i] as (typeof items)[number];
    let unionEnd = first.end;
    let j = i + 1;
    while (j < items.length && (items[j] as (typeof items)[number]).start <= unionEnd + 1) {
      unionEnd = Math.max(unionEnd, (items[j] as (typeof items)[number]).end);
      j += 1;
    }
    // Every source block lies inside exactly one block of the union's minimal cover (CIDR blocks
    // are nested or disjoint, and the greedy cover is made of the maximal aligned blocks).
    let k = i;
    for (const block of rangeToBlocks(first.start, unionEnd)) {
      const sources: number[] = [];
      while (k < j && (items[k] as (typeof items)[number]).start <= end(block)) {
        sources.push((items[k] as (typeof items)[number]).index);
        k += 1;
      }
      groups.push({ start: block.start, prefix: block.prefix, sources });
    }
    i = j;
  }
  return { groups, invalidIndexes };
}

function groupEntry(entries: Entry[], group: Group): Entry {
  const only = group.sources.length === 1 ? entries[group.sources[0] as number] : undefined;
  if (only) {
    const block = entryBlock(only);
    if (block && block.start === group.start && block.prefix === group.prefix) return only;
  }
  const sources = [...group.sources].sort((x, y) => x - y).map((s) => entries[s] as Entry);
  const allSingle = group.prefix === 32 && sources.every((s) => s.cidr === null);
  return {
    ip: formatIPv4(group.start),
    cidr: allSingle ? null : group.prefix,
    memo: joinMemos(sources.map((s) => s.memo)),
  };
}

function assemble(
  entries: Entry[],
  groups: Group[],
  invalidIndexes: number[],
  merges: MergeStep[],
  fits: boolean,
): AggregateResult {
  const placed: { at: number; entry: Entry }[] = groups.map((g) => ({
    at: Math.min(...g.sources),
    entry: groupEntry(entries, g),
  }));
  for (const index of invalidIndexes) placed.push({ at: index, entry: entries[index] as Entry });
  placed.sort((a, b) => a.at - b.at);
  return {
    entries: placed.map((p) => p.entry),
    merges,
    extraAddresses: merges.reduce((sum, m) => sum + m.extraAddresses, 0),
    invalidIndexes,
    fits,
  };
}

function exactSteps(entries: Entry[], groups: Group[]): MergeStep[] {
  return groups
    .filter(
      (g) => groupEntry(entries, g) !== entries[g.sources[0] as number] || g.sources.length > 1,
    )
    .map((g) => ({
      into: groupEntry(entries, g),
      replaces: g.sources.map((s) => entries[s] as Entry),
      replacedIndexes: [...g.sources].sort((a, b) => a - b),
      extraAddresses: 0,
    }));
}

/**
 * Exact merge: same coverage, fewest entries.
 *
 * Untouched entries are returned as they are (same object); invalid entries are kept.
 */
export function mergeExact(entries: Entry[]): AggregateResult {
  const { groups, invalidIndexes } = exactGroups(entries);
  return assemble(entries, groups, invalidIndexes, exactSteps(entries, groups), true);
}

/**
 * Fit a list under `maxEntries`: exact merge first, then the cheapest supernet merges.
 *
 * Each step merges a run of neighbouring networks into their smallest common supernet, choosing
 * the step that admits the fewest new addresses (ties: the one removing more entries, then the
 * lower address). Greedy, so not always the global optimum, but every count reported is exact.
 * `fits` is false when even merging cannot reach the cap (e.g. too many invalid entries).
 */
export function planToFit(entries: Entry[], maxEntries: number): AggregateResult {
  const { groups, invalidIndexes } = exactGroups(entries);
  const merges = exactSteps(entries, groups);
  let count = groups.length + invalidIndexes.length;
  while (count > maxEntries && groups.length > 1) {
    let best: { from: number; to: number; start: number; prefix: number; extra: number } | null =
      null;
    for (let i = 0; i + 1 < groups.length; i += 1) {
      const a = groups[i] as Group;
      const b = groups[i + 1] as Group;
      const s = commonSupernet(a.start, end(b));
      const sEnd = end(s);
      let from = i;
      while (from > 0 && (groups[from - 1] as Group).start >= s.start) from -= 1;
      let to = i + 1;
      let covered = blockSize(a.prefix) + blockSize(b.prefix);
      for (let k = from; k < i; k += 1) covered += blockSize((groups[k] as Group).prefix);
      while (to + 1 < groups.length && end(groups[to + 1] as Group) <= sEnd) {
        to += 1;
        covered += blockSize((groups[to] as Group).prefix);
      }
      const extra = blockSize(s.prefix) - covered;
      const saved = to - from;
      if (
        best === null ||
        extra < best.extra ||
        (extra === best.extra && saved > best.to - best.from)
      ) {
        best = { from, to, start: s.start, prefix: s.prefix, extra };
      }
    }
    if (best === null) break;
    const run = groups.slice(best.from, best.to + 1);
    const merged: Group = {
      start: best.start,
      prefix: best.prefix,
      sources: run.flatMap((g) => g.sources),
    };
    groups.splice(best.from, run.length, merged);
    // Earlier steps absorbed into this one are folded in, so each original entry is replaced once.
    const absorbed = new Set(merged.sources);
    for (let m = merges.length - 1; m >= 0; m -= 1) {
      if ((merges[m] as MergeStep).replacedIndexes.every((x) => absorbed.has(x))) {
        best.extra += (merges[m] as MergeStep).extraAddresses;
        merges.splice(m, 1);
      }
    }
    merges.push({
      into: groupEntry(entries, merged),
      replaces: merged.sources.map((s) => entries[s] as Entry),
      replacedIndexes: [...merged.sources].sort((x, y) => x - y),
      extraAddresses: best.extra,
    });
    count -= run.length - 1;
  }
  return assemble(entries, groups, invalidIndexes, merges, count <= maxEntries);
}
