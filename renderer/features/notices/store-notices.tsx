import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChannelOutput } from '../../../shared/contract/ipc.ts';
import { formatMessage } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import { api, call } from '../../lib/api.ts';

type Notice = ChannelOutput<'app:notices'>[number];

/**
 * Notices from the main process that the user must see once, e.g. a damaged data file that was
 * moved aside and replaced by its last good copy (docs/architecture.md "Storage").
 */
export function StoreNotices() {
  const { t } = useTranslation();
  const [notices, setNotices] = useState<Notice[]>([]);

  useEffect(() => {
    let alive = true;
    call(api().app.notices({}))
      .then((list) => {
        if (alive) setNotices((current) => [...current, ...list]);
      })
      .catch(() => undefined);
    const off = api().on('app:notice', (notice) => setNotices((current) => [...current, notice]));
    return () => {
      alive = false;
      off();
    };
  }, []);

  if (notices.length === 0) return null;
  const locale = currentLocale();
  return (
    <div className="callout callout-warning" role="alert" data-testid="store-notices">
      <ul>
        {notices.map((n, i) => (
          <li key={`${n.code}-${i}`}>{formatMessage(n.code, n.params, locale) ?? n.message}</li>
        ))}
      </ul>
      <Button size="small" onPress={() => setNotices([])}>
        {t('app.dismiss')}
      </Button>
    </div>
  );
}
