import { describe, expect, it } from 'vitest';
import { syncStatus } from '../../../../../shared/sync/status.ts';
import {
  refreshDisabled,
  refreshDisabledReason,
  saveDisabledReason,
  type GateFacts,
} from '../../../../../renderer/features/workspace/save-gate.ts';

/** Why "Review and save…" (and Refresh) cannot be pressed: each reason, and which one wins. */

const ready: GateFacts = {
  running: null,
  sync: syncStatus('local-changes', '1'),
  autosave: { kind: 'saved', dirty: true, at: '' },
  errors: 0,
};
const offline = {
  state: 'offline',
  remoteRevision: null,
  message: 'm',
  errorCode: 'OFFLINE',
} as const;

describe('saveDisabledReason', () => {
  it.each<[string, Partial<GateFacts>, ReturnType<typeof saveDisabledReason>]>([
    ['changes, saved locally, online: can save', {}, null],
    [
      'nothing changed',
      { autosave: { kind: 'saved', dirty: false, at: '' } },
      { key: 'save.disabledNoChanges' },
    ],
    ['still saving locally counts as changes', { autosave: { kind: 'saving' } }, null],
    [
      'a local save failed counts as changes (the plan flushes first)',
      { autosave: { kind: 'failed', message: 'x' } },
      null,
    ],
    ['errors in the list', { errors: 2 }, { key: 'save.disabledErrors' }],
    [
      'a CIDR that is not a number, with its row',
      { autosave: { kind: 'blocked', row: 4 } },
      { key: 'save.disabledBadCidr', params: { n: '4' } },
    ],
    ['offline', { sync: offline }, { key: 'save.disabledOffline' }],
    ['a refresh runs', { running: 'refresh' }, { key: 'syncUi.busy.refresh' }],
    [
      'a refresh beats offline, offline beats errors, errors beat no changes',
      {
        running: 'refresh',
        sync: offline,
        errors: 1,
        autosave: { kind: 'saved', dirty: false, at: '' },
      },
      { key: 'syncUi.busy.refresh' },
    ],
    [
      'offline beats a bad CIDR',
      { sync: offline, autosave: { kind: 'blocked', row: 1 } },
      { key: 'save.disabledOffline' },
    ],
    [
      'a bad CIDR beats errors',
      { autosave: { kind: 'blocked', row: 1 }, errors: 3 },
      { key: 'save.disabledBadCidr', params: { n: '1' } },
    ],
    [
      'a plan or push running is not a reason here (the button shows busy)',
      { running: 'push' },
      null,
    ],
    ['status not known yet: can save', { sync: null }, null],
  ])('%s', (_name, facts, want) => {
    expect(saveDisabledReason({ ...ready, ...facts })).toEqual(want);
  });
});

describe('refresh', () => {
  it.each([
    [null, null, false],
    ['review', { key: 'syncUi.busy.review' }, true],
    ['push', { key: 'syncUi.busy.push' }, true],
    ['refresh', null, true],
  ] as const)('running %s: reason %j, disabled %s', (running, reason, disabled) => {
    expect(refreshDisabledReason(running)).toEqual(reason);
    expect(refreshDisabled(running, ready.sync)).toBe(disabled);
  });
  it('offline disables it without a separate reason', () => {
    expect(refreshDisabled(null, offline)).toBe(true);
    expect(refreshDisabledReason(null)).toBeNull();
  });
});
