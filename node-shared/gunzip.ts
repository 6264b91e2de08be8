import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { Gunzip } from '../shared/log/stream.ts';

/**
 * node:zlib's gunzip over a stream of chunks, the inflater shared/log/stream.ts is given by
 * `allowlist impact` and the app's log preview. Reads concatenated gzip members; a corrupt or
 * truncated stream ends the iteration with zlib's error (code Z_DATA_ERROR or Z_BUF_ERROR).
 */
export const gunzip: Gunzip = (compressed) =>
  pipeline(Readable.from(compressed), createGunzip(), () => {});
