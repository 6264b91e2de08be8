// Plain JavaScript, not TypeScript: run as a process or a worker of its own, a .ts file would
// first load Node's type stripper (~50-80 ms here), and the pass would not be bare.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Its own object, not the ES module (which reads every export): the pass stays bare.
const { isMainThread, parentPort, workerData } = process.getBuiltinModule('node:worker_threads');

/**
 * The baseline of bench/import.bench.ts: a bare read + decode + split + regex pass over the
 * 100,000-row Shift_JIS CSV it writes (rows counted, nothing kept). Run three ways, each beside
 * its like: in the bench's own process (beside importBytes), as a process of its own (`node
 * bench/bare-pass.js FILE`, start-up included, beside the `allowlist` command) and in a new worker
 * thread (`workerData.barePass`: FILE, start-up included, beside the app's import worker).
 */
const LINE = /^"(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})","(\d*)","(.*)"$/;

/** @param {string} path @returns {number} the rows matched */
export function barePass(path) {
  const text = new TextDecoder('shift_jis').decode(readFileSync(path));
  let n = 0;
  for (const line of text.split('\r\n')) if (LINE.test(line)) n++;
  return n;
}

const job = workerData?.barePass;
if (!isMainThread && typeof job === 'string') parentPort?.postMessage(barePass(job));
else if (isMainThread && process.argv[1] === fileURLToPath(import.meta.url))
  process.stdout.write(`${barePass(process.argv[2] ?? '')}\n`);
