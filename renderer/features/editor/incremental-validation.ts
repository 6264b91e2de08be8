import type { Config, Entry, Problem } from '../../../shared/allowlist/model.ts';
import { blockEnd, entryBlock } from '../../../shared/allowlist/network.ts';
import { makeProblem } from '../../../shared/allowlist/problem.ts';
import { listProblems, overlapParams, validateEntry } from '../../../shared/allowlist/validate.ts';

/**
 * The problems of a config split the way the editor shows them.
 *
 * `entries[i]` holds entry i's problems (its own checks, then DUPLICATE_ENTRY / COVERED_BY_ENTRY),
 * the same objects as long as nothing about that entry changed, so memoized rows can skip
 * re-rendering. `general` and `entries` flattened in order equal `validateConfig(config)`.
 */
export type IndexedProblems = {
  general: Problem[];
  entries: readonly (readonly Problem[])[];
};

/** Incremental `validateConfig`: call it with each new version of the working copy. */
export type ConfigValidator = (
  config: Config,
  options?: { maxEntries?: number },
) => IndexedProblems;

type Block = { start: number; end: number; prefix: number };
type Item = Block & { index: number };
type EntryCheck = { problems: Problem[]; block: Block | null };
type Overlap = { code: string; entry: Entry; other: Entry; otherIndex: number; problem: Problem };

/** Beyond this many changed entries a full rebuild of the sorted index is as cheap. */
const INCREMENTAL_LIMIT = 32;

const NONE: readonly Problem[] = Object.freeze([]);

/** validateEntry and the address block, once per entry object (entries are never mutated). */
const checks = new WeakMap<Entry, EntryCheck>();

function checkOf(entry: Entry): EntryCheck {
  let check = checks.get(entry);
  if (!check) {
    const block = entryBlock(entry);
    check = {
      problems: validateEntry(entry),
      block: block ? { start: block.start, end: blockEnd(block), prefix: block.prefix } : null,
    };
    checks.set(entry, check);
  }
  return check;
}

function compareItems(a: Item, b: Item): number {
  return a.start - b.start || a.prefix - b.prefix || a.index - b.index;
}

/** Position of `item` in the sorted `items` (where it is, or where it goes). */
function lowerBound(items: Item[], item: Item): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareItems(items[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sameProblems(a: readonly Problem[], b: readonly Problem[]): boolean {
  return a.length === b.length && a.every((p, i) => p === b[i]);
}

/**
 * A validator that gives exactly `validateConfig`'s problems while re-checking only what changed.
 *
 * Hand-written for measured speed (issue 6: a keystroke at 1,000 entries within one frame): each
 * entry's own checks are cached per entry object, and the duplicate / covered-by sweep runs over
 * an index of address blocks kept sorted by (start, prefix, index), where an edit moves one item
 * instead of re-parsing and re-sorting the list. The sweep itself is linear; overlap problems
 * and per-entry lists are reused when unchanged. A unit test compares it with validateConfig
 * over random edit sequences.
 */
export function createConfigValidator(): ConfigValidator {
  let prevEntries: readonly Entry[] = [];
  let items: Item[] = [];
  let own: (readonly Problem[])[] = [];
  let overlaps: (Overlap | undefined)[] = [];
  let lists: (readonly Problem[])[] = [];

  const ownProblems = (entry: Entry, index: number): readonly Problem[] => {
    const problems = checkOf(entry).problems;
    return problems.length === 0 ? NONE : problems.map((p) => ({ ...p, index }));
  };

  const rebuild = (entries: readonly Entry[]) => {
    own = entries.map((entry, index) =>
      prevEntries[index] === entry && own[index] ? own[index] : ownProblems(entry, index),
    );
    items = [];
    entries.forEach((entry, index) => {
      const block = checkOf(entry).block;
      if (block) items.push({ ...block, index });
    });
    items.sort(compareItems);
  };

  const update = (changed: number[], entries: readonly Entry[]) => {
    for (const index of changed) {
      const before = checkOf(prevEntries[index]!).block;
      if (before) {
        const at = lowerBound(items, { ...before, index });
        items.splice(at, 1);
      }
      const entry = entries[index]!;
      own[index] = ownProblems(entry, index);
      const after = checkOf(entry).block;
      if (after) {
        const item = { ...after, index };
        items.splice(lowerBound(items, item), 0, item);
      }
    }
  };

  /** Same sweep as overlapProblems (shared/allowlist/validate.ts), over the kept index. */
  const sweep = (entries: readonly Entry[]): (Overlap | undefined)[] => {
    const next: (Overlap | undefined)[] = new Array<Overlap | undefined>(entries.length);
    const stack: Item[] = [];
    const found = (index: number, code: string, otherIndex: number) => {
      const entry = entries[index]!;
      const other = entries[otherIndex]!;
      const old = overlaps[index];
      if (
        old &&
        old.code === code &&
        old.entry === entry &&
        old.other === other &&
        old.otherIndex === otherIndex
      ) {
        next[index] = old;
        return;
      }
      const params = overlapParams(entries, index, otherIndex);
      const problem = makeProblem(code, 'warning', params, { index, field: 'ip' });
      next[index] = { code, entry, other, otherIndex, problem };
    };
    for (const item of items) {
      while (stack.length > 0 && stack[stack.length - 1]!.end < item.start) stack.pop();
      const outer = stack[0];
      const top = stack[stack.length - 1];
      if (top && top.start === item.start && top.prefix === item.prefix) {
        const first = stack.find((s) => s.start === item.start && s.prefix === item.prefix) ?? top;
        found(item.index, 'DUPLICATE_ENTRY', first.index);
        continue;
      }
      if (outer) found(item.index, 'COVERED_BY_ENTRY', outer.index);
      stack.push(item);
    }
    return next;
  };

  return (config, options = {}) => {
    const general = listProblems(config, options);
    const entries: readonly Entry[] = Array.isArray(config.entries) ? config.entries : [];

    let changed: number[] | null = null;
    if (entries.length === prevEntries.length) {
      changed = [];
      for (let i = 0; i < entries.length; i++) {
        if (entries[i] === prevEntries[i]) continue;
        changed.push(i);
        if (changed.length > INCREMENTAL_LIMIT) {
          changed = null;
          break;
        }
      }
    }
    if (changed === null) rebuild(entries);
    else update(changed, entries);
    prevEntries = entries;
    overlaps = sweep(entries);

    const nextLists = entries.map((_, index) => {
      const mine = own[index] ?? NONE;
      const overlap = overlaps[index];
      const list = overlap ? [...mine, overlap.problem] : mine;
      const old = lists[index];
      return old && sameProblems(old, list) ? old : list;
    });
    lists = nextLists;
    return { general, entries: nextLists };
  };
}

/** The problems in `validateConfig` order: list-level first, then entry by entry. */
export function flattenProblems(result: IndexedProblems): Problem[] {
  const out = result.general.slice();
  for (const list of result.entries) out.push(...list);
  return out;
}
