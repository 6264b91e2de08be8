import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { summarize, type BenchResult } from './summary.ts';

/**
 * `npm run bench [-- name]`: build the `allowlist` bundle (dist/cli), then run every
 * bench/*.bench.ts (or those whose name contains `name`) in its own Node process, one after
 * another.
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

// The benches time the `allowlist` command as an admin runs it: from its bundle (dist/cli).
const built = spawnSync(process.execPath, [join(here, '..', 'scripts', 'build.ts'), '--cli-only'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (built.status !== 0) {
  process.stderr.write('bench: could not build the allowlist bundle (dist/cli)\n');
  process.exit(1);
}

const results: BenchResult[] = [];
let crashed = 0;
for (const file of files) {
  process.stdout.write(`\n=== ${file} ===\n`);
  const child = spawnSync(process.execPath, [join(here, file)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  for (const line of (child.stdout ?? '').split('\n')) {
    if (line.startsWith('RESULT ')) results.push(JSON.parse(line.slice(7)) as BenchResult);
    else if (line !== '') process.stdout.write(`${line}\n`);
  }
  if (child.status !== 0) {
    crashed += 1;
    process.stdout.write(`!!! ${file} exited with ${child.status ?? child.signal}\n`);
  }
}

process.stdout.write('\n=== summary ===\n');
const { lines, missed } = summarize(results);
for (const line of lines) process.stdout.write(`${line}\n`);
process.stdout.write(
  `${files.length} bench file(s), ${results.length} result(s), ${missed} goal(s) missed, ${crashed} crashed.\n`,
);
process.exitCode = crashed > 0 || missed > 0 ? 1 : 0;
