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

type Keyed = Map<string, Entry>;

/** Key every entry by network, numbering repeated networks (`key#2`) so duplicates survive. */
function keyed(entries: readonly Entry[]): { order: string[]; map: Keyed } {
  const seen = new Map<string, number>();
  const order: string[] = [];
  const map: Keyed = new Map();
  for (const entry of entries) {
    const base = networkKey(entry);
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const key = n === 1 ? base : `${base}#${n}`;
    order.push(key);
    map.set(key, entry);
  }
  return { order, map };
}

function same(a: Entry | undefined, b: Entry | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.memo === b.memo && a.ip === b.ip && a.cidr === b.cidr;
}

/** What one side did relative to base, counted by network. */
export function summarizeChanges(base: Config, side: Config): ChangeSummary {
  const b = keyed(base.entries).map;
  const s = keyed(side.entries).map;
  let added = 0;
  let removed = 0;
  let memoChanged = 0;
  for (const [key, entry] of s) {
    const before = b.get(key);
    if (before === undefined) added += 1;
    else if (!same(before, entry)) memoChanged += 1;
  }
  for (const key of b.keys()) if (!s.has(key)) removed += 1;
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
): Decision {
  if (same(l, r)) return { entry: l, conflict: null };
  if (same(l, b)) return { entry: r, conflict: null };
  if (same(r, b)) return { entry: l, conflict: null };
  const reason =
    b === undefined
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
  } = {},
): MergeOutcome {
  const b = keyed(base.entries).map;
  const l = keyed(local.entries);
  const r = keyed(remote.entries);
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
    } else if (remote.mode !== base.mode) {
      conflicts.push({
        id: 'mode',
        kind: 'mode',
        reason: 'changed-both',
        base: base.mode,
        local: local.mode,
        remote: remote.mode,
      });
    }
  }

  const entries: Entry[] = [];
  const visit = (key: string): void => {
    const decision = decide(key, b.get(key), l.map.get(key), r.map.get(key));
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

  let mode = merged.mode;
  const { order, map } = keyed(merged.entries);
  const appended: string[] = [];
  for (const conflict of conflicts) {
    if (choices.get(conflict.id) !== 'remote') continue;
    if (conflict.kind === 'mode') {
      mode = conflict.remote;
      continue;
    }
    if (conflict.remote === null) map.delete(conflict.key);
    else {
      if (!map.has(conflict.key)) appended.push(conflict.key);
      map.set(conflict.key, conflict.remote);
    }
  }
  const entries: Entry[] = [];
  for (const key of [...order, ...appended]) {
    const entry = map.get(key);
    if (entry) entries.push(entry);
  }
  return { mode, entries };
}
