import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConfigDiff } from '../../../shared/allowlist/diff.ts';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { listProblems } from '../../../shared/allowlist/validate.ts';
import { Button } from '../../components/ui/button.tsx';
import { combineImport } from './combine.ts';
import type { CombineMode } from './combine.ts';
import { CombineChoice, CombineDiff } from './combine-panel.tsx';
import { groupByRow, ImportPreview } from './import-preview.tsx';
import { MappingPanel } from './mapping-panel.tsx';
import type { ReparseOptions } from './use-import-job.ts';

/** How the detected text encodings are written for people. */
const ENCODING_NAMES: Readonly<Record<string, string>> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8 (BOM)',
  'utf-16le': 'UTF-16 LE',
  'utf-16be': 'UTF-16 BE',
  shift_jis: 'Shift_JIS',
};

export type ImportApplied = { fileName: string; config: Config; diff: ConfigDiff };

/**
 * A file read: its facts and counts, the sheet and column mapping, every row with its entries and
 * problems, merge or replace previewed as a diff, and apply.
 */
export function ImportResultPanel({
  result,
  custom,
  busy,
  current,
  maxEntries,
  locale,
  onReparse,
  onClose,
  onApply,
}: {
  result: ImportResultView;
  custom: boolean;
  busy: boolean;
  current: Config;
  maxEntries: number;
  locale: 'en' | 'ja';
  onReparse: (options: ReparseOptions, custom: boolean) => void;
  onClose: () => void;
  onApply: (applied: ImportApplied) => void;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<CombineMode>('merge');
  const grouped = useMemo(() => groupByRow(result), [result]);
  const combined = useMemo(
    () => combineImport(current, result.entries, mode),
    [current, result.entries, mode],
  );
  const s = result.stats;
  const format =
    s.format === 'xlsx'
      ? t('importer.formatXlsx')
      : s.format === 'tsv'
        ? t('importer.formatTsv')
        : s.format === 'csv'
          ? t('importer.formatCsv')
          : t('importer.formatText');
  const facts = s.encoding
    ? t('importer.fileFacts', { format, encoding: ENCODING_NAMES[s.encoding] ?? s.encoding })
    : format;
  const n = (v: number) => v.toLocaleString(locale);
  return (
    <div className="import-result" aria-busy={busy}>
      <p className="import-facts">
        <span className="chip">{facts}</span>
        <span className="import-summary" data-testid="import-summary">
          {t('importer.summary', {
            rows: n(s.rows),
            entries: n(s.entries),
            imported: n(s.importedRows),
            errorRows: n(s.errorRows),
            blank: n(s.blankRows),
          })}
        </span>
        {s.errors > 0 && (
          <span className="counter counter-error">{t('importer.errors', { count: s.errors })}</span>
        )}
        {s.warnings > 0 && (
          <span className="counter counter-warning">
            {t('importer.warnings', { count: s.warnings })}
          </span>
        )}
      </p>
      {grouped.general.length > 0 && (
        <ul className="callout callout-warning general-problems">
          {grouped.general.map((p, i) => (
            <li key={i}>{formatProblem(p, locale)}</li>
          ))}
        </ul>
      )}
      <div className="import-layout">
        <div className="import-side">
          <MappingPanel result={result} custom={custom} isDisabled={busy} onReparse={onReparse} />
          <CombineChoice mode={mode} onModeChange={setMode} />
        </div>
        <div className="import-main">
          <ImportPreview rows={grouped.rows} locale={locale} />
          <CombineDiff
            diff={combined.diff}
            total={combined.config.entries.length}
            maxEntries={maxEntries}
            overLimit={listProblems(combined.config, { maxEntries }).some(
              (p) => p.code === 'TOO_MANY_ENTRIES',
            )}
            allowAll={current.mode === 'ALLOW_ALL'}
            locale={locale}
          />
        </div>
      </div>
      <div className="dialog-actions import-actions">
        {s.errorRows > 0 && (
          <p className="import-footnote muted">
            {t('importer.errorsNotImported', { count: s.errorRows })}
          </p>
        )}
        <Button onPress={onClose}>{t('importer.cancel')}</Button>
        <Button
          variant="primary"
          isDisabled={busy || result.entries.length === 0}
          onPress={() =>
            onApply({ fileName: result.fileName, config: combined.config, diff: combined.diff })
          }
        >
          {t('importer.apply')}
        </Button>
      </div>
    </div>
  );
}
