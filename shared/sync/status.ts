/**
 * The sync status of a profile: where its draft stands against the service's list.
 *
 * Main computes it from the draft and the list it just read (every sync call returns it, see
 * `SyncStatusSchema`); the renderer only carries the last one forward over local steps (an
 * autosave, a resolved merge), which change the draft but not what the service holds.
 */

import type { SyncStatusView } from '../contract/ipc-schemas.ts';

export const SYNC_STATES = [
  'never-pulled',
  'up-to-date',
  'local-changes',
  'remote-changed',
  'offline',
  'error',
] as const;

export type SyncState = (typeof SYNC_STATES)[number];

/** The status object; its shape is `SyncStatusSchema` in the contract (one schema, one type). */
export type SyncStatus = SyncStatusView;

/** The English text of each state that is not an error (an error carries its own message). */
export const SYNC_STATUS_MESSAGES = {
  'never-pulled': 'Not pulled yet.',
  'up-to-date': 'Up to date.',
  'local-changes': 'Local changes not yet saved to the service.',
  'remote-changed': 'The list changed on the service since the last pull.',
} as const satisfies Partial<Record<SyncState, string>>;

/** Error codes that mean "the service cannot be reached" (shown as offline, not as an error). */
const UNREACHABLE = new Set(['OFFLINE', 'TIMEOUT']);

/** The status after reading the service failed with this error. */
export function failedSyncStatus(error: { code: string; message: string }): SyncStatus {
  return {
    state: UNREACHABLE.has(error.code) ? 'offline' : 'error',
    remoteRevision: null,
    message: error.message,
    errorCode: error.code,
  };
}

/** A status read from the service at `remoteRevision`. */
export function syncStatus(
  state: keyof typeof SYNC_STATUS_MESSAGES,
  remoteRevision: string | null,
): SyncStatus {
  return { state, remoteRevision, message: SYNC_STATUS_MESSAGES[state], errorCode: null };
}

/**
 * The status after a local step, without asking the service: the draft's base is (still, or
 * again after resolving a merge) the service's list as last read, so only "local changes or not"
 * moves. A state that says nothing about the draft (not read, offline, error, changed remotely
 * since another base) is kept until the service is asked again.
 */
export function afterLocalStep(
  previous: SyncStatus | null,
  draft: { dirty: boolean; baseRevision: string | null },
): SyncStatus | null {
  if (!previous || draft.baseRevision === null) return previous;
  const inStep =
    previous.state === 'up-to-date' ||
    previous.state === 'local-changes' ||
    (previous.state === 'remote-changed' && previous.remoteRevision === draft.baseRevision);
  if (!inStep) return previous;
  return syncStatus(draft.dirty ? 'local-changes' : 'up-to-date', previous.remoteRevision);
}
