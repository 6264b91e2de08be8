import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/ui/button.tsx';
import type { ImportJobState } from './use-import-job.ts';

/** A file being read: its progress (rows, when known) and a cancel button. */
export function ImportProgress({
  state,
  locale,
  onCancel,
}: {
  state: Extract<ImportJobState, { kind: 'running' }>;
  locale: 'en' | 'ja';
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const p = state.progress;
  const label = state.fileName
    ? t('importer.reading', { file: state.fileName })
    : t('importer.readingFile');
  return (
    <div className="import-progress" data-testid="import-progress">
      <ProgressBar
        className="progress"
        aria-label={t('importer.progressLabel')}
        {...(p && p.total > 0 ? { value: p.done, maxValue: p.total } : { isIndeterminate: true })}
        valueLabel={
          p && p.total > 0
            ? t('importer.progressRows', {
                done: p.done.toLocaleString(locale),
                total: p.total.toLocaleString(locale),
              })
            : undefined
        }
      >
        {({ percentage, valueText, isIndeterminate }) => (
          <>
            <div className="progress-head">
              <Label className="progress-label">{label}</Label>
              <span className="progress-value">{valueText}</span>
            </div>
            <div className="progress-track">
              <div
                className={`progress-fill${isIndeterminate ? ' progress-indeterminate' : ''}`}
                style={isIndeterminate ? undefined : { width: `${percentage ?? 0}%` }}
              />
            </div>
          </>
        )}
      </ProgressBar>
      <Button onPress={onCancel}>{t('importer.cancelImport')}</Button>
    </div>
  );
}
