import { useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { ToggleButton, ToggleButtonGroup } from 'react-aria-components';
import type { Key } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/allowlist/model.ts';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Icon } from '../../components/ui/icon.tsx';

type PreviewEntry = ImportResultView['entries'][number];

/** One spreadsheet row as the wizard shows it: what it became and what was wrong. */
export type PreviewRow = { row: number; entries: PreviewEntry[]; problems: Problem[] };

/**
 * Group the import result by spreadsheet row (1-based, as the spreadsheet shows it), in row
 * order. Problems without a row (about the whole file) are returned apart.
 */
export function groupByRow(result: ImportResultView): {
  rows: PreviewRow[];
  general: Problem[];
} {
  const byRow = new Map<number, PreviewRow>();
  const get = (row: number) => {
    let item = byRow.get(row);
    if (!item) byRow.set(row, (item = { row, entries: [], problems: [] }));
    return item;
  };
  for (const entry of result.entries) get(entry.row).entries.push(entry);
  const general: Problem[] = [];
  for (const problem of result.problems) {
    if (typeof problem.row === 'number') get(problem.row).problems.push(problem);
    else general.push(problem);
  }
  return { rows: [...byRow.values()].sort((a, b) => a.row - b.row), general };
}

function network(e: PreviewEntry): string {
  return e.cidr === null ? e.ip : `${e.ip}/${e.cidr}`;
}

/**
 * Every row of the file with its entries and problems: an ARIA table over a virtualized list
 * (a 50,000-row file renders only the rows in view). Filter: all rows or rows with problems.
 */
export function ImportPreview({ rows, locale }: { rows: PreviewRow[]; locale: 'en' | 'ja' }) {
  const { t } = useTranslation();
  const [show, setShow] = useState<'all' | 'problems'>(() =>
    rows.some((r) => r.problems.length > 0) ? 'problems' : 'all',
  );
  const withProblems = useMemo(() => rows.filter((r) => r.problems.length > 0), [rows]);
  const visible = useMemo(() => (show === 'all' ? rows : withProblems), [rows, withProblems, show]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; no React Compiler here
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 34,
    overscan: 10,
    getItemKey: (i) => visible[i]?.row ?? i,
  });

  return (
    <div className="import-preview">
      <div className="import-preview-bar">
        <ToggleButtonGroup
          aria-label={t('importer.showLabel')}
          className="segmented"
          selectionMode="single"
          disallowEmptySelection
          selectedKeys={[show]}
          onSelectionChange={(keys: Set<Key>) => {
            const key = [...keys][0];
            if (key === 'all' || key === 'problems') setShow(key);
          }}
        >
          <ToggleButton id="problems" className="segment">
            {t('importer.showProblems')}
            <span className="segment-count">{withProblems.length.toLocaleString(locale)}</span>
          </ToggleButton>
          <ToggleButton id="all" className="segment">
            {t('importer.showAll')}
            <span className="segment-count">{rows.length.toLocaleString(locale)}</span>
          </ToggleButton>
        </ToggleButtonGroup>
      </div>
      <div
        className="table"
        role="table"
        aria-label={t('importer.previewLabel')}
        aria-rowcount={visible.length + 1}
        data-testid="import-preview"
      >
        <div role="rowgroup" className="import-thead">
          <div role="row" aria-rowindex={1} className="import-row import-row-head">
            <span role="columnheader" className="import-cell import-cell-num">
              {t('importer.colRow')}
            </span>
            {(['colEntries', 'colMemo', 'colProblems'] as const).map((column) => (
              <span key={column} role="columnheader" className="import-cell">
                {t(`importer.${column}`)}
              </span>
            ))}
          </div>
        </div>
        <div
          role="rowgroup"
          className="import-tbody"
          ref={scrollRef}
          // Keyboard users scroll the rows with the arrow keys once it has focus.
          tabIndex={0}
        >
          {visible.length === 0 ? (
            <div role="row" className="import-row-empty">
              <span role="cell">
                {show === 'problems' ? t('importer.noProblems') : t('importer.noRows')}
              </span>
            </div>
          ) : (
            <div className="tbody-inner" style={{ height: virtualizer.getTotalSize() }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = visible[v.index];
                if (!item) return null;
                const hasError = item.problems.some((p) => p.severity === 'error');
                const hasWarning = !hasError && item.problems.length > 0;
                return (
                  <div
                    key={v.key}
                    role="row"
                    aria-rowindex={v.index + 2}
                    data-index={v.index}
                    data-row={item.row}
                    ref={virtualizer.measureElement}
                    className={`import-row${hasError ? ' has-error' : hasWarning ? ' has-warning' : ''}`}
                    style={{ transform: `translateY(${v.start}px)` }}
                  >
                    <span role="rowheader" className="import-cell import-cell-num">
                      {item.row.toLocaleString(locale)}
                    </span>
                    <span role="cell" className="import-cell import-cell-entries mono">
                      {item.entries.length === 0 ? (
                        <span className="muted import-skipped">{t('importer.rowNotImported')}</span>
                      ) : (
                        item.entries.map((e, i) => (
                          <span key={i} className="import-network">
                            {network(e)}
                          </span>
                        ))
                      )}
                    </span>
                    <span role="cell" className="import-cell import-cell-memo">
                      {item.entries[0]?.memo ?? ''}
                    </span>
                    <span role="cell" className="import-cell">
                      {item.problems.length > 0 && (
                        <ul className="cell-problems">
                          {item.problems.map((p, i) => (
                            <li key={i} className={`problem problem-${p.severity}`}>
                              <Icon
                                name={p.severity === 'error' ? 'error' : 'warning'}
                                className="problem-icon"
                              />
                              <span className="problem-text">{formatProblem(p, locale)}</span>
                            </li>
                          ))}
                        </ul>
                      )}
                    </span>
                  </div>
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
