import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { columnLetter } from '../../../shared/import/table.ts';
import { Button } from '../../components/ui/button.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import type { SelectOption } from '../../components/ui/select-field.tsx';
import type { ImportMapping, ReparseOptions } from './use-import-job.ts';

const NONE = 'none';
/** Rows offered as header row / first data row (plus the current ones). */
const ROW_CHOICES = 20;

/**
 * Sheet choice (XLSX) and the detected header row and columns; every change reads the file
 * again in main with the admin's choice (`import:reparse`).
 */
export function MappingPanel({
  result,
  custom,
  isDisabled,
  onReparse,
}: {
  result: ImportResultView;
  custom: boolean;
  isDisabled: boolean;
  onReparse: (options: ReparseOptions, custom: boolean) => void;
}) {
  const { t } = useTranslation();
  const m = result.mapping;
  const sheetOptions = useMemo(
    () => (result.sheets ?? []).map((s) => ({ id: s, label: s })),
    [result.sheets],
  );

  const columnOptions = useMemo(() => {
    const used = Math.max(m.ip, m.prefix ?? 0, m.memo ?? 0);
    const count = Math.max(result.headers.length, used + 3, 5);
    const out: SelectOption<string>[] = [];
    for (let c = 0; c < count; c++) {
      const name = result.headers[c]?.trim();
      const letter = columnLetter(c);
      out.push({
        id: String(c),
        label: name
          ? t('importer.columnNamed', { letter, name })
          : t('importer.columnLabel', { letter }),
      });
    }
    return out;
  }, [m.ip, m.prefix, m.memo, result.headers, t]);
  const optionalColumns = useMemo(
    () => [{ id: NONE, label: t('importer.noColumn') }, ...columnOptions],
    [columnOptions, t],
  );

  const rowOptions = (current: number | null, withNone: boolean) => {
    const max = Math.max(ROW_CHOICES, current ?? 0);
    const out: SelectOption<string>[] = withNone
      ? [{ id: NONE, label: t('importer.noHeader') }]
      : [];
    for (let r = 1; r <= max; r++) out.push({ id: String(r), label: t('importer.rowN', { n: r }) });
    return out;
  };

  const change = (patch: Partial<ImportMapping>) => {
    const next: ImportMapping = { ...m, ...patch };
    // Data always starts below the header row.
    if (next.headerRow !== null && next.dataStartRow <= next.headerRow) {
      if (patch.dataStartRow !== undefined) next.headerRow = next.dataStartRow - 1 || null;
      else next.dataStartRow = next.headerRow + 1;
    }
    onReparse(
      { ...(result.sheet !== undefined ? { sheet: result.sheet } : {}), mapping: next },
      true,
    );
  };
  const col = (v: string): number | null => (v === NONE ? null : Number(v));

  return (
    <fieldset className="mapping" disabled={isDisabled}>
      <legend className="panel-title">{t('importer.mappingHeading')}</legend>
      <p className="field-hint">
        {custom ? t('importer.mappingCustom') : t('importer.mappingDetected')}
      </p>
      {sheetOptions.length > 0 && result.sheet !== undefined && (
        <SelectField
          label={t('importer.sheet')}
          value={result.sheet}
          options={sheetOptions}
          onChange={(sheet) => onReparse({ sheet }, false)}
        />
      )}
      <div className="mapping-grid">
        <SelectField
          label={t('importer.headerRow')}
          value={m.headerRow === null ? NONE : String(m.headerRow)}
          options={rowOptions(m.headerRow, true)}
          onChange={(v) => change({ headerRow: v === NONE ? null : Number(v) })}
        />
        <SelectField
          label={t('importer.dataStartRow')}
          value={String(m.dataStartRow)}
          options={rowOptions(m.dataStartRow, false)}
          onChange={(v) => change({ dataStartRow: Number(v) })}
        />
      </div>
      <SelectField
        label={t('importer.ipColumn')}
        value={String(m.ip)}
        options={columnOptions}
        onChange={(v) => change({ ip: Number(v) })}
      />
      <SelectField
        label={t('importer.prefixColumn')}
        value={m.prefix === null ? NONE : String(m.prefix)}
        options={optionalColumns}
        onChange={(v) => change({ prefix: col(v) })}
      />
      <SelectField
        label={t('importer.memoColumn')}
        value={m.memo === null ? NONE : String(m.memo)}
        options={optionalColumns}
        onChange={(v) => change({ memo: col(v) })}
      />
      {custom && (
        <Button
          size="small"
          isDisabled={isDisabled}
          onPress={() =>
            onReparse(result.sheet !== undefined ? { sheet: result.sheet } : {}, false)
          }
        >
          {t('importer.resetMapping')}
        </Button>
      )}
    </fieldset>
  );
}
