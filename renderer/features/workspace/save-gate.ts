import type { AutosaveState } from '../editor/use-editor.ts';
import type { Activity } from './in-flight.ts';
import type { SyncStatusView } from '../../../shared/contract/ipc.ts';
import type { Notice } from './workspace-state.ts';

/**
 * Why "Review and save…" and "Refresh from service" cannot be pressed now: pure, so every reason
 * and its order is tested (test/unit/renderer/features/workspace/save-gate.test.ts). Each reason is a
 * text key (and parameters) shown next to the disabled button; null means it can be pressed.
 */

export type GateFacts = {
  /** What runs against the service now. */
  running: Activity | null;
  sync: SyncStatusView | null;
  autosave: AutosaveState;
  /** Errors in the list (the service would refuse it). */
  errors: number;
};

/** Why saving is not possible now, the first reason that holds. */
export function saveDisabledReason(facts: GateFacts): Notice | null {
  const { running, sync, autosave, errors } = facts;
  // A refresh replaces the draft this would plan: wait for it.
  if (running === 'refresh') return { key: 'syncUi.busy.refresh' };
  if (sync?.state === 'offline') return { key: 'save.disabledOffline' };
  if (autosave.kind === 'blocked')
    return { key: 'save.disabledBadCidr', params: { n: String(autosave.row) } };
  if (errors > 0) return { key: 'save.disabledErrors' };
  // Not saved locally yet (saving, failed) counts as changes: the plan flushes first.
  const dirty = autosave.kind === 'saved' ? autosave.dirty : true;
  if (!dirty) return { key: 'save.disabledNoChanges' };
  return null;
}

/**
 * Why a refresh is not possible now, said next to the button: a plan or push is running (a
 * refresh would replace the draft under it). Offline and a running refresh disable the button
 * without a separate reason (the status line says it).
 */
export function refreshDisabledReason(running: Activity | null): Notice | null {
  return running === 'review' || running === 'push' ? { key: `syncUi.busy.${running}` } : null;
}

/** True when the refresh button cannot be pressed. */
export function refreshDisabled(running: Activity | null, sync: SyncStatusView | null): boolean {
  return running !== null || sync?.state === 'offline';
}
