import { useCallback, useEffect, useState } from 'react';
import type { ReactNode } from 'react';
import { Tab, TabList, TabPanel, Tabs } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ChannelOutput, DraftView, ProfileView } from '../../../shared/contract/ipc.ts';
import { DEFAULT_MAX_ENTRIES } from '../../../shared/allowlist/model.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call, errorText, IpcCallError } from '../../lib/api.ts';
import { EditorView } from '../editor/editor-view.tsx';
import { useEditor } from '../editor/use-editor.ts';
import { ImportExportActions } from '../import/import-actions.tsx';
import { PreviewPanel } from '../preview/preview-panel.tsx';
import { SaveFlow } from '../save/save-flow.tsx';
import { RestrictionOffNotice } from '../save/restriction-off-notice.tsx';
import { AggregateBanner } from '../aggregate/aggregate-banner.tsx';
import { AggregatePanel } from '../aggregate/aggregate-panel.tsx';
import type { LimitSource } from '../aggregate/aggregate-banner.tsx';
import { HistoryPanel } from '../history/history-panel.tsx';
import type { PushOutcome } from '../save/save-flow.tsx';
import { ProtectedAddresses } from '../settings/protected-addresses.tsx';
import { SyncAdvice, SyncStatus } from './sync-status.tsx';
import { ApplyBanner } from '../apply/apply-banner.tsx';
import { useApply } from '../apply/use-apply.ts';
import { RecoveryScreen } from '../recovery/recovery-screen.tsx';
import { MergeScreen } from '../sync/merge-screen.tsx';
import { CombinedSummary, combinedFrom } from '../sync/combined-summary.tsx';
import type { Combined } from '../sync/combined-summary.tsx';
import type { DiscardOutcome } from '../sync/discard-changes.tsx';

export type SyncState = ChannelOutput<'sync:status'>;

/** A status notice, translated at render time. */
type Notice = { key: string; params?: Record<string, string> };

/** How often the connection state is refreshed while the window is open. */
const STATUS_POLL_MS = 15_000;

/**
 * One profile's workspace: loads the draft (pulling first when there is none), then the editor.
 */
export function Workspace({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  // The last pull failed because the service cannot be reached: the sync advice says it already.
  const [pullOffline, setPullOffline] = useState(false);
  const [sync, setSync] = useState<SyncState | null>(null);
  // Kept as a key + params, not finished text, so it follows a language switch.
  const [notice, setNotice] = useState<Notice | null>(null);
  const [checking, setChecking] = useState(false);
  // Sync flow (renderer/features/sync): why a merge is shown; which body generation opens the plan.
  const [mergeCause, setMergeCause] = useState<'pull' | 'push'>('pull');
  const [reviewAt, setReviewAt] = useState<number | null>(null);
  const apply = useApply(profile.id);
  const [combined, setCombined] = useState<Combined | null>(null);

  const refreshStatus = useCallback(async () => {
    try {
      setSync(await call(api().sync.status({ profileId: profile.id })));
    } catch (e) {
      setSync({ state: 'error', remoteRevision: null, message: errorText(e), errorCode: null });
    }
  }, [profile.id]);
  /** "Check now": the same request, shown as "Checking…" while it runs. */
  const checkNow = () => {
    setChecking(true);
    void refreshStatus().finally(() => setChecking(false));
  };

  /** Pull; `tell` (the admin pressed Refresh) says how it went in a notice. */
  const pull = useCallback(
    async (tell = false) => {
      try {
        // The draft as saved now (the editor autosaves the working copy): "your changes" side.
        const before = await call(api().draft.get({ profileId: profile.id }));
        const result = await call(api().sync.pull({ profileId: profile.id }));
        const merged = result.status === 'merged' ? combinedFrom(before, result.draft) : null;
        setCombined(merged);
        setDraft(result.draft);
        setGeneration((g) => g + 1);
        setError(null);
        setPullOffline(false);
        const revision = result.draft.merge?.remoteRevision ?? result.draft.base?.revision ?? '';
        if (result.status === 'conflicts') setMergeCause('pull');
        else if (merged || !tell) setNotice(null);
        else
          setNotice({
            key:
              result.status === 'merged'
                ? 'syncUi.pullMerged'
                : result.status === 'updated'
                  ? 'syncUi.pullUpdated'
                  : 'syncUi.pullUpToDate',
            params: { revision },
          });
      } catch (e) {
        setError(errorText(e));
        setPullOffline(e instanceof IpcCallError && e.code === 'OFFLINE');
      }
      await refreshStatus();
    },
    [profile.id, refreshStatus],
  );

  useEffect(() => {
    let alive = true;
    void (async () => {
      try {
        const d = await call(api().draft.get({ profileId: profile.id }));
        if (!alive) return;
        setDraft(d);
        if (d.base === null) await pull();
        else await refreshStatus();
      } catch (e) {
        if (alive) setError(errorText(e));
      }
    })();
    const timer = setInterval(() => void refreshStatus(), STATUS_POLL_MS);
    const onFocus = () => void refreshStatus();
    window.addEventListener('focus', onFocus);
    return () => {
      alive = false;
      clearInterval(timer);
      window.removeEventListener('focus', onFocus);
    };
  }, [profile.id, pull, refreshStatus]);

  // The service refuses this computer (e.g. after a restart while locked out): ask the apply
  // tracker, which turns the recovery screen on.
  const restricted = sync?.errorCode === 'IP_RESTRICTED';
  const { lockedOut, probe } = apply;
  useEffect(() => {
    if (restricted && !lockedOut) void probe();
  }, [restricted, lockedOut, probe]);

  const onPushed = async (outcome: PushOutcome, sent: Config) => {
    if (outcome.status === 'pushed') {
      // The apply banner says "Saved as revision N" and follows it until verified.
      apply.started(outcome.apply);
      setNotice(
        outcome.confirmed
          ? null
          : { key: 'syncUi.pushUnconfirmed', params: { revision: outcome.revision } },
      );
      setCombined(null);
      // The draft after the push, edits autosaved while it was in flight included.
      setDraft(outcome.draft);
      setGeneration((g) => g + 1);
    } else if (outcome.draft.merge) {
      // 412 (or the remote moved): back to the merge screen, nothing was overwritten.
      setMergeCause('push');
      setNotice(null);
      setDraft(outcome.draft);
      setGeneration((g) => g + 1);
    } else {
      setNotice({ key: 'syncUi.pushMerged' });
      setCombined(combinedFrom(draft && { ...draft, working: sent }, outcome.draft));
      setDraft(outcome.draft);
      setGeneration((g) => g + 1);
      setReviewAt(generation + 1);
    }
    await refreshStatus();
  };

  /** The merge was resolved: the service's revision is the base; continue with the plan. */
  const onResolved = (d: DraftView) => {
    setDraft(d);
    setGeneration((g) => g + 1);
    setReviewAt(generation + 1);
    setNotice(null);
    void refreshStatus();
  };

  /** The admin left the merge by discarding their changes: show the service's list as it is. */
  const onDiscarded = (outcome: DiscardOutcome) => {
    setCombined(null);
    setDraft(outcome.draft);
    setGeneration((g) => g + 1);
    setPullOffline(false);
    if (outcome.kind === 'pulled') {
      setError(null);
      setNotice({
        key: 'syncUi.discarded',
        params: { revision: outcome.draft.base?.revision ?? '' },
      });
    } else {
      setNotice(null);
      setError(t('syncUi.discardedPullFailed', { message: outcome.message }));
    }
    void refreshStatus();
  };

  /** Access is back after a lockout: read the list in force, put the old revision in, plan it. */
  const restore = async (historyId: string) => {
    const pulled = await call(api().sync.pull({ profileId: profile.id }));
    if (pulled.status === 'conflicts') {
      setMergeCause('pull');
      setDraft(pulled.draft);
      setGeneration((g) => g + 1);
      apply.dismissRecovery();
      return;
    }
    const d = await call(api().history.restore({ profileId: profile.id, historyId }));
    apply.dismissRecovery();
    apply.dismiss();
    setNotice(null);
    setDraft(d);
    setGeneration((g) => g + 1);
    setReviewAt(generation + 1);
    await refreshStatus();
  };

  if (!draft) {
    return (
      <div className="workspace-loading">
        {error ? (
          <p className="callout callout-error" role="alert">
            {error}
          </p>
        ) : (
          <p>{t('app.loading')}</p>
        )}
      </div>
    );
  }
  if (apply.lockedOut || apply.accessBack)
    return (
      <RecoveryScreen
        profileId={profile.id}
        apply={apply}
        onRestore={restore}
        onKeep={() => {
          apply.dismissRecovery();
          void refreshStatus();
        }}
      />
    );
  if (draft.merge)
    return (
      <MergeScreen
        key={`${draft.merge.remoteRevision}-${generation}`}
        draft={draft}
        merge={draft.merge}
        cause={mergeCause}
        onResolved={onResolved}
        onDiscarded={onDiscarded}
      />
    );
  return (
    <WorkspaceBody
      key={`${profile.id}-${generation}`}
      profile={profile}
      draft={draft}
      sync={sync}
      error={pullOffline && sync?.state === 'offline' ? null : error}
      notice={notice}
      onDismissNotice={() => setNotice(null)}
      onPull={() => pull(true)}
      onPushed={(o, sent) => void onPushed(o, sent)}
      onSaved={() => void refreshStatus()}
      checking={checking}
      onCheck={checkNow}
      autoReview={reviewAt === generation}
      applyBanner={
        <>
          <ApplyBanner apply={apply} />
          {combined && <CombinedSummary combined={combined} onDismiss={() => setCombined(null)} />}
        </>
      }
    />
  );
}

function WorkspaceBody({
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
  autoReview,
  applyBanner,
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
  onCheck: () => void;
  autoReview: boolean;
  applyBanner: ReactNode;
}) {
  const { t } = useTranslation();
  const maxEntries = profile.maxEntries ?? draft.base?.maxEntries ?? DEFAULT_MAX_ENTRIES;
  // Where that limit comes from, so the over-limit texts say it rightly.
  const limitSource: LimitSource =
    profile.maxEntries !== null ? 'profile' : draft.base ? 'service' : 'default';
  const save = useCallback(
    async (working: Config) => {
      const r = await call(api().draft.save({ profileId: profile.id, working }));
      onSaved();
      return r;
    },
    [profile.id, onSaved],
  );
  const editor = useEditor(draft.working, draft.dirty, maxEntries, save);
  const [pulling, setPulling] = useState(false);
  const [tab, setTab] = useState<Key>('editor');
  const live: Config | null = draft.base
    ? { mode: draft.base.mode, entries: draft.base.entries }
    : null;

  const offline = sync?.state === 'offline';
  const dirty = editor.autosave.kind === 'saved' ? editor.autosave.dirty : true;
  let disabledReason: string | null = null;
  if (offline) disabledReason = t('save.disabledOffline');
  else if (editor.autosave.kind === 'blocked')
    disabledReason = t('save.disabledBadCidr', { n: editor.autosave.row });
  else if (editor.validation.errors > 0) disabledReason = t('save.disabledErrors');
  else if (!dirty) disabledReason = t('save.disabledNoChanges');

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
          <span className="toolbar-divider" aria-hidden="true" />
          <Button
            onPress={() => {
              setPulling(true);
              void onPull().finally(() => setPulling(false));
            }}
            isDisabled={pulling || offline}
            variant={sync?.state === 'remote-changed' ? 'primary' : 'secondary'}
          >
            {pulling ? t('save.pulling') : t('save.pull')}
          </Button>
          <span className="toolbar-divider" aria-hidden="true" />
          <SaveFlow
            profileId={profile.id}
            serviceName={profile.name}
            disabledReason={disabledReason}
            flush={editor.flush}
            onPushed={onPushed}
            onReplace={(config) => editor.dispatch({ type: 'replaceAll', config })}
            autoReview={autoReview}
          />
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
