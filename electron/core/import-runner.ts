import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import { z } from 'zod';
import { ImportResultSchema, type ImportOptionsView } from '../../shared/contract/ipc-schemas.ts';
import type { ImportResult } from '../../shared/import/index.ts';
import { AppError } from './errors.ts';
import { unpackEntries } from './import-transfer.ts';

/**
 * Runs imports in a worker thread with progress and cancel; keeps recent files' bytes in main so
 * the renderer can re-parse with another sheet or mapping without ever naming a path.
 */

/** The options of `import:open` / `import:bytes` / `import:reparse`, as the contract parsed them. */
export type ImportRunOptions = ImportOptionsView;

export type ImportRunnerDeps = {
  /** URL of the worker script (electron/core/import-worker.ts, or its bundle in dist/). */
  workerUrl: URL;
  /** Files kept for re-parsing (default 4). */
  keep?: number;
};

/** What the worker may post (electron/core/import-worker.ts): checked like any other input. */
const WorkerMessageSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  }),
  z.object({
    type: z.literal('result'),
    // The entries come packed; unpackEntries checks them as it makes them (import-transfer.ts).
    result: ImportResultSchema.omit({ jobId: true, fileName: true, entries: true }).extend({
      entries: z.unknown(),
    }),
  }),
  z.object({
    type: z.literal('error'),
    code: z.string(),
    message: z.string(),
    params: z.record(z.string(), z.unknown()).optional(),
  }),
]);

type WorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'result'; result: Omit<ImportResult, 'entries'> & { entries: unknown } }
  | { type: 'error'; code: string; message: string; params?: Record<string, unknown> };

/** The worker ended without an answer. */
const stopped = (): AppError => new AppError('IMPORT_FAILED', {}, 'IMPORT_STOPPED');

type Job = { worker: Worker | null; canceled: boolean; cancel: () => void };

/**
 * The IPC error params of a failed import: the ImportError's own params plus `reason`, its code.
 *
 * The renderer formats `reason` with these params (shared/i18n/messages.ts). Only string and
 * number values pass (what the IPC error schema allows); `reason` always names the code.
 */
export function importErrorParams(
  code: string,
  params: Record<string, unknown> | undefined,
): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params ?? {}))
    if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value)))
      out[key] = value;
  out.reason = code;
  return out;
}

/**
 * Start the import worker. When this process caches compiled modules, the worker is started
 * through a two-line bootstrap that turns the cache on in the worker too (it is per thread):
 * running from source, each import would otherwise strip the TypeScript of the whole import
 * pipeline again (measured: about 130 ms of CPU per import, bench/import.bench.ts). The bundled
 * worker of the packaged app is plain JavaScript either way.
 */
export function startImportWorker(url: URL): Worker {
  const cacheDir = getCompileCacheDir();
  if (cacheDir === undefined) return new Worker(url);
  const bootstrap = [
    `process.getBuiltinModule('node:module').enableCompileCache(${JSON.stringify(cacheDir)});`,
    `import(${JSON.stringify(url.href)});`,
  ].join('\n');
  return new Worker(bootstrap, { eval: true });
}

export function createImportRunner(deps: ImportRunnerDeps) {
  const files = new Map<string, { fileName: string; bytes: Uint8Array }>();
  const jobs = new Map<string, Job>();
  const keep = deps.keep ?? 4;

  const run = (
    jobId: string,
    fileName: string,
    bytes: Uint8Array,
    options: ImportRunOptions,
    onProgress: (p: { done: number; total: number }) => void,
  ): Promise<(ImportResult & { jobId: string; fileName: string }) | { canceled: true }> => {
    files.set(jobId, { fileName, bytes });
    while (files.size > keep) files.delete(files.keys().next().value as string);
    jobs.get(jobId)?.cancel();
    return new Promise((resolve, reject) => {
      const worker = startImportWorker(deps.workerUrl);
      let settled = false;
      const finish = (fn: () => void): void => {
        if (settled) return;
        settled = true;
        jobs.delete(jobId);
        void worker.terminate();
        fn();
      };
      const job: Job = {
        worker,
        canceled: false,
        cancel: () => {
          job.canceled = true;
          finish(() => resolve({ canceled: true }));
        },
      };
      jobs.set(jobId, job);
      worker.on('message', (raw: unknown) => {
        // Validated, not transformed: the result keeps every field importBytes gave it.
        if (!WorkerMessageSchema.safeParse(raw).success) {
          finish(() => reject(stopped()));
          return;
        }
        const msg = raw as WorkerMessage;
        if (msg.type === 'progress') onProgress({ done: msg.done, total: msg.total });
        else if (msg.type === 'result') {
          const entries = unpackEntries(msg.result.entries);
          if (entries === null) finish(() => reject(stopped()));
          else finish(() => resolve({ ...msg.result, entries, jobId, fileName }));
        } else
          finish(() =>
            reject(
              new AppError('IMPORT_FAILED', importErrorParams(msg.code, msg.params), msg.code),
            ),
          );
      });
      worker.on('error', () => finish(() => reject(stopped())));
      worker.on('exit', () => finish(() => reject(stopped())));
      // A copy, transferred: the kept bytes must stay usable for a re-parse.
      const copy = bytes.slice();
      worker.postMessage({ bytes: copy, options }, [copy.buffer]);
    });
  };

  return {
    run,
    /** Parse a kept file again under a new job id. */
    reparse(
      jobId: string,
      newJobId: string,
      options: ImportRunOptions,
      onProgress: (p: { done: number; total: number }) => void,
    ) {
      const file = files.get(jobId);
      if (!file) throw new AppError('NOT_FOUND', {}, 'IMPORT_FILE_GONE');
      return run(newJobId, file.fileName, file.bytes, options, onProgress);
    },
    cancel(jobId: string): boolean {
      const job = jobs.get(jobId);
      if (!job) return false;
      job.cancel();
      return true;
    },
    cancelAll(): void {
      for (const job of jobs.values()) job.cancel();
    },
  };
}

export type ImportRunner = ReturnType<typeof createImportRunner>;
