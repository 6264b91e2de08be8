import type { Config } from '../../../shared/allowlist/model.ts';
import type { DraftView, PullChangesView } from '../../../shared/contract/ipc.ts';

/** A merge main did without conflicts: the three sides as they were. */
export type Combined = {
  base: Config;
  baseRevision: string;
  mine: Config;
  theirs: Config;
  theirsRevision: string;
};

/**
 * The sides of a conflict-free merge, from the draft before and after it (main replaces the base,
 * so the renderer keeps the picture); null when nothing was combined.
 */
export function combinedFrom(before: DraftView | null, after: DraftView): Combined | null {
  if (!before?.base || !after.base || before.base.revision === after.base.revision) return null;
  return {
    base: { mode: before.base.mode, entries: before.base.entries },
    baseRevision: before.base.revision,
    mine: before.working,
    theirs: { mode: after.base.mode, entries: after.base.entries },
    theirsRevision: after.base.revision,
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
  };
}
