import { useTranslation } from 'react-i18next';
import type { Config } from '../../../shared/allowlist/model.ts';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { formatMessage } from '../../../shared/i18n/messages.ts';
import { AppDialog } from '../../components/ui/dialog.tsx';
import { ErrorCallout } from '../../components/ui/error-callout.tsx';
import { errorText, IpcCallError } from '../../lib/api.ts';
import { ChooseFile } from './choose-file.tsx';
import { ImportProgress } from './import-progress.tsx';
import { ImportResultPanel, type ImportApplied } from './import-result.tsx';
import { FileTooLargeError } from './use-import-job.ts';
import type { ImportJobState, ReparseOptions } from './use-import-job.ts';

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
        <ImportProgress state={state} locale={locale} onCancel={onCancelJob} />
      )}
      <ErrorCallout>
        {state.kind === 'failed' &&
          t('importer.failed', { message: failureText(state.error, locale) })}
      </ErrorCallout>
      {shown ? (
        <ImportResultPanel
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
          <ChooseFile
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
