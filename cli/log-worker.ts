import { parentPort, workerData } from 'node:worker_threads';
import { scanRange, type RangeJob } from './log-range.ts';

/**
 * Worker thread of `readLogCounts`: scans one line-aligned byte range of a plain file and sends
 * back its counts, the table's slots transferred (not copied).
 */
const counts = scanRange(workerData as RangeJob).end();
const slots = counts.table.slotArray();
parentPort?.postMessage(
  {
    lines: counts.lines,
    addresses: counts.addresses,
    overlongLines: counts.overlongLines,
    slots,
  },
  [slots.buffer as ArrayBuffer],
);
