import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm run bench`: run every bench/*.bench.ts in its own Node process, one after another.
 *
 * Each bench measures its subject and a baseline in the same run and prints the ratio; a line
 * starting with `RESULT ` carries JSON `{ name, ratio, target, unit?, value? }` for the summary
 * here. Usage: `npm run bench [-- name-filter]`. Exit 1 when a bench crashes (a missed target is
 * reported, not failed: timings on a shared machine vary).
 */
const here = dirname(fileURLToPath(import.meta.url));
const filter = process.argv[2];
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts') && (filter === undefined || f.includes(filter)))
  .sort();

type Result = {
  name: string;
  ratio: number;
  target?: number;
  value?: number;
  unit?: string;
  targetValue?: number;
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

process.stdout.write('\n=== summary ===\n');
for (const r of results) {
  const ratioOk = r.target === undefined || r.ratio >= r.target;
  const valueOk = r.targetValue === undefined || (r.value ?? 0) >= r.targetValue;
  const value =
    r.value === undefined
      ? ''
      : `  ${Math.round(r.value).toLocaleString('en-US')} ${r.unit ?? ''}${r.targetValue === undefined ? '' : ` (target >= ${r.targetValue.toLocaleString('en-US')})`}`;
  const target = r.target === undefined ? '' : ` (target >= ${r.target}x)`;
  process.stdout.write(
    `${ratioOk && valueOk ? 'ok  ' : 'MISS'}  ${r.name}: ${r.ratio.toFixed(2)}x${target}${value}\n`,
  );
}
process.stdout.write(`${files.length} bench file(s), ${crashed} crashed.\n`);
process.exitCode = crashed > 0 ? 1 : 0;
