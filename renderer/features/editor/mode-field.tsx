import { memo } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Mode } from '../../../shared/allowlist/model.ts';

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
      <RadioGroup
        value={mode}
        onChange={(v) => onChange(v as Mode)}
        orientation="horizontal"
        className="radio-group"
      >
        <Label className="field-label">{t('mode.label')}</Label>
        <div className="radio-options">
          <Radio value="ALLOW_SPECIFIC" className="radio">
            {t('mode.allowSpecific')}
          </Radio>
          <Radio value="ALLOW_ALL" className="radio">
            {t('mode.allowAll')}
          </Radio>
        </div>
      </RadioGroup>
      {mode === 'ALLOW_ALL' && (
        <div className="callout callout-warning" role="note" data-testid="allow-all-advice">
          <strong>{t('mode.adviceTitle')}</strong> {t('mode.advice')}
        </div>
      )}
    </div>
  );
});
