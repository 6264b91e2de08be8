import { describe, expect, it } from 'vitest';
import type { DraftView, PlanView, PullResultView } from '../../../../../shared/contract/ipc.ts';
import { syncStatus } from '../../../../../shared/sync/status.ts';
import {
  initialWorkspace,
  workspaceReducer,
  type WorkspaceAction,
  type WorkspaceState,
} from '../../../../../renderer/features/workspace/workspace-state.ts';

/**
 * The workspace reducer (renderer/features/workspace/workspace-state.ts): each row is a state, an
 * action (main's answer to one call), and what the window then shows.
 */

const P = 'p1';
const entry = (ip: string, memo = ip) => ({ ip, cidr: null, memo });
const list = (...ips: string[]) => ({
  mode: 'ALLOW_SPECIFIC' as const,
  entries: ips.map((ip) => entry(ip)),
});

/** A combined picture where neither side did anything (any picture a step must clear). */
const nothingCombined = {
  base: list(),
  baseRevision: '0',
  mine: list(),
  theirs: list(),
  theirsRevision: '1',
  counts: { remote: 0, local: 0 },
};

/** The combined picture after a merge with revision 2 that kept the admin's one added entry. */
const oneAddedByMe = (counts: { remote: number; local: number }) => ({
  base: list('192.0.2.1'),
  baseRevision: '1',
  mine: list('192.0.2.1', '198.51.100.1'),
  theirs: list('192.0.2.1'),
  theirsRevision: '2',
  counts,
});

/** Main saved the list at revision 2 (how it ended: the rest of the outcome). */
const pushedAt2 = (
  rest: Pick<
    Extract<Extract<WorkspaceAction, { type: 'pushed' }>['outcome'], { status: 'pushed' }>,
    'confirmed' | 'message' | 'draft' | 'sync'
  >,
): WorkspaceAction => ({
  type: 'pushed',
  profileId: P,
  sent: list('192.0.2.1'),
  outcome: { status: 'pushed', revision: '2', apply: {} as never, ...rest },
});

function draft(
  revision: string | null,
  working = list('192.0.2.1'),
  extra: Partial<DraftView> = {},
): DraftView {
  return {
    profileId: P,
    base:
      revision === null
        ? null
        : { revision, ...list('192.0.2.1'), pulledAt: '2026-01-01T00:00:00Z', maxEntries: 1000 },
    working,
    updatedAt: '2026-01-01T00:00:00Z',
    dirty: revision === null || working.entries.length !== 1,
    merge: null,
    restrictionOff: null,
    ...extra,
  };
}

const none = { added: 0, removed: 0, memoChanged: 0, modeChanged: false };
function pulled(
  status: PullResultView['status'],
  d: DraftView,
  baseRevision: string | null = '1',
): PullResultView {
  return {
    status,
    draft: d,
    changes: {
      base: baseRevision === null ? null : { revision: baseRevision, config: list('192.0.2.1') },
      mine: list('192.0.2.1', '198.51.100.1'),
      remoteRevision: d.base?.revision ?? '?',
      remote: { ...none, added: 1 },
      local: { ...none, added: 1 },
    },
    sync: syncStatus(d.dirty ? 'local-changes' : 'up-to-date', d.base?.revision ?? null),
  };
}

const loaded: WorkspaceState = {
  ...initialWorkspace(P),
  draft: draft('1'),
  sync: syncStatus('up-to-date', '1'),
};
const withMerge = draft('1', list('192.0.2.1'), {
  merge: {
    baseRevision: '1',
    remoteRevision: '2',
    remote: list('192.0.2.9'),
    merged: list('192.0.2.1'),
    local: none,
    remoteChanges: none,
    conflicts: [],
    lostAccess: [],
  },
});

/** A push that met another admin's change with conflicts: the merge waits. */
const pushMetConflicts: WorkspaceAction = {
  type: 'pushed',
  profileId: P,
  sent: list('192.0.2.1'),
  outcome: { status: 'remote-changed', draft: withMerge, sync: syncStatus('remote-changed', '2') },
};

const planView = { planId: 'plan-1' } as PlanView;

type Row = {
  name: string;
  from: WorkspaceState;
  action: WorkspaceAction;
  expect: Partial<WorkspaceState>;
};

const rows: Row[] = [
  {
    name: 'profile switch: everything starts over',
    from: { ...loaded, notice: { key: 'x' }, inFlight: 'refresh', review: true },
    action: { type: 'open', profileId: 'p2' },
    expect: initialWorkspace('p2'),
  },
  {
    name: 'an answer for another profile (it arrived after a switch) is ignored',
    from: loaded,
    action: { type: 'loaded', profileId: 'p2', draft: draft('9') },
    expect: loaded,
  },
  {
    name: 'loaded: the draft, the load error cleared',
    from: { ...initialWorkspace(P), error: 'old' },
    action: { type: 'loaded', profileId: P, draft: draft('1') },
    expect: { draft: draft('1'), error: null },
  },
  {
    name: 'status read: shown, "Checking…" ends',
    from: { ...loaded, checking: true },
    action: { type: 'status', profileId: P, sync: syncStatus('remote-changed', '2') },
    expect: { sync: syncStatus('remote-changed', '2'), checking: false },
  },
  {
    name: 'status failed offline: offline, by its code',
    from: { ...loaded, checking: true },
    action: { type: 'status-failed', profileId: P, code: 'OFFLINE', message: 'gone' },
    expect: {
      sync: { state: 'offline', remoteRevision: null, message: 'gone', errorCode: 'OFFLINE' },
      checking: false,
    },
  },
  {
    name: 'pull (Refresh pressed), updated: the draft, the status from the same call, a notice',
    from: { ...loaded, error: 'e', pullOffline: true },
    action: {
      type: 'pulled',
      profileId: P,
      tell: true,
      result: pulled('updated', draft('2'), '1'),
    },
    expect: {
      draft: draft('2'),
      sync: syncStatus('up-to-date', '2'),
      error: null,
      pullOffline: false,
      notice: { key: 'syncUi.pullUpdated', params: { revision: '2' } },
      combined: null,
    },
  },
  {
    name: 'pull: the editor’s list when it started travels with the draft (edits since are merged in)',
    from: loaded,
    action: {
      type: 'pulled',
      profileId: P,
      tell: false,
      result: pulled('updated', draft('2'), '1'),
      since: list('192.0.2.1'),
    },
    expect: { draft: draft('2'), since: list('192.0.2.1') },
  },
  {
    name: 'a draft read as opened has no call to compare with',
    from: { ...loaded, since: list('192.0.2.1') },
    action: { type: 'loaded', profileId: P, draft: draft('1') },
    expect: { since: null },
  },
  {
    name: 'pull on open (not asked): no notice',
    from: { ...loaded, notice: { key: 'old' } },
    action: {
      type: 'pulled',
      profileId: P,
      tell: false,
      result: pulled('up-to-date', draft('1'), '1'),
    },
    expect: { notice: null },
  },
  {
    name: 'pull merged without conflicts: both sides shown (from the pull’s report), no notice',
    from: loaded,
    action: {
      type: 'pulled',
      profileId: P,
      tell: true,
      result: pulled('merged', draft('2', list('192.0.2.1', '198.51.100.1', '192.0.2.9')), '1'),
    },
    expect: {
      notice: null,
      combined: oneAddedByMe({ remote: 1, local: 1 }),
    },
  },
  {
    name: 'pull with conflicts: the merge, caused by the pull; the notice stays',
    from: { ...loaded, notice: { key: 'kept' }, mergeCause: 'push' },
    action: {
      type: 'pulled',
      profileId: P,
      tell: true,
      result: pulled('conflicts', withMerge, '1'),
    },
    expect: { draft: withMerge, mergeCause: 'pull', notice: { key: 'kept' } },
  },
  {
    name: 'pull failed offline: the error, marked offline (the advice says it), status offline',
    from: loaded,
    action: { type: 'pull-failed', profileId: P, code: 'OFFLINE', message: 'Cannot reach' },
    expect: {
      error: 'Cannot reach',
      pullOffline: true,
      sync: {
        state: 'offline',
        remoteRevision: null,
        message: 'Cannot reach',
        errorCode: 'OFFLINE',
      },
    },
  },
  {
    name: 'pull failed with no code (not an IPC error): the error, the status kept',
    from: loaded,
    action: { type: 'pull-failed', profileId: P, code: null, message: 'bug' },
    expect: { error: 'bug', pullOffline: false, sync: loaded.sync },
  },
  {
    name: 'a press while something runs: says what runs',
    from: loaded,
    action: { type: 'busy', profileId: P, with: 'push' },
    expect: { notice: { key: 'syncUi.busy.push' } },
  },
  {
    name: 'in flight: the running action',
    from: loaded,
    action: { type: 'in-flight', profileId: P, activity: 'review' },
    expect: { inFlight: 'review' },
  },
  {
    name: 'pushed and confirmed: the new draft and status, no notice, the combined picture gone',
    from: {
      ...loaded,
      notice: { key: 'x' },
      combined: nothingCombined,
    },
    action: pushedAt2({
      confirmed: true,
      message: null,
      draft: draft('2'),
      sync: syncStatus('up-to-date', '2'),
    }),
    expect: {
      draft: draft('2'),
      sync: syncStatus('up-to-date', '2'),
      notice: null,
      combined: null,
    },
  },
  {
    name: 'pushed but not confirmed by the read-back: the admin is told',
    from: loaded,
    action: pushedAt2({
      confirmed: false,
      message: 'not certain',
      draft: draft('1'),
      sync: syncStatus('remote-changed', '2'),
    }),
    expect: { notice: { key: 'syncUi.pushUnconfirmed', params: { revision: '2' } } },
  },
  {
    name: 'push ran into a change with conflicts: the merge, caused by the push',
    from: { ...loaded, notice: { key: 'x' } },
    action: pushMetConflicts,
    expect: { draft: withMerge, mergeCause: 'push', notice: null, review: false },
  },
  {
    name: 'push ran into a change, combined without conflicts: both sides, a notice, the new plan',
    from: loaded,
    action: {
      type: 'pushed',
      profileId: P,
      sent: list('192.0.2.1', '198.51.100.1'),
      outcome: {
        status: 'remote-changed',
        draft: draft('2', list('192.0.2.1', '198.51.100.1')),
        sync: syncStatus('local-changes', '2'),
      },
    },
    expect: {
      notice: { key: 'syncUi.pushMerged' },
      review: true,
      combined: oneAddedByMe({ remote: 0, local: 1 }),
    },
  },
  {
    name: 'merge resolved: the plan opens; the status follows without asking the service',
    from: { ...loaded, sync: syncStatus('remote-changed', '2'), notice: { key: 'x' } },
    action: {
      type: 'resolved',
      profileId: P,
      draft: draft('2', list('192.0.2.1', '198.51.100.1')),
    },
    expect: { review: true, notice: null, sync: syncStatus('local-changes', '2') },
  },
  {
    name: 'discard and pull worked: the service’s list, a notice naming its revision',
    from: {
      ...loaded,
      error: 'e',
      combined: nothingCombined,
    },
    action: {
      type: 'discarded',
      profileId: P,
      failedText: null,
      outcome: { outcome: 'pulled', ...pulled('updated', draft('3'), '1') },
    },
    expect: {
      draft: draft('3'),
      error: null,
      combined: null,
      notice: { key: 'syncUi.discarded', params: { revision: '3' } },
      sync: syncStatus('up-to-date', '3'),
    },
  },
  {
    name: 'discarded but the pull failed: the discard stands, the error says so',
    from: loaded,
    action: {
      type: 'discarded',
      profileId: P,
      failedText: 'discarded, not refreshed',
      outcome: {
        outcome: 'pull-failed',
        draft: draft('1'),
        sync: { state: 'offline', remoteRevision: null, message: 'm', errorCode: 'OFFLINE' },
        error: { code: 'OFFLINE', message: 'm' },
      },
    },
    expect: { error: 'discarded, not refreshed', notice: null, pullOffline: false },
  },
  {
    name: 'restored: the revision in the draft, the status, the plan opens',
    from: { ...loaded, notice: { key: 'x' } },
    action: {
      type: 'restored',
      profileId: P,
      draft: draft('2', list()),
      sync: syncStatus('local-changes', '2'),
    },
    expect: {
      draft: draft('2', list()),
      sync: syncStatus('local-changes', '2'),
      notice: null,
      review: true,
    },
  },
  {
    name: 'autosaved with changes: "local changes", no service call',
    from: loaded,
    action: { type: 'autosaved', profileId: P, dirty: true },
    expect: { sync: syncStatus('local-changes', '1') },
  },
  {
    name: 'autosaved while offline: still offline',
    from: {
      ...loaded,
      sync: { state: 'offline', remoteRevision: null, message: 'm', errorCode: 'OFFLINE' },
    },
    action: { type: 'autosaved', profileId: P, dirty: false },
    expect: {
      sync: { state: 'offline', remoteRevision: null, message: 'm', errorCode: 'OFFLINE' },
    },
  },
  {
    name: 'plan made: shown for review, an old save error cleared',
    from: { ...loaded, saveError: 'old' },
    action: { type: 'plan-shown', profileId: P, plan: { view: planView, dialog: 'plan' } },
    expect: { plan: { view: planView, dialog: 'plan' }, saveError: null },
  },
  {
    name: 'the plan needs the phrase: the lockout confirmation takes over',
    from: { ...loaded, plan: { view: planView, dialog: 'plan' } },
    action: { type: 'plan-shown', profileId: P, plan: { view: planView, dialog: 'lockout' } },
    expect: { plan: { view: planView, dialog: 'lockout' } },
  },
  {
    name: 'a save refused: the plan stays open with the reason',
    from: { ...loaded, plan: { view: planView, dialog: 'lockout' } },
    action: { type: 'save-error', profileId: P, message: 'Type the address' },
    expect: { plan: { view: planView, dialog: 'lockout' }, saveError: 'Type the address' },
  },
  {
    name: 'review closed: the reason stays next to the button',
    from: { ...loaded, plan: { view: planView, dialog: 'plan' }, saveError: 'stale' },
    action: { type: 'plan-closed', profileId: P, keepError: true },
    expect: { plan: null, saveError: 'stale' },
  },
  {
    name: 'lockout confirmation cancelled: back to editing, no error',
    from: { ...loaded, plan: { view: planView, dialog: 'lockout' }, saveError: 'x' },
    action: { type: 'plan-closed', profileId: P, keepError: false },
    expect: { plan: null, saveError: null },
  },
  {
    name: 'pushed: the plan closes',
    from: { ...loaded, plan: { view: planView, dialog: 'lockout' }, saveError: 'x' },
    action: pushMetConflicts,
    expect: { plan: null, saveError: null },
  },
  {
    name: 'the plan review opened: the request is done',
    from: { ...loaded, review: true },
    action: { type: 'review-started', profileId: P },
    expect: { review: false },
  },
  {
    name: 'dismiss: the notice, the combined picture',
    from: { ...loaded, notice: { key: 'x' } },
    action: { type: 'dismiss-notice', profileId: P },
    expect: { notice: null },
  },
];

describe('workspace reducer', () => {
  it.each(rows)('$name', ({ from, action, expect: want }) => {
    const next = workspaceReducer(from, action);
    expect(next).toMatchObject(want);
    // Pure: the state it came from is untouched.
    expect(workspaceReducer(from, action)).toEqual(next);
  });

  it('the same profile opened again keeps the state (no reload of what is shown)', () => {
    expect(workspaceReducer(loaded, { type: 'open', profileId: P })).toBe(loaded);
  });
});
