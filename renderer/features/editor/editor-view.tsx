import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent } from 'react';
import { Input, Label, SearchField } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { compileMatcher } from '../../../shared/allowlist/match.ts';
import { formatProblem } from '../../../shared/i18n/messages.ts';
import { parseIPv4Strict } from '../../../shared/ip/parse.ts';
import { Button } from '../../components/ui/button.tsx';
import { Icon } from '../../components/ui/icon.tsx';
import { SelectField } from '../../components/ui/select-field.tsx';
import { currentLocale } from '../../i18n/setup.ts';
import type { Mode } from '../../../shared/allowlist/model.ts';
import type { Field } from './draft-state.ts';
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
  const filterOptions = useMemo(
    () => [
      { id: 'all' as const, label: t('editor.filterAll') },
      { id: 'problems' as const, label: t('editor.filterProblems') },
      { id: 'errors' as const, label: t('editor.filterErrors') },
      { id: 'warnings' as const, label: t('editor.filterWarnings') },
    ],
    [t],
  );
  const sortOptions = useMemo(
    () => [
      { id: 'original' as const, label: t('editor.sortOriginal') },
      { id: 'ip' as const, label: t('editor.sortIp') },
      { id: 'memo' as const, label: t('editor.sortMemo') },
      { id: 'problems' as const, label: t('editor.sortProblems') },
    ],
    [t],
  );

  const addRow = useCallback(() => {
    pendingFocus.current = state.nextId;
    dispatch({ type: 'addRow', afterId: null });
  }, [dispatch, state.nextId]);

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

  const fixAll = (code: 'DUPLICATE_ENTRY' | 'HOST_BITS_SET') => {
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
  };
  const duplicateCount = validation.problems.filter((p) => p.code === 'DUPLICATE_ENTRY').length;
  const hostBitsCount = validation.problems.filter((p) => p.code === 'HOST_BITS_SET').length;
  const overLimit = state.rows.length > maxEntries;

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
      <div className="toolbar" role="toolbar" aria-label={t('editor.heading')}>
        <Button variant="primary" onPress={addRow}>
          <Icon name="plus" /> {t('editor.add')}
        </Button>
        <Button
          onPress={() => dispatch({ type: 'undo' })}
          isDisabled={state.past.length === 0}
          aria-keyshortcuts="Control+Z"
        >
          <Icon name="undo" /> {t('editor.undo')}
        </Button>
        <Button
          onPress={() => dispatch({ type: 'redo' })}
          isDisabled={state.future.length === 0}
          aria-keyshortcuts="Control+Y"
        >
          <Icon name="redo" /> {t('editor.redo')}
        </Button>
        {duplicateCount > 0 && (
          <Button onPress={() => fixAll('DUPLICATE_ENTRY')}>{t('editor.fixAllDuplicates')}</Button>
        )}
        {hostBitsCount > 0 && (
          <Button onPress={() => fixAll('HOST_BITS_SET')}>{t('editor.fixAllHostBits')}</Button>
        )}
        <div className="counters" role="status" aria-live="polite" data-testid="counters">
          <span className={`counter${overLimit ? ' counter-error' : ''}`}>
            {t('editor.counters.entries', {
              n: state.rows.length.toLocaleString(locale),
              max: maxEntries.toLocaleString(locale),
            })}
          </span>
          <span className={`counter${validation.errors > 0 ? ' counter-error' : ''}`}>
            {t('editor.counters.errors', { count: validation.errors })}
          </span>
          <span className={`counter${validation.warnings > 0 ? ' counter-warning' : ''}`}>
            {t('editor.counters.warnings', { count: validation.warnings })}
          </span>
        </div>
      </div>
      <div className="toolbar toolbar-secondary">
        <SearchField value={search} onChange={setSearch} className="search-field">
          <Label className="field-label">{t('editor.search')}</Label>
          <Input className="input" placeholder={t('editor.searchPlaceholder')} />
        </SearchField>
        <SelectField<FilterKey>
          label={t('editor.filter')}
          value={filter}
          onChange={setFilter}
          options={filterOptions}
        />
        <SelectField<SortKey>
          label={t('editor.sort')}
          value={sort}
          onChange={setSort}
          options={sortOptions}
        />
        <span className="showing">
          {t('editor.showing', { shown: order.length, total: state.rows.length })}
        </span>
      </div>
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
                    list: containsAnswer.matches.map((i) => i + 1).join(', '),
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
          validation={validation}
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
