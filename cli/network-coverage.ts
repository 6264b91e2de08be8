import type { Entry } from '../shared/allowlist/model.ts';
import { blockEnd, entryBlock, formatBlock } from '../shared/allowlist/network.ts';
import { rangeToBlocks } from '../shared/ip/ipv4.ts';
import type { Network } from '../shared/ip/parse.ts';

/** How much of a network (or range) a list allows, and by which entries. */
export type Coverage = {
  /** `all`: every address allowed; `part`: some; `none`: not one. */
  coverage: 'all' | 'part' | 'none';
  totalAddresses: number;
  allowedAddresses: number;
  /** The allowed and the not-allowed parts, as the fewest CIDR blocks, in address order. */
  allowedParts: string[];
  deniedParts: string[];
  /** Indexes of the entries that allow some of it, in list order. */
  matchIndexes: number[];
};

type Interval = { start: number; end: number };

/**
 * What part of `networks` (the blocks of one input, e.g. a CIDR or a range) the entries allow.
 *
 * Each entry's block is intersected with each input block; the union of the intersections is the
 * allowed part, the rest the denied part. O(n log n) in the number of entries.
 */
export function networkCoverage(networks: Network[], entries: Entry[]): Coverage {
  const targets: Interval[] = [];
  for (const n of networks) {
    const block = entryBlock(n);
    if (block) targets.push({ start: block.start, end: blockEnd(block) });
  }
  const hits: Interval[] = [];
  const matchIndexes: number[] = [];
  entries.forEach((entry, index) => {
    const block = entryBlock(entry);
    if (!block) return;
    const end = blockEnd(block);
    let matched = false;
    for (const t of targets) {
      const start = Math.max(t.start, block.start);
      const stop = Math.min(t.end, end);
      if (start <= stop) {
        hits.push({ start, end: stop });
        matched = true;
      }
    }
    if (matched) matchIndexes.push(index);
  });
  const allowed = union(hits);
  const denied = union(targets).flatMap((t) => without(t, allowed));
  const size = (list: Interval[]) => list.reduce((n, i) => n + (i.end - i.start + 1), 0);
  const blocks = (list: Interval[]) =>
    list.flatMap((i) => rangeToBlocks(i.start, i.end).map(formatBlock));
  const totalAddresses = size(union(targets));
  const allowedAddresses = size(allowed);
  return {
    coverage:
      allowedAddresses === 0 ? 'none' : allowedAddresses === totalAddresses ? 'all' : 'part',
    totalAddresses,
    allowedAddresses,
    allowedParts: blocks(allowed),
    deniedParts: blocks(denied),
    matchIndexes,
  };
}

function union(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.start <= last.end + 1) last.end = Math.max(last.end, i.end);
    else out.push({ ...i });
  }
  return out;
}

/** `t` minus the sorted, disjoint `cut` intervals. */
function without(t: Interval, cut: Interval[]): Interval[] {
  const out: Interval[] = [];
  let from = t.start;
  for (const c of cut) {
    if (c.end < from || c.start > t.end) continue;
    if (c.start > from) out.push({ start: from, end: c.start - 1 });
    from = Math.max(from, c.end + 1);
  }
  if (from <= t.end) out.push({ start: from, end: t.end });
  return out;
}
