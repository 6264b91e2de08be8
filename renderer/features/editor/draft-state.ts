import { assertNever } from '../../../shared/allowlist/model.ts';
import type { Config, Entry, Mode } from '../../../shared/allowlist/model.ts';
import { sameConfig } from '../../../shared/sync/merge.ts';
import { decideLoad } from './merge-on-load.ts';

/**
 * One editable row of the entries table: the text as the admin typed it.
 *
 * `cidr` stays text while editing so that nothing typed is lost or reinterpreted; it becomes the
 * entry's `cidr` (integer or null) only when it is an integer or empty.
 */
export type Row = { id: number; ip: string; cidr: string; memo: string };
export type Field = 'ip' | 'cidr' | 'memo';

type Snapshot = { mode: Mode; rows: Row[] };

/**
 * The working copy with its undo and redo stacks.
 *
 * `structure` changes whenever rows are added, removed or reordered (not on typing), so a sorted
 * or filtered view can keep its order while the admin types. `coalesce` groups keystrokes in one
 * field into one undo step.
 */
export type DraftState = {
  mode: Mode;
  rows: Row[];
  past: Snapshot[];
  future: Snapshot[];
  coalesce: string | null;
  structure: number;
  nextId: number;
  /** Incremented on every change of content (for "saved locally" and autosave). */
  version: number;
  /** The version a `load` produced: that content came from main and needs no autosave. */
  loadedVersion: number;
  /** The loaded working copy differs from its base (main said so). */
  loadedDirty: boolean;
  /**
   * The last load kept the admin's side of this many conflicting changes (edits typed while
   * main's step ran, see merge-on-load.ts): the workspace says so until dismissed. 0: none.
   */
  keptConflicts: number;
};

export type DraftAction =
  /**
   * A list from main. `since`: the editor's list when the call that produced it started; edits
   * made after that are merged in, never replaced. `undoable`: one undo step even without edits.
   */
  | { type: 'load'; config: Config; dirty?: boolean; since?: Config | null; undoable?: boolean }
  | { type: 'dismissKept' }
  | { type: 'setMode'; mode: Mode }
  | { type: 'edit'; id: number; field: Field; value: string }
  | { type: 'addRow'; afterId: number | null }
  | { type: 'deleteRows'; ids: number[] }
  | { type: 'duplicateRow'; id: number }
  | { type: 'insertEntries'; afterId: number | null; entries: Entry[]; replaceEmpty: boolean }
  | { type: 'replaceRow'; id: number; ip: string; cidr: string }
  | { type: 'replaceAll'; config: Config }
  | { type: 'undo' }
  | { type: 'redo' };

/** How many undo steps are kept. */
const HISTORY_LIMIT = 300;

/** Entry -> row text. */
export function entryToRow(entry: Entry, id: number): Row {
  return {
    id,
    ip: entry.ip,
    cidr: entry.cidr === null ? '' : String(entry.cidr),
    memo: entry.memo,
  };
}

/**
 * The CIDR text as the entry's value: an integer, null when empty, or undefined when it is not a
 * whole number (the row then carries a CIDR_NOT_A_NUMBER problem and is not sent anywhere).
 */
export function parseCidrText(text: string): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (/^\d{1,3}$/.test(t)) return Number(t);
  return undefined;
}

const entryCache = new WeakMap<Row, Entry>();

/**
 * Row -> entry (cached per row object, so an edit rebuilds one entry, not a thousand).
 */
export function rowToEntry(row: Row): Entry {
  let entry = entryCache.get(row);
  if (!entry) {
    const cidr = parseCidrText(row.cidr);
    entry = { ip: row.ip.trim(), cidr: cidr === undefined ? null : cidr, memo: row.memo };
    entryCache.set(row, entry);
  }
  return entry;
}

/** The working copy as a config (rows with an unreadable CIDR keep cidr null here). */
export function draftConfig(state: Pick<DraftState, 'mode' | 'rows'>): Config {
  return { mode: state.mode, entries: state.rows.map(rowToEntry) };
}

/** Rows whose CIDR text is not a whole number: they block saving. */
export function badCidrRows(rows: Row[]): number[] {
  const out: number[] = [];
  rows.forEach((row, index) => {
    if (parseCidrText(row.cidr) === undefined) out.push(index);
  });
  return out;
}

/** A fresh state holding `config`. */
export function initialDraft(config: Config): DraftState {
  return {
    mode: config.mode,
    rows: config.entries.map((e, i) => entryToRow(e, i + 1)),
    past: [],
    future: [],
    coalesce: null,
    structure: 0,
    nextId: config.entries.length + 1,
    version: 0,
    loadedVersion: 0,
    loadedDirty: false,
    keptConflicts: 0,
  };
}

/**
 * Rows for `config` that reuse the rows already showing one of its entries (the same text as
 * typed, the same id: a cell being typed in keeps its focus); the others get fresh ids.
 */
function rowsFor(config: Config, rows: Row[], nextId: number): { rows: Row[]; nextId: number } {
  const keyOf = (e: Entry) => JSON.stringify([e.ip, e.cidr, e.memo]);
  const free = new Map<string, Row[]>();
  for (const row of rows) {
    const key = keyOf(rowToEntry(row));
    free.set(key, [...(free.get(key) ?? []), row]);
  }
  let id = nextId;
  const out = config.entries.map(
    (entry) => free.get(keyOf(entry))?.shift() ?? entryToRow(entry, id++),
  );
  return { rows: out, nextId: id };
}

function isEmptyRow(row: Row): boolean {
  return row.ip.trim() === '' && row.cidr.trim() === '' && row.memo.trim() === '';
}

/** Records the current content in the undo stack and clears redo. */
function commit(
  state: DraftState,
  next: Partial<DraftState>,
  coalesce: string | null = null,
): DraftState {
  const keepStep = coalesce !== null && coalesce === state.coalesce;
  const past = keepStep
    ? state.past
    : [...state.past, { mode: state.mode, rows: state.rows }].slice(-HISTORY_LIMIT);
  return { ...state, ...next, past, future: [], coalesce, version: state.version + 1 };
}

/**
 * The reducer of the working copy.
 */
export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'load': {
      const decision = decideLoad(
        action.since ?? null,
        draftConfig(state),
        action.config,
        badCidrRows(state.rows).length > 0,
      );
      if (decision.kind !== 'replace' || action.undoable) {
        const keptConflicts = decision.kind === 'kept' ? decision.conflicts : 0;
        // Main's answer already holds every edit: nothing to change, nothing to autosave.
        if (sameConfig(decision.config, draftConfig(state))) return { ...state, keptConflicts };
        // The admin's edits stay, so does their undo history: the load is one more undo step
        // (and, not being main's own list, it is autosaved).
        const { rows, nextId } = rowsFor(decision.config, state.rows, state.nextId);
        return commit(state, {
          mode: decision.config.mode,
          rows,
          nextId,
          structure: state.structure + 1,
          keptConflicts,
        });
      }
      // Fresh ids (never reused) so React keeps no stale row state across loads.
      const rows = action.config.entries.map((e, i) => entryToRow(e, state.nextId + i));
      return {
        ...initialDraft(action.config),
        rows,
        nextId: state.nextId + rows.length,
        structure: state.structure + 1,
        version: state.version + 1,
        loadedVersion: state.version + 1,
        loadedDirty: action.dirty ?? false,
      };
    }
    case 'dismissKept':
      return state.keptConflicts === 0 ? state : { ...state, keptConflicts: 0 };
    case 'replaceAll': {
      const rows = action.config.entries.map((e, i) => entryToRow(e, state.nextId + i));
      return commit(state, {
        mode: action.config.mode,
        rows,
        nextId: state.nextId + rows.length,
        structure: state.structure + 1,
      });
    }
    case 'setMode':
      if (state.mode === action.mode) return state;
      return commit(state, { mode: action.mode });
    case 'edit': {
      const index = state.rows.findIndex((r) => r.id === action.id);
      const row = state.rows[index];
      if (!row || row[action.field] === action.value) return state;
      const rows = state.rows.slice();
      rows[index] = { ...row, [action.field]: action.value };
      return commit(state, { rows }, `${action.id}:${action.field}`);
    }
    case 'addRow': {
      const row: Row = { id: state.nextId, ip: '', cidr: '', memo: '' };
      const at =
        action.afterId === null
          ? state.rows.length
          : state.rows.findIndex((r) => r.id === action.afterId) + 1;
      const rows = state.rows.slice();
      rows.splice(at <= 0 ? state.rows.length : at, 0, row);
      return commit(state, { rows, nextId: state.nextId + 1, structure: state.structure + 1 });
    }
    case 'deleteRows': {
      const ids = new Set(action.ids);
      const rows = state.rows.filter((r) => !ids.has(r.id));
      if (rows.length === state.rows.length) return state;
      return commit(state, { rows, structure: state.structure + 1 });
    }
    case 'duplicateRow': {
      const index = state.rows.findIndex((r) => r.id === action.id);
      const row = state.rows[index];
      if (!row) return state;
      const rows = state.rows.slice();
      rows.splice(index + 1, 0, { ...row, id: state.nextId });
      return commit(state, { rows, nextId: state.nextId + 1, structure: state.structure + 1 });
    }
    case 'insertEntries': {
      if (action.entries.length === 0) return state;
      const added = action.entries.map((e, i) => entryToRow(e, state.nextId + i));
      const rows = state.rows.slice();
      let at =
        action.afterId === null ? rows.length : rows.findIndex((r) => r.id === action.afterId) + 1;
      if (at <= 0) at = rows.length;
      const target = rows[at - 1];
      if (action.replaceEmpty && target && isEmptyRow(target)) {
        rows.splice(at - 1, 1, ...added);
      } else {
        rows.splice(at, 0, ...added);
      }
      return commit(state, {
        rows,
        nextId: state.nextId + added.length,
        structure: state.structure + 1,
      });
    }
    case 'replaceRow': {
      const index = state.rows.findIndex((r) => r.id === action.id);
      const row = state.rows[index];
      if (!row) return state;
      const rows = state.rows.slice();
      rows[index] = { ...row, ip: action.ip, cidr: action.cidr };
      return commit(state, { rows });
    }
    case 'undo': {
      const prev = state.past[state.past.length - 1];
      if (!prev) return state;
      return {
        ...state,
        ...prev,
        past: state.past.slice(0, -1),
        future: [...state.future, { mode: state.mode, rows: state.rows }],
        coalesce: null,
        structure: state.structure + 1,
        version: state.version + 1,
      };
    }
    case 'redo': {
      const next = state.future[state.future.length - 1];
      if (!next) return state;
      return {
        ...state,
        ...next,
        future: state.future.slice(0, -1),
        past: [...state.past, { mode: state.mode, rows: state.rows }],
        coalesce: null,
        structure: state.structure + 1,
        version: state.version + 1,
      };
    }
    default:
      return assertNever(action, 'Unknown draft action');
  }
}
