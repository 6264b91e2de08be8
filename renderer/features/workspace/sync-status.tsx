import { useTranslation } from 'react-i18next';
import type { DraftView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { useDateTimeFormat } from '../../i18n/format.ts';
import type { AutosaveState } from '../editor/use-editor.ts';
import type { SyncStatusView } from '../../../shared/contract/ipc.ts';

/**
 * Status line: saved locally / not yet synced / offline, and when the list was last read.
 */
export function SyncStatus({
  sync,
  autosave,
  base,
  checking = false,
  onCheck,
}: {
  sync: SyncStatusView | null;
  autosave: AutosaveState;
  base: DraftView['base'];
  /** A status request is in flight. */
  checking?: boolean;
  /** Ask the service for its revision now (sync:status). */
  onCheck?: () => void;
}) {
  const { t } = useTranslation();
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
  const formatTime = useDateTimeFormat();
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
      {/* Offline: the sync-state chip alone says so (one "Offline" chip, not two). */}
      {sync && !offline && (
        <span className="chip chip-ok" data-testid="connection-status">
          {t('status.online')}
        </span>
      )}
      {sync && (
        <span
          className={`chip ${SYNC_CHIP[sync.state]}`}
          data-testid="sync-state"
          data-state={sync.state}
        >
          {checking ? t('syncUi.state.checking') : t(`syncUi.state.${sync.state}`)}
        </span>
      )}
      {onCheck && (
        <Button size="small" onPress={onCheck} isDisabled={checking}>
          {t('syncUi.checkNow')}
        </Button>
      )}
      <span className="muted">
        {pulledAt
          ? t('status.lastPulled', { time: formatTime(pulledAt) })
          : t('status.neverPulled')}
      </span>
    </div>
  );
}

const SYNC_CHIP: Record<SyncStatusView['state'], string> = {
  'never-pulled': 'chip-warning',
  'up-to-date': 'chip-ok',
  'local-changes': 'chip-warning',
  'remote-changed': 'chip-warning',
  offline: 'chip-error',
  error: 'chip-error',
};

/**
 * What to do in the current sync state, under the status line (nothing when up to date).
 */
export function SyncAdvice({ sync }: { sync: SyncStatusView | null }) {
  const { t, i18n } = useTranslation();
  if (!sync || sync.state === 'up-to-date') return null;
  const known = sync.errorCode !== null && i18n.exists(`errors.${sync.errorCode}`);
  const text = t(`syncUi.advice.${sync.state}`, {
    revision: sync.remoteRevision ?? '?',
    message: known ? t(`errors.${sync.errorCode}`) : sync.message,
  });
  const tone =
    sync.state === 'remote-changed'
      ? 'callout-warning'
      : sync.state === 'offline' || sync.state === 'error'
        ? 'callout-error'
        : null;
  if (tone === null)
    return (
      <p className="sync-advice muted" data-testid="sync-advice">
        {text}
      </p>
    );
  return (
    <p className={`callout ${tone} sync-advice`} data-testid="sync-advice">
      {text}
    </p>
  );
}
