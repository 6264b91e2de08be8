import { useCallback, useState } from 'react';
import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { DraftView, ProfileView } from '../../../shared/contract/ipc.ts';
import { entryLimit } from '../../../shared/allowlist/model.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call } from '../../lib/api.ts';
import { EditorView } from '../editor/editor-view.tsx';
import { useEditor } from '../editor/use-editor.ts';
import type { Editor } from '../editor/use-editor.ts';
import { ImportExportActions } from '../import/import-actions.tsx';
import { PreviewPanel } from '../preview/preview-panel.tsx';
import { SaveFlow } from '../save/save-flow.tsx';
import { RestrictionOffNotice } from '../save/restriction-off-notice.tsx';
import type { PushOutcome } from '../save/save-flow.tsx';
import { AggregateBanner } from '../aggregate/aggregate-banner.tsx';
import { AggregatePanel } from '../aggregate/aggregate-panel.tsx';
import { HistoryPanel } from '../history/history-panel.tsx';
import { ProtectedAddresses } from '../settings/protected-addresses.tsx';
import { SyncAdvice, SyncStatus } from './sync-status.tsx';
import type { InFlight } from './in-flight.ts';
import type { Notice, SyncState } from './workspace.tsx';

/**
 * The workspace of a loaded draft: status line, actions (files, Refresh, Review and save…),
 * notices and the tabs. Remounted by the workspace for each new draft (its `generation`).
 */
export function WorkspaceBody({
  profile,
  draft,
  sync,
  error,
  notice,
  onDismissNotice,
  onPull,
  onPushed,
  onSaved,
  checking,
  onCheck,
  inFlight,
  autoReview,
  applyBanner,
  handoffSave,
}: {
  profile: ProfileView;
  draft: DraftView;
  sync: SyncState | null;
  error: string | null;
  notice: Notice | null;
  onDismissNotice: () => void;
  onPull: () => Promise<void>;
  onPushed: (outcome: PushOutcome, sent: Config) => void;
  onSaved: () => void;
  checking: boolean;
  /** Absent: nothing to ask (a cybozu.com Store profile). */
  onCheck?: (() => void) | undefined;
  inFlight: InFlight;
  autoReview: boolean;
  applyBanner: ReactNode;
  /**
   * A cybozu.com Store profile (renderer/features/handoff): its save panel instead of Refresh and
   * the push to the service.
   */
  handoffSave?: ((editor: Editor) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  // The limit and where it comes from, so the over-limit texts say it rightly.
  const { max: maxEntries, source: limitSource } = entryLimit(
    profile.maxEntries,
    draft.base?.maxEntries,
  );
  const save = useCallback(
    async (working: Config) => {
      const r = await call(api().draft.save({ profileId: profile.id, working }));
      onSaved();
      return r;
    },
    [profile.id, onSaved],
  );
  const editor = useEditor(draft.working, draft.dirty, maxEntries, save);
  const [tab, setTab] = useState<Key>('editor');
  const live: Config | null = draft.base
    ? { mode: draft.base.mode, entries: draft.base.entries }
    : null;

  const offline = sync?.state === 'offline';
  const dirty = editor.autosave.kind === 'saved' ? editor.autosave.dirty : true;
  const running = inFlight.current;
  let disabledReason: string | null = null;
  // A refresh replaces the draft this would plan: wait for it (the reason says so).
  if (running === 'refresh') disabledReason = t('syncUi.busy.refresh');
  else if (offline) disabledReason = t('save.disabledOffline');
  else if (editor.autosave.kind === 'blocked')
    disabledReason = t('save.disabledBadCidr', { n: editor.autosave.row });
  else if (editor.validation.errors > 0) disabledReason = t('save.disabledErrors');
  else if (!dirty) disabledReason = t('save.disabledNoChanges');
  // A plan or push is running: a refresh now would remount the body and drop its result.
  const refreshReason =
    running === 'review' || running === 'push' ? t(`syncUi.busy.${running}`) : null;

  return (
    <div className="workspace">
      <div className="workspace-bar">
        <SyncStatus
          sync={sync}
          autosave={editor.autosave}
          base={draft.base}
          checking={checking}
          onCheck={onCheck}
        />
        {/* Files (Import, Export) | service (Refresh) | the primary "Review and save…". */}
        <div className="workspace-actions">
          <div className="toolbar-group">
            <ImportExportActions
              profileId={profile.id}
              editor={editor}
              base={draft.base?.entries ?? null}
              maxEntries={maxEntries}
            />
          </div>
          {handoffSave ? (
            handoffSave(editor)
          ) : (
            <>
              <span className="toolbar-divider" aria-hidden="true" />
              <Button
                onPress={() => void onPull()}
                isDisabled={running !== null || offline}
                aria-describedby={refreshReason ? 'refresh-disabled-reason' : undefined}
                variant={sync?.state === 'remote-changed' ? 'primary' : 'secondary'}
              >
                {running === 'refresh' ? t('save.pulling') : t('save.pull')}
              </Button>
              {refreshReason && (
                <span
                  id="refresh-disabled-reason"
                  className="save-reason"
                  data-testid="refresh-disabled-reason"
                >
                  {refreshReason}
                </span>
              )}
              <span className="toolbar-divider" aria-hidden="true" />
              <SaveFlow
                profileId={profile.id}
                serviceName={profile.name}
                disabledReason={disabledReason}
                flush={editor.flush}
                onPushed={onPushed}
                onReplace={(config) => editor.dispatch({ type: 'replaceAll', config })}
                autoReview={autoReview}
                inFlight={inFlight}
              />
            </>
          )}
        </div>
      </div>
      <SyncAdvice sync={sync} />
      <RestrictionOffNotice
        off={draft.restrictionOff}
        working={editor.config}
        onReplace={(config) => editor.dispatch({ type: 'replaceAll', config })}
      />
      {applyBanner}
      {error && (
        <p className="callout callout-error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <div className="callout callout-ok notice" role="status">
          {t(notice.key, notice.params)}{' '}
          <Button size="small" variant="quiet" onPress={onDismissNotice}>
            {t('app.dismiss')}
          </Button>
        </div>
      )}
      <Tabs className="tabs" selectedKey={tab} onSelectionChange={setTab}>
        <TabList aria-label={t('nav.label')} className="tab-list">
          <Tab id="editor" className="tab">
            {t('nav.editor')}
          </Tab>
          <Tab id="preview" className="tab">
            {t('nav.preview')}
          </Tab>
          <Tab id="history" className="tab">
            {t('nav.history')}
          </Tab>
          <Tab id="aggregate" className="tab">
            {t('aggregate.tab')}
          </Tab>
          <Tab id="settings" className="tab">
            {t('nav.settings')}
          </Tab>
        </TabList>
        <TabPanel id="editor" className="tab-panel" shouldForceMount>
          <AggregateBanner
            count={editor.state.rows.length}
            maxEntries={maxEntries}
            source={limitSource}
            onOpen={() => setTab('aggregate')}
          />
          <EditorView editor={editor} maxEntries={maxEntries} />
        </TabPanel>
        <TabPanel id="history" className="tab-panel">
          <HistoryPanel
            profileId={profile.id}
            editor={editor}
            liveRevision={draft.base?.revision ?? null}
          />
        </TabPanel>
        <TabPanel id="aggregate" className="tab-panel">
          <AggregatePanel editor={editor} maxEntries={maxEntries} source={limitSource} />
        </TabPanel>
        <TabPanel id="preview" className="tab-panel">
          <PreviewPanel profileId={profile.id} draft={editor.config} live={live} />
        </TabPanel>
        <TabPanel id="settings" className="tab-panel">
          <ProtectedAddresses profile={profile} />
        </TabPanel>
      </Tabs>
    </div>
  );
}
