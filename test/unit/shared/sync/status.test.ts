import { describe, expect, it } from 'vitest';
import { afterLocalStep, failedSyncStatus, syncStatus } from '../../../../shared/sync/status.ts';

describe('sync status', () => {
  it('a failed read: unreachable is offline, anything else an error, with its code', () => {
    expect(failedSyncStatus({ code: 'TIMEOUT', message: 'm' }).state).toBe('offline');
    expect(failedSyncStatus({ code: 'OFFLINE', message: 'm' }).state).toBe('offline');
    expect(failedSyncStatus({ code: 'IP_RESTRICTED', message: 'm' })).toEqual({
      state: 'error',
      remoteRevision: null,
      message: 'm',
      errorCode: 'IP_RESTRICTED',
    });
  });
  it.each([
    [
      'up to date, then an edit',
      syncStatus('up-to-date', '4'),
      true,
      '4',
      syncStatus('local-changes', '4'),
    ],
    ['changes undone', syncStatus('local-changes', '4'), false, '4', syncStatus('up-to-date', '4')],
    [
      'merge resolved onto the revision the service has',
      syncStatus('remote-changed', '5'),
      true,
      '5',
      syncStatus('local-changes', '5'),
    ],
    [
      'changed remotely since another base: kept',
      syncStatus('remote-changed', '5'),
      true,
      '4',
      syncStatus('remote-changed', '5'),
    ],
    [
      'offline: kept',
      failedSyncStatus({ code: 'OFFLINE', message: 'm' }),
      true,
      '4',
      failedSyncStatus({ code: 'OFFLINE', message: 'm' }),
    ],
    [
      'never pulled: kept',
      syncStatus('never-pulled', '1'),
      true,
      null,
      syncStatus('never-pulled', '1'),
    ],
  ])('after a local step: %s', (_name, previous, dirty, baseRevision, want) => {
    expect(afterLocalStep(previous, { dirty, baseRevision })).toEqual(want);
  });
  it('nothing known: nothing to carry', () => {
    expect(afterLocalStep(null, { dirty: true, baseRevision: '1' })).toBeNull();
  });
});
