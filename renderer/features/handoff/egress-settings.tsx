import { useEffect, useState } from 'react';
import { Label, Text, TextArea, TextField as AriaTextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { EgressView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { egressText } from './egress-text.ts';

/**
 * The "what is my IP" endpoints (settings, shared by every hand-off profile) and a check now:
 * each endpoint's answer, and the verdict the plan would use.
 */
export function EgressSettings() {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [note, setNote] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [egress, setEgress] = useState<EgressView | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    call(api().handoff.endpoints({}))
      .then((r) => setText(r.endpoints.join('\n')))
      .catch((e: unknown) => setError(errorText(e)));
  }, []);

  const save = async (endpoints: string[] | null) => {
    setError(null);
    setNote(false);
    try {
      const r = await call(api().handoff.setEndpoints({ endpoints }));
      setText(r.endpoints.join('\n'));
      setNote(true);
    } catch (e) {
      setError(errorText(e));
    }
  };
  const list = () =>
    text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter((l) => l !== '');

  return (
    <section
      className="handoff-egress"
      aria-labelledby="egress-title"
      data-testid="egress-settings"
    >
      <h3 id="egress-title">{t('handoff.egress.heading')}</h3>
      <AriaTextField className="field" value={text} onChange={setText}>
        <Label className="field-label">{t('handoff.egress.endpoints')}</Label>
        <TextArea className="input handoff-textarea" rows={4} spellCheck={false} />
        <Text slot="description" className="field-hint">
          {t('handoff.egress.endpointsHint')}
        </Text>
      </AriaTextField>
      <div className="handoff-actions">
        <Button size="small" onPress={() => void save(list())}>
          {t('handoff.egress.saveEndpoints')}
        </Button>
        <Button size="small" variant="quiet" onPress={() => void save(null)}>
          {t('handoff.egress.resetEndpoints')}
        </Button>
        <Button
          size="small"
          isDisabled={busy}
          onPress={() => {
            setBusy(true);
            call(api().handoff.egress({}))
              .then(setEgress)
              .catch((e: unknown) => setError(errorText(e)))
              .finally(() => setBusy(false));
          }}
        >
          {t('handoff.egress.check')}
        </Button>
      </div>
      {note && (
        <p className="muted" role="status">
          {t('handoff.egress.endpointsSaved')}
        </p>
      )}
      <ErrorCallout>{error}</ErrorCallout>
      {egress && (
        <div
          className={`callout ${egress.verdict === 'agree' ? 'callout-ok' : 'callout-warning'}`}
          data-testid="egress-result"
        >
          <p>{egressText(t, egress)}</p>
          <ul>
            {egress.answers.map((a) => (
              <li key={a.url}>
                {a.ip
                  ? t('handoff.egress.answer', { url: a.url, ip: a.ip })
                  : t('handoff.egress.answerFailed', { url: a.url, message: a.error ?? '' })}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
