import type { Gunzip } from '../shared/log/stream.ts';

/**
 * node:zlib's gunzip over a stream of chunks, the inflater shared/log/stream.ts is given by
 * `allowlist impact` and the app's log preview. Reads concatenated gzip members; a corrupt or
 * truncated stream ends the iteration with zlib's error (code Z_DATA_ERROR or Z_BUF_ERROR).
 */
export const gunzip: Gunzip = (compressed) => {
  // Taken when a gzip log is read: importing node:zlib and node:stream as ES modules costs every
  // `allowlist impact` about 1.5 ms of start-up, before its worker threads are started.
  const { pipeline, Readable } = process.getBuiltinModule('node:stream');
  const { createGunzip } = process.getBuiltinModule('node:zlib');
  return pipeline(Readable.from(compressed), createGunzip(), () => {});
};
