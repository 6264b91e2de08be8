import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../shared/contract/ipc.ts';
import type { AutosaveState } from '../editor/use-editor.ts';
import type { SyncState } from './workspace.tsx';

/**
 * Status line: saved locally / not yet synced / offline, and when the list was last read.
 */
export function SyncStatus({
  sync,
  autosave,
  base,
}: {
  sync: SyncState | null;
  autosave: AutosaveState;
  base: DraftView['base'];
}) {
  const { t, i18n } = useTranslation();
  const local =
    autosave.kind === 'saving'
      ? t('status.saving')
      : autosave.kind === 'saved'
        ? t('status.savedLocally')
        : autosave.kind === 'blocked'
          ? t('status.notSaved', { reason: t('save.disabledBadCidr', { n: autosave.row }) })
          : t('status.notSaved', { reason: autosave.message });
  const dirty = autosave.kind !== 'saved' || autosave.dirty;
  const offline = sync?.state === 'offline';
  const pulledAt = base ? new Date(base.pulledAt) : null;
  const fmt = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  );
  return (
    <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      <span
        className={`chip ${autosave.kind === 'saved' ? 'chip-ok' : autosave.kind === 'saving' ? '' : 'chip-error'}`}
        data-testid="local-status"
      >
        {local}
      </span>
      <span className={`chip ${dirty ? 'chip-warning' : 'chip-ok'}`} data-testid="remote-status">
        {dirty ? t('status.notSynced') : t('status.inSync')}
      </span>
      {sync && (
        <span
          className={`chip ${offline ? 'chip-error' : 'chip-ok'}`}
          data-testid="connection-status"
        >
          {offline ? t('status.offline') : t('status.online')}
        </span>
      )}
      <span className="muted">
        {pulledAt
          ? t('status.lastPulled', { time: fmt.format(pulledAt) })
          : t('status.neverPulled')}
      </span>
    </div>
  );
}
