import { useMemo, useState } from 'react';
import { Label, ProgressBar } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { ConfigDiff } from '../../../shared/allowlist/diff.ts';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { formatMessage, formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { errorText, IpcCallError } from '../../lib/api.ts';
import { listProblems } from '../../../shared/allowlist/validate.ts';
import { combineImport } from './combine.ts';
import type { CombineMode } from './combine.ts';
import { CombineChoice, CombineDiff } from './combine-panel.tsx';
import { groupByRow, ImportPreview } from './import-preview.tsx';
import { MappingPanel } from './mapping-panel.tsx';
import { FileTooLargeError } from './use-import-job.ts';
import type { ImportJobState, ReparseOptions } from './use-import-job.ts';

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
 * The import wizard: choose or drop a file, progress with cancel, then the sheet and columns,
 * every row with its entries and problems, merge or replace previewed as a diff, apply.
 */
export function ImportWizard({
  isOpen,
  state,
  current,
  maxEntries,
  onOpenFile,
  onReparse,
  onCancelJob,
  onClose,
  onApply,
}: {
  isOpen: boolean;
  state: ImportJobState;
  current: Config;
  maxEntries: number;
  onOpenFile: () => void;
  onReparse: (result: ImportResultView, options: ReparseOptions, custom: boolean) => void;
  onCancelJob: () => void;
  onClose: () => void;
  onApply: (applied: ImportApplied) => void;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'ja' : 'en';
  const shown =
    state.kind === 'done'
      ? state.result
      : state.kind === 'running' || state.kind === 'failed'
        ? state.previous
        : null;
  const title = shown ? t('importer.titleWithFile', { file: shown.fileName }) : t('importer.title');
  return (
    <AppDialog
      title={title}
      isOpen={isOpen}
      onOpenChange={(open) => {
        if (!open) onClose();
      }}
      isDismissable={state.kind !== 'done'}
      size="wide"
      className="modal-import"
    >
      {state.kind === 'running' && (
        <Progress state={state} locale={locale} onCancel={onCancelJob} />
      )}
      {state.kind === 'failed' && (
        <p className="callout callout-error" role="alert">
          {t('importer.failed', { message: failureText(state.error, locale) })}
        </p>
      )}
      {shown ? (
        <ResultView
          result={shown}
          custom={state.kind === 'done' && state.custom}
          busy={state.kind === 'running'}
          current={current}
          maxEntries={maxEntries}
          locale={locale}
          onReparse={(options, custom) => onReparse(shown, options, custom)}
          onClose={onClose}
          onApply={onApply}
        />
      ) : (
        state.kind !== 'running' && (
          <Choose
            canceled={state.kind === 'idle' && state.note === 'canceled'}
            onOpenFile={onOpenFile}
            onClose={onClose}
          />
        )
      )}
    </AppDialog>
  );
}

/**
 * Why a file could not be imported, in the UI language.
 *
 * Main passes the ImportError's code as `reason` with its params (sizes, limits, sheet names);
 * shared/i18n/messages.ts formats them. An unknown reason falls back to main's English sentence.
 */
function failureText(error: unknown, locale: 'en' | 'ja'): string {
  if (error instanceof FileTooLargeError)
    return formatMessage('FILE_TOO_LARGE', error.params, locale) ?? error.message;
  if (error instanceof IpcCallError && error.code === 'IMPORT_FAILED') {
    const { reason, ...params } = error.params ?? {};
    // Numbers as the UI writes them elsewhere (200,000 rows), sheet names and details verbatim.
    const shown = Object.fromEntries(
      Object.entries(params).map(([k, v]) => [
        k,
        typeof v === 'number' ? v.toLocaleString(locale) : v,
      ]),
    );
    const text = typeof reason === 'string' ? formatMessage(reason, shown, locale) : null;
    if (text !== null) return text;
  }
  return errorText(error);
}

function Choose({
  canceled,
  onOpenFile,
  onClose,
}: {
  canceled: boolean;
  onOpenFile: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <div className="import-choose">
      {canceled && (
        <p className="callout callout-info" role="status">
          {t('importer.canceled')}
        </p>
      )}
      <p>{t('importer.chooseIntro')}</p>
      <div className="drop-area">
        <span className="drop-area-title">{t('importer.dropHere')}</span>
        <span className="muted">{t('importer.dropHint')}</span>
        <Button variant="primary" onPress={onOpenFile} autoFocus>
          {t('importer.chooseButton')}
        </Button>
      </div>
      <div className="dialog-actions">
        <Button onPress={onClose}>{t('importer.cancel')}</Button>
      </div>
    </div>
  );
}

function Progress({
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

function ResultView({
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
