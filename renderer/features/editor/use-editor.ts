import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useReducer,
  useRef,
  useState,
} from 'react';
import type { Config } from '../../../shared/allowlist/model.ts';
import { badCidrRows, draftConfig, draftReducer, initialDraft } from './draft-state.ts';
import type { DraftAction, DraftState } from './draft-state.ts';
import { createDraftValidator } from './validation.ts';
import type { ValidationResult } from './validation.ts';

export type AutosaveState =
  | { kind: 'saved'; dirty: boolean; at: string }
  | { kind: 'saving' }
  | { kind: 'blocked'; row: number }
  | { kind: 'failed'; message: string };

export type Editor = {
  state: DraftState;
  dispatch: (action: DraftAction) => void;
  config: Config;
  validation: ValidationResult;
  autosave: AutosaveState;
  /**
   * Resolves when the latest change is saved locally (before a plan is made, before every call
   * that has main change the draft), with the list main holds now: the `since` of a later `load`.
   */
  flush: () => Promise<Config>;
  /**
   * Show a list main handed over (after a pull, push, merge or restore). With no edit since
   * `since` (the list the call started from; null: not known), it replaces the content and the
   * undo history and nothing is autosaved (main has it). Edits made since are merged in and kept,
   * with their undo history (draft-state.ts, merge-on-load.ts).
   */
  load: (config: Config, dirty: boolean, since?: Config | null) => void;
};

/** Delay between the last keystroke and the local autosave. */
const AUTOSAVE_MS = 250;

/**
 * The working copy of a profile: reducer with undo/redo, validation on every change, and the
 * debounced local autosave (`save` is the draft:save IPC call).
 */
export function useEditor(
  initial: Config,
  initialDirty: boolean,
  maxEntries: number,
  save: (config: Config) => Promise<{ dirty: boolean; updatedAt: string }>,
): Editor {
  const [state, dispatch] = useReducer(draftReducer, initial, initialDraft);
  const config = useMemo(() => draftConfig(state), [state]);
  // Incremental: a keystroke re-checks the edited entry and the duplicate/covered-by index only.
  const [validateDraft] = useState(createDraftValidator);
  const validation = useMemo(
    () => validateDraft(config, state.rows, maxEntries),
    [validateDraft, config, state.rows, maxEntries],
  );
  const [autosave, setAutosave] = useState<AutosaveState>({
    kind: 'saved',
    dirty: initialDirty,
    at: '',
  });
  const pending = useRef<Promise<void>>(Promise.resolve());
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const lastSavedVersion = useRef(state.version);
  // The list main holds as far as this editor knows (loaded from it or saved to it).
  const savedConfig = useRef(config);
  // The version known to be on disk, as state so that the status line shows "saving" from the
  // first keystroke (not only once the debounce fires).
  const [savedVersion, setSavedVersion] = useState(state.version);
  /**
   * Save `config` (the content of `version`) after every save asked for before it: draft:save
   * calls reach main in the order they were made (browser mode's HTTP calls could overtake each
   * other), so an older list never lands after a newer one.
   */
  const enqueue = useCallback((config: Config, version: number) => {
    const run = pending.current.then(async () => {
      const r = await saveRef.current(config);
      // A load meanwhile is newer than this save: its status stands.
      if (version >= lastSavedVersion.current) {
        lastSavedVersion.current = version;
        savedConfig.current = config;
        setSavedVersion(version);
        setAutosave({ kind: 'saved', dirty: r.dirty, at: r.updatedAt });
      }
    });
    pending.current = run.catch((e: unknown) =>
      setAutosave({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
    );
    return run;
  }, []);
  useEffect(() => {
    if (state.version === lastSavedVersion.current) return;
    if (state.version === state.loadedVersion) {
      // Main's own working copy: on disk already (the status says so, see `shown`).
      lastSavedVersion.current = state.version;
      savedConfig.current = config;
      return;
    }
    const bad = badCidrRows(state.rows);
    const timer = setTimeout(() => {
      if (bad.length > 0) {
        // The model cannot hold a CIDR that is not a number: keep the text here, tell the admin.
        setAutosave({ kind: 'blocked', row: bad[0]! + 1 });
        return;
      }
      setAutosave({ kind: 'saving' });
      void enqueue(config, state.version);
    }, AUTOSAVE_MS);
    return () => clearTimeout(timer);
  }, [state.version, state.loadedVersion, state.rows, config, enqueue]);

  // Stable identity (reads the latest state through a ref) so that it is no new prop per keystroke.
  const latest = useRef({ state, config });
  useLayoutEffect(() => {
    latest.current = { state, config };
  }, [state, config]);
  const flush = useCallback(async () => {
    const { state, config } = latest.current;
    if (
      state.version !== lastSavedVersion.current &&
      state.version !== state.loadedVersion &&
      badCidrRows(state.rows).length === 0
    ) {
      // A failure rejects here: the caller (plan, refresh, push) says why and does not start.
      await enqueue(config, state.version);
    }
    await pending.current;
    // What main holds now: with a row that blocks the autosave, the list before it (so that the
    // blocked edits count as edits when main's answer is loaded).
    return savedConfig.current;
  }, [enqueue]);

  // A reload or close of the window, or the editor leaving (profile switch), within the debounce: save now, or the last keystrokes are
  // gone (the page's timers die with it). The call starts in this task (the queue is idle unless a
  // save is in flight, which then carries all but these keystrokes); browser mode's bridge sends
  // it with keepalive so it outlives the page.
  useEffect(() => {
    const onLeave = () => {
      const { state, config } = latest.current;
      if (
        state.version !== lastSavedVersion.current &&
        state.version !== state.loadedVersion &&
        badCidrRows(state.rows).length === 0
      ) {
        void enqueue(config, state.version).catch(() => undefined);
      }
    };
    window.addEventListener('pagehide', onLeave);
    return () => {
      window.removeEventListener('pagehide', onLeave);
      // Unmounted (another profile chosen within the debounce): the timer dies, the save must not.
      onLeave();
    };
  }, [enqueue]);

  const saving = autosave.kind === 'saved' && state.version !== savedVersion;
  // Just loaded from main (no edit since): saved, as dirty as main said.
  const loaded = state.loadedVersion > 0 && state.version === state.loadedVersion;
  const shown: AutosaveState = useMemo(
    () =>
      loaded
        ? { kind: 'saved', dirty: state.loadedDirty, at: '' }
        : saving
          ? { kind: 'saving' }
          : autosave,
    [loaded, state.loadedDirty, saving, autosave],
  );
  const load = useCallback(
    (next: Config, dirty: boolean, since?: Config | null) =>
      dispatch({ type: 'load', config: next, dirty, since }),
    [],
  );
  return { state, dispatch, config, validation, autosave: shown, flush, load };
}
