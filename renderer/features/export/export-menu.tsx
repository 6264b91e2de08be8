import { useState } from 'react';
import {
  Button as AriaButton,
  Header,
  Menu,
  MenuItem,
  MenuSection,
  MenuTrigger,
  Popover,
  Separator,
} from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Entry, Problem } from '../../../shared/allowlist/model.ts';
import { ProblemSchema } from '../../../shared/contract/ipc.ts';
import { api, call, errorText, IpcCallError } from '../../lib/api.ts';

export type ExportFormat = 'cybozu-csv' | 'csv' | 'xlsx';
export type ExportSource = 'working' | 'base';

/** What an export did, for the status message: the file, entries written, problems by entry. */
export type ExportReport =
  | {
      kind: 'done';
      fileName: string;
      written: number;
      skipped: number;
      problems: Problem[];
      /** The exported list, to name entries in the problems. */
      entries: Entry[];
    }
  | {
      /** Nothing was written: these entries would be left out (no dialog was shown). */
      kind: 'refused';
      leftOut: { index: number; reason: 'unencodable' | 'errors' }[];
      problems: Problem[];
      entries: Entry[];
      /** Whether writing "?" for the characters Shift_JIS lacks would keep every entry. */
      canReplace: boolean;
      /** Export again with the user's explicit choice. */
      retry: (choice: ExportChoice) => void;
    }
  | { kind: 'failed'; message: string };

/** The user's explicit choice for entries a file would leave out (`export:save` `leftOut`). */
export type ExportChoice = 'replace' | 'drop';

const FORMATS: ExportFormat[] = ['cybozu-csv', 'csv', 'xlsx'];

/**
 * Export menu (react-aria Menu): the service's CSV (Shift_JIS), UTF-8 CSV or XLSX, of the working
 * copy or of the list in force. Main encodes the file and shows the save dialog (`export:save`).
 */
export function ExportMenu({
  profileId,
  working,
  base,
  flush,
  blockedRow,
  onReport,
}: {
  profileId: string;
  working: Entry[];
  base: Entry[] | null;
  /** Saves the working copy locally first: main exports what is on disk. */
  flush: () => Promise<unknown>;
  /** 1-based entry whose CIDR blocks the local save, if any. */
  blockedRow: number | null;
  onReport: (report: ExportReport) => void;
}) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const label = (f: ExportFormat) =>
    f === 'cybozu-csv'
      ? t('exporter.cybozu')
      : f === 'csv'
        ? t('exporter.csv')
        : t('exporter.xlsx');

  const run = async (source: ExportSource, format: ExportFormat, choice?: ExportChoice) => {
    if (source === 'working' && blockedRow !== null) {
      onReport({ kind: 'failed', message: t('exporter.blocked', { n: blockedRow }) });
      return;
    }
    setBusy(true);
    try {
      if (source === 'working') await flush();
      const entries = source === 'working' ? working : (base ?? []);
      const out = await call(
        api().export.save({ profileId, format, source, ...(choice ? { leftOut: choice } : {}) }),
      );
      if (out.canceled) return;
      const problems = out.problems.flatMap((p) => {
        const parsed = ProblemSchema.safeParse(p);
        return parsed.success ? [parsed.data as Problem] : [];
      });
      if ('refused' in out) {
        onReport({
          kind: 'refused',
          leftOut: out.leftOut,
          problems,
          entries,
          canReplace:
            format === 'cybozu-csv' && out.leftOut.every((l) => l.reason === 'unencodable'),
          retry: (next) => void run(source, format, next),
        });
        return;
      }
      // Main counts what the file holds; the rest were left out and are named in `problems`.
      onReport({
        kind: 'done',
        fileName: out.fileName,
        written: out.written,
        skipped: Math.max(0, out.entries - out.written),
        problems,
        entries,
      });
    } catch (e) {
      onReport({
        kind: 'failed',
        message:
          e instanceof IpcCallError && e.code === 'NOT_PULLED'
            ? t('exporter.notPulled')
            : t('exporter.failed', { message: errorText(e) }),
      });
    } finally {
      setBusy(false);
    }
  };

  const onAction = (key: Key) => {
    const [source, format] = String(key).split(':') as [ExportSource, ExportFormat];
    void run(source, format);
  };

  return (
    <MenuTrigger>
      <AriaButton className="btn btn-secondary" isDisabled={busy}>
        {busy ? t('exporter.exporting') : t('exporter.menu')}
        <span aria-hidden="true" className="select-chevron">
          ▾
        </span>
      </AriaButton>
      <Popover className="popover menu-popover" placement="bottom end">
        <Menu className="menu" aria-label={t('exporter.menuLabel')} onAction={onAction}>
          <MenuSection className="menu-section">
            <Header className="menu-header">{t('exporter.working')}</Header>
            {FORMATS.map((f) => (
              <MenuItem key={f} id={`working:${f}`} className="menu-item" textValue={label(f)}>
                {label(f)}
              </MenuItem>
            ))}
          </MenuSection>
          <Separator className="menu-separator" />
          <MenuSection className="menu-section">
            <Header className="menu-header">{t('exporter.base')}</Header>
            {FORMATS.map((f) => (
              <MenuItem
                key={f}
                id={`base:${f}`}
                className="menu-item"
                textValue={`${t('exporter.base')}: ${label(f)}`}
                isDisabled={base === null}
              >
                {label(f)}
              </MenuItem>
            ))}
          </MenuSection>
        </Menu>
      </Popover>
    </MenuTrigger>
  );
}
