import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { readLogCounts, startLogScan } from '../../../cli/log-scan.ts';
import type { LogCounts } from '../../../shared/log/scanner.ts';

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

  it('fails on a corrupt gzip stream instead of counting its bytes', async () => {
    const gz = gzipSync('192.0.2.1 a\n'.repeat(1000));
    writeFileSync(join(dir, 'broken.log.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
    await expect(readLogCounts(join(dir, 'broken.log.gz'))).rejects.toMatchObject({
      code: expect.stringMatching(/^Z_/),
    });
  });
});
