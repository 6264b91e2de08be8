import { useCallback, useState } from 'react';
import type { ComponentProps, ReactNode } from 'react';
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
import { ProfileAccount } from '../settings/profile-account.tsx';
import { ProtectedAddresses } from '../settings/protected-addresses.tsx';
import { SyncAdvice, SyncStatus } from './sync-status.tsx';
import type { InFlight } from './in-flight.ts';
import { refreshDisabled, refreshDisabledReason, saveDisabledReason } from './save-gate.ts';
import type { WorkspaceState } from './workspace-state.ts';
import type { EditorEdits } from './use-workspace.ts';

/**
 * The workspace of a loaded draft: status line, actions (files, Refresh, Review and save…),
 * notices and the tabs. A new draft from main (a new `state.draft`) is loaded into the editor.
 */
export function WorkspaceBody({
  profile,
  state,
  inFlight,
  onPull,
  onPushed,
  onAutosaved,
  onCheck,
  onDismissNotice,
  onReviewStarted,
  plan,
  applyBanner,
  handoffSave,
}: {
  profile: ProfileView;
  state: WorkspaceState & { draft: DraftView };
  inFlight: InFlight;
  /** Refresh; `edits`: the editor's list at the start (what is typed meanwhile is kept). */
  onPull: (edits: EditorEdits) => Promise<void>;
  onPushed: (outcome: PushOutcome, sent: Config, edits: EditorEdits) => unknown;
  /** A local autosave finished: is the draft still different from the base? */
  onAutosaved: (dirty: boolean) => void;
  /** Absent: nothing to ask (a cybozu.com Store profile). */
  onCheck?: (() => void) | undefined;
  onDismissNotice: () => void;
  /** The requested plan review (`state.review`) has been opened. */
  onReviewStarted: () => void;
  /** The plan on screen and the save error (workspace state); absent with `handoffSave`. */
  plan?: Pick<ComponentProps<typeof SaveFlow>, 'onShow' | 'onClose' | 'onError'> | undefined;
  applyBanner: ReactNode;
  /**
   * A cybozu.com Store profile (renderer/features/handoff): its save panel instead of Refresh and
   * the push to the service.
   */
  handoffSave?: ((editor: Editor) => ReactNode) | undefined;
}) {
  const { t } = useTranslation();
  const { draft, sync, notice, checking } = state;
  // Offline already said by the sync advice: no second message for the failed pull.
  const error = state.pullOffline && sync?.state === 'offline' ? null : state.error;
  // The limit and where it comes from, so the over-limit texts say it rightly.
  const { max: maxEntries, source: limitSource } = entryLimit(
    profile.maxEntries,
    draft.base?.maxEntries,
  );
  const save = useCallback(
    async (working: Config) => {
      const r = await call(api().draft.save({ profileId: profile.id, working }));
      onAutosaved(r.dirty);
      return r;
    },
    [profile.id, onAutosaved],
  );
  const editor = useEditor(draft.working, draft.dirty, maxEntries, save);
  // The draft the editor shows: a new one from main replaces the content (and the undo steps),
  // except for what the admin typed since its call started (`state.since`): that is merged in.
  // (Adjusted while rendering, so no frame shows the old content under the new draft.)
  const [shown, setShown] = useState(draft);
  if (shown !== draft) {
    setShown(draft);
    editor.load(draft.working, draft.dirty, state.since);
  }
  // The plan opens once the editor shows the draft it is for.
  const autoReview = state.review && shown === draft;
  const [tab, setTab] = useState<Key>('editor');
  const live: Config | null = draft.base
    ? { mode: draft.base.mode, entries: draft.base.entries }
    : null;

  const running = inFlight.current;
  const saveReason = saveDisabledReason({
    running,
    sync,
    autosave: editor.autosave,
    errors: editor.validation.errors,
  });
  const disabledReason = saveReason && t(saveReason.key, saveReason.params);
  const refreshNotice = refreshDisabledReason(running);
  const refreshReason = refreshNotice && t(refreshNotice.key);
  // Unsaved keystrokes first: the pull merges the draft as it is on disk.
  const pull = async () => {
    const since = await editor.flush();
    await onPull({ since, flush: editor.flush });
  };

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
                onPress={() => void pull()}
                isDisabled={refreshDisabled(running, sync)}
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
                onAutoReview={onReviewStarted}
                inFlight={inFlight}
                shown={state.plan}
                error={state.saveError}
                onShow={plan?.onShow ?? (() => {})}
                onClose={plan?.onClose ?? (() => {})}
                onError={plan?.onError ?? (() => {})}
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
      {editor.state.keptConflicts > 0 && (
        <div className="callout callout-warning" role="alert" data-testid="edits-kept">
          {t('syncUi.editsKept', { count: editor.state.keptConflicts })}{' '}
          <Button
            size="small"
            variant="quiet"
            onPress={() => editor.dispatch({ type: 'dismissKept' })}
          >
            {t('app.dismiss')}
          </Button>
        </div>
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
          <ProfileAccount profile={profile} />
        </TabPanel>
      </Tabs>
    </div>
  );
}
