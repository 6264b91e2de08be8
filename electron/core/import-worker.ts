import { parentPort } from 'node:worker_threads';
import type { ImportOptionsView } from '../../shared/contract/ipc-schemas.ts';
import { importBytes } from '../../shared/import/index.ts';
import { isImportError } from '../../shared/import/errors.ts';
import { packEntries } from './import-transfer.ts';

/**
 * Worker thread body: parses one file off the main thread.
 *
 * Messages in: `{ bytes, options }` (the bytes transferred). Out: `{ type: 'progress', done, total }`
 * (at most every 50 ms), then `{ type: 'result', result }` (its entries packed: import-transfer.ts) or `{ type: 'error', code, message, params }` (the
 * ImportError's params: sizes, limits, sheet names, for the renderer to translate). Cancel is the
 * parent terminating this thread.
 */
parentPort?.once('message', async (message: { bytes: Uint8Array; options: ImportOptionsView }) => {
  let last = 0;
  const { maxEntries, ...options } = message.options;
  try {
    const result = await importBytes(message.bytes, {
      ...options,
      ...(maxEntries === undefined ? {} : { limits: { maxEntries } }),
      onProgress: (p) => {
        const t = Date.now();
        if (t - last < 50 && p.done < p.total) return;
        last = t;
        parentPort?.postMessage({ type: 'progress', done: p.done, total: p.total });
      },
    });
    // The entries packed and their buffers transferred (import-transfer.ts): not 100,000 objects
    // cloned one by one.
    const { packed, transfer } = packEntries(result.entries);
    parentPort?.postMessage({ type: 'result', result: { ...result, entries: packed } }, transfer);
  } catch (error) {
    if (isImportError(error))
      parentPort?.postMessage({
        type: 'error',
        code: error.code,
        message: error.message,
        params: { ...error.params },
      });
    else
      parentPort?.postMessage({
        type: 'error',
        code: 'IMPORT_FAILED',
        message: 'The file could not be read.',
      });
  }
});
