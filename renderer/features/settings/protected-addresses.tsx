import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProfileView, ProtectedAddress } from '../../../shared/contract/ipc.ts';
import { parseIPv4Strict } from '../../../shared/ip/parse.ts';
import { Button } from '../../components/ui/button.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { TextField } from '../../components/ui/text-field.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { InlineForm, StatusNote, type SettingsStatus } from './settings-parts.tsx';

/**
 * Per-profile protected addresses (other admins, integration servers): every save plan checks
 * that they keep access, like the admin's own address.
 */
export function ProtectedAddresses({ profile }: { profile: ProfileView }) {
  const { t } = useTranslation();
  const [list, setList] = useState<ProtectedAddress[]>(profile.protectedAddresses);
  const [ip, setIp] = useState('');
  const [label, setLabel] = useState('');
  const [ipError, setIpError] = useState<string | null>(null);
  const [status, setStatus] = useState<SettingsStatus>(null);

  // The profile passed down may predate an earlier edit here: read the stored one.
  useEffect(() => {
    let alive = true;
    call(api().profiles.list({}))
      .then((r) => {
        const stored = r.profiles.find((p) => p.id === profile.id);
        if (alive && stored) setList(stored.protectedAddresses);
      })
      .catch(() => undefined);
    return () => {
      alive = false;
    };
  }, [profile.id]);

  const store = async (next: ProtectedAddress[]) => {
    try {
      const updated = await call(
        api().profiles.update({ profileId: profile.id, fields: { protectedAddresses: next } }),
      );
      setList(updated.protectedAddresses);
      setStatus({ ok: true, text: t('settings.saved') });
    } catch (e) {
      setStatus({ ok: false, text: errorText(e) });
    }
  };

  const add = () => {
    const address = ip.trim();
    if (parseIPv4Strict(address) === null) {
      setIpError(t('settings.invalidIp', { ip: address }));
      return;
    }
    if (list.some((p) => p.ip === address)) {
      setIpError(t('settings.alreadyProtected', { ip: address }));
      return;
    }
    setIpError(null);
    setIp('');
    setLabel('');
    void store([...list, { ip: address, label: label.trim() }]);
  };

  return (
    <section className="settings" aria-labelledby="protected-heading">
      <h2 id="protected-heading">{t('settings.protectedHeading')}</h2>
      <p className="muted">{t('settings.protectedIntro')}</p>
      {list.length === 0 ? (
        <p className="empty">{t('settings.none')}</p>
      ) : (
        <table className="data-table" data-testid="protected-list">
          <thead>
            <tr>
              <th scope="col">{t('preview.address')}</th>
              <th scope="col">{t('settings.label')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('editor.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((p) => (
              <tr key={p.ip}>
                <th scope="row">
                  <code>{p.ip}</code>
                </th>
                <td>{p.label}</td>
                <td className="num">
                  <Button
                    size="small"
                    variant="quiet"
                    aria-label={t('settings.remove', { ip: p.ip })}
                    onPress={() => void store(list.filter((x) => x.ip !== p.ip))}
                  >
                    <Icon name="delete" />
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <InlineForm onSubmit={() => add()}>
        <TextField
          label={t('settings.newIp')}
          value={ip}
          onChange={(v) => {
            setIp(v);
            setIpError(null);
          }}
          errorMessage={ipError ?? undefined}
          placeholder="203.0.113.25"
        />
        <TextField
          label={t('settings.label')}
          value={label}
          onChange={setLabel}
          placeholder={t('settings.labelPlaceholder')}
        />
        <Button type="submit" variant="primary">
          <Icon name="plus" /> {t('settings.add')}
        </Button>
      </InlineForm>
      <StatusNote status={status} />
    </section>
  );
}
