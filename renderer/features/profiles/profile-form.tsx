import { useState } from 'react';
import { Form } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ProfileKind, ProfileView } from '../../../shared/contract/ipc.ts';
import { SelectField } from '../../components/ui/select-field.tsx';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

/**
 * The "Add a profile" dialog: the kind (admin API, or cybozu.com saved on the cybozu.com Store),
 * name, service URL, and for the admin API the login and password (to the keychain in main). A
 * cybozu.com Store profile asks for neither: nothing ever logs in with them.
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
  const [kind, setKind] = useState<ProfileKind>('api');
  const store = kind === 'cybozu-store';
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
          fields: { name, serviceUrl: url, login: store ? '' : login, kind },
          password: password === '' || store ? undefined : password,
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
        <SelectField<ProfileKind>
          label={t('handoff.kind.label')}
          value={kind}
          onChange={setKind}
          options={[
            { id: 'api', label: t('handoff.kind.api') },
            { id: 'cybozu-store', label: t('handoff.kind.store') },
          ]}
        />
        <p className="field-hint" data-testid="profile-kind-hint">
          {store ? t('handoff.kind.storeHint') : t('handoff.kind.apiHint')}
        </p>
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
          description={store ? t('handoff.kind.urlHint') : t('profileForm.urlHint')}
          value={url}
          onChange={setUrl}
          isRequired
          type="url"
        />
        {!store && (
          <>
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
          </>
        )}
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
