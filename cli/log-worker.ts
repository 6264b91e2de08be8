import { parentPort, workerData } from 'node:worker_threads';
import { scanRange, type RangeJob } from './log-range.ts';

/**
 * Worker thread of `readLogCounts`: scans one line-aligned byte range of a plain file and sends
 * back its counts, the table's slots copied out of the scanner's WebAssembly memory once and
 * transferred.
 */
const counts = scanRange(workerData as RangeJob).end();
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
