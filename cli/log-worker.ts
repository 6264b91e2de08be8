import { parentPort, workerData } from 'node:worker_threads';
import { scanChunks, type ChunkJob } from './log-range.ts';

/**
 * Worker thread of `readLogCounts`: scans its claimed line-aligned chunks of a plain file and sends
 * back its counts, the table's pairs packed and copied out of the scanner's WebAssembly memory
 * once (LogScanner.handOff) and transferred.
 */
const scanner = scanChunks(workerData as ChunkJob);
const counts = scanner.end();
const slots = scanner.handOff();
parentPort?.postMessage(
  {
    lines: counts.lines,
    addresses: counts.addresses,
    overlongLines: counts.overlongLines,
    slots,
  },
  [slots.buffer as ArrayBuffer],
);
