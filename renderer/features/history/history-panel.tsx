import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryItemView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { useDateTimeFormat } from '../../i18n/format.ts';
import { api, call, errorText } from '../../lib/api.ts';
import type { Editor } from '../editor/use-editor.ts';
import { RevisionDiff } from './revision-diff.tsx';
import './history.css';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { Screen } from '../../components/ui/screen.tsx';

/**
 * History: the revisions saved to the service, newest first, with time and summary; compare one
 * with the working copy; restore it into the working copy (an undoable edit), from where the
 * normal save flow (plan, lockout check) takes it to the service.
 */
export function HistoryPanel({
  profileId,
  editor,
  liveRevision,
}: {
  profileId: string;
  editor: Editor;
  liveRevision: string | null;
}) {
  const { t, i18n } = useTranslation();
  const [items, setItems] = useState<HistoryItemView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [comparing, setComparing] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  // Read again whenever the live revision moves (a save from this window adds an item).
  useEffect(() => {
    let alive = true;
    call(api().history.list({ profileId }))
      .then((list) => alive && setItems(list))
      .catch((e: unknown) => alive && setError(errorText(e)));
    return () => {
      alive = false;
    };
  }, [profileId, liveRevision]);

  const locale = i18n.language === 'ja' ? 'ja' : currentLocale();
  const formatTime = useDateTimeFormat();

  const restore = async (item: HistoryItemView) => {
    setBusy(true);
    setError(null);
    try {
      // Local edits first, so that Undo after the restore brings them back; what is typed while
      // main restores is merged into the restored list (one undo step either way).
      const since = await editor.flush();
      const { draft } = await call(api().history.restore({ profileId, historyId: item.id }));
      editor.dispatch({ type: 'load', config: draft.working, since, undoable: true });
      setRestored(item.revision);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const summary = (item: HistoryItemView): string => {
    if (item.source === 'pulled') return t('history.sourcePulled');
    const s = item.summary;
    const parts: string[] = [];
    if (s.modeChanged) parts.push(t('history.summaryMode'));
    if (s.added > 0) parts.push(t('history.summaryAdded', { count: s.added }));
    if (s.removed > 0) parts.push(t('history.summaryRemoved', { count: s.removed }));
    if (s.memoChanged > 0) parts.push(t('history.summaryMemo', { count: s.memoChanged }));
    const text =
      parts.length > 0 ? parts.join(locale === 'ja' ? '、' : ', ') : t('history.summaryNone');
    return item.confirmed ? text : `${text} — ${t('history.unconfirmed')}`;
  };

  const selected = items?.find((i) => i.id === comparing) ?? null;
  return (
    <Screen name="history" heading={t('history.heading')} intro={t('history.intro')}>
      <div role="status" aria-live="polite" className="live-notes">
        {restored && (
          <p className="callout callout-ok" data-testid="history-restored">
            {t('history.restored', { revision: restored })}
          </p>
        )}
      </div>
      <ErrorCallout>{error}</ErrorCallout>
      {items === null ? null : items.length === 0 ? (
        <p className="empty">{t('history.empty')}</p>
      ) : (
        <table className="data-table history-table" aria-label={t('history.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('history.colRevision')}</th>
              <th scope="col">{t('history.colTime')}</th>
              <th scope="col">{t('history.colSummary')}</th>
              <th scope="col" className="num">
                {t('history.colEntries')}
              </th>
              <th scope="col">{t('history.colActions')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr
                key={item.id}
                className={item.id === comparing ? 'history-selected' : undefined}
                data-testid={`revision-${item.revision}`}
              >
                <th scope="row" className="mono">
                  {item.revision}
                  {item.revision === liveRevision && (
                    <span className="badge badge-ok history-live">{t('history.live')}</span>
                  )}
                </th>
                <td>
                  <time dateTime={item.pushedAt}>{formatTime(item.pushedAt)}</time>
                </td>
                <td>{summary(item)}</td>
                <td className="num">
                  {t('history.entries', { count: item.config.entries.length })}
                </td>
                <td>
                  <div className="history-actions">
                    <Button
                      size="small"
                      onPress={() => setComparing(item.id === comparing ? null : item.id)}
                      aria-label={t('history.compareLabel', { revision: item.revision })}
                      aria-pressed={item.id === comparing}
                    >
                      {t('history.compare')}
                    </Button>
                    <Button
                      size="small"
                      onPress={() => void restore(item)}
                      isDisabled={busy}
                      aria-label={t('history.restoreLabel', { revision: item.revision })}
                    >
                      {t('history.restore')}
                    </Button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {selected && (
        <RevisionDiff
          revision={selected.revision}
          config={selected.config}
          working={editor.config}
          onClose={() => setComparing(null)}
        />
      )}
    </Screen>
  );
}
