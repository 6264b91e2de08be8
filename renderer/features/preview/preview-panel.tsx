import { useMemo, useState } from 'react';
import { Label, TextArea, TextField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { checkAddresses } from '../../../shared/allowlist/address-check.ts';
import { compileConfig, type AddressVerdict } from '../../../shared/allowlist/match.ts';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ChannelOutput } from '../../../shared/contract/ipc.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { currentLocale } from '../../i18n/setup.ts';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';

/** At most this many addresses are listed (the counts cover all). */
const MAX_LISTED = 500;

/**
 * IP preview: one or many addresses, allowed or denied under the draft and under the list in
 * force, with the matching entries; and the login-log impact (the file is chosen in main).
 */
export function PreviewPanel({
  profileId,
  draft,
  live,
}: {
  profileId: string;
  draft: Config;
  live: Config | null;
}) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const [text, setText] = useState('');
  const [impact, setImpact] = useState<Extract<
    ChannelOutput<'preview:impact'>,
    { lines: number }
  > | null>(null);
  const [impactError, setImpactError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);

  const { mode, entries } = draft;
  const draftMatcher = useMemo(() => compileConfig({ mode, entries }), [mode, entries]);
  const liveMatcher = useMemo(() => (live ? compileConfig(live) : null), [live]);
  const checks = useMemo(
    () => checkAddresses(text, draftMatcher, liveMatcher, MAX_LISTED),
    [text, draftMatcher, liveMatcher],
  );

  const loadLog = async () => {
    setLoading(true);
    setImpactError(null);
    try {
      const result = await call(api().preview.impact({ profileId }));
      if (!('canceled' in result)) setImpact(result);
    } catch (e) {
      setImpactError(errorText(e));
    } finally {
      setLoading(false);
    }
  };

  const status = (v: AddressVerdict | null) =>
    v === null ? (
      <span className="muted">{t('preview.noLive')}</span>
    ) : (
      <span className={v.allowed ? 'badge badge-ok' : 'badge badge-denied'}>
        {v.allowed ? t('preview.allowed') : t('preview.denied')}
      </span>
    );

  return (
    <section className="preview" aria-labelledby="preview-heading">
      <h2 id="preview-heading">{t('preview.heading')}</h2>
      <p className="muted">{t('preview.intro')}</p>
      <TextField value={text} onChange={setText} className="field">
        <Label className="field-label">{t('preview.input')}</Label>
        <TextArea
          className="input textarea"
          rows={4}
          spellCheck={false}
          placeholder="203.0.113.5"
        />
      </TextField>
      {checks.length > 0 && (
        <table className="data-table" data-testid="preview-results">
          <thead>
            <tr>
              <th scope="col">{t('preview.address')}</th>
              <th scope="col">{t('preview.draft')}</th>
              <th scope="col">{t('preview.live')}</th>
              <th scope="col">{t('preview.change')}</th>
              <th scope="col">{t('preview.matchedBy')}</th>
            </tr>
          </thead>
          <tbody>
            {checks.map((c, i) => (
              <tr key={`${c.input}-${i}`}>
                <th scope="row">
                  <code>{c.ip ?? c.input}</code>
                </th>
                {c.problem ? (
                  <td colSpan={4} className="problem-error">
                    {formatProblem(c.problem, locale)}
                  </td>
                ) : (
                  <>
                    <td>{status(c.draft)}</td>
                    <td>{status(c.live)}</td>
                    <td>
                      {c.live && c.draft && c.live.allowed !== c.draft.allowed ? (
                        <strong className={c.draft.allowed ? 'text-ok' : 'text-denied'}>
                          {c.draft.allowed ? t('preview.gains') : t('preview.loses')}
                        </strong>
                      ) : (
                        <span className="muted">{t('preview.same')}</span>
                      )}
                    </td>
                    <td>
                      {(c.draft?.matches ?? []).map((m) => {
                        const e = draft.entries[m];
                        return (
                          <span key={m} className="match-ref">
                            {t('preview.entryRef', { n: m + 1 })}:{' '}
                            <code>{e ? `${e.ip}${e.cidr === null ? '' : `/${e.cidr}`}` : ''}</code>{' '}
                            {e?.memo}
                          </span>
                        );
                      })}
                    </td>
                  </>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <section className="impact" aria-labelledby="impact-heading">
        <h3 id="impact-heading">{t('preview.impactHeading')}</h3>
        <p className="muted">{t('preview.impactIntro')}</p>
        <Button onPress={() => void loadLog()} isDisabled={loading}>
          {t('preview.loadLog')}
        </Button>
        <ErrorCallout>{impactError}</ErrorCallout>
        {impact && (
          <div className="impact-result" data-testid="impact">
            <p>
              <strong>{impact.fileName}</strong>:{' '}
              {t('preview.impactSummary', {
                lines: impact.lines.toLocaleString(locale),
                addresses: impact.addresses.toLocaleString(locale),
                denied: impact.deniedByDraft.toLocaleString(locale),
              })}
            </p>
            <p className={impact.losingAccess > 0 ? 'callout callout-error' : 'callout callout-ok'}>
              {t('preview.losing', { count: impact.losingAccess })}
            </p>
            {impact.gainingAccess > 0 && (
              <p className="callout callout-info">
                {t('preview.gaining', { count: impact.gainingAccess })}
              </p>
            )}
            {impact.topDenied.length > 0 && (
              <table className="data-table">
                <caption>{t('preview.topDenied')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('preview.address')}</th>
                    <th scope="col">{t('preview.count')}</th>
                    <th scope="col">{t('preview.liveStatus')}</th>
                  </tr>
                </thead>
                <tbody>
                  {impact.topDenied.map((d) => (
                    <tr key={d.ip}>
                      <th scope="row">
                        <code>{d.ip}</code>
                      </th>
                      <td className="num">{d.count.toLocaleString(locale)}</td>
                      <td>
                        {d.allowedLive ? (
                          <span className="badge badge-ok">{t('preview.allowed')}</span>
                        ) : (
                          <span className="badge badge-denied">{t('preview.denied')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </div>
        )}
      </section>
    </section>
  );
}
