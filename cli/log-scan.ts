import { getCompileCacheDir } from 'node:module';
import { Worker } from 'node:worker_threads';
import { lineDelimiter, type LogDelimiter } from '../shared/log/fields.ts';
import {
  isGzip,
  MAX_LINE_BYTES,
  type LogCounts,
  type LogScanOptions,
} from '../shared/log/scanner.ts';
import { scanLogStream } from '../shared/log/stream.ts';
import { scanChunks, scanRange, type ChunkJob } from './log-range.ts';
import { gunzip } from '../node-shared/gunzip.ts';

// node:fs and node:os as Node's own objects, not as ES modules: importing node:fs that way reads
// every export, which loads its streams (measured ~3.5 ms of start-up, before the worker threads
// start: cli/log-range.ts and commands/impact.ts do the same).
const { closeSync, createReadStream, fstatSync, openSync, readSync } =
  process.getBuiltinModule('node:fs');
const { availableParallelism } = process.getBuiltinModule('node:os');

/**
 * Where `allowlist impact` gets a log's bytes: a file, gzip (by magic bytes, streamed through
 * node:zlib), stdin (`-`), and big plain files split across worker threads at line boundaries.
 * The counting itself is the shared byte scanner (shared/log/scanner.ts), and a stream is read by
 * shared/log/stream.ts: both the same the app's preview uses.
 *
 * Memory, stated: per thread the scanner's input room (`chunkBytes`, 4 MB, read into directly;
 * 256 KB for gzip and stdin) plus at most `maxLineBytes` (64 KB) of a line cut by a chunk end,
 * plus the count table: at most 32 bytes per distinct address (48 while it doubles), one table
 * per thread; a worker's is packed and copied out once (8 bytes per distinct address) and added
 * into this thread's. Judging the addresses (summarizeCounts) then writes the denied ones out: 8
 * bytes per distinct address and the list, after the table has stopped doubling, so within the
 * 48. Never proportional to lines or to the length of a line.
 */

export type ReadLogOptions = LogScanOptions & {
  /** Read size for plain files, and the chunk threads claim (default 4 MB). */
  chunkBytes?: number;
  /** Threads for a big plain file (default: the machine's parallelism); 1 = no worker. */
  threads?: number;
  /**
   * Plain files at least this big are shared with worker threads (default 64 MB: a worker takes
   * tens of milliseconds to start, measured ~65 ms on a busy 2-core machine, about as long as
   * this thread takes to scan 64 MB alone).
   */
  parallelMinBytes?: number;
  /** What `-` reads (default process.stdin). */
  stdin?: AsyncIterable<Uint8Array>;
};

/** What a worker sends back: its counts and its table's slots (transferred, not copied). */
type WorkerCounts = { lines: number; addresses: number; overlongLines: number; slots: Uint32Array };

const DEFAULT_CHUNK = 4 * 1024 * 1024;

/**
 * The delimiter of the first non-blank line within `head` and the cap, or undefined if none is
 * complete: the line the scanner decides by (a line over `maxLineBytes`, without a "\r" that
 * ends it, is skipped unread, so it decides nothing there either).
 */
function headDelimiter(head: Uint8Array, maxLineBytes: number): LogDelimiter | undefined {
  let pos = 0;
  for (;;) {
    const nl = head.indexOf(10, pos);
    if (nl < 0) return undefined;
    const length = nl - pos - (nl > pos && head[nl - 1] === 13 ? 1 : 0);
    const delimiter = length > maxLineBytes ? undefined : lineDelimiter(head, pos, nl);
    if (delimiter !== undefined) return delimiter;
    pos = nl + 1;
  }
}

/** The worker's module beside this one: log-worker.ts in the sources, .mjs in the bundle. */
const WORKER_URL = new URL(
  import.meta.url.endsWith('.ts') ? './log-worker.ts' : './log-worker.mjs',
  import.meta.url,
);

/**
 * A worker on log-worker.ts. When this process caches compiled modules (the `allowlist` bin turns
 * it on), the worker is started through a two-line bootstrap that turns it on in the worker too:
 * the cache is per thread, and without it each worker strips the TypeScript of its modules again
 * (measured: about 50 ms of CPU per worker, on the critical path of a parallel scan).
 */
function startWorker(job: ChunkJob): Worker {
  const cacheDir = getCompileCacheDir();
  if (cacheDir === undefined) return new Worker(WORKER_URL, { workerData: job });
  const bootstrap = [
    `process.getBuiltinModule('node:module').enableCompileCache(${JSON.stringify(cacheDir)});`,
    `import(${JSON.stringify(WORKER_URL.href)});`,
  ].join('\n');
  return new Worker(bootstrap, { eval: true, workerData: job });
}

function runWorker(worker: Worker): Promise<WorkerCounts> {
  return new Promise((resolve, reject) => {
    worker.once('message', (m: WorkerCounts) => resolve(m));
    worker.once('error', reject);
    // After the message this settles nothing; before it (a worker stopped early exits with 0),
    // the counts are missing and must not be waited for.
    worker.once('exit', (code) => reject(new Error(`log worker exited with ${code}`)));
  });
}

/** A scan under way: its workers (if any) already run; `counts` does this thread's share. */
export type LogScan = {
  /** This thread's share, then the workers' tables added in: the counts of the whole log. */
  counts(): Promise<LogCounts>;
  /** Stop the workers (the counts are not wanted). */
  cancel(): void;
};

/**
 * Start scanning a plain file with `threads` threads claiming line-aligned chunks
 * (cli/log-range.ts): the workers start now; this thread claims chunks when `counts` is called
 * (so it can load other things while they boot), and their tables are added into its own.
 */
function startParallel(
  path: string,
  size: number,
  threads: number,
  chunkBytes: number,
  options: LogScanOptions,
): LogScan {
  const claims = new SharedArrayBuffer(4);
  new Int32Array(claims)[0] = threads;
  const job = (thread: number): ChunkJob => ({ path, size, chunkBytes, thread, claims, options });
  const workers = Array.from({ length: threads - 1 }, (_, i) => startWorker(job(i + 1)));
  const pending = workers.map(runWorker);
  // Keep a rejected worker from being reported as unhandled while this thread does other work.
  for (const p of pending) p.catch(() => undefined);
  return {
    cancel: () => {
      for (const w of workers) void w.terminate();
    },
    counts: async () => {
      const scanner = scanChunks(job(0));
      let lines = 0;
      let addresses = 0;
      let overlongLines = 0;
      for (const result of await Promise.all(pending)) {
        lines += result.lines;
        addresses += result.addresses;
        overlongLines += result.overlongLines;
        scanner.absorb(result.slots);
      }
      const mine = scanner.end();
      return {
        ...mine,
        lines: mine.lines + lines,
        addresses: mine.addresses + addresses,
        overlongLines: mine.overlongLines + overlongLines,
      };
    },
  };
}

/** A scan that does all its work when asked. */
const later = (work: () => Promise<LogCounts> | LogCounts): LogScan => ({
  counts: async () => work(),
  cancel: () => undefined,
});

/**
 * Count the addresses of a log: `path` is a file (plain or gzip) or `-` for stdin.
 *
 * Rejects with the fs error when the file cannot be read, and zlib's when a gzip stream is
 * corrupt.
 */
export async function readLogCounts(
  path: string,
  options: ReadLogOptions = {},
): Promise<LogCounts> {
  return startLogScan(path, options).counts();
}

/**
 * `readLogCounts` in two steps: the file is opened and, when big, its worker threads started now;
 * the rest (this thread's share) when `counts()` is called. Never throws: an error is the
 * rejection of `counts()`.
 */
export function startLogScan(path: string, options: ReadLogOptions = {}): LogScan {
  try {
    return plan(path, options);
  } catch (error) {
    return later(() => Promise.reject(error as Error));
  }
}

function plan(path: string, options: ReadLogOptions): LogScan {
  const scan: LogScanOptions = {
    ...(options.column === undefined ? {} : { column: options.column }),
    ...(options.delimiter === undefined ? {} : { delimiter: options.delimiter }),
    maxLineBytes: options.maxLineBytes ?? MAX_LINE_BYTES,
  };
  if (path === '-') return later(() => scanLogStream(options.stdin ?? process.stdin, scan, gunzip));
  const chunkBytes = options.chunkBytes ?? DEFAULT_CHUNK;
  const fd = openSync(path, 'r');
  let size: number;
  let plainFile: boolean;
  let head: Buffer;
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    plainFile = stat.isFile();
    size = stat.size;
    head = Buffer.allocUnsafe(plainFile ? Math.min(size, 64 * 1024) : 0);
    if (head.length > 0) readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (!plainFile || isGzip(head))
    return later(() => scanLogStream(createReadStream(path), scan, gunzip));
  const threads = Math.max(1, Math.min(options.threads ?? availableParallelism(), 8));
  const delimiter = scan.delimiter ?? headDelimiter(head, scan.maxLineBytes ?? MAX_LINE_BYTES);
  if (threads > 1 && size >= (options.parallelMinBytes ?? 64 * 1024 * 1024) && delimiter) {
    return startParallel(path, size, threads, chunkBytes, { ...scan, delimiter });
  }
  return later(() => scanRange({ path, start: 0, end: size, chunkBytes, options: scan }).end());
}
