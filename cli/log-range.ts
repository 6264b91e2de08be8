import { closeSync, openSync, readSync } from 'node:fs';
import { LogScanner, type LogScanOptions } from '../shared/log/scanner.ts';

/**
 * One line-aligned byte range of a plain file, scanned with synchronous reads: the work of each
 * thread of `readLogCounts` (cli/log-scan.ts). A module of its own, so a log worker
 * (log-worker.ts) loads only this and the scanner.
 */

/** The arguments a worker gets (see log-worker.ts). */
export type RangeJob = {
  path: string;
  start: number;
  end: number;
  chunkBytes: number;
  options: LogScanOptions;
};

/**
 * Scan bytes `start..end` of a plain file with one scanner (synchronous reads, straight into the
 * scanner's memory: no copy). Returns the scanner, not ended.
 */
export function scanRange(job: RangeJob): LogScanner {
  const scanner = new LogScanner({ ...job.options, inputBytes: job.chunkBytes });
  const fd = openSync(job.path, 'r');
  try {
    let at = job.start;
    while (at < job.end) {
      const into = scanner.writable();
      const n = readSync(fd, into, 0, Math.min(job.chunkBytes, job.end - at), at);
      if (n === 0) break;
      scanner.wrote(n);
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  return scanner;
}
