import { closeSync, openSync, readSync } from 'node:fs';
import { LogScanner, type LogScanOptions } from '../shared/log/scanner.ts';

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

/** Offset just past the first newline at or after `from` (or `size`). */
export function lineStartAfter(fd: number, from: number, size: number, buf: Buffer): number {
  let at = from;
  while (at < size) {
    const n = readSync(fd, buf, 0, buf.length, at);
    if (n === 0) break;
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1;
    at += n;
  }
  return size;
}

/** Feed bytes `start..end` of `fd` to `scanner`. */
function scanBytes(scanner: LogScanner, fd: number, start: number, end: number, most: number) {
  let at = start;
  while (at < end) {
    const n = readSync(fd, scanner.writable(), 0, Math.min(most, end - at), at);
    if (n === 0) break;
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
    scanBytes(scanner, fd, job.start, job.end, job.chunkBytes);
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
      const start = chunk === 0 ? 0 : lineStartAfter(fd, from - 1, size, probe);
      const next = from + chunkBytes;
      const end = next >= size ? size : lineStartAfter(fd, next - 1, size, probe);
      if (start < end) scanBytes(scanner, fd, start, end, chunkBytes);
    }
  } finally {
    closeSync(fd);
  }
  return scanner;
}
