import { isGzip, LogScanner, type LogCounts, type LogScanOptions } from './scanner.ts';

/**
 * Inflates a gzip byte stream. Injected, since shared/ imports no node:*: the CLI and the app both
 * pass node:zlib's gunzip (one `pipeline`), which also reads concatenated gzip members.
 */
export type Gunzip = (compressed: AsyncIterable<Uint8Array>) => AsyncIterable<Uint8Array>;

/**
 * Count the addresses of a log given as a stream of byte chunks: gzip when it starts with the
 * gzip magic number (decided by content, never by name), plain text otherwise. The one way a log
 * stream is read, for `allowlist impact` (gzip files, stdin) and the app's log preview.
 *
 * Rejects with the source's error, or the inflater's when a gzip stream is corrupt.
 */
export async function scanLogStream(
  source: AsyncIterable<Uint8Array>,
  options: LogScanOptions,
  gunzip: Gunzip,
): Promise<LogCounts> {
  const scanner = new LogScanner(options);
  const iterator = source[Symbol.asyncIterator]();
  let first = await iterator.next();
  // The magic number needs two bytes; a stream may deliver one at a time.
  const head: Uint8Array[] = [];
  let headLength = 0;
  while (!first.done && headLength + first.value.length < 2) {
    head.push(first.value);
    headLength += first.value.length;
    first = await iterator.next();
  }
  if (!first.done) head.push(first.value);
  const start = concat(head);
  const rest = async function* () {
    yield start;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  };
  for await (const chunk of isGzip(start) ? gunzip(rest()) : rest()) scanner.push(chunk);
  return scanner.end();
}

function concat(parts: Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
