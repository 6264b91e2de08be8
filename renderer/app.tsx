import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../shared/contract/ipc.ts';
import { SelectField } from './components/ui/select-field.tsx';
import { Button } from './components/ui/button.tsx';
import { changeLocale, currentLocale } from './i18n/setup.ts';
import type { Locale } from './i18n/setup.ts';
import { api, call, errorText } from './lib/api.ts';
import { FirstRun } from './features/profiles/first-run.tsx';
import { ProfileFormDialog } from './features/profiles/profile-form.tsx';
import { ProfilesContext } from './features/profiles/profiles-context.ts';
import { Workspace } from './features/workspace/workspace.tsx';
import { HandoffWorkspace } from './features/handoff/handoff-workspace.tsx';
import { StoreNotices } from './features/notices/store-notices.tsx';
import { ErrorCallout } from './components/ui/error-callout.tsx';

/**
 * The application shell: header (profile, language), first run or the profile's workspace.
 */
export function App() {
  const { t } = useTranslation();
  const [profiles, setProfiles] = useState<ProfileView[] | null>(null);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [locale, setLocale] = useState<Locale>(currentLocale());

  const [version, setVersion] = useState<string | null>(null);

  useEffect(() => {
    // The footer names the app (in the UI language) and its version: what a bug report needs.
    call(api().app.info({}))
      .then((i) => setVersion(i.version))
      .catch(() => undefined);
  }, []);

  useEffect(() => {
    call(api().profiles.list({}))
      .then((r) => {
        setProfiles(r.profiles);
        setSelectedId(r.selectedId ?? r.profiles[0]?.id ?? null);
      })
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const select = (id: string) => {
    setSelectedId(id);
    void call(api().profiles.select({ profileId: id })).catch(() => undefined);
  };
  const added = (p: ProfileView) => {
    setProfiles((list) => [...(list ?? []).filter((x) => x.id !== p.id), p]);
    select(p.id);
  };
  const profilesActions = useMemo(
    () => ({
      removed: (id: string) => {
        const rest = (profiles ?? []).filter((p) => p.id !== id);
        setProfiles(rest);
        const next = rest[0];
        if (next) select(next.id);
        else setSelectedId(null);
      },
    }),
    [profiles],
  );
  const switchLocale = (l: Locale) => {
    setLocale(l);
    void changeLocale(l);
    void api()
      .app.setLocale({ locale: l })
      .catch(() => undefined);
  };

  const selected = profiles?.find((p) => p.id === selectedId) ?? null;
  return (
    <div className="app">
      <header className="app-header">
        <h1 className="app-title">{t('app.title')}</h1>
        {profiles && profiles.length > 0 && (
          <div className="header-profile">
            <SelectField
              label={t('profiles.label')}
              value={selectedId ?? ''}
              onChange={select}
              options={profiles.map((p) => ({
                id: p.id,
                label: p.name,
              }))}
            />
            <Button size="small" onPress={() => setAdding(true)}>
              {t('profiles.add')}
            </Button>
          </div>
        )}
        <SelectField<Locale>
          className="header-locale"
          label={t('app.language')}
          value={locale}
          onChange={switchLocale}
          options={[
            { id: 'en', label: 'English' },
            { id: 'ja', label: '日本語' },
          ]}
        />
      </header>
      <StoreNotices />
      <ErrorCallout>{error && t('app.error', { message: error })}</ErrorCallout>
      {profiles === null ? (
        <main className="workspace-loading">{t('app.loading')}</main>
      ) : selected ? (
        <main className="app-main">
          <ProfilesContext.Provider value={profilesActions}>
            {selected.kind === 'cybozu-store' ? (
              <HandoffWorkspace key={selected.id} profile={selected} />
            ) : (
              <Workspace profile={selected} />
            )}
          </ProfilesContext.Provider>
        </main>
      ) : (
        <FirstRun onReady={added} />
      )}
      {version && (
        <footer className="app-footer muted" data-testid="app-version">
          {t('app.version', { name: t('app.title'), version })}
        </footer>
      )}
      <ProfileFormDialog
        isOpen={adding}
        onOpenChange={setAdding}
        onCreated={(p) => {
          setAdding(false);
          added(p);
        }}
      />
    </div>
  );
}
