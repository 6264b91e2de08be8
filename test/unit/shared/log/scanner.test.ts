import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectDelimiter, type LogDelimiter } from '../../../../shared/log/fields.ts';
import { LogScanner, type LogScanOptions } from '../../../../shared/log/scanner.ts';
import { firstOctets, scanOracle } from '../../support/log-oracle.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const ip = (v: number) =>
  v < 0 ? null : [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');

/** The address the scanner reads from a one-line log, or null. */
const addressOf = (line: string, options: LogScanOptions = {}) => {
  const scanner = new LogScanner(options);
  scanner.push(bytes(line));
  const found: string[] = [];
  scanner.end().table.forEach((v) => found.push(ip(v) as string));
  expect(found.length).toBeLessThanOrEqual(1);
  return found[0] ?? null;
};
const first = (line: string) => addressOf(line);

/** Oracle: the first dotted quad not glued to other digits or dots (test/unit/support). */
const regexFirst = (s: string) => firstOctets(s)?.join('.') ?? null;

describe('the first address on a line', () => {
  it.each([
    ['203.0.113.7 - - [x] "GET /"', '203.0.113.7'],
    ['[client 192.0.2.1:443] x', '192.0.2.1'],
    ['1.2.3.4.5 then 9.9.9.9', '9.9.9.9'],
    ['999.1.1.1 then 8.8.8.8.', '8.8.8.8'],
    ['v1.2.3.4', '1.2.3.4'],
    ['no address', null],
    ['010.001.1.1 padded', '10.1.1.1'],
    ['1.2.3.4', '1.2.3.4'],
    ['255.255.255.255 x', '255.255.255.255'],
    ['1.2.3.256', null],
    ['1.2.3.2555', null],
    ['1.2.3.', null],
    ['1.2.3.4.', '1.2.3.4'],
    ['1.2.3.4..5', '1.2.3.4'],
    ['1.2.3.4\r', '1.2.3.4'],
    ['0.0.0.0', '0.0.0.0'],
    ['1234567890123456.1.1.1 2.2.2.2', '2.2.2.2'],
    ['1.1.1.1.1.1.1.1.1 3.3.3.3', '3.3.3.3'],
  ])('%s', (line, expected) => expect(first(line)).toBe(expected));

  it('agrees with a regex oracle, at the start of a line and after it (property)', () => {
    const chars = fc.constantFrom('1', '2', '5', '0', '9', '.', ' ', 'a', ':', '-', '\r');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (list) => {
        const s = list.join('');
        expect(first(s)).toBe(regexFirst(s));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('the address in a field', () => {
  const col = (s: string, column: number, delimiter: LogDelimiter) =>
    addressOf(s, { column, delimiter });

  it('comma: takes the whole CSV field, quotes and spaces aside', () => {
    expect(col('a,"192.0.2.1",c', 2, 'comma')).toBe('192.0.2.1');
    expect(col('a, 192.0.2.1 ,c', 2, 'comma')).toBe('192.0.2.1');
    expect(col('"x, y",192.0.2.1', 2, 'comma')).toBe('192.0.2.1');
    expect(col('a,192.0.2.1x,c', 2, 'comma')).toBe(null);
    expect(col('a,b', 3, 'comma')).toBe(null);
  });

  it('tab: fields between tabs; a comma inside a field is text', () => {
    expect(col('09:00\t192.0.2.1\t/a,b', 2, 'tab')).toBe('192.0.2.1');
    expect(col('x, 8.8.8.8\t192.0.2.1', 1, 'tab')).toBe(null);
    expect(col('a\t\t192.0.2.1', 3, 'tab')).toBe('192.0.2.1');
  });

  it('space: runs of blanks separate, quotes group words', () => {
    expect(col('Nov 24  sshd: 192.0.2.1 port', 4, 'space')).toBe('192.0.2.1');
    expect(col('"a b" 192.0.2.1', 2, 'space')).toBe('192.0.2.1');
  });

  it('combined: [time] and "request" are one field each; field 1 is the client', () => {
    const line =
      '203.0.113.9 - bob [24/Nov/2026:09:00:00 +0900] "GET /x?a=1.2.3.4 HTTP/1.1" 200 12 "-" "Mozilla/5.0 (X11; Linux)" 192.0.2.1';
    expect(col(line, 1, 'combined')).toBe('203.0.113.9');
    expect(col(line, 3, 'combined')).toBe(null);
    expect(col(line, 10, 'combined')).toBe('192.0.2.1');
    // As plain space-separated, the time's own space shifts the fields by one.
    expect(col(line, 10, 'space')).toBe(null);
    expect(col(line, 11, 'space')).toBe('192.0.2.1');
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['203.0.113.9 - - [24/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "A, B"', 'combined'],
    ['time\tclient\tpath,x', 'tab'],
    ['time,client,path', 'comma'],
    ['Nov 24 sshd[1]: from 192.0.2.1', 'space'],
  ])('%s -> %s', (line, d) => expect(detectDelimiter(bytes(line), 0, bytes(line).length)).toBe(d));
});

describe('LogScanner', () => {
  /** Counts as a map "a.b.c.d" -> n, the text pushed in chunks of `chunk` bytes. */
  const scan = (text: string, chunk: number, options = {}) => {
    const all = bytes(text);
    const scanner = new LogScanner(options);
    for (let i = 0; i < all.length; i += chunk) scanner.push(all.subarray(i, i + chunk));
    const { lines, addresses, table, overlongLines } = scanner.end();
    const counts = new Map<string, number>();
    table.forEach((v, n) => counts.set(ip(v) as string, n));
    return { lines, addresses, table: counts, overlongLines };
  };

  it('counts lines and addresses exactly across read-chunk boundaries (property)', () => {
    // Lines that start with an address (the fast path), that do not, and broken ones, cut by
    // reads of 1 to 40 bytes so that addresses and lines straddle chunk ends.
    const line = fc.oneof(
      fc
        .tuple(fc.nat(300), fc.nat(300), fc.nat(9), fc.nat(300))
        .chain((o) =>
          fc.constantFrom('', ' - - "GET /"', '\r', '.5', '5').map((t) => o.join('.') + t),
        ),
      fc
        .array(fc.constantFrom('1', '2', '5', '0', '9', '.', ' ', 'a', '\r'), { maxLength: 20 })
        .map((c) => c.join('')),
    );
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 12 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 40 }),
        (lines, lastNewline, chunk) => {
          const text = lines.join('\n') + (lastNewline && lines.length > 0 ? '\n' : '');
          expect(scan(text, chunk)).toEqual(scanOracle(text));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('skips and counts lines over the cap, wherever chunks cut them (property)', () => {
    const line = fc
      .array(fc.constantFrom('1', '9', '.', ' ', 'a', '192.0.2.1', '8.8.8.8 '), { maxLength: 8 })
      .map((c) => c.join(''));
    fc.assert(
      fc.property(
        fc.array(line, { maxLength: 10 }),
        fc.boolean(),
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 20 }),
        (lines, lastNewline, chunk, maxLineBytes) => {
          const text = lines.join('\n') + (lastNewline && lines.length > 0 ? '\n' : '');
          expect(scan(text, chunk, { maxLineBytes })).toEqual(scanOracle(text, maxLineBytes));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('keeps memory bounded on a long run without newlines: the carry never exceeds the cap', () => {
    const scanner = new LogScanner({ maxLineBytes: 1024 });
    const chunk = new Uint8Array(64 * 1024).fill(0x41);
    for (let i = 0; i < 256; i++) scanner.push(chunk); // 16 MB, one line
    scanner.push(bytes('\n192.0.2.1 ok\n'));
    const counts = scanner.end();
    expect(counts).toMatchObject({ lines: 2, addresses: 1, overlongLines: 1 });
    // The scanner's memory (its WebAssembly instance's: input room and table) stays what it was
    // given, not the 16 MB line.
    const memory = (scanner as unknown as { wasm: { memory: { buffer: ArrayBuffer } } }).wasm
      .memory;
    expect(memory.buffer.byteLength).toBeLessThan(1024 * 1024);
  });

  it('reads a column of each delimiter the same however the bytes are cut', () => {
    const logs: [LogDelimiter, string, number][] = [
      ['comma', 'time,client\n09:00,192.0.2.1\n09:01,"8.8.8.8"\n', 2],
      ['tab', 'time\tclient\n09:00\t192.0.2.1\n09:01\t8.8.8.8\n', 2],
      ['space', 'Nov 24 from 192.0.2.1\nNov 24 from 8.8.8.8\n', 4],
      [
        'combined',
        '192.0.2.1 - - [24/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1\n8.8.8.8 - - [24/Nov/2026:09:00:01 +0900] "GET / HTTP/1.1" 200 1\n',
        1,
      ],
    ];
    for (const [delimiter, text, column] of logs) {
      for (const chunk of [1, 3, 7, 1000]) {
        const r = scan(text, chunk, { column });
        expect(r.table, `${delimiter} chunk ${chunk}`).toEqual(
          new Map([
            ['192.0.2.1', 1],
            ['8.8.8.8', 1],
          ]),
        );
      }
    }
  });
});

describe('the count table', () => {
  it("adds another scanner's table exactly (worker threads) and refuses to wrap a count", () => {
    const lines = (from: number, step: number, n: number) =>
      Array.from({ length: n }, (_, i) => `${ip((from + i * step) * 7919)} x\n`).join('');
    const a = new LogScanner();
    const b = new LogScanner();
    a.push(bytes(lines(0, 1, 10_000)));
    const bLog = lines(0, 2, 5_000);
    for (let r = 0; r < 3; r++) b.push(bytes(bLog));
    a.absorb(b.end().table.slotArray());
    const counts = new Map<number, number>();
    const merged = a.end();
    merged.table.forEach((k, n) => counts.set(k, n));
    expect(counts.size).toBe(10_000);
    expect(merged.table.size).toBe(10_000);
    expect(counts.get(0)).toBe(4);
    expect(counts.get(7919)).toBe(1);
    expect(counts.get(2 * 7919)).toBe(4);

    // A table holding 4,294,967,295 lines of 192.0.2.1: one more line of it must not wrap to 0.
    const full = new LogScanner();
    full.push(bytes('192.0.2.1\n'));
    const slots = full.end().table.slotArray().slice();
    for (let i = 1; i < slots.length; i += 2) if (slots[i] === 1) slots[i] = 0xffffffff;
    const target = new LogScanner();
    target.absorb(slots);
    expect(target.end().table.size).toBe(1);
    const again = new LogScanner();
    again.push(bytes('192.0.2.1\n'));
    expect(() => again.absorb(slots)).toThrow(/4,294,967,295/);
  });

  it('grows from a few thousand to 300,000 distinct addresses without losing a count', () => {
    const scanner = new LogScanner({ inputBytes: 4096 });
    const line = (i: number) => `${ip(0x0b000000 + i * 13)}\n`;
    scanner.push(bytes(Array.from({ length: 300_000 }, (_, i) => line(i)).join('')));
    scanner.push(bytes(Array.from({ length: 1000 }, (_, i) => line(i * 7)).join('')));
    const counts = scanner.end();
    expect(counts).toMatchObject({ lines: 301_000, addresses: 301_000 });
    const byCount = new Map<number, number>();
    counts.table.forEach((_, n) => byCount.set(n, (byCount.get(n) ?? 0) + 1));
    expect(counts.table.size).toBe(300_000);
    expect(byCount).toEqual(
      new Map([
        [1, 299_000],
        [2, 1000],
      ]),
    );
  });
});
