import type { Config } from '../../../shared/allowlist/model.ts';
import type { DraftView, PullChangesView } from '../../../shared/contract/ipc.ts';
import { summarizeChanges, type ChangeSummary } from '../../../shared/sync/merge.ts';

/** A merge main did without conflicts: the three sides as they were. */
export type Combined = {
  base: Config;
  baseRevision: string;
  mine: Config;
  theirs: Config;
  theirsRevision: string;
  /** How many changes each side made since the base ("the service changed 3; your 2 are kept"). */
  counts: { remote: number; local: number };
};

/** One number for a side's changes: each entry added, removed or changed, and the mode. */
export function changeCount(summary: ChangeSummary): number {
  return summary.added + summary.removed + summary.memoChanged + (summary.modeChanged ? 1 : 0);
}

/**
 * The sides of a conflict-free merge, from the draft before and after it (main replaces the base,
 * so the renderer keeps the picture); null when nothing was combined.
 */
export function combinedFrom(before: DraftView | null, after: DraftView): Combined | null {
  if (!before?.base || !after.base || before.base.revision === after.base.revision) return null;
  const base = { mode: before.base.mode, entries: before.base.entries };
  const theirs = { mode: after.base.mode, entries: after.base.entries };
  return {
    base,
    baseRevision: before.base.revision,
    mine: before.working,
    theirs,
    theirsRevision: after.base.revision,
    counts: {
      remote: changeCount(summarizeChanges(base, theirs)),
      local: changeCount(summarizeChanges(base, before.working)),
    },
  };
}

/** The same picture from what a pull reports (the sides before it) and the draft after it. */
export function combinedFromPull(changes: PullChangesView, after: DraftView): Combined | null {
  if (!changes.base || !after.base || changes.base.revision === after.base.revision) return null;
  return {
    base: changes.base.config,
    baseRevision: changes.base.revision,
    mine: changes.mine,
    theirs: { mode: after.base.mode, entries: after.base.entries },
    theirsRevision: after.base.revision,
    // Main's own report of the pull.
    counts: { remote: changeCount(changes.remote), local: changeCount(changes.local) },
  };
}
