import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { formatIPv4 } from '../shared/ip/ipv4.ts';

/**
 * `allowlist impact` end to end on a generated 2M-line access log with 1,000 entries (issue 2:
 * target >= 5M lines/s). Baseline in the same run: a bare line count of the same file (chunked
 * read + newline search), the least any log reader must do. The log lives in a temp dir.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = join(root, 'cli', 'bin', 'allowlist.js');
const LINES = 2_000_000;

let seed = 7;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed % n;
};

const dir = mkdtempSync(join(tmpdir(), 'allowlist-impact-bench-'));
try {
  // 1,000 entries: /24s and single addresses in distinct /16s of global space.
  const entries = Array.from({ length: 1000 }, (_, i) => {
    const base = (((11 + (i % 200)) * 256 + Math.floor(i / 200) * 40 + 1) * 256 + rand(256)) * 256;
    return i % 3 === 0
      ? { ip: formatIPv4(base + 7), cidr: null, memo: `host ${i}` }
      : { ip: formatIPv4(base), cidr: 24, memo: `office ${i}` };
  });
  writeFileSync(join(dir, 'list.json'), JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries }));

  // Client pool: 60% inside entries, 40% from 20,000 outside addresses.
  const inside = Array.from({ length: 5000 }, () => {
    const e = entries[rand(entries.length)] as { ip: string; cidr: number | null };
    const v = e.ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
    return formatIPv4(e.cidr === null ? v : v + rand(256));
  });
  const outside = Array.from({ length: 20000 }, () =>
    formatIPv4(((220 + rand(3)) * 256 + rand(256)) * 65536 + rand(65536)),
  );
  const logPath = join(dir, 'access.log');
  const fd = openSync(logPath, 'w');
  let expectedDenied = 0;
  const paths = ['/k/v1/records.json', '/k/#/space/12', '/login', '/api/v1/app.json?id=42'];
  let chunk: string[] = [];
  for (let i = 0; i < LINES; i += 1) {
    const denied = rand(10) < 4;
    if (denied) expectedDenied += 1;
    const ip = denied
      ? (outside[rand(outside.length)] as string)
      : (inside[rand(inside.length)] as string);
    chunk.push(
      `${ip} - - [24/Nov/2026:09:00:${String(i % 60).padStart(2, '0')} +0900] "GET ${paths[i % 4]} HTTP/1.1" 200 ${100 + (i % 9000)}\n`,
    );
    if (chunk.length === 50000) {
      writeSync(fd, chunk.join(''));
      chunk = [];
    }
  }
  writeSync(fd, chunk.join(''));
  closeSync(fd);

  const countLines = (): number => {
    const file = openSync(logPath, 'r');
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    let lines = 0;
    for (;;) {
      const n = readSync(file, buf, 0, buf.length, null);
      if (n === 0) break;
      const view = buf.subarray(0, n);
      let pos = view.indexOf(10);
      while (pos >= 0) {
        lines += 1;
        pos = view.indexOf(10, pos + 1);
      }
    }
    closeSync(file);
    return lines;
  };
  const time = <T>(fn: () => T): { ms: number; value: T } => {
    const start = performance.now();
    const value = fn();
    return { ms: performance.now() - start, value };
  };
  const best = <T>(runs: number, fn: () => T) => {
    let result = time(fn);
    for (let i = 1; i < runs; i += 1) {
      const next = time(fn);
      if (next.ms < result.ms) result = next;
    }
    return result;
  };

  const baseline = best(3, countLines);
  if (baseline.value !== LINES) throw new Error(`baseline counted ${baseline.value} lines`);
  const startup = best(3, () => spawnSync(node, [bin, '--help'], { encoding: 'utf8' }));
  const impactArgs = [bin, 'impact', '--list', join(dir, 'list.json'), '--log', logPath, '--json'];
  // The bin keeps a compile cache (node:module enableCompileCache): the first run after install or
  // upgrade compiles and strips types; measure that once with an empty cache, for the record.
  const cold = time(() =>
    spawnSync(node, impactArgs, {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
      env: { ...process.env, NODE_COMPILE_CACHE: join(dir, 'compile-cache') },
    }),
  );
  const impact = best(3, () =>
    spawnSync(node, impactArgs, {
      encoding: 'utf8',
      maxBuffer: 1 << 24,
    }),
  );
  const checked = (run: ReturnType<typeof spawnSync>) => {
    if (run.status !== 1 && run.status !== 0)
      throw new Error(`impact exited ${run.status}: ${String(run.stderr)}`);
    const out = JSON.parse(String(run.stdout)) as {
      lines: number;
      addresses: number;
      denied: number;
    };
    if (out.lines !== LINES || out.addresses !== LINES || out.denied !== expectedDenied) {
      throw new Error(
        `impact miscounted: ${JSON.stringify(out)} (expected ${expectedDenied} denied)`,
      );
    }
    return out;
  };
  checked(cold.value);
  const stats = checked(impact.value);

  const perSecond = (ms: number) => LINES / (ms / 1000);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const scanMs = Math.max(1, impact.ms - startup.ms);
  console.log(
    `log: ${fmt(LINES)} lines; list: 1,000 entries; denied ${fmt(stats.denied)} (checked against the generator)`,
  );
  console.log(
    `baseline bare line count (in process):  ${baseline.ms.toFixed(0)} ms  ${fmt(perSecond(baseline.ms))} lines/s`,
  );
  console.log(
    `allowlist impact end to end (process):  ${impact.ms.toFixed(0)} ms  ${fmt(perSecond(impact.ms))} lines/s  ${(baseline.ms / impact.ms).toFixed(2)}x of baseline`,
  );
  console.log(
    `  of which process start ~${startup.ms.toFixed(0)} ms (allowlist --help); list load + scan ~${fmt(perSecond(scanMs))} lines/s`,
  );
  console.log(
    `first run with an empty compile cache:  ${cold.ms.toFixed(0)} ms  ${fmt(perSecond(cold.ms))} lines/s (not the figure judged)`,
  );
  console.log(
    `RESULT ${JSON.stringify({ name: 'allowlist impact end to end vs bare line count', ratio: baseline.ms / impact.ms, value: perSecond(impact.ms), unit: 'lines/s', targetValue: 5_000_000 })}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
