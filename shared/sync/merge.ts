import type { Config, Entry, Mode } from '../allowlist/model.ts';
import type { ConflictView } from '../contract/ipc-schemas.ts';
import { networkKey } from '../allowlist/diff.ts';

/**
 * Three-way merge of allowlists keyed by network.
 *
 * base = the revision the draft was pulled from, local = the working copy, remote = the service's
 * current list. A change made on one side only is taken; the same change on both sides is taken
 * once; different changes to the same network (or to the mode) are conflicts, returned for the
 * admin to resolve: never resolved silently.
 */

export type Conflict = ConflictView;

/** Counts of what one side changed relative to base. */
export type ChangeSummary = {
  added: number;
  removed: number;
  memoChanged: number;
  modeChanged: boolean;
};

export type MergeOutcome = {
  /** Every non-conflicting change applied; a conflicting network still holds the local side. */
  merged: Config;
  conflicts: Conflict[];
  local: ChangeSummary;
  remote: ChangeSummary;
};

export type Resolution = { id: string; choice: 'local' | 'remote' };

type Keyed = { order: string[]; map: Map<string, Entry> };

function keyedOf(entries: readonly Entry[], keys: readonly string[]): Keyed {
  const map = new Map<string, Entry>();
  entries.forEach((entry, i) => map.set(keys[i]!, entry));
  return { order: [...keys], map };
}

/** The base's keys: the network, numbered when repeated (`key#2`) so duplicates survive. */
function positionalKeys(entries: readonly Entry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((entry) => {
    const net = networkKey(entry);
    const n = (seen.get(net) ?? 0) + 1;
    seen.set(net, n);
    return n === 1 ? net : `${net}#${n}`;
  });
}

/**
 * The key of the `ref` entry each `side` entry is (null: none, it is new). Within one network an
 * entry is matched to a reference entry with the same memo first, then to the next unmatched one
 * in order: deleting one of two repeated networks is never read as deleting the other.
 */
function matchKeys(ref: Keyed, side: readonly Entry[]): (string | null)[] {
  const free = new Map<string, string[]>();
  for (const key of ref.order) {
    const net = networkKey(ref.map.get(key)!);
    free.set(net, [...(free.get(net) ?? []), key]);
  }
  const nets = side.map(networkKey);
  const keys: (string | null)[] = side.map(() => null);
  side.forEach((entry, i) => {
    const list = free.get(nets[i]!) ?? [];
    const at = list.findIndex((key) => ref.map.get(key)!.memo === entry.memo);
    if (at >= 0) keys[i] = list.splice(at, 1)[0]!;
  });
  side.forEach((_, i) => {
    const list = free.get(nets[i]!);
    if (keys[i] === null && list && list.length > 0) keys[i] = list.shift()!;
  });
  return keys;
}

/**
 * Key the three lists alike: local and remote entries take the key of the base entry they are
 * (see `matchKeys`); entries new on both sides are matched to each other the same way (the same
 * addition made twice is one change); what is left gets a fresh number (`key#3`).
 */
function alignAll(base: Config, local: Config, remote: Config): { b: Keyed; l: Keyed; r: Keyed } {
  const baseKeys = positionalKeys(base.entries);
  const b = keyedOf(base.entries, baseKeys);
  const counts = new Map<string, number>();
  for (const entry of base.entries) {
    const net = networkKey(entry);
    counts.set(net, (counts.get(net) ?? 0) + 1);
  }
  const fresh = (entry: Entry): string => {
    const net = networkKey(entry);
    const n = (counts.get(net) ?? 0) + 1;
    counts.set(net, n);
    return n === 1 ? net : `${net}#${n}`;
  };
  const localMatched = matchKeys(b, local.entries);
  const localKeys = localMatched.map((key, i) => key ?? fresh(local.entries[i]!));
  const isNew = (_: unknown, i: number): boolean => localMatched[i] === null;
  const localNew = keyedOf(local.entries.filter(isNew), localKeys.filter(isNew));
  const remoteMatched = matchKeys(b, remote.entries);
  const remoteLeft = remote.entries.filter((_, i) => remoteMatched[i] === null);
  const remoteNew = matchKeys(localNew, remoteLeft);
  let next = 0;
  const remoteKeys = remoteMatched.map((key, i) => {
    if (key !== null) return key;
    const paired = remoteNew[next++];
    return paired ?? fresh(remote.entries[i]!);
  });
  return { b, l: keyedOf(local.entries, localKeys), r: keyedOf(remote.entries, remoteKeys) };
}

function same(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.memo === b.memo && a.ip === b.ip && a.cidr === b.cidr;
}

/** What one side did relative to base, counted by network (repeats matched as the merge does). */
export function summarizeChanges(base: Config, side: Config): ChangeSummary {
  const b = keyedOf(base.entries, positionalKeys(base.entries));
  const keys = matchKeys(b, side.entries);
  let added = 0;
  let memoChanged = 0;
  keys.forEach((key, i) => {
    if (key === null) added += 1;
    else if (!same(b.map.get(key), side.entries[i])) memoChanged += 1;
  });
  const removed = base.entries.length - (side.entries.length - added);
  return { added, removed, memoChanged, modeChanged: base.mode !== side.mode };
}

/** True when the two configs hold the same mode and the same entries in the same order. */
export function sameConfig(a: Config, b: Config): boolean {
  return a.mode === b.mode && sameEntries(a.entries, b.entries);
}

function sameEntries(a: readonly Entry[], b: readonly Entry[]): boolean {
  return a.length === b.length && a.every((entry, i) => same(entry, b[i]));
}

type Decision = { entry: Entry | undefined; conflict: Conflict | null };

function decide(
  key: string,
  b: Entry | undefined,
  l: Entry | undefined,
  r: Entry | undefined,
  unconfirmedBase: boolean,
): Decision {
  if (same(l, r)) return { entry: l, conflict: null };
  if (same(l, b)) return { entry: r, conflict: null };
  if (same(r, b) && !unconfirmedBase) return { entry: l, conflict: null };
  const reason = same(r, b)
    ? 'unconfirmed-save'
    : b === undefined
      ? 'added-both-different'
      : l === undefined || r === undefined
        ? 'deleted-vs-changed'
        : 'changed-both';
  return {
    entry: l,
    conflict: {
      id: `entry:${key}`,
      kind: 'entry',
      key,
      reason,
      base: b ?? null,
      local: l ?? null,
      remote: r ?? null,
    },
  };
}

/**
 * Merge base, local and remote.
 *
 * Order: the local order first (the admin's own arrangement), then networks only the remote has,
 * in the remote order.
 */
export function mergeConfigs(
  base: Config,
  local: Config,
  remote: Config,
  options: {
    /** `base` stands in for "nothing pulled yet": its mode is no one's decision. */
    firstPull?: boolean;
    /**
     * A save of `local` from `base` was not confirmed: `remote` showing the base value may mean
     * the save was not applied or someone undid it since. A local change the remote does not
     * show is then a conflict (`unconfirmed-save`), never taken silently.
     */
    unconfirmedBase?: boolean;
  } = {},
): MergeOutcome {
  const aligned = alignAll(base, local, remote);
  const b = aligned.b.map;
  const { l, r } = aligned;
  const conflicts: Conflict[] = [];

  let mode: Mode = local.mode;
  const localEditedEntries = !options.firstPull && !sameEntries(base.entries, local.entries);
  if (local.mode !== remote.mode) {
    if (local.mode === base.mode && !localEditedEntries) mode = remote.mode;
    else if (local.mode === base.mode) {
      // The service's mode changed (e.g. a Reset URL turned the restriction off while the admin
      // was locked out) while the admin edited entries: whether those entries are in force is the
      // admin's decision, never merged silently.
      conflicts.push({
        id: 'mode',
        kind: 'mode',
        reason: 'remote-changed-while-editing',
        base: base.mode,
        local: local.mode,
        remote: remote.mode,
      });
    } else if (remote.mode !== base.mode || options.unconfirmedBase) {
      conflicts.push({
        id: 'mode',
        kind: 'mode',
        reason: remote.mode === base.mode ? 'unconfirmed-save' : 'changed-both',
        base: base.mode,
        local: local.mode,
        remote: remote.mode,
      });
    }
  }

  const entries: Entry[] = [];
  const visit = (key: string): void => {
    const decision = decide(
      key,
      b.get(key),
      l.map.get(key),
      r.map.get(key),
      options.unconfirmedBase === true,
    );
    if (decision.conflict) conflicts.push(decision.conflict);
    if (decision.entry) entries.push(decision.entry);
  };
  for (const key of l.order) visit(key);
  const remoteOnly = [...r.order, ...b.keys()].filter((key) => !l.map.has(key));
  for (const key of new Set(remoteOnly)) visit(key);

  return {
    merged: { mode, entries },
    conflicts,
    local: summarizeChanges(base, local),
    remote: summarizeChanges(base, remote),
  };
}

/**
 * Apply the admin's choice for every conflict to the merged config.
 *
 * Throws when a conflict has no resolution (the UI must resolve them all) or a resolution names
 * an unknown conflict.
 */
export function resolveConflicts(
  merged: Config,
  conflicts: readonly Conflict[],
  resolutions: readonly Resolution[],
): Config {
  const choices = new Map(resolutions.map((res) => [res.id, res.choice]));
  for (const id of choices.keys()) {
    if (!conflicts.some((c) => c.id === id)) throw new Error(`Unknown conflict "${id}".`);
  }
  const missing = conflicts.filter((c) => !choices.has(c.id));
  if (missing.length > 0) throw new Error(`${missing.length} conflict(s) still need a choice.`);

  // The merged list holds the local side of every conflict: found by value, not by key.
  let mode = merged.mode;
  const entries: (Entry | null)[] = [...merged.entries];
  const appended: Entry[] = [];
  const taken = new Set<number>();
  for (const conflict of conflicts) {
    if (choices.get(conflict.id) !== 'remote') continue;
    if (conflict.kind === 'mode') {
      mode = conflict.remote;
      continue;
    }
    if (conflict.local === null) {
      if (conflict.remote !== null) appended.push(conflict.remote);
      continue;
    }
    const at = entries.findIndex(
      (entry, i) => !taken.has(i) && same(entry ?? undefined, conflict.local!),
    );
    if (at < 0) throw new Error(`The merge changed: conflict "${conflict.id}" is no longer in it.`);
    taken.add(at);
    entries[at] = conflict.remote;
  }
  return { mode, entries: [...entries.filter((e): e is Entry => e !== null), ...appended] };
}
