import type { Config } from '../../../shared/allowlist/model.ts';
import { mergeConfigs, sameConfig } from '../../../shared/sync/merge.ts';

/**
 * What the editor does with a list main hands over (after a pull, push or restore) when the
 * admin may have kept typing while main was working.
 *
 * `since` is the editor's list when the call started (after the autosave was flushed, so main
 * had it), `current` the editor's list now, `incoming` main's answer.
 * - no call to compare with, or no edit since it started: show `incoming` (`replace`);
 * - edits since: three-way merge (base `since`, ours `current`, theirs `incoming`). Clean: the
 *   merged list (`merged`). Conflicts: the merged list, which holds the admin's side of every
 *   conflicting entry or mode (`kept`, with how many), so nothing typed is lost and the admin is
 *   told which of main's changes were not taken. Main's list is never dropped silently either:
 *   its changes that do not conflict are in both results.
 */
export type LoadDecision =
  | { kind: 'replace'; config: Config }
  | { kind: 'merged'; config: Config }
  | { kind: 'kept'; config: Config; conflicts: number };

export function decideLoad(
  since: Config | null,
  current: Config,
  incoming: Config,
  /** The editor holds text its list cannot show yet (a CIDR that is not a number): an edit. */
  unsavedText = false,
): LoadDecision {
  if (since === null || (sameConfig(since, current) && !unsavedText))
    return { kind: 'replace', config: incoming };
  const outcome = mergeConfigs(since, current, incoming);
  if (outcome.conflicts.length === 0) return { kind: 'merged', config: outcome.merged };
  return { kind: 'kept', config: outcome.merged, conflicts: outcome.conflicts.length };
}
