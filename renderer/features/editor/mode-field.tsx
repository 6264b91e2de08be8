import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../shared/allowlist/model.ts';
import { RadioField } from '../../components/ui/radio-field.tsx';

/**
 * The mode radio, with the service's own advice when "Allow all" is chosen.
 */
export const ModeField = memo(function ModeField({
  mode,
  onChange,
}: {
  mode: Mode;
  onChange: (mode: Mode) => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="mode-field">
      <RadioField
        label={t('mode.label')}
        value={mode}
        options={[
          { value: 'ALLOW_SPECIFIC', label: t('mode.allowSpecific') },
          { value: 'ALLOW_ALL', label: t('mode.allowAll') },
        ]}
        onChange={onChange}
      />
      {mode === 'ALLOW_ALL' && (
        <div className="callout callout-warning" role="note" data-testid="allow-all-advice">
          <strong>{t('mode.adviceTitle')}</strong> {t('mode.advice')}
        </div>
      )}
    </div>
  );
});
