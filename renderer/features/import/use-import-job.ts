import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportResultView } from '../../../shared/contract/ipc.ts';
import { IPC_LIMITS } from '../../../shared/contract/ipc.ts';
import { api, call } from '../../lib/api.ts';

/** Mapping and sheet the admin may override (ColumnMapping of shared/import). */
export type ImportMapping = ImportResultView['mapping'];
export type ReparseOptions = { sheet?: string; mapping?: ImportMapping };

/**
 * Where an import job is.
 *
 * `running` carries the progress reported by main (`import:progress`), and the result shown
 * before a re-parse started (kept when that re-parse is canceled or fails).
 */
export type ImportJobState =
  | { kind: 'idle'; note: 'canceled' | null }
  | {
      kind: 'running';
      jobId: string;
      fileName: string | null;
      progress: { done: number; total: number } | null;
      previous: ImportResultView | null;
    }
  | { kind: 'done'; result: ImportResultView; custom: boolean }
  | { kind: 'failed'; error: unknown; previous: ImportResultView | null };

let counter = 0;
function newJobId(): string {
  counter += 1;
  return `imp-${Date.now().toString(36)}-${counter}`;
}

/** A dropped file larger than the IPC accepts (checked before reading it into memory). */
export class FileTooLargeError extends Error {
  readonly size: number;
  /** Size and limit in MB (one decimal), the params of the FILE_TOO_LARGE sentence. */
  readonly params: { sizeMb: number; limitMb: number };
  constructor(size: number) {
    const params = { sizeMb: toMb(size), limitMb: toMb(IPC_LIMITS.maxImportBytes) };
    super(`The file is ${params.sizeMb} MB; the import accepts files up to ${params.limitMb} MB.`);
    this.name = 'FileTooLargeError';
    this.size = size;
    this.params = params;
  }
}

function toMb(bytes: number): number {
  return Math.round((bytes / (1024 * 1024)) * 10) / 10;
}

/**
 * Runs imports in main (worker thread there): open through main's file dialog, dropped bytes,
 * re-parse with another sheet or mapping, cancel. Progress events update `state` while the
 * window stays responsive (nothing is parsed in the renderer).
 */
export function useImportJob(maxEntries: number) {
  const [state, setState] = useState<ImportJobState>({ kind: 'idle', note: null });
  const current = useRef<string | null>(null);

  useEffect(() => {
    const off = api().on('import:progress', (p) => {
      if (p.jobId !== current.current) return;
      setState((s) =>
        s.kind === 'running' && s.jobId === p.jobId
          ? { ...s, progress: { done: p.done, total: p.total } }
          : s,
      );
    });
    return () => {
      off();
      // Leaving the wizard mid-import stops the worker in main.
      const id = current.current;
      current.current = null;
      if (id) void api().import.cancel({ jobId: id });
    };
  }, []);

  const runJob = useCallback(
    async (
      fileName: string | null,
      previous: ImportResultView | null,
      start: (jobId: string) => ReturnType<ReturnType<typeof api>['import']['open']>,
      custom: boolean,
    ) => {
      const jobId = newJobId();
      current.current = jobId;
      setState({ kind: 'running', jobId, fileName, progress: null, previous });
      try {
        const out = await call(start(jobId));
        // Benchmark hook (e2e perf.json): when the result reached the renderer.
        performance.mark('allowlist:import-result');
        if (current.current !== jobId) return;
        current.current = null;
        if ('canceled' in out) {
          setState(
            previous ? { kind: 'done', result: previous, custom } : { kind: 'idle', note: null },
          );
        } else {
          setState({ kind: 'done', result: out, custom });
        }
      } catch (error) {
        if (current.current !== jobId) return;
        current.current = null;
        setState({ kind: 'failed', error, previous });
      }
    },
    [],
  );

  /** Main shows the OS open dialog and parses the chosen file. */
  const open = useCallback(
    () =>
      runJob(null, null, (jobId) => api().import.open({ jobId, options: { maxEntries } }), false),
    [runJob, maxEntries],
  );

  /** A file dropped on the window: its bytes go to main. */
  const drop = useCallback(
    async (file: File) => {
      if (file.size > IPC_LIMITS.maxImportBytes) {
        setState({ kind: 'failed', error: new FileTooLargeError(file.size), previous: null });
        return;
      }
      const jobId = newJobId();
      current.current = jobId;
      setState({ kind: 'running', jobId, fileName: file.name, progress: null, previous: null });
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch (error) {
        if (current.current === jobId) setState({ kind: 'failed', error, previous: null });
        return;
      }
      if (current.current !== jobId) return;
      await runJob(
        file.name,
        null,
        (id) =>
          api().import.bytes({
            jobId: id,
            fileName: file.name.slice(0, 500),
            bytes,
            options: { maxEntries },
          }),
        false,
      );
    },
    [runJob, maxEntries],
  );

  /** Parse the same file again (kept in main) with another sheet or column mapping. */
  const reparse = useCallback(
    (result: ImportResultView, options: ReparseOptions, custom: boolean) =>
      runJob(
        result.fileName,
        result,
        (newJobId) =>
          api().import.reparse({
            jobId: result.jobId,
            newJobId,
            options: { ...options, maxEntries },
          }),
        custom,
      ),
    [runJob, maxEntries],
  );

  /** Stop the running job; the worker in main is terminated. */
  const cancel = useCallback(async () => {
    const id = current.current;
    if (!id) return;
    current.current = null;
    setState((s) =>
      s.kind === 'running' && s.previous
        ? { kind: 'done', result: s.previous, custom: false }
        : { kind: 'idle', note: 'canceled' },
    );
    await api().import.cancel({ jobId: id });
  }, []);

  const reset = useCallback(() => {
    const id = current.current;
    current.current = null;
    if (id) void api().import.cancel({ jobId: id });
    setState({ kind: 'idle', note: null });
  }, []);

  return { state, open, drop, reparse, cancel, reset };
}
