import { MAX_MEMO_LENGTH, type Entry } from './model.ts';
import { entryBlock } from './network.ts';
import { blockSize, commonSupernet, formatIPv4, rangeToBlocks } from '../ip/ipv4.ts';

/**
 * Aggregation of allowlist entries: exact merge, and a cap-aware planner.
 *
 * Exact merge replaces overlapping and adjacent networks by the minimal CIDR set of their union:
 * the same addresses, fewer entries. The planner then, when the list is over the cap, chooses the
 * supernets that fit it while admitting the fewest addresses no entry covered: provably optimal,
 * by a tree knapsack over the binary trie of the networks (see `planToFit`).
 */

/** One merge: the new entry, the original entries (and their indexes) it replaces, and the cost. */
export type AggregationStep = {
  into: Entry;
  replaces: Entry[];
  replacedIndexes: number[];
  /** Addresses the new entry lets in that no replaced entry (or earlier merge) did; 0 when exact. */
  extraAddresses: number;
};

export type AggregateResult = {
  /** The resulting list, each entry at the position of its first source. */
  entries: Entry[];
  merges: AggregationStep[];
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
  merges: AggregationStep[],
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

function exactSteps(entries: Entry[], groups: Group[]): AggregationStep[] {
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

/** A node of the compressed binary trie over the exact groups: a leaf group or a common supernet. */
type TrieNode = {
  start: number;
  prefix: number;
  /** Index of the first and one past the last group below. */
  from: number;
  to: number;
  left: TrieNode | null;
  right: TrieNode | null;
  /** Addresses the groups below cover (they are disjoint). */
  covered: number;
  /** best[k]: fewest extra addresses covering the groups below with at most k blocks (k >= 1). */
  best: Float64Array;
  /** How best[k] is reached: 0 one block (this node), -1 as best[k - 1], i > 0 i blocks left. */
  choice: Int32Array;
};

/**
 * The trie node over groups `from..to` (sorted, disjoint): their common supernet, split where the
 * groups' bits first differ. Depth is at most 33, as each level fixes at least one more bit.
 */
function buildTrie(groups: Group[], from: number, to: number, limit: number): TrieNode {
  const first = groups[from] as Group;
  if (to - from === 1) {
    return {
      start: first.start,
      prefix: first.prefix,
      from,
      to,
      left: null,
      right: null,
      covered: blockSize(first.prefix),
      best: Float64Array.of(Infinity, 0),
      choice: Int32Array.of(0, 0),
    };
  }
  const block = commonSupernet(first.start, end(groups[to - 1] as Group));
  // Groups in the upper half of the block start at or after its midpoint.
  const mid = block.start + blockSize(block.prefix + 1);
  let split = from + 1;
  while (split < to - 1 && (groups[split] as Group).start < mid) split += 1;
  const left = buildTrie(groups, from, split, limit);
  const right = buildTrie(groups, split, to, limit);
  const covered = left.covered + right.covered;
  const m = Math.min(to - from, limit);
  const best = new Float64Array(m + 1);
  const choice = new Int32Array(m + 1);
  best[0] = Infinity;
  const single = blockSize(block.prefix) - covered;
  const a = left.best;
  const b = right.best;
  const la = a.length - 1;
  const lb = b.length - 1;
  for (let k = 1; k <= m; k += 1) {
    let value = single;
    let how = 0;
    if (k > 1 && (best[k - 1] as number) < value) {
      value = best[k - 1] as number;
      how = -1;
    }
    // Split k blocks between the halves: i left, k - i right, each at least one. Ties go to
    // the split, which keeps more entries as they are.
    for (let i = Math.max(1, k - lb); i <= Math.min(la, k - 1); i += 1) {
      const v = (a[i] as number) + (b[k - i] as number);
      if (v <= value) {
        value = v;
        how = i;
      }
    }
    best[k] = value;
    choice[k] = how;
  }
  return { ...block, from, to, left, right, covered, best, choice };
}

/** The blocks of the optimum with at most `k` blocks under `node`: trie nodes, in address order. */
function chosenBlocks(node: TrieNode, k: number, out: TrieNode[]): void {
  let budget = Math.min(k, node.best.length - 1);
  while (node.choice[budget] === -1) budget -= 1;
  const how = node.choice[budget] as number;
  if (how === 0 || node.left === null || node.right === null) {
    out.push(node);
    return;
  }
  chosenBlocks(node.left, how, out);
  chosenBlocks(node.right, budget - how, out);
}

/**
 * Fit a list under `maxEntries`: exact merge first, then the supernets that admit the fewest
 * extra addresses in total. Optimal for every limit, not greedy.
 *
 * The exact groups are the leaves of a compressed binary trie; each inner node is the common
 * supernet of the groups below it. The cheapest cover of a node's groups with at most k blocks is
 * either the node itself as one block, or the best split of k between its two children (a block
 * that cuts a group in parts only costs entries, so the optimum uses trie nodes). Computing that
 * for every node with k capped at its number of groups costs O(n·K) (the classic subtree-size
 * bound of tree knapsacks): well under a second for 2,900 entries down to 1,000
 * (bench/aggregate.bench.ts). Ties prefer fewer merges. Every count reported is exact. `fits` is
 * false when even merging cannot reach the cap (e.g. more invalid entries than the cap).
 */
export function planToFit(entries: Entry[], maxEntries: number): AggregateResult {
  const { groups, invalidIndexes } = exactGroups(entries);
  const exact = exactSteps(entries, groups);
  const blocks = Math.max(1, maxEntries - invalidIndexes.length);
  if (groups.length <= blocks) {
    const count = groups.length + invalidIndexes.length;
    return assemble(entries, groups, invalidIndexes, exact, count <= maxEntries);
  }
  const chosen: TrieNode[] = [];
  chosenBlocks(buildTrie(groups, 0, groups.length, blocks), blocks, chosen);
  const planned: Group[] = [];
  const merges: AggregationStep[] = [];
  const absorbed = new Set<number>();
  for (const node of chosen) {
    if (node.to - node.from === 1) {
      planned.push(groups[node.from] as Group);
      continue;
    }
    const merged: Group = {
      start: node.start,
      prefix: node.prefix,
      sources: groups.slice(node.from, node.to).flatMap((g) => g.sources),
    };
    planned.push(merged);
    for (const source of merged.sources) absorbed.add(source);
    merges.push({
      into: groupEntry(entries, merged),
      replaces: merged.sources.map((x) => entries[x] as Entry),
      replacedIndexes: [...merged.sources].sort((x, y) => x - y),
      extraAddresses: blockSize(node.prefix) - node.covered,
    });
  }
  // Exact steps inside a planned merge are folded into it: each entry is replaced once.
  const kept = exact.filter((m) => !m.replacedIndexes.every((x) => absorbed.has(x)));
  const count = planned.length + invalidIndexes.length;
  return assemble(entries, planned, invalidIndexes, [...kept, ...merges], count <= maxEntries);
}
