import { memo } from 'react';
import type { ClipboardEvent, KeyboardEvent, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../shared/allowlist/model.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { Button } from '../../components/ui/button.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import type { Field, Row } from './draft-state.ts';
import { fixItFor } from './fixits.ts';
import type { FixIt } from './fixits.ts';

export type EntryRowProps = {
  row: Row;
  /** 0-based position in the list (shown 1-based: the number the problems use). */
  index: number;
  /** 1-based row index of the table for aria-rowindex (header is 1). */
  ariaRowIndex: number;
  problems: Problem[] | undefined;
  locale: 'en' | 'ja';
  start: number;
  measureRef: Ref<HTMLDivElement>;
  onEdit: (id: number, field: Field, value: string) => void;
  onKeyDown: (event: KeyboardEvent<HTMLInputElement>, id: number, field: Field) => void;
  onPaste: (event: ClipboardEvent<HTMLInputElement>, id: number) => void;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
  onFix: (id: number, fix: FixIt) => void;
};

const FIELDS: Field[] = ['ip', 'cidr', 'memo'];

/**
 * One entry of the table: three labelled inputs, the problems next to them, row actions.
 */
export const EntryRow = memo(function EntryRow(props: EntryRowProps) {
  const { t } = useTranslation();
  const { row, index, problems, locale } = props;
  const n = index + 1;
  const byField: Record<Field, Problem[]> = { ip: [], cidr: [], memo: [] };
  for (const p of problems ?? []) {
    const field: Field = p.field === 'cidr' || p.field === 'memo' ? p.field : 'ip';
    byField[field].push(p);
  }
  const labels: Record<Field, string> = {
    ip: t('editor.ipOfRow', { n }),
    cidr: t('editor.cidrOfRow', { n }),
    memo: t('editor.memoOfRow', { n }),
  };
  const hasError = (problems ?? []).some((p) => p.severity === 'error');
  const hasWarning = !hasError && (problems ?? []).length > 0;
  return (
    <div
      role="row"
      aria-rowindex={props.ariaRowIndex}
      className={`trow${hasError ? ' has-error' : hasWarning ? ' has-warning' : ''}`}
      data-index={props.ariaRowIndex - 2}
      ref={props.measureRef}
      style={{ transform: `translateY(${props.start}px)` }}
    >
      <div role="cell" className="cell cell-num">
        {n}
      </div>
      {FIELDS.map((field) => {
        const list = byField[field];
        const describedBy = list.length > 0 ? `p-${row.id}-${field}` : undefined;
        return (
          <div role="cell" className={`cell cell-${field}`} key={field}>
            <input
              className="input cell-input"
              value={row[field]}
              aria-label={labels[field]}
              aria-invalid={list.some((p) => p.severity === 'error') || undefined}
              aria-describedby={describedBy}
              data-row-id={row.id}
              data-field={field}
              inputMode={field === 'cidr' ? 'numeric' : undefined}
              spellCheck={false}
              autoComplete="off"
              onChange={(e) => {
                performance.mark('allowlist:keystroke');
                props.onEdit(row.id, field, e.target.value);
              }}
              onKeyDown={(e) => props.onKeyDown(e, row.id, field)}
              onPaste={(e) => props.onPaste(e, row.id)}
            />
          </div>
        );
      })}
      <RowActions id={row.id} n={n} onDuplicate={props.onDuplicate} onDelete={props.onDelete} />
      {/* The problems span the address, CIDR and memo columns (a sentence is wider than an address). */}
      {FIELDS.some((field) => byField[field].length > 0) && (
        <div role="cell" className="cell cell-row-problems">
          {FIELDS.map((field) => {
            const list = byField[field];
            if (list.length === 0) return null;
            return (
              <ul className="cell-problems" id={`p-${row.id}-${field}`} key={field}>
                {list.map((p, i) => {
                  const fix = fixItFor(p, row);
                  return (
                    <li key={`${p.code}-${i}`} className={`problem problem-${p.severity}`}>
                      <Icon
                        name={p.severity === 'error' ? 'error' : 'warning'}
                        className="problem-icon"
                      />
                      <span className="problem-text">{formatProblem(p, locale)}</span>
                      {fix && (
                        <Button
                          size="small"
                          variant="quiet"
                          className="fixit"
                          onPress={() => props.onFix(row.id, fix)}
                        >
                          {fix.kind === 'replace'
                            ? t(fix.label.key, { network: fix.label.network })
                            : t(fix.label.key)}
                        </Button>
                      )}
                    </li>
                  );
                })}
              </ul>
            );
          })}
        </div>
      )}
    </div>
  );
});

/** Duplicate / Delete of a row (memoized: typing in the row does not re-render its buttons). */
const RowActions = memo(function RowActions({
  id,
  n,
  onDuplicate,
  onDelete,
}: {
  id: number;
  n: number;
  onDuplicate: (id: number) => void;
  onDelete: (id: number) => void;
}) {
  const { t } = useTranslation();
  return (
    <div role="cell" className="cell cell-actions">
      <Button
        size="small"
        variant="quiet"
        aria-label={t('editor.duplicate', { n })}
        onPress={() => onDuplicate(id)}
      >
        <Icon name="copy" />
      </Button>
      <Button
        size="small"
        variant="quiet"
        aria-label={t('editor.delete', { n })}
        onPress={() => onDelete(id)}
      >
        <Icon name="delete" />
      </Button>
    </div>
  );
});
