import type { Config, Entry, Mode } from './model.ts';
import { entryBlock, formatBlock } from './network.ts';

/** What changed between two configs, entries matched by the network they cover. */
export type ConfigDiff = {
  modeChanged: { from: Mode; to: Mode } | null;
  added: Entry[];
  removed: Entry[];
  memoChanged: { before: Entry; after: Entry }[];
  /** Same network written differently (`10.0.0.5/24` -> `10.0.0.0/24`); memo may also differ. */
  rewritten: { before: Entry; after: Entry }[];
  unchanged: number;
};

/**
 * The key of the network an entry covers: `a.b.c.d/n` with host bits cleared, `/32` for a single
 * address. An invalid entry keys by its exact text (`raw:ip/cidr`), never guessed.
 */
export function networkKey(entry: Pick<Entry, 'ip' | 'cidr'>): string {
  const block = entryBlock(entry);
  return block ? formatBlock(block) : `raw:${String(entry.ip)}/${entry.cidr ?? ''}`;
}

/**
 * Diff two configs, keyed by network.
 *
 * Entries repeated under one key are paired in order; the extra ones count as added/removed.
 */
export function diffConfigs(a: Config, b: Config): ConfigDiff {
  const before = new Map<string, Entry[]>();
  for (const entry of a.entries) {
    const key = networkKey(entry);
    const list = before.get(key);
    if (list) list.push(entry);
    else before.set(key, [entry]);
  }
  const diff: ConfigDiff = {
    modeChanged: a.mode === b.mode ? null : { from: a.mode, to: b.mode },
    added: [],
    removed: [],
    memoChanged: [],
    rewritten: [],
    unchanged: 0,
  };
  for (const entry of b.entries) {
    const old = before.get(networkKey(entry))?.shift();
    if (!old) diff.added.push(entry);
    else if (old.ip !== entry.ip || old.cidr !== entry.cidr)
      diff.rewritten.push({ before: old, after: entry });
    else if (old.memo !== entry.memo) diff.memoChanged.push({ before: old, after: entry });
    else diff.unchanged += 1;
  }
  for (const rest of before.values()) diff.removed.push(...rest);
  return diff;
}
