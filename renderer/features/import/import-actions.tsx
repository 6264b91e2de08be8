import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Entry, Problem } from '../../../shared/allowlist/model.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import type { Editor } from '../editor/use-editor.ts';
import { ExportMenu } from '../export/export-menu.tsx';
import type { ExportReport } from '../export/export-menu.tsx';
import { ImportWizard } from './import-wizard.tsx';
import type { ImportApplied } from './import-result.tsx';
import { useImportJob } from './use-import-job.ts';
import './import.css';

type Report = { kind: 'imported'; text: string } | ExportReport;

function hasFiles(event: DragEvent): boolean {
  return Array.from(event.dataTransfer?.types ?? []).includes('Files');
}

/**
 * "Import…" and the Export menu for the workspace toolbar, the import wizard, dropping a file on
 * the window, and the result of the last import or export.
 */
export function ImportExportActions({
  profileId,
  editor,
  base,
  maxEntries,
}: {
  profileId: string;
  editor: Editor;
  base: Entry[] | null;
  maxEntries: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'ja' : 'en';
  const job = useImportJob(maxEntries);
  const [open, setOpen] = useState(false);
  const [dragging, setDragging] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const depth = useRef(0);
  const { drop, reset } = job;

  // A file dropped anywhere on the window opens the wizard with it.
  useEffect(() => {
    const onEnter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current += 1;
      setDragging(true);
    };
    const onLeave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth.current = Math.max(0, depth.current - 1);
      if (depth.current === 0) setDragging(false);
    };
    const onOver = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth.current = 0;
      setDragging(false);
      const file = e.dataTransfer?.files[0];
      if (!file) return;
      setReport(null);
      setOpen(true);
      void drop(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('dragover', onOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [drop]);

  const close = () => {
    setOpen(false);
    reset();
  };

  const apply = ({ fileName, config, diff }: ImportApplied) => {
    // One undoable step in the editor.
    editor.dispatch({ type: 'replaceAll', config });
    setReport({
      kind: 'imported',
      text: t('importer.applied', {
        file: fileName,
        added: diff.added.length,
        removed: diff.removed.length,
        changed: diff.memoChanged.length + diff.rewritten.length,
      }),
    });
    close();
  };

  const blockedRow = editor.autosave.kind === 'blocked' ? editor.autosave.row : null;

  return (
    <>
      <Button
        onPress={() => {
          setReport(null);
          setOpen(true);
        }}
      >
        {t('importer.open')}
      </Button>
      <ExportMenu
        profileId={profileId}
        working={editor.config.entries}
        base={base}
        flush={editor.flush}
        blockedRow={blockedRow}
        onReport={setReport}
      />
      <ImportWizard
        isOpen={open}
        state={job.state}
        current={editor.config}
        maxEntries={maxEntries}
        onOpenFile={() => void job.open()}
        onReparse={(result, options, custom) => void job.reparse(result, options, custom)}
        onCancelJob={() => void job.cancel()}
        onClose={close}
        onApply={apply}
      />
      {dragging && !open && (
        <div className="drop-overlay" aria-hidden="true">
          <div className="drop-overlay-box">
            <strong>{t('importer.dropHere')}</strong>
            <span>{t('importer.dropHint')}</span>
          </div>
        </div>
      )}
      {report && <ReportToast report={report} locale={locale} onDismiss={() => setReport(null)} />}
    </>
  );
}

function ReportToast({
  report,
  locale,
  onDismiss,
}: {
  report: Report;
  locale: 'en' | 'ja';
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const tone =
    report.kind === 'failed' || report.kind === 'refused'
      ? 'callout-error'
      : report.kind === 'done' && report.problems.length > 0
        ? 'callout-warning'
        : 'callout-ok';
  return (
    <div
      className={`callout ${tone} report-toast`}
      role="status"
      data-testid="import-export-report"
    >
      <div className="report-body">
        {report.kind === 'imported' && <p>{report.text}</p>}
        {report.kind === 'failed' && <p>{report.message}</p>}
        {report.kind === 'refused' && (
          <>
            <p>
              <strong>{t('exporter.refused', { count: report.leftOut.length })}</strong>{' '}
              {t('exporter.refusedWhy')}
            </p>
            <ExportProblems report={report} locale={locale} />
            <div className="report-actions">
              {report.canReplace && (
                <Button size="small" onPress={() => report.retry('replace')}>
                  {t('exporter.writeReplaced')}
                </Button>
              )}
              <Button size="small" variant="secondary" onPress={() => report.retry('drop')}>
                {t('exporter.writeRest', { count: report.leftOut.length })}
              </Button>
            </div>
          </>
        )}
        {report.kind === 'done' && (
          <>
            <p>
              {t('exporter.done', { count: report.written, file: report.fileName })}{' '}
              {report.skipped > 0 && (
                <strong>{t('exporter.skipped', { count: report.skipped })}</strong>
              )}
            </p>
            {report.problems.length > 0 && (
              <>
                <p className="report-subtitle">
                  {t('exporter.problemsHeading', { count: report.problems.length })}
                </p>
                <ExportProblems report={report} locale={locale} />
              </>
            )}
          </>
        )}
      </div>
      <Button size="small" variant="quiet" onPress={onDismiss}>
        {t('app.dismiss')}
      </Button>
    </div>
  );
}

/** The problems of an export, by entry (EXPORT_* sentences name the entry themselves). */
function ExportProblems({
  report,
  locale,
}: {
  report: { problems: Problem[]; entries: Entry[] };
  locale: 'en' | 'ja';
}) {
  const { t } = useTranslation();
  return (
    <ul className="report-problems">
      {report.problems.map((p, i) => {
        const entry = p.index === undefined ? undefined : report.entries[p.index];
        return (
          <li key={i} className={`problem problem-${p.severity}`}>
            <Icon name={p.severity === 'error' ? 'error' : 'warning'} className="problem-icon" />
            {/* EXPORT_* sentences name the entry themselves. */}
            {p.index !== undefined && !p.code.startsWith('EXPORT_') && (
              <span className="report-entry">
                {t('exporter.entryRef', {
                  n: p.index + 1,
                  network: entry
                    ? entry.cidr === null
                      ? entry.ip
                      : `${entry.ip}/${entry.cidr}`
                    : '',
                })}
              </span>
            )}
            <span className="problem-text">{formatProblem(p, locale)}</span>
          </li>
        );
      })}
    </ul>
  );
}
