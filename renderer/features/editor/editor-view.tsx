import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { compileMatcher } from '../../../shared/allowlist/match.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { parseIPv4Strict } from '../../../shared/ip/parse.ts';
import { currentLocale } from '../../i18n/setup.ts';
import type { Mode } from '../../../shared/allowlist/model.ts';
import type { Field } from './draft-state.ts';
import { EditActions, ViewControls } from './editor-toolbars.tsx';
import { EntriesTable } from './entries-table.tsx';
import { fixItFor } from './fixits.ts';
import { ModeField } from './mode-field.tsx';
import { isTablePaste, parsePastedText } from './paste-parse.ts';
import type { Editor } from './use-editor.ts';
import { computeViewOrder } from './view-order.ts';
import type { FilterKey, SortKey } from './view-order.ts';

/**
 * The editor screen: mode, entries table with inline validation, counters, search, paste, undo.
 */
export function EditorView({ editor, maxEntries }: { editor: Editor; maxEntries: number }) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'ja' ? 'ja' : currentLocale();
  const { state, dispatch, validation, config } = editor;
  const [search, setSearch] = useState('');
  const [filter, setFilter] = useState<FilterKey>('all');
  const [sort, setSort] = useState<SortKey>('original');
  const [pasteNote, setPasteNote] = useState<string | null>(null);
  const focusRequest = useRef<((id: number, field: Field) => void) | null>(null);
  const pendingFocus = useRef<number | null>(null);

  const searchIp = useMemo(() => {
    const n = parseIPv4Strict(search.trim());
    return n === null ? null : search.trim();
  }, [search]);

  // The CIDR-aware answer follows every edit; the view order is frozen while typing.
  const containsAnswer = useMemo(() => {
    if (searchIp === null) return null;
    const matches = compileMatcher(config.entries).matches(searchIp);
    return { ip: searchIp, matches };
  }, [searchIp, config.entries]);

  const order = useMemo(
    () =>
      computeViewOrder(
        state.rows,
        validation.byIndex,
        sort,
        filter,
        searchIp === null ? search : '',
        containsAnswer ? new Set(containsAnswer.matches) : null,
      ),
    // Recomputed when rows are added/removed/reordered or the view settings change, not on each
    // keystroke: a row does not jump away from the caret while the admin types in it.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [state.structure, sort, filter, search],
  );

  // Benchmark hook (e2e perf.json): keystroke -> validation shown in the DOM.
  useLayoutEffect(() => {
    if (performance.getEntriesByName('allowlist:keystroke', 'mark').length === 0) return;
    performance.measure('allowlist:keystroke-to-validation', 'allowlist:keystroke');
    performance.clearMarks('allowlist:keystroke');
  }, [validation]);

  // Focus the first field of a row that was just added (after it renders).
  useLayoutEffect(() => {
    const id = pendingFocus.current;
    if (id === null) return;
    pendingFocus.current = null;
    focusRequest.current?.(id, 'ip');
  }, [state.structure]);

  const setMode = useCallback((mode: Mode) => dispatch({ type: 'setMode', mode }), [dispatch]);

  // Handlers of the memoized toolbars read the latest state through a ref, so that they keep
  // their identity while the admin types.
  const latest = useRef({ state, validation });
  useLayoutEffect(() => {
    latest.current = { state, validation };
  }, [state, validation]);

  const addRow = useCallback(() => {
    pendingFocus.current = latest.current.state.nextId;
    dispatch({ type: 'addRow', afterId: null });
  }, [dispatch]);
  const undo = useCallback(() => dispatch({ type: 'undo' }), [dispatch]);
  const redo = useCallback(() => dispatch({ type: 'redo' }), [dispatch]);

  const onPaste = useCallback(
    (event: ClipboardEvent<HTMLInputElement>, afterId: number) => {
      const text = event.clipboardData.getData('text/plain');
      if (!isTablePaste(text)) return;
      event.preventDefault();
      const parsed = parsePastedText(text);
      dispatch({ type: 'insertEntries', afterId, entries: parsed.entries, replaceEmpty: true });
      const note = t('editor.pasted', { count: parsed.entries.length });
      setPasteNote(
        parsed.unreadable > 0
          ? `${note} ${t('editor.pastedProblems', { count: parsed.unreadable })}`
          : note,
      );
    },
    [dispatch, t],
  );

  // Undo/redo shortcuts for the whole editor (also when the focused button just went away with
  // its row); not while a dialog is open, and not in the search field's own text undo.
  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      if (document.querySelector('[role="dialog"], [role="alertdialog"]')) return;
      const target = event.target as HTMLElement | null;
      if (target?.closest('input[type="search"], textarea')) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) {
        event.preventDefault();
        dispatch({ type: 'undo' });
      } else if ((key === 'z' && event.shiftKey) || key === 'y') {
        event.preventDefault();
        dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [dispatch]);

  const fixAll = useCallback(
    (code: 'DUPLICATE_ENTRY' | 'HOST_BITS_SET') => {
      const { state, validation } = latest.current;
      const rowsToDelete: number[] = [];
      for (const p of validation.problems) {
        if (p.code !== code || p.index === undefined) continue;
        const row = state.rows[p.index];
        if (!row) continue;
        const fix = fixItFor(p, row);
        if (fix?.kind === 'delete') rowsToDelete.push(row.id);
        else if (fix?.kind === 'replace')
          dispatch({ type: 'replaceRow', id: row.id, ip: fix.ip, cidr: fix.cidr });
      }
      if (rowsToDelete.length > 0) dispatch({ type: 'deleteRows', ids: rowsToDelete });
    },
    [dispatch],
  );
  let duplicateCount = 0;
  let hostBitsCount = 0;
  for (const p of validation.problems) {
    if (p.code === 'DUPLICATE_ENTRY') duplicateCount++;
    else if (p.code === 'HOST_BITS_SET') hostBitsCount++;
  }

  return (
    <section className="editor" aria-labelledby="editor-heading">
      <h2 id="editor-heading" className="visually-hidden">
        {t('editor.heading')}
      </h2>
      <ModeField mode={state.mode} onChange={setMode} />
      {validation.general.length > 0 && (
        <ul className="callout callout-error general-problems" data-testid="general-problems">
          {validation.general.map((p, i) => (
            <li key={`${p.code}-${i}`}>{formatProblem(p, locale)}</li>
          ))}
        </ul>
      )}
      <EditActions
        canUndo={state.past.length > 0}
        canRedo={state.future.length > 0}
        duplicateCount={duplicateCount}
        hostBitsCount={hostBitsCount}
        rowCount={state.rows.length}
        maxEntries={maxEntries}
        errors={validation.errors}
        warnings={validation.warnings}
        locale={locale}
        onAdd={addRow}
        onUndo={undo}
        onRedo={redo}
        onFixAll={fixAll}
      />
      <ViewControls
        search={search}
        onSearch={setSearch}
        filter={filter}
        onFilter={setFilter}
        sort={sort}
        onSort={setSort}
        shown={order.length}
        total={state.rows.length}
      />
      <div role="status" aria-live="polite" className="live-notes">
        {containsAnswer && (
          <p
            className={`callout ${containsAnswer.matches.length > 0 || state.mode === 'ALLOW_ALL' ? 'callout-ok' : 'callout-info'}`}
            data-testid="contains-answer"
          >
            {state.mode === 'ALLOW_ALL'
              ? t('editor.containsAllowAll')
              : containsAnswer.matches.length > 0
                ? t('editor.containsYes', {
                    ip: containsAnswer.ip,
                    list: containsAnswer.matches
                      .map((i) => t('preview.entryRef', { n: i + 1 }))
                      .join(locale === 'ja' ? '、' : ', '),
                  })
                : t('editor.containsNo', { ip: containsAnswer.ip })}
          </p>
        )}
        {pasteNote && (
          <p className="callout callout-info" data-testid="paste-note">
            {pasteNote}
          </p>
        )}
      </div>
      {state.rows.length === 0 ? (
        <p className="empty">{t('editor.empty')}</p>
      ) : (
        <EntriesTable
          rows={state.rows}
          order={order}
          byIndex={validation.byIndex}
          locale={locale}
          dispatch={dispatch}
          onPaste={onPaste}
          focusRequest={focusRequest}
        />
      )}
      {order.length === 0 && state.rows.length > 0 && (
        <p className="empty">{t('editor.noMatch')}</p>
      )}
      <p className="hint">
        {t('editor.pasteHint')} {t('editor.addHint')}
      </p>
    </section>
  );
}
