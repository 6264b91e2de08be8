import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

/**
 * The "Add a profile" dialog: name, service URL, login, password (to the keychain in main).
 */
export function ProfileFormDialog({
  isOpen,
  onOpenChange,
  onCreated,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (profile: ProfileView) => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('https://');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const profile = await call(
        api().profiles.create({
          fields: { name, serviceUrl: url, login },
          password: password === '' ? undefined : password,
        }),
      );
      setPassword('');
      onCreated(profile);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AppDialog title={t('profileForm.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Form
        className="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextField
          label={t('profileForm.name')}
          description={t('profileForm.nameHint')}
          value={name}
          onChange={setName}
          isRequired
          autoFocus
        />
        <TextField
          label={t('profileForm.url')}
          description={t('profileForm.urlHint')}
          value={url}
          onChange={setUrl}
          isRequired
          type="url"
        />
        <TextField
          label={t('profileForm.login')}
          value={login}
          onChange={setLogin}
          isRequired
          autoComplete="username"
        />
        <TextField
          label={t('profileForm.password')}
          description={t('profileForm.passwordHint')}
          value={password}
          onChange={setPassword}
          type="password"
          autoComplete="current-password"
        />
        <ErrorCallout>{error}</ErrorCallout>
        <div className="dialog-actions">
          <Button onPress={() => onOpenChange(false)}>{t('profileForm.cancel')}</Button>
          <Button type="submit" variant="primary" isDisabled={busy}>
            {busy ? t('profileForm.saving') : t('profileForm.save')}
          </Button>
        </div>
      </Form>
    </AppDialog>
  );
}
