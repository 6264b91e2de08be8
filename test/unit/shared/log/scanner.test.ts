import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  addressAt,
  detectDelimiter,
  fieldAddress,
  firstAddress,
  leadingAddress,
  scanEnd,
  type LogDelimiter,
} from '../../../../shared/log/fields.ts';
import { CountTable } from '../../../../shared/log/count-table.ts';
import { LogScanner } from '../../../../shared/log/scanner.ts';
import { firstOctets, scanOracle } from '../../support/log-oracle.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const first = (s: string) => {
  const b = bytes(s);
  const v = firstAddress(b, 0, b.length);
  return v < 0 ? null : [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
};

/** Oracle: the first dotted quad not glued to other digits or dots (test/unit/support). */
const regexFirst = (s: string) => firstOctets(s)?.join('.') ?? null;

describe('firstAddress', () => {
  it.each([
    ['203.0.113.7 - - [x] "GET /"', '203.0.113.7'],
    ['[client 192.0.2.1:443] x', '192.0.2.1'],
    ['1.2.3.4.5 then 9.9.9.9', '9.9.9.9'],
    ['999.1.1.1 then 8.8.8.8.', '8.8.8.8'],
    ['v1.2.3.4', '1.2.3.4'],
    ['no address', null],
    ['010.001.1.1 padded', '10.1.1.1'],
  ])('%s', (line, expected) => expect(first(line)).toBe(expected));

  it('agrees with a regex oracle (property)', () => {
    const chars = fc.constantFrom('1', '2', '5', '0', '9', '.', ' ', 'a', ':', '-');
    fc.assert(
      fc.property(fc.array(chars, { maxLength: 30 }), (list) => {
        const s = list.join('');
        expect(first(s)).toBe(regexFirst(s));
      }),
      { numRuns: 3000 },
    );
  });
});

const ip = (v: number) =>
  v < 0 ? null : [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');

describe('leadingAddress', () => {
  it('reads what addressAt reads up to the end of the bytes, stopping at the same place (property)', () => {
    const text = fc
      .array(fc.constantFrom('0', '1', '2', '5', '9', '.', ' ', '\n', 'a'), { maxLength: 24 })
      .map((cs) => cs.join(''));
    fc.assert(
      fc.property(text, fc.nat(24), (s, at) => {
        const b = bytes(s);
        const i = Math.min(at, b.length);
        const expected = addressAt(b, i, b.length);
        const expectedEnd = scanEnd;
        expect(leadingAddress(b, i)).toBe(expected);
        if (expected >= 0) expect(scanEnd).toBe(expectedEnd);
      }),
      { numRuns: 2000 },
    );
    for (const s of [
      '1.2.3.4',
      '255.255.255.255 x',
      '1.2.3.256',
      '1.2.3.2555',
      '1.2.3.4.5',
      '1.2.3.',
    ])
      expect(leadingAddress(bytes(s), 0)).toBe(addressAt(bytes(s), 0, s.length));
  });
});

describe('fieldAddress', () => {
  const col = (s: string, n: number, d: LogDelimiter) =>
    ip(fieldAddress(bytes(s), 0, bytes(s).length, n, d));

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
    // The carry buffer is private; its bound is what the push path allocates: at most the cap.
    expect((scanner as unknown as { carry: Uint8Array }).carry.length).toBeLessThanOrEqual(1024);
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

describe('CountTable', () => {
  it('merges tables exactly and refuses to wrap a count', () => {
    const a = new CountTable();
    const b = new CountTable();
    for (let i = 0; i < 10_000; i++) a.add(i * 7919);
    for (let i = 0; i < 10_000; i += 2) b.add(i * 7919, 3);
    a.merge(new CountTable(b.slotArray()));
    const counts = new Map<number, number>();
    a.forEach((k, n) => counts.set(k, n));
    expect(counts.size).toBe(10_000);
    expect(counts.get(0)).toBe(4);
    expect(counts.get(7919)).toBe(1);
    const full = new CountTable();
    full.add(1, 0xffffffff);
    expect(() => full.add(1)).toThrow(RangeError);
  });
});
