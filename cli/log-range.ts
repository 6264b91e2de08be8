import { LogScanner, type LogScanOptions } from '../shared/log/scanner.ts';

// Node's own node:fs object, not its ES module (see cli/log-scan.ts).
const { closeSync, openSync, readSync } = process.getBuiltinModule('node:fs');

/**
 * The work of each thread of `readLogCounts` (cli/log-scan.ts) on a plain file: line-aligned
 * chunks of the file, scanned with synchronous reads straight into the scanner's memory. A module
 * of its own, so a log worker (log-worker.ts) loads only this and the scanner.
 *
 * Threads share the file by claiming chunks (`chunkBytes` each) from an atomic counter: thread i
 * starts with chunk i, then each takes the next unclaimed one, so a thread that starts late (a
 * worker boots in tens of milliseconds) simply takes fewer. A chunk holds the lines that start in
 * it: it begins just past the first newline at or after its first byte's predecessor and ends
 * likewise at the next chunk's start, so every line belongs to exactly one chunk.
 */

/** The arguments of a thread (see log-worker.ts). */
export type ChunkJob = {
  path: string;
  size: number;
  chunkBytes: number;
  /** This thread's index: its first chunk. */
  thread: number;
  /** Int32 [0]: the next chunk to claim (starts at the number of threads). */
  claims: SharedArrayBuffer;
  options: LogScanOptions;
};

/**
 * The file ended at `at`, before the `size` bytes it had when the scan began (e.g. truncated by a
 * copytruncate rotation while it was read): counting what was read would silently count part of
 * the log. `allowlist impact` words it (code LOG_SHRANK).
 */
function shrank(at: number, size: number): Error {
  return Object.assign(
    new Error(`the file ended at byte ${at}, before the ${size} bytes it had when the scan began`),
    { code: 'LOG_SHRANK', at, size },
  );
}

/**
 * Offset just past the first newline in `from..limit` (`limit` at most `size`, the file's size
 * when the scan began), or -1 when there is none: a search never reads past `limit`, so the
 * chunks of a file with few or no newlines are not each searched to its end (quadratic).
 */
export function lineStartAfter(
  fd: number,
  from: number,
  limit: number,
  size: number,
  buf: Buffer,
): number {
  let at = from;
  while (at < limit) {
    const n = readSync(fd, buf, 0, Math.min(buf.length, limit - at), at);
    if (n === 0) throw shrank(at, size);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += n;
  }
  return -1;
}

/** Feed bytes `start..end` of `fd` to `scanner` (`size`: the file's size when the scan began). */
function scanBytes(
  scanner: LogScanner,
  fd: number,
  range: { start: number; end: number; size: number },
  most: number,
) {
  let at = range.start;
  while (at < range.end) {
    const n = readSync(fd, scanner.writable(), 0, Math.min(most, range.end - at), at);
    if (n === 0) throw shrank(at, range.size);
    scanner.wrote(n);
    at += n;
  }
}

/** Scan the whole of `start..end` of a plain file with one scanner; returns it, not ended. */
export function scanRange(job: {
  path: string;
  start: number;
  end: number;
  chunkBytes: number;
  options: LogScanOptions;
}): LogScanner {
  const scanner = new LogScanner({ ...job.options, inputBytes: job.chunkBytes });
  const fd = openSync(job.path, 'r');
  try {
    scanBytes(scanner, fd, { start: job.start, end: job.end, size: job.end }, job.chunkBytes);
  } finally {
    closeSync(fd);
  }
  return scanner;
}

/** Scan this thread's chunks of a plain file (see ChunkJob); returns the scanner, not ended. */
export function scanChunks(job: ChunkJob): LogScanner {
  const { size, chunkBytes } = job;
  const scanner = new LogScanner({ ...job.options, inputBytes: chunkBytes });
  const claims = new Int32Array(job.claims);
  const probe = Buffer.allocUnsafe(Math.min(64 * 1024, chunkBytes));
  const fd = openSync(job.path, 'r');
  try {
    for (let chunk = job.thread; chunk * chunkBytes < size; chunk = Atomics.add(claims, 0, 1)) {
      const from = chunk * chunkBytes;
      const next = Math.min(from + chunkBytes, size);
      // No line starts in this chunk: its bytes belong to a line an earlier chunk reads.
      const start = chunk === 0 ? 0 : lineStartAfter(fd, from - 1, next, size, probe);
      if (start < 0 || start >= next) continue;
      const end = next >= size ? size : lineStartAfter(fd, next - 1, size, size, probe);
      scanBytes(scanner, fd, { start, end: end < 0 ? size : end, size }, chunkBytes);
    }
  } finally {
    closeSync(fd);
  }
  return scanner;
}
