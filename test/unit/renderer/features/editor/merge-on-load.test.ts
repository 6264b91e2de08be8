import { describe, expect, it } from 'vitest';
import type { Config, Entry } from '../../../../../shared/allowlist/model.ts';
import { decideLoad } from '../../../../../renderer/features/editor/merge-on-load.ts';
import {
  draftConfig,
  draftReducer,
  initialDraft,
} from '../../../../../renderer/features/editor/draft-state.ts';
import { typedInFirstRow } from '../../../support/draft.ts';

/**
 * Main's answer to a pull, push or restore arrives while the admin may have kept typing: edits
 * made since the call started are merged in, never replaced (merge-on-load.ts, draft-state.ts).
 */
const entry = (ip: string, memo = ''): Entry => ({ ip, cidr: null, memo });
const list = (...entries: Entry[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries,
});

const start = list(entry('192.0.2.1', 'office'));
/** The admin typed a new entry while main was working. */
const typed = list(entry('192.0.2.1', 'office'), entry('203.0.113.9', 'typed during refresh'));
/** Main's answer: someone else added an entry on the service. */
const pulled = list(entry('192.0.2.1', 'office'), entry('198.51.100.7', 'from the service'));

describe('decideLoad', () => {
  it('no edit since the call started: main’s list replaces the editor’s', () => {
    expect(decideLoad(start, start, pulled)).toEqual({ kind: 'replace', config: pulled });
  });

  it('no call to compare with (the draft as opened): replace', () => {
    expect(decideLoad(null, typed, pulled)).toEqual({ kind: 'replace', config: pulled });
  });

  it('edits since, main changed something else: both are kept', () => {
    const decision = decideLoad(start, typed, pulled);
    expect(decision.kind).toBe('merged');
    expect(decision.config.entries.map((e) => e.memo)).toEqual([
      'office',
      'typed during refresh',
      'from the service',
    ]);
  });

  it('the edit already reached main (an autosave during the call): taken once', () => {
    const both = list(...typed.entries, entry('198.51.100.7', 'from the service'));
    const decision = decideLoad(start, typed, both);
    expect(decision).toEqual({ kind: 'merged', config: both });
  });

  it('main’s answer dropped an edit that reached it (autosaved after main re-read the draft)', () => {
    expect(decideLoad(start, typed, start)).toEqual({ kind: 'merged', config: typed });
  });

  it('the same entry changed on both sides: the admin’s version is kept and counted', () => {
    const mine = list(entry('192.0.2.1', 'mine'));
    const theirs = list(entry('192.0.2.1', 'theirs'), entry('198.51.100.7', 'new'));
    const decision = decideLoad(start, mine, theirs);
    expect(decision).toEqual({
      kind: 'kept',
      conflicts: 1,
      // Their change that does not conflict is taken; nothing of either side vanishes silently.
      config: list(entry('192.0.2.1', 'mine'), entry('198.51.100.7', 'new')),
    });
  });

  it('the mode changed on both sides differently: the admin’s mode is kept', () => {
    const mine: Config = { ...start, mode: 'ALLOW_ALL' };
    const theirs: Config = { mode: 'ALLOW_ALL', entries: [] };
    const decision = decideLoad(start, { ...mine, entries: [] }, theirs);
    expect(decision).toEqual({ kind: 'merged', config: theirs });
    const other = decideLoad(start, list(entry('192.0.2.1', 'x')), {
      mode: 'ALLOW_ALL',
      entries: [],
    });
    expect(other.kind).toBe('kept');
    expect(other.config.entries).toEqual([entry('192.0.2.1', 'x')]);
  });
});

describe('editor load with edits since the call started', () => {
  const typedState = () => {
    let state = initialDraft(start);
    state = draftReducer(state, { type: 'addRow', afterId: null });
    const id = state.rows[1]!.id;
    state = draftReducer(state, { type: 'edit', id, field: 'ip', value: '203.0.113.9' });
    return draftReducer(state, { type: 'edit', id, field: 'memo', value: 'typed during refresh' });
  };

  it('keeps the typed rows (same ids: the cell being typed in stays), adds main’s, keeps undo', () => {
    const before = typedState();
    const after = draftReducer(before, { type: 'load', config: pulled, dirty: true, since: start });
    expect(draftConfig(after).entries.map((e) => e.memo)).toEqual([
      'office',
      'typed during refresh',
      'from the service',
    ]);
    expect(after.rows[1]).toBe(before.rows[1]);
    // Not main's own list: autosaved (use-editor.ts autosaves a version that is not loadedVersion).
    expect(after.version).not.toBe(after.loadedVersion);
    expect(after.keptConflicts).toBe(0);
    // The admin's undo history is still there, plus one step for the load.
    expect(after.past).toHaveLength(before.past.length + 1);
    expect(draftConfig(draftReducer(after, { type: 'undo' }))).toEqual(draftConfig(before));
  });

  it('main’s answer already holds the edit: nothing changes', () => {
    const before = typedState();
    const after = draftReducer(before, {
      type: 'load',
      config: draftConfig(before),
      since: start,
    });
    expect(after.rows).toBe(before.rows);
    expect(after.past).toBe(before.past);
  });

  it('a conflict keeps the admin’s text and says how many were kept', () => {
    let state = typedInFirstRow(start, 'memo', 'mine');
    state = draftReducer(state, {
      type: 'load',
      config: list(entry('192.0.2.1', 'theirs')),
      since: start,
    });
    expect(state.rows.map((r) => r.memo)).toEqual(['mine']);
    expect(state.keptConflicts).toBe(1);
    expect(draftReducer(state, { type: 'dismissKept' }).keptConflicts).toBe(0);
  });

  it('a row whose CIDR is not a number yet keeps its text through the merge', () => {
    const state = typedInFirstRow(start, 'cidr', '2x');
    const after = draftReducer(state, { type: 'load', config: pulled, since: start });
    expect(after.rows[0]!.cidr).toBe('2x');
    expect(after.rows.map((r) => r.memo)).toEqual(['office', 'from the service']);
  });

  it('without edits since, the load replaces content and undo as before', () => {
    const state = draftReducer(initialDraft(start), { type: 'load', config: pulled, since: start });
    expect(state.past).toEqual([]);
    expect(state.loadedVersion).toBe(state.version);
  });
});
