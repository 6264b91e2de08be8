import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createImportRunner } from '../electron/core/import-runner.ts';
import { importBytes } from '../shared/import/index.ts';
import { barePass } from './bare-pass.js';
import { CPU_AT_EXIT, inTurns, median as medianOf, reportedCpuMs } from './turns.ts';

// The compile cache, as the `allowlist` bin turns it on for the CLI: the app's import worker,
// started by import-runner, then runs from source with it too (the packaged app runs a bundle).
enableCompileCache();

/**
 * Import speed: a 100,000-row Shift_JIS CSV against a bare read + decode + split + regex pass over
 * the same file (bench/bare-pass.js), in the same run (goal: within 10x, i.e. ratio >= 0.1), each
 * measured like for like: `allowlist import FILE --json` end to end (a child process: start-up,
 * validation and output included) against the bare pass as a process of its own; the app's
 * import worker (electron/core/import-runner.ts starting import-worker.ts in a real worker thread,
 * as the app does: bytes in, the result checked and out) against the bare pass in a new worker
 * thread; importBytes in process against the pass in process. The ratios of the CLI and the
 * worker against the pass in process (no start-up) are printed too, informational. Subject and
 * baselines run in turns, 7 rounds, medians. A 100,000-row XLSX: time and peak memory, in a child
 * process of its own. CPU times (all threads) are printed beside the wall-clock ratios, for
 * reading them on a loaded machine.
 *
 * Run alone with `node bench/import.bench.ts`, or through `npm run bench`.
 */
const ROWS = 100_000;
const self = fileURLToPath(import.meta.url);
const root = join(dirname(self), '..');

if (process.argv[2] === '--xlsx-child') {
  const file = process.argv[3] ?? '';
  const started = performance.now();
  const result = await importBytes(new Uint8Array(readFileSync(file)), {
    limits: { maxEntries: ROWS },
  });
  const ms = performance.now() - started;
  const peakMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify({ ms, peakMb, entries: result.entries.length }));
  process.exit(0);
}

const MEMOS = ['東京本社', '大阪支店 3F', '名古屋営業所（髙橋）', 'VPN gateway', 'データセンター①'];
function address(i: number): string {
  return `${11 + (i >> 16)}.${(i >> 8) & 255}.${i & 255}.${(i % 4) * 16}`;
}

const dir = mkdtempSync(join(tmpdir(), 'import-bench-'));
try {
  const lines = ['"IP Address","CIDR","Memo"'];
  for (let i = 0; i < ROWS; i++)
    lines.push(
      `"${address(i)}","${i % 3 === 0 ? '' : 32 - (i % 4)}","${MEMOS[i % MEMOS.length]} ${i}"`,
    );
  const csvPath = join(dir, 'list.csv');
  writeFileSync(csvPath, iconv.encode(`${lines.join('\r\n')}\r\n`, 'cp932'));

  const baseline = () => {
    const n = barePass(csvPath);
    if (n !== ROWS) throw new Error(`baseline matched ${n} rows`);
  };
  const full = async () => {
    const result = await importBytes(new Uint8Array(readFileSync(csvPath)), {
      limits: { maxEntries: ROWS },
    });
    if (result.entries.length !== ROWS)
      throw new Error(`import gave ${result.entries.length} entries`);
  };
  /** This process's CPU time (user + system, all threads) in ms, per run: the median is kept. */
  const cpuTimes = new Map<unknown, number>();
  const median = async (fn: () => unknown, runs: number) => {
    const times: number[] = [];
    const cpus: number[] = [];
    await fn(); // warm-up
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
      const used = process.cpuUsage(c);
      cpus.push((used.user + used.system) / 1000);
    }
    times.sort((a, b) => a - b);
    cpus.sort((a, b) => a - b);
    cpuTimes.set(fn, cpus[Math.floor(cpus.length / 2)] ?? 0);
    return times[Math.floor(times.length / 2)] ?? 0;
  };
  const validated = async () => {
    const result = await importBytes(new Uint8Array(readFileSync(csvPath)), {
      limits: { maxEntries: ROWS },
      validate: true,
    });
    if (result.entries.length !== ROWS)
      throw new Error(`import gave ${result.entries.length} entries`);
  };
  const base = await median(baseline, 9);
  const imp = await median(full, 5);
  const withValidation = await median(validated, 3);
  const baseCpu = cpuTimes.get(baseline) ?? 0;
  console.log(
    `100,000-row Shift_JIS CSV: bare read+decode+split+regex ${base.toFixed(0)} ms (baseline; CPU ${baseCpu.toFixed(0)} ms)`,
  );
  console.log(
    `100,000-row Shift_JIS CSV: importBytes end to end       ${imp.toFixed(0)} ms  (${(imp / base).toFixed(1)}x the baseline)`,
  );
  console.log(
    `  same, with validate: true (full validateConfig by row)  ${withValidation.toFixed(0)} ms  (${(withValidation / base).toFixed(1)}x; informational)`,
  );
  console.log(
    `RESULT ${JSON.stringify({ name: 'import 100k-row Shift_JIS CSV in process (baseline/import; >= 0.1 = within 10x)', ratio: base / imp, target: 0.1 })}`,
  );

  // The CLI end to end, as a user runs it: exit 1 is expected (100,000 entries exceed the
  // service's limit of 1,000, reported as a problem), every row must be there.
  // Its CPU time (all threads) comes from a preload at exit.
  type Timed = { ms: number; cpu: number };
  /** This process's CPU time (all threads) since `c`, in ms. */
  const cpuSince = (c: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(c);
    return (used.user + used.system) / 1000;
  };
  const inProcess = async (): Promise<Timed> => {
    const c = process.cpuUsage();
    const t = performance.now();
    baseline();
    return { ms: performance.now() - t, cpu: cpuSince(c) };
  };
  /**
   * The lines of a subject run in turns with its like (the bare pass `as` a process, in a worker)
   * and the pass in process: the goal against its like, the ratio to the pass in process
   * informational.
   */
  const report = (
    subject: { label: string; name: string; short: string; includes: string; t: Timed },
    like: { as: string; t: Timed },
    pass: Timed,
  ) => {
    const { t } = subject;
    console.log(
      `100,000-row Shift_JIS CSV: the bare pass ${like.as.padEnd(14)}  ${like.t.ms.toFixed(0)} ms (CPU ${like.t.cpu.toFixed(0)} ms); in process beside it ${pass.ms.toFixed(0)} ms`,
    );
    console.log(
      `100,000-row Shift_JIS CSV: ${subject.label.padEnd(30)} ${t.ms.toFixed(0)} ms  (${(t.ms / like.t.ms).toFixed(1)}x the bare pass ${like.as}; ${subject.includes}; CPU ${t.cpu.toFixed(0)} ms = ${(t.cpu / like.t.cpu).toFixed(1)}x its; ${(t.ms / pass.ms).toFixed(1)}x the pass in process, informational)`,
    );
    const name = `import 100k-row Shift_JIS CSV, ${subject.name}`;
    console.log(
      `RESULT ${JSON.stringify({ name: `${name} (bare pass ${like.as}/${subject.short})`, ratio: like.t.ms / t.ms, target: 0.1 })}`,
    );
    console.log(
      `RESULT ${JSON.stringify({ name: `${name} (bare pass in process/${subject.short}, informational)`, ratio: pass.ms / t.ms })}`,
    );
  };
  /**
   * Each of `runs` (after a warm-up round: the compile cache, the file in the page cache) timed
   * `rounds` times, one after another in each round: medians of time and CPU time, so that ratios
   * compare the same moments of a machine whose speed drifts.
   */
  const rounds = async <K extends string>(
    runs: Record<K, () => Promise<Timed>>,
    count: number,
  ): Promise<Record<K, Timed>> => {
    const seen = await inTurns(runs, count, { warmUp: true });
    return Object.fromEntries(
      Object.entries<Timed[]>(seen).map(([name, s]) => [
        name,
        { ms: medianOf(s.map((r) => r.ms)), cpu: medianOf(s.map((r) => r.cpu)) },
      ]),
    ) as Record<K, Timed>;
  };
  const spawnTimed = (args: string[]) => {
    const started = performance.now();
    const r = spawnSync(process.execPath, ['--import', CPU_AT_EXIT, ...args], {
      maxBuffer: 1 << 28,
    });
    const ms = performance.now() - started;
    if (r.status === null) throw new Error(`${args.join(' ')} was killed (${r.signal})`);
    const cpu = reportedCpuMs(r.stderr.toString('utf8'));
    return { ms, cpu, stdout: r.stdout };
  };
  // The bare pass as a command of its own (node start-up included), like the CLI.
  const bareProcess = async (): Promise<Timed> => {
    const r = spawnTimed([join(root, 'bench', 'bare-pass.js'), csvPath]);
    if (Number(r.stdout.toString('utf8')) !== ROWS) throw new Error('the bare pass process failed');
    return r;
  };

  // Timed: the command, until it exits (what its user waits for); the check of its output, a
  // JSON.parse of 8 MB in this process, comes after.
  const cliRun = async (): Promise<Timed> => {
    const r = spawnTimed([join(root, 'cli', 'bin', 'allowlist.js'), 'import', csvPath, '--json']);
    const out = JSON.parse(r.stdout.toString('utf8')) as { entries: unknown[] };
    if (out.entries.length !== ROWS) throw new Error(`the CLI gave ${out.entries.length} entries`);
    return r;
  };
  const c = await rounds({ inProcess, bareProcess, cliRun }, 7);
  report(
    {
      label: 'allowlist import --json',
      name: 'CLI end to end --json',
      short: 'CLI',
      includes: 'node start-up and output included',
      t: c.cliRun,
    },
    { as: 'as a process', t: c.bareProcess },
    c.inProcess,
  );

  // The app's import worker, as the app runs it: import-runner starts import-worker.ts in a real
  // worker thread (its start-up included), sends the file's bytes and checks the result.
  const runner = createImportRunner({
    workerUrl: pathToFileURL(join(root, 'electron', 'core', 'import-worker.ts')),
  });
  const csvBytes = new Uint8Array(readFileSync(csvPath));
  let job = 0;
  const workerRun = async (): Promise<Timed> => {
    job += 1;
    const c = process.cpuUsage();
    const started = performance.now();
    const out = await runner.run(`bench-${job}`, 'list.csv', csvBytes, {}, () => undefined);
    const ms = performance.now() - started;
    // The app's import reports entries over the service's limit as a problem; all are there.
    if ('canceled' in out || out.entries.length !== ROWS)
      throw new Error('the import worker did not give every row');
    return { ms, cpu: cpuSince(c) };
  };
  // The bare pass in a new worker thread (its start-up included), like the app's import worker.
  const bareWorker = async (): Promise<Timed> => {
    const c = process.cpuUsage();
    const started = performance.now();
    const n = await new Promise<unknown>((resolve, reject) => {
      const w = new Worker(new URL('./bare-pass.js', import.meta.url), {
        workerData: { barePass: csvPath },
      });
      w.once('message', (m) => {
        resolve(m);
        void w.terminate();
      });
      w.once('error', reject);
    });
    const ms = performance.now() - started;
    if (n !== ROWS) throw new Error('the bare pass worker failed');
    return { ms, cpu: cpuSince(c) };
  };
  const w = await rounds({ inProcess, bareWorker, workerRun }, 7);
  report(
    {
      label: "the app's import worker",
      name: "the app's import worker",
      short: 'worker',
      includes: "thread start-up and the result's check included",
      t: w.workerRun,
    },
    { as: 'in a worker', t: w.bareWorker },
    w.inProcess,
  );

  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('IP addresses');
  ws.addRow(['IP Address', 'CIDR', 'Memo']);
  for (let i = 0; i < ROWS; i++)
    ws.addRow([address(i), i % 3 === 0 ? null : 32 - (i % 4), `${MEMOS[i % MEMOS.length]} ${i}`]);
  const xlsxPath = join(dir, 'list.xlsx');
  writeFileSync(xlsxPath, new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer));
  const child = spawnSync(process.execPath, [self, '--xlsx-child', xlsxPath], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`xlsx child failed: ${child.stderr}`);
  const x = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '{}') as {
    ms: number;
    peakMb: number;
    entries: number;
  };
  if (x.entries !== ROWS) throw new Error(`xlsx import gave ${x.entries} entries`);
  const size = readFileSync(xlsxPath).length / 1048576;
  console.log(
    `100,000-row XLSX (${size.toFixed(1)} MB): importBytes ${x.ms.toFixed(0)} ms (${(x.ms / base).toFixed(1)}x the CSV baseline), peak RSS ${x.peakMb.toFixed(0)} MB`,
  );
  console.log(
    `RESULT ${JSON.stringify({ name: 'import 100k-row XLSX (CSV baseline/xlsx time; peak RSS)', ratio: base / x.ms, value: x.peakMb, unit: 'MB peak RSS' })}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
