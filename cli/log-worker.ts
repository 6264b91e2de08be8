import { parentPort, workerData } from 'node:worker_threads';
import { scanChunks, type ChunkJob } from './log-range.ts';

/**
 * Worker thread of `readLogCounts`: scans its claimed line-aligned chunks of a plain file and sends
 * back its counts, the table's slots copied out of the scanner's WebAssembly memory once and
 * transferred.
 */
const counts = scanChunks(workerData as ChunkJob).end();
const slots = counts.table.slotArray().slice();
parentPort?.postMessage(
  {
    lines: counts.lines,
    addresses: counts.addresses,
    overlongLines: counts.overlongLines,
    slots,
  },
  [slots.buffer as ArrayBuffer],
);
