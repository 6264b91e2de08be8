import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { InlineForm, StatusNote, type SettingsStatus } from './settings-parts.tsx';
import { useProfilesActions } from '../profiles/profiles-context.ts';

/**
 * The profile's account settings: change the password kept in the OS credential store
 * (`profiles:set-password`), and remove the profile from this computer (`profiles:remove`: its
 * draft, history and stored password; the service's list is not touched), behind a confirmation.
 */
export function ProfileAccount({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const { removed } = useProfilesActions();
  const [password, setPassword] = useState('');
  const [hasPassword, setHasPassword] = useState(profile.hasPassword);
  const [status, setStatus] = useState<SettingsStatus>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [removeError, setRemoveError] = useState<string | null>(null);

  const savePassword = async () => {
    if (password === '') {
      setStatus({ ok: false, text: t('settings.passwordEmpty') });
      return;
    }
    setBusy(true);
    try {
      const r = await call(api().profiles.setPassword({ profileId: profile.id, password }));
      setHasPassword(r.hasPassword);
      setPassword('');
      setStatus({ ok: true, text: t('settings.passwordSaved') });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e) });
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    setRemoveError(null);
    try {
      await call(api().profiles.remove({ profileId: profile.id }));
      setConfirming(false);
      removed(profile.id);
    } catch (e) {
      setRemoveError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="settings" aria-labelledby="account-heading">
      <h2 id="account-heading">{t('settings.accountHeading')}</h2>
      <p className="muted">
        {hasPassword ? t('settings.passwordStored') : t('settings.passwordMissing')}
      </p>
      <InlineForm onSubmit={() => void savePassword()}>
        <TextField
          label={t('settings.newPassword')}
          value={password}
          onChange={(v) => {
            setPassword(v);
            setStatus(null);
          }}
          type="password"
          autoComplete="new-password"
        />
        <Button type="submit" variant="primary" isDisabled={busy}>
          {t('settings.savePassword')}
        </Button>
      </InlineForm>
      <StatusNote status={status} />
      <h3>{t('settings.removeHeading')}</h3>
      <p className="muted">{t('settings.removeIntro')}</p>
      <Button
        variant="danger"
        onPress={() => {
          setRemoveError(null);
          setConfirming(true);
        }}
      >
        {t('profiles.remove')}
      </Button>
      <AppDialog
        title={t('settings.removeTitle', { name: profile.name })}
        isOpen={confirming}
        onOpenChange={(next) => {
          if (!busy) setConfirming(next);
        }}
        role="alertdialog"
        className="modal-danger"
      >
        <div data-testid="remove-profile-dialog">
          <p>{t('settings.removeBody')}</p>
          <ErrorCallout>{removeError}</ErrorCallout>
          <div className="dialog-actions">
            <Button
              autoFocus
              variant="primary"
              onPress={() => setConfirming(false)}
              isDisabled={busy}
            >
              {t('settings.removeCancel')}
            </Button>
            <Button variant="danger" onPress={() => void remove()} isDisabled={busy}>
              {t('settings.removeConfirm')}
            </Button>
          </div>
        </div>
      </AppDialog>
    </section>
  );
}
