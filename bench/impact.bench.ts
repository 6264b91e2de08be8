import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
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
import ipaddr from 'ipaddr.js';
import { formatIPv4 } from '../shared/ip/ipv4.ts';
import { CPU_AT_EXIT, inTurns, median, reportedCpuMs } from './turns.ts';

/**
 * `allowlist impact` end to end (a child process, as an admin runs it) on generated access logs
 * with 1,000 entries, against, in the same run:
 * - grepcidr (`grepcidr -c -f cidrs.txt log`, the C tool admins use): goal >= 3x its lines/s, on a
 *   log with ~30k and one with ~1M distinct addresses, counting the same allowed lines;
 * - a naive ipaddr.js loop end to end (bench/naive-impact.ts, a process: read lines, regex,
 *   ipaddr.parse, `match` against every entry, count distinct denied): goal >= 100x;
 * - peak memory (RSS of the process and its worker threads), against the stated bound.
 * impact, grepcidr and the naive loop run in turns, 7 rounds, medians (`inTurns`). Skipped, saying
 * so, when grepcidr is not installed (the bench installs nothing).
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const bin = join(root, 'cli', 'bin', 'allowlist.js');
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
const result = (r: Record<string, unknown>) => console.log(`RESULT ${JSON.stringify(r)}`);

// mulberry32: a small seeded generator with good low bits.
let state = 7;
const rand = (n: number) => {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
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
  const listPath = join(dir, 'list.json');
  writeFileSync(listPath, JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries }));
  const cidrsPath = join(dir, 'cidrs.txt');
  writeFileSync(cidrsPath, entries.map((e) => `${e.ip}/${e.cidr ?? 32}\n`).join(''));
  const inside = Array.from({ length: 5000 }, () => {
    const e = entries[rand(entries.length)] as { ip: string; cidr: number | null };
    const v = e.ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
    return formatIPv4(e.cidr === null ? v : v + rand(256));
  });

  /** A combined-format access log: `deniedShare` of the lines from a pool of `pool` outsiders. */
  const makeLog = (name: string, lines: number, pool: number, deniedShare: number) => {
    const outside = Array.from({ length: pool }, () =>
      formatIPv4(((220 + rand(3)) * 256 + rand(256)) * 65536 + rand(65536)),
    );
    const path = join(dir, name);
    const fd = openSync(path, 'w');
    const paths = ['/k/v1/records.json', '/k/#/space/12', '/login', '/api/v1/app.json?id=42'];
    let chunk: string[] = [];
    for (let i = 0; i < lines; i += 1) {
      const ip =
        rand(1000) < deniedShare * 1000
          ? (outside[rand(pool)] as string)
          : (inside[rand(inside.length)] as string);
      chunk.push(
        `${ip} - - [24/Nov/2026:09:00:${String(i % 60).padStart(2, '0')} +0900] "GET ${paths[i % 4]} HTTP/1.1" 200 ${100 + (i % 9000)} "-" "Mozilla/5.0"\n`,
      );
      if (chunk.length === 50000) {
        writeSync(fd, chunk.join(''));
        chunk = [];
      }
    }
    writeSync(fd, chunk.join(''));
    closeSync(fd);
    return path;
  };

  const best = <T>(runs: number, fn: () => T) => {
    let ms = Infinity;
    let value: T | undefined;
    for (let i = 0; i < runs; i += 1) {
      const start = performance.now();
      const v = fn();
      const t = performance.now() - start;
      if (t < ms) [ms, value] = [t, v];
    }
    return { ms, value: value as T };
  };
  const ROUNDS = 7;
  const grepcidr = spawnSync('grepcidr', ['-V'], { encoding: 'utf8' });
  const haveGrepcidr = grepcidr.error === undefined;
  if (!haveGrepcidr) console.log('grepcidr is not installed: the grepcidr ratios are skipped.');
  // Peak RSS of the CLI process (threads included), reported by a preload at exit.
  const rssPreload =
    'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss_kb="+process.resourceUsage().maxRSS+"\\n"))';
  const peakMb = (args: string[]) => {
    const r = spawnSync(node, ['--import', rssPreload, bin, ...args], { encoding: 'utf8' });
    return Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1]) / 1024;
  };
  // CPU time (user + system, all threads), for reading the wall-clock ratios on a loaded machine:
  // the CLI's from a preload at exit, grepcidr's from GNU time when it is installed.
  const cliCpuMs = (args: string[]) => {
    const r = spawnSync(node, ['--import', CPU_AT_EXIT, bin, ...args], { encoding: 'utf8' });
    return reportedCpuMs(r.stderr);
  };
  const grepCpuMs = (args: string[]) => {
    const r = spawnSync('/usr/bin/time', ['-f', 'cpu_s=%U %S', 'grepcidr', ...args], {
      encoding: 'utf8',
    });
    const m = /cpu_s=([\d.]+) ([\d.]+)/.exec(r.stderr ?? '');
    return m ? (Number(m[1]) + Number(m[2])) * 1000 : NaN;
  };
  const oneLine = join(dir, 'one-line.log');
  writeFileSync(oneLine, '192.0.2.1 - - [24/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1\n');
  const baselineMb = peakMb(['impact', '--list', listPath, '--log', oneLine, '--json']);

  for (const [label, lines, pool, share] of [
    ['~30k distinct', 2_000_000, 25_000, 0.4],
    ['~1M distinct', 3_000_000, 2_000_000, 0.5],
  ] as const) {
    const logPath = makeLog(`${label.replace(/\W+/g, '')}.log`, lines, pool, share);
    const args = ['impact', '--list', listPath, '--log', logPath, '--json'];
    // The naive baseline end to end: bench/naive-impact.ts as a process of its own (read lines,
    // regex, ipaddr.parse, match against each range, count allowed, denied and distinct denied),
    // as impact runs. Far too slow for the whole log: run on its first 200,000 lines, where its
    // per-line cost dominates its start-up; its counts are checked against impact's on that file.
    const naiveLines = 200_000;
    const prefixPath = join(dir, 'naive-prefix.log');
    const withNaive = label === '~30k distinct';
    if (withNaive) {
      const fd = openSync(logPath, 'r');
      const buf = Buffer.alloc(64 * 1024 * 1024);
      const n = readSync(fd, buf, 0, buf.length, 0);
      closeSync(fd);
      let end = -1;
      for (let i = 0; i < naiveLines; i += 1) end = buf.indexOf(10, end + 1);
      if (end < 0 || end >= n) throw new Error('the log is shorter than the naive prefix');
      writeFileSync(prefixPath, buf.subarray(0, end + 1));
    }
    const naiveScript = join(root, 'bench', 'naive-impact.ts');
    // impact, grepcidr and the naive loop in turns (ROUNDS rounds): each one's median time and
    // its first run's result.
    const timed = (command: () => SpawnSyncReturns<string>) => () => {
      const start = performance.now();
      const value = command();
      return { ms: performance.now() - start, value };
    };
    const none = () => undefined;
    const turns = await inTurns(
      {
        impact: timed(() =>
          spawnSync(node, [bin, ...args], { encoding: 'utf8', maxBuffer: 1 << 24 }),
        ),
        grep: haveGrepcidr
          ? timed(() =>
              spawnSync('grepcidr', ['-c', '-f', cidrsPath, logPath], { encoding: 'utf8' }),
            )
          : none,
        naive: withNaive
          ? timed(() => spawnSync(node, [naiveScript, listPath, prefixPath], { encoding: 'utf8' }))
          : none,
      },
      ROUNDS,
    );
    const run = (name: keyof typeof turns) => {
      const runs = turns[name].filter((r) => r !== undefined);
      const first = runs[0];
      if (first === undefined) throw new Error(`no runs of ${name}`);
      return { ms: median(runs.map((r) => r.ms)), value: first.value };
    };
    const impact = run('impact');
    if (impact.value.status !== 0 && impact.value.status !== 1)
      throw new Error(`impact exited ${impact.value.status}: ${impact.value.stderr}`);
    const stats = JSON.parse(impact.value.stdout) as {
      lines: number;
      allowed: number;
      denied: number;
      uniqueDenied: number;
    };
    if (stats.lines !== lines) throw new Error(`impact counted ${stats.lines} lines`);
    const perSecond = lines / (impact.ms / 1000);
    console.log(
      `${label}: ${fmt(lines)} lines, ${fmt(stats.uniqueDenied)} distinct denied; allowlist impact ${impact.ms.toFixed(0)} ms = ${fmt(perSecond)} lines/s`,
    );

    if (haveGrepcidr) {
      const grep = run('grep');
      const count = Number(grep.value.stdout.trim());
      if (count !== stats.allowed)
        throw new Error(`grepcidr counted ${count} allowed lines, impact ${stats.allowed}`);
      console.log(
        `  grepcidr -c: ${grep.ms.toFixed(0)} ms = ${fmt(lines / (grep.ms / 1000))} lines/s, ${fmt(count)} allowed lines (the same count)`,
      );
      result({ name: `impact vs grepcidr, ${label}`, ratio: grep.ms / impact.ms, target: 3 });
      const cpuImpact = cliCpuMs(args);
      const cpuGrep = grepCpuMs(['-c', '-f', cidrsPath, logPath]);
      console.log(
        `  CPU time (informational): impact ${fmt(cpuImpact)} ms, grepcidr ${Number.isNaN(cpuGrep) ? 'n/a (no GNU time)' : `${fmt(cpuGrep)} ms (${(cpuGrep / cpuImpact).toFixed(2)}x)`}`,
      );
    } else {
      result({ name: `impact vs grepcidr, ${label}`, skipped: 'grepcidr is not installed' });
    }

    // Memory, the stated bound: the same command on a one-line log (code and list loaded, one
    // thread), plus a second thread's own heap and modules (48 MB), plus per thread the scanner's
    // input room (a 4 MB read and one 64 KB line) and a count table of at most 48 bytes per
    // distinct address (while it doubles; once judged, 32 + 8 for the denied ones written out),
    // plus a worker's table packed and copied out to this thread (8 bytes per distinct address),
    // plus 16 MB slack.
    const distinct = stats.uniqueDenied + inside.length;
    const threads = 2;
    const perDistinct = (48 * threads + 8 * (threads - 1)) / 1048576;
    const boundMb =
      baselineMb + 48 * (threads - 1) + threads * (4 + 1 / 16) + perDistinct * distinct + 16;
    const peak = peakMb(args);
    console.log(
      `  peak RSS ${peak.toFixed(0)} MB (on a one-line log ${baselineMb.toFixed(0)} MB; stated bound ${boundMb.toFixed(0)} MB)`,
    );
    result({ name: `impact peak memory, ${label}`, value: peak, unit: 'MB', maxValue: boundMb });

    if (withNaive) {
      const naive = run('naive');
      if (naive.value.status !== 0) throw new Error(`naive loop failed: ${naive.value.stderr}`);
      const naiveStats = JSON.parse(naive.value.stdout) as typeof stats;
      const check = spawnSync(
        node,
        [bin, 'impact', '--list', listPath, '--log', prefixPath, '--json'],
        { encoding: 'utf8' },
      );
      const checkStats = JSON.parse(check.stdout) as typeof stats;
      for (const key of ['lines', 'allowed', 'denied', 'uniqueDenied'] as const)
        if (naiveStats[key] !== checkStats[key])
          throw new Error(`naive ${key} ${naiveStats[key]}, impact ${checkStats[key]}`);
      const naivePerSecond = naiveLines / (naive.ms / 1000);
      console.log(
        `  naive ipaddr.js loop end to end (a process on the first ${fmt(naiveLines)} lines, the same counts): ${fmt(naivePerSecond)} lines/s`,
      );
      result({
        name: 'impact vs naive ipaddr.js loop (end to end)',
        ratio: perSecond / naivePerSecond,
        target: 100,
      });

      // Informational: the previous in-process form of the naive loop (a warm JIT, the first
      // 20,000 lines already in memory, no distinct counting), for comparison with earlier runs.
      const parsed = entries.map((e) => [ipaddr.IPv4.parse(e.ip), e.cidr ?? 32] as const);
      const inProcess = best(2, () => {
        const fd = openSync(logPath, 'r');
        const buf = Buffer.alloc(4 * 1024 * 1024);
        const n = readSync(fd, buf, 0, buf.length, 0);
        closeSync(fd);
        const text = buf.subarray(0, n).toString('latin1').split('\n').slice(0, 20000);
        let allowed = 0;
        for (const line of text) {
          const m = /(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})/.exec(line);
          if (!m || !ipaddr.IPv4.isValid(m[1] as string)) continue;
          const addr = ipaddr.IPv4.parse(m[1] as string);
          if (parsed.some(([net, prefix]) => addr.match(net, prefix))) allowed += 1;
        }
        return allowed;
      });
      const inProcessPerSecond = 20000 / (inProcess.ms / 1000);
      console.log(
        `  (informational) the same loop in this process on 20,000 lines held in memory: ${fmt(inProcessPerSecond)} lines/s (${(perSecond / inProcessPerSecond).toFixed(1)}x)`,
      );
      rmSync(prefixPath);
    }
    rmSync(logPath);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
