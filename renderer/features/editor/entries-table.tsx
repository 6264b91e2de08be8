import { useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import type { ClipboardEvent, Dispatch, KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { DraftAction, Field, Row } from './draft-state.ts';
import { EntryRow } from './entry-row.tsx';
import type { FixIt } from './fixits.ts';
import type { Problem } from '../../../shared/allowlist/model.ts';

export type EntriesTableProps = {
  rows: Row[];
  /** Row ids to show, in order (sorted / filtered view). */
  order: number[];
  /** Problems per entry index (lists keep their identity while unchanged: memoized rows). */
  byIndex: Map<number, Problem[]>;
  locale: 'en' | 'ja';
  dispatch: Dispatch<DraftAction>;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, afterId: number) => void;
  /** Called with the id of a row to focus after the next render. */
  focusRequest: { current: ((id: number, field: Field) => void) | null };
};

const FIELDS: Field[] = ['ip', 'cidr', 'memo'];

/**
 * The entries table: ARIA table semantics over a virtualized list (@tanstack/react-virtual), so
 * 1,000 entries render only the rows in view. Inputs are the natural Tab stops; arrow keys and
 * Enter move between rows like a spreadsheet.
 */
export function EntriesTable({
  rows,
  order,
  byIndex,
  locale,
  dispatch,
  onPaste,
  focusRequest,
}: EntriesTableProps) {
  const { t } = useTranslation();
  const scrollRef = useRef<HTMLDivElement>(null);
  const indexById = useMemo(() => {
    const map = new Map<number, number>();
    rows.forEach((r, i) => map.set(r.id, i));
    return map;
  }, [rows]);
  // `order` is recomputed whenever rows are added or removed, so it never names a missing row.
  const visible = order;
  // Handlers read the current order through a ref so that they keep their identity while the
  // admin types: the memoized rows then do not re-render on every keystroke.
  const visibleRef = useRef(visible);
  useLayoutEffect(() => {
    visibleRef.current = visible;
  }, [visible]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself; no React Compiler here
  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => 44,
    overscan: 8,
    getItemKey: (i) => visible[i] ?? i,
  });

  const focusCell = useCallback(
    (id: number, field: Field) => {
      const pos = visibleRef.current.indexOf(id);
      if (pos < 0) return;
      virtualizer.scrollToIndex(pos, { align: 'auto' });
      let tries = 0;
      const attempt = () => {
        const el = scrollRef.current?.querySelector<HTMLInputElement>(
          `input[data-row-id="${id}"][data-field="${field}"]`,
        );
        if (el) {
          el.focus();
          return;
        }
        if (tries++ < 10) requestAnimationFrame(attempt);
      };
      requestAnimationFrame(attempt);
    },
    [virtualizer],
  );
  // The editor asks for focus after adding rows (the new row renders on the next frame).
  focusRequest.current = focusCell;

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLInputElement>, id: number, field: Field) => {
      const visible = visibleRef.current;
      const pos = visible.indexOf(id);
      const mod = event.ctrlKey || event.metaKey;
      if (mod && event.key === 'Enter') {
        event.preventDefault();
        dispatch({ type: 'addRow', afterId: id });
        return;
      }
      if (event.key === 'ArrowDown' || (event.key === 'Enter' && !mod)) {
        const next = visible[pos + 1];
        if (next !== undefined) {
          event.preventDefault();
          focusCell(next, field);
        }
        return;
      }
      if (event.key === 'ArrowUp') {
        const prev = visible[pos - 1];
        if (prev !== undefined) {
          event.preventDefault();
          focusCell(prev, field);
        }
      }
    },
    [dispatch, focusCell],
  );

  const onEdit = useCallback(
    (id: number, field: Field, value: string) => dispatch({ type: 'edit', id, field, value }),
    [dispatch],
  );
  const onDuplicate = useCallback(
    (id: number) => dispatch({ type: 'duplicateRow', id }),
    [dispatch],
  );
  const onDelete = useCallback(
    (id: number) => dispatch({ type: 'deleteRows', ids: [id] }),
    [dispatch],
  );
  const onFix = useCallback(
    (id: number, fix: FixIt) => {
      if (fix.kind === 'delete') dispatch({ type: 'deleteRows', ids: [id] });
      else dispatch({ type: 'replaceRow', id, ip: fix.ip, cidr: fix.cidr });
    },
    [dispatch],
  );

  const items = virtualizer.getVirtualItems();
  return (
    <div
      className="table"
      role="table"
      aria-label={t('editor.entriesLabel')}
      aria-rowcount={visible.length + 1}
    >
      <div role="rowgroup" className="thead">
        <div role="row" aria-rowindex={1} className="trow trow-head">
          <div role="columnheader" className="cell cell-num">
            {t('editor.rowNumber')}
          </div>
          {FIELDS.map((f) => (
            <div role="columnheader" className={`cell cell-${f}`} key={f}>
              {t(`editor.${f}`)}
            </div>
          ))}
          <div role="columnheader" className="cell cell-actions">
            <span className="visually-hidden">{t('editor.actions')}</span>
          </div>
        </div>
      </div>
      <div role="rowgroup" className="tbody" ref={scrollRef} data-testid="entries-scroll">
        <div
          role="presentation"
          className="tbody-inner"
          style={{ height: `${virtualizer.getTotalSize()}px` }}
        >
          {items.map((item) => {
            const id = visible[item.index]!;
            const index = indexById.get(id)!;
            return (
              <EntryRow
                key={id}
                row={rows[index]!}
                index={index}
                ariaRowIndex={item.index + 2}
                problems={byIndex.get(index)}
                locale={locale}
                start={item.start}
                measureRef={virtualizer.measureElement}
                onEdit={onEdit}
                onKeyDown={onKeyDown}
                onPaste={onPaste}
                onDuplicate={onDuplicate}
                onDelete={onDelete}
                onFix={onFix}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
