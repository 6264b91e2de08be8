import { describe, expect, it } from 'vitest';
import { draftReducer, initialDraft } from '../../../../../renderer/features/editor/draft-state.ts';
import { typedInFirstRow } from '../../../support/draft.ts';

/**
 * A working copy main hands over (after a pull, push, merge or restore) replaces the editor's
 * content without a remount: the undo steps start over, and the loaded version is marked as
 * main's own (use-editor.ts autosaves nothing for it; the next edit is autosaved again).
 */
describe('editor load', () => {
  const mine = {
    mode: 'ALLOW_SPECIFIC' as const,
    entries: [{ ip: '192.0.2.1', cidr: null, memo: 'a' }],
  };
  const theirs = {
    mode: 'ALLOW_ALL' as const,
    entries: [{ ip: '198.51.100.7', cidr: 24, memo: 'b' }],
  };

  it('replaces the content and the undo steps; the loaded version is main’s, with its dirtiness', () => {
    let state = typedInFirstRow(mine, 'memo', 'typed');
    expect(state.past).toHaveLength(1);
    const before = state;
    state = draftReducer(state, { type: 'load', config: theirs, dirty: true });
    expect(state.mode).toBe('ALLOW_ALL');
    expect(state.rows.map((r) => [r.ip, r.cidr, r.memo])).toEqual([['198.51.100.7', '24', 'b']]);
    expect(state.past).toEqual([]);
    expect(state.future).toEqual([]);
    expect(state.version).toBeGreaterThan(before.version);
    expect(state.loadedVersion).toBe(state.version);
    expect(state.loadedDirty).toBe(true);
    // Fresh row ids: no row keeps another row's React state.
    expect(before.rows.map((r) => r.id)).not.toContain(state.rows[0]!.id);
    // Undo has nothing to bring back from before the load.
    expect(draftReducer(state, { type: 'undo' })).toBe(state);
  });

  it('the next edit is a change of the admin’s again (autosaved)', () => {
    let state = draftReducer(initialDraft(mine), { type: 'load', config: theirs, dirty: false });
    state = draftReducer(state, { type: 'setMode', mode: 'ALLOW_SPECIFIC' });
    expect(state.version).toBeGreaterThan(state.loadedVersion);
    expect(state.past).toHaveLength(1);
  });
});
