import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { scanChunks, scanRange } from '../../../cli/log-range.ts';
import { readLogCounts, startLogScan } from '../../../cli/log-scan.ts';
import { compileConfig } from '../../../shared/allowlist/match.ts';
import { formatIPv4 } from '../../../shared/ip/ipv4.ts';
import type { LogCounts } from '../../../shared/log/scanner.ts';
import { summarizeCounts } from '../../../shared/log/summary.ts';

const dir = mkdtempSync(join(tmpdir(), 'log-scan-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The counts as plain data: totals and a sorted "address -> count" list. */
const plain = (c: LogCounts) => {
  const table: [number, number][] = [];
  c.table.forEach((k, n) => table.push([k, n]));
  table.sort((a, b) => a[0] - b[0]);
  return {
    lines: c.lines,
    addresses: c.addresses,
    overlongLines: c.overlongLines,
    delimiter: c.delimiter,
    table,
  };
};

const logLine = fc.oneof(
  fc
    .tuple(fc.nat(255), fc.nat(3), fc.nat(255), fc.nat(255))
    .map((o) => `${o.join('.')} - - [24/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1`),
  fc.constantFrom('', 'no address here', '  8.8.8.8 late', 'x'.repeat(40)),
);

describe('readLogCounts', () => {
  it('split across worker threads at line boundaries counts exactly what one thread does (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(logLine, { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        async (lines, lastNewline) => {
          const path = join(dir, 'split.log');
          writeFileSync(path, lines.join('\n') + (lastNewline ? '\n' : ''));
          const one = await readLogCounts(path, { threads: 1, chunkBytes: 16, maxLineBytes: 30 });
          const many = await readLogCounts(path, {
            threads: 3,
            parallelMinBytes: 0,
            chunkBytes: 16,
            maxLineBytes: 30,
            delimiter: 'combined',
          });
          expect(plain(many)).toEqual({ ...plain(one), delimiter: 'combined' });
        },
      ),
      { numRuns: 6 },
    );
    // Each run starts real worker threads: a generous ceiling for a loaded machine, not a timing.
  }, 120_000);

  it('judges the same, and exactly, read whole, split across a worker, as gzip and from stdin (property)', async () => {
    const pool = [0, 0xffffffff, 0xc0000201, 0xc00002ff, 0xc0000300, 0x0a0affff, 0x0a0b0000];
    const entry = fc
      .tuple(fc.constantFrom(...pool), fc.constantFrom(0, 8, 15, 16, 23, 24, 31, 32))
      .map(([a, cidr]) => ({ ip: formatIPv4(a), cidr, memo: '' }));
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(1, 2, 3, 1023, 1024)), {
          minLength: 1,
          maxLength: 12,
        }),
        fc.boolean(),
        fc.array(entry, { maxLength: 4 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 16, max: 4096 }),
        async (runs, csv, entries, k, chunkBytes) => {
          const line = (a: number) => (csv ? `09:00,${formatIPv4(a)},ok` : `${formatIPv4(a)} - -`);
          const head = csv ? 'time,client,status\n' : 'no address\n';
          const text = head + runs.map(([a, n]) => `${line(a)}\n`.repeat(n)).join('');
          const path = join(dir, 'judged.log');
          writeFileSync(path, text);
          writeFileSync(`${path}.gz`, gzipSync(text));
          const options = csv ? { column: 2 } : {};
          const list = compileConfig({ mode: 'ALLOW_SPECIFIC', entries });

          // The reference: a Map of counts, membership by each entry's network as written.
          const counts = new Map<number, number>();
          for (const [a, n] of runs) counts.set(a, (counts.get(a) ?? 0) + n);
          const allows = (a: number) =>
            entries.some(({ ip, cidr }) => {
              const shift = BigInt(32 - cidr);
              const net = ip.split('.').reduce((v, o) => (v << 8n) | BigInt(o), 0n);
              return BigInt(a) >> shift === net >> shift;
            });
          const denied = [...counts].filter(([a]) => !allows(a));
          denied.sort((x, y) => y[1] - x[1] || x[0] - y[0]);
          const deniedLines = denied.reduce((t, [, n]) => t + n, 0);
          const total = runs.reduce((t, [, n]) => t + n, 0);
          const want = {
            lines: total + 1,
            addresses: total,
            allowed: total - deniedLines,
            denied: deniedLines,
            uniqueDenied: denied.length,
            topDenied: denied.slice(0, k).map(([a, count]) => ({ ip: formatIPv4(a), count })),
          };

          const stdin = async function* () {
            const b = new TextEncoder().encode(text);
            for (let i = 0; i < b.length; i += chunkBytes) yield b.subarray(i, i + chunkBytes);
          };
          const ways = [
            await readLogCounts(path, { ...options, threads: 1, chunkBytes }),
            await readLogCounts(path, { ...options, threads: 2, parallelMinBytes: 0, chunkBytes }),
            await readLogCounts(`${path}.gz`, options),
            await readLogCounts('-', { ...options, stdin: stdin() }),
          ];
          for (const counts of ways) expect(summarizeCounts(counts, list, k)).toMatchObject(want);
        },
      ),
      { numRuns: 8 },
    );
    // Each run starts a worker thread: a generous ceiling for a loaded machine, not a timing.
  }, 120_000);

  it('split across workers, decides the delimiter by the first line within the cap, as one thread does', async () => {
    // The first line is over the cap: one thread skips it unread, so it decides nothing; the
    // split read once took its commas and read field 2 of "x 192.0.2.1 y" as comma-separated.
    const path = join(dir, 'long-first.log');
    writeFileSync(path, 'a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p\n' + 'x 192.0.2.1 y\n'.repeat(50));
    const options = { column: 2, maxLineBytes: 30, chunkBytes: 64 };
    const one = await readLogCounts(path, { ...options, threads: 1 });
    expect(plain(one)).toMatchObject({ lines: 51, addresses: 50, overlongLines: 1 });
    expect(plain(one).delimiter).toBe('space');
    const many = await readLogCounts(path, { ...options, threads: 2, parallelMinBytes: 0 });
    expect(plain(many)).toEqual(plain(one));
  }, 60_000);

  it('reads a CRLF log whose first line is blank with the same delimiter on one thread and on several', async () => {
    const path = join(dir, 'crlf.csv');
    writeFileSync(path, '\r\ntime,client\r\n' + '09:00,192.0.2.1\r\n'.repeat(40));
    const one = await readLogCounts(path, { column: 2, threads: 1 });
    const many = await readLogCounts(path, {
      column: 2,
      threads: 2,
      parallelMinBytes: 0,
      chunkBytes: 64,
    });
    expect(plain(one)).toMatchObject({ lines: 42, addresses: 40, delimiter: 'comma' });
    expect(plain(many)).toEqual(plain(one));
  }, 60_000);

  it('started and then cancelled (the list failed to load), stops its workers instead of finishing', async () => {
    const path = join(dir, 'cancel.log');
    writeFileSync(path, '192.0.2.1 a\n'.repeat(20_000));
    const scan = startLogScan(path, { threads: 3, parallelMinBytes: 0, chunkBytes: 1024 });
    scan.cancel();
    await expect(scan.counts()).rejects.toThrow(/log worker exited/);
    // Not cancelled, the same start counts every line.
    const whole = await startLogScan(path, { threads: 3, parallelMinBytes: 0 }).counts();
    expect(whole).toMatchObject({ lines: 20_000, addresses: 20_000 });
  }, 60_000);

  it('starts its workers through the compile cache when the process has one, counting the same', () => {
    const path = join(dir, 'cached.log');
    writeFileSync(path, '192.0.2.1 a\n198.51.100.7 b\n192.0.2.1 c\n'.repeat(50));
    // A process of its own (as the `allowlist` bin runs): the test runner's process keeps no cache.
    const script = [
      `import module from 'node:module';`,
      `module.enableCompileCache(${JSON.stringify(join(dir, 'cache'))});`,
      `const { readLogCounts } = await import(${JSON.stringify(new URL('../../../cli/log-scan.ts', import.meta.url).href)});`,
      `const c = await readLogCounts(${JSON.stringify(path)}, { threads: 2, parallelMinBytes: 0 });`,
      `const t = []; c.table.forEach((k, n) => t.push([k, n])); t.sort((a, b) => a[0] - b[0]);`,
      `console.log(JSON.stringify({ lines: c.lines, addresses: c.addresses, t }));`,
    ].join('\n');
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      encoding: 'utf8',
    });
    expect(child.stderr).toBe('');
    expect(JSON.parse(child.stdout)).toEqual({
      lines: 150,
      addresses: 150,
      t: [
        [0xc0000201, 100],
        [0xc6336407, 50],
      ],
    });
  }, 60_000);

  it('reads gzip by its bytes whatever the name, and stdin given as "-"', async () => {
    const text = '192.0.2.1 a\n192.0.2.1 b\n8.8.8.8 c\nnone\n';
    writeFileSync(join(dir, 'plain.log'), text);
    writeFileSync(join(dir, 'rotated.log'), gzipSync(text)); // gzip without a .gz name
    const expected = plain(await readLogCounts(join(dir, 'plain.log')));
    expect(expected).toMatchObject({ lines: 4, addresses: 3 });
    expect(plain(await readLogCounts(join(dir, 'rotated.log')))).toEqual(expected);
    // stdin delivering one byte at a time, plain and gzip.
    const bytesOf = async function* (b: Uint8Array) {
      for (let i = 0; i < b.length; i++) yield b.subarray(i, i + 1);
    };
    const enc = new TextEncoder().encode(text);
    expect(plain(await readLogCounts('-', { stdin: bytesOf(enc) }))).toEqual(expected);
    expect(plain(await readLogCounts('-', { stdin: bytesOf(gzipSync(text)) }))).toEqual(expected);
  });

  it('fails when the file is shorter than it was when the scan began (truncated while read), instead of counting part of it', () => {
    // A log rotated by copytruncate while it is read: the file had `size` bytes when opened.
    const path = join(dir, 'truncated.log');
    writeFileSync(path, '192.0.2.1 a\n'.repeat(10)); // 120 bytes
    const size = 1000;
    const shrank = { code: 'LOG_SHRANK', at: 120, size };
    expect(() => scanRange({ path, start: 0, end: size, chunkBytes: 16, options: {} })).toThrow(
      expect.objectContaining(shrank),
    );
    const claims = new SharedArrayBuffer(4);
    new Int32Array(claims)[0] = 1;
    const job = {
      path,
      size,
      chunkBytes: 64,
      thread: 0,
      claims,
      options: { delimiter: 'space' as const },
    };
    expect(() => scanChunks(job)).toThrow(expect.objectContaining({ code: 'LOG_SHRANK' }));
  });

  it('fails on a corrupt gzip stream instead of counting its bytes', async () => {
    const gz = gzipSync('192.0.2.1 a\n'.repeat(1000));
    writeFileSync(join(dir, 'broken.log.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(readLogCounts(join(dir, 'broken.log.gz'))).rejects.toMatchObject({
      code: expect.stringMatching(/^Z_/),
    });
  });
});
