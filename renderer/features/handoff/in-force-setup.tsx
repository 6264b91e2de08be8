import { useState } from 'react';
import { TextArea, TextField as AriaTextField, Label, Text } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ChannelOutput, ProfileView } from '../../../shared/contract/ipc.ts';
import { Button } from '../../components/ui/button.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { api, call, errorText } from '../../lib/api.ts';
import { parsePastedText } from '../editor/paste-parse.ts';
import { ImportWizard } from '../import/import-wizard.tsx';
import { useImportJob } from '../import/use-import-job.ts';
import '../import/import.css';

export type InForceResult = ChannelOutput<'handoff:set-in-force'>;

/**
 * The list in force on the cybozu.com Store, as the admin states it: typed (or pasted from Excel)
 * or imported from a file through the app's import wizard. Main refuses an entry the Store could
 * not hold, naming it; the list is then marked "as stated by you".
 */
export function InForceSetup({
  profile,
  maxEntries,
  onDone,
  onCancel,
}: {
  profile: ProfileView;
  maxEntries: number;
  onDone: (result: InForceResult) => void;
  /** Shown when a list in force exists already (entering it again). */
  onCancel?: (() => void) | undefined;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [mode, setMode] = useState<Config['mode']>('ALLOW_SPECIFIC');
  const [imported, setImported] = useState<Config | null>(null);
  const [wizard, setWizard] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const job = useImportJob(maxEntries);

  const entries = imported
    ? imported.entries
    : text.trim() === ''
      ? []
      : parsePastedText(text).entries;
  const config: Config = { mode, entries };

  const use = async () => {
    setBusy(true);
    setError(null);
    try {
      onDone(await call(api().handoff.setInForce({ profileId: profile.id, config })));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="handoff-in-force" aria-labelledby="in-force-title" data-testid="in-force">
      <h2 id="in-force-title">{t('handoff.inForce.heading')}</h2>
      <p>{t('handoff.inForce.intro')}</p>
      {onCancel && <p className="muted">{t('handoff.inForce.restateHint')}</p>}
      <SelectField<Config['mode']>
        label={t('mode.label')}
        value={mode}
        onChange={setMode}
        options={[
          { id: 'ALLOW_SPECIFIC', label: t('mode.allowSpecific') },
          { id: 'ALLOW_ALL', label: t('mode.allowAll') },
        ]}
      />
      <AriaTextField
        className="field"
        value={text}
        onChange={(v) => {
          setText(v);
          setImported(null);
        }}
      >
        <Label className="field-label">{t('handoff.inForce.typedLabel')}</Label>
        <TextArea className="input handoff-textarea" rows={8} spellCheck={false} />
        <Text slot="description" className="field-hint">
          {t('handoff.inForce.parsed', { count: entries.length })}
        </Text>
      </AriaTextField>
      <ErrorCallout>{error}</ErrorCallout>
      <div className="dialog-actions handoff-actions">
        <Button onPress={() => setWizard(true)}>{t('handoff.inForce.fromFile')}</Button>
        {onCancel && <Button onPress={onCancel}>{t('handoff.inForce.cancel')}</Button>}
        <Button variant="primary" onPress={() => void use()} isDisabled={busy}>
          {busy ? t('handoff.inForce.saving') : t('handoff.inForce.use')}
        </Button>
      </div>
      <ImportWizard
        isOpen={wizard}
        state={job.state}
        current={{ mode: 'ALLOW_SPECIFIC', entries: [] }}
        maxEntries={maxEntries}
        onOpenFile={() => void job.open()}
        onReparse={(result, options, custom) => void job.reparse(result, options, custom)}
        onCancelJob={() => void job.cancel()}
        onClose={() => {
          setWizard(false);
          job.reset();
        }}
        onApply={(applied) => {
          setImported(applied.config);
          setMode('ALLOW_SPECIFIC');
          setText(
            applied.config.entries
              .map((e) => [e.ip, e.cidr === null ? '' : String(e.cidr), e.memo].join('\t'))
              .join('\n'),
          );
          setWizard(false);
          job.reset();
        }}
      />
    </section>
  );
}
