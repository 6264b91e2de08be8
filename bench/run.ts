import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench [-- name]`: run every bench/*.bench.ts (or those whose name contains `name`) in
 * its own Node process, one after another.
 *
 * Each bench measures its subject and its baseline in the same run and prints the ratio; a line
 * starting with `RESULT ` carries JSON `{ name, ratio, target?, value?, unit?, targetValue?,
 * maxValue?, skipped? }`. The goals are reported here, never asserted in timed tests. Exit 1 when
 * a goal is missed, a bench crashes, or `name` matches no bench; a skipped result (e.g. grepcidr
 * not installed) says why and does not fail.
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const all = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort();
const files = all.filter((f) => filter === undefined || f.includes(filter));
if (files.length === 0) {
  process.stderr.write(
    `bench: no bench matches "${filter}"; the benches are: ${all.map((f) => f.replace('.bench.ts', '')).join(', ')}.\n`,
  );
  process.exit(1);
}

type Result = {
  name: string;
  ratio?: number;
  target?: number;
  value?: number;
  unit?: string;
  /** value must be >= this. */
  targetValue?: number;
  /** value must be <= this. */
  maxValue?: number;
  /** Why the result could not be measured (not a failure). */
  skipped?: string;
};
const results: Result[] = [];
let crashed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const child = spawnSync(process.execPath, [join(here, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of (child.stdout ?? '').split('\n')) {
    if (line.startsWith('RESULT ')) results.push(JSON.parse(line.slice(7)) as Result);
    else if (line !== '') process.stdout.write(`${line}\n`);
  }
  if (child.status !== 0) {
    crashed += 1;
    process.stdout.write(`!!! ${file} exited with ${child.status ?? child.signal}\n`);
  }
}

const fmt = (n: number) =>
  Math.abs(n) >= 100 ? Math.round(n).toLocaleString('en-US') : String(Number(n.toPrecision(3)));
process.stdout.write('\n=== summary ===\n');
let missed = 0;
for (const r of results) {
  if (r.skipped !== undefined) {
    process.stdout.write(`SKIP  ${r.name}: ${r.skipped}\n`);
    continue;
  }
  const ok =
    (r.target === undefined || (r.ratio ?? 0) >= r.target) &&
    (r.targetValue === undefined || (r.value ?? 0) >= r.targetValue) &&
    (r.maxValue === undefined || (r.value ?? Infinity) <= r.maxValue);
  if (!ok) missed += 1;
  const ratio =
    r.ratio === undefined
      ? ''
      : ` ${r.ratio.toFixed(2)}x${r.target === undefined ? '' : ` (goal >= ${r.target}x)`}`;
  const value =
    r.value === undefined
      ? ''
      : `  ${fmt(r.value)} ${r.unit ?? ''}${r.targetValue === undefined ? '' : ` (goal >= ${fmt(r.targetValue)})`}${r.maxValue === undefined ? '' : ` (goal <= ${fmt(r.maxValue)})`}`;
  process.stdout.write(`${ok ? 'ok  ' : 'MISS'}  ${r.name}:${ratio}${value}\n`);
}
process.stdout.write(
  `${files.length} bench file(s), ${results.length} result(s), ${missed} goal(s) missed, ${crashed} crashed.\n`,
);
process.exitCode = crashed > 0 || missed > 0 ? 1 : 0;
