import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { ProfileFormDialog } from './profile-form.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

/**
 * First run: add a profile, or open the built-in demo profile.
 */
export function FirstRun({ onReady }: { onReady: (profile: ProfileView) => void }) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const openDemo = async () => {
    setBusy(true);
    setError(null);
    try {
      onReady(await call(api().profiles.demoStart({})));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="first-run" aria-labelledby="first-run-heading">
      <h1 id="first-run-heading">{t('firstRun.heading')}</h1>
      <p className="lead">{t('firstRun.intro')}</p>
      <div className="choice-cards">
        <section className="card" aria-labelledby="fr-add">
          <h2 id="fr-add">{t('firstRun.addTitle')}</h2>
          <p>{t('firstRun.addBody')}</p>
          <Button variant="primary" onPress={() => setAdding(true)}>
            {t('firstRun.addButton')}
          </Button>
        </section>
        <section className="card" aria-labelledby="fr-demo">
          <h2 id="fr-demo">{t('firstRun.demoTitle')}</h2>
          <p>{t('firstRun.demoBody')}</p>
          <Button onPress={() => void openDemo()} isDisabled={busy}>
            {t('firstRun.demoButton')}
          </Button>
        </section>
      </div>
      <ErrorCallout>{error}</ErrorCallout>
      <ProfileFormDialog
        isOpen={adding}
        onOpenChange={setAdding}
        onCreated={(p) => {
          setAdding(false);
          onReady(p);
        }}
      />
    </main>
  );
}
