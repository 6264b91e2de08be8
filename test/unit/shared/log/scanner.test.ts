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

  it('reads a line-leading dotted quad of every octet length like the oracle (property)', () => {
    // Octets of 1-4 digits, zero-padded or not, up to 999; then what may follow an address.
    const octet = fc.oneof(fc.nat(999).map(String), fc.stringMatching(/^[0-9]{1,4}$/));
    const after = fc.constantFrom('', ' - -', '.', '..5', '.5', '5', ':443', '\r', '.x', '/24');
    fc.assert(
      fc.property(fc.array(octet, { minLength: 3, maxLength: 5 }), after, (octets, tail) => {
        const s = octets.join('.') + tail;
        expect(first(s)).toBe(regexFirst(s));
        expect(first(`${s} 198.51.100.9`)).toBe(regexFirst(`${s} 198.51.100.9`));
      }),
      { numRuns: 5000 },
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

  it('comma, tab: a quote opens a quoted field only at its start; inside a field it is text (CSV)', () => {
    // A lone quote in a request or user agent must not swallow the separators after it.
    expect(col('09:00\tGET /q="x\t192.0.2.1', 3, 'tab')).toBe('192.0.2.1');
    expect(col('a"b,192.0.2.1', 2, 'comma')).toBe('192.0.2.1');
    expect(col('say "hi", ok,192.0.2.1', 3, 'comma')).toBe('192.0.2.1');
    // Quoted: separators and doubled quotes inside, text after the closing quote.
    expect(col('"say ""hi"", ok",192.0.2.1', 2, 'comma')).toBe('192.0.2.1');
    expect(col(' "x, y" z,192.0.2.1', 2, 'comma')).toBe('192.0.2.1');
    expect(col('"09:00\t1"\t192.0.2.1', 2, 'tab')).toBe('192.0.2.1');
  });

  it('comma, tab: reads back the field a CSV writer wrote, whatever the other fields hold (property)', () => {
    const text = fc
      .array(fc.constantFrom('a', ' ', ',', '\t', '"', '1', '.', '[', ']'), { maxLength: 8 })
      .map((c) => c.join(''));
    const address = fc
      .tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255))
      .map((o) => o.join('.'));
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 5 }),
        address,
        fc.array(text, { maxLength: 5 }),
        fc.constantFrom<['comma' | 'tab', string]>(['comma', ','], ['tab', '\t']),
        fc.boolean(),
        (before, ip, after, [delimiter, sep], quoteAll) => {
          // A field with the separator, or one that starts (blanks aside) with a quote, is quoted
          // with its quotes doubled; any other is written as it is, quotes inside and all.
          const write = (f: string) =>
            quoteAll || f.includes(sep) || f.trimStart().startsWith('"')
              ? `"${f.replaceAll('"', '""')}"`
              : f;
          const line = [...before, ip, ...after].map(write).join(sep);
          expect(col(line, before.length + 1, delimiter)).toBe(ip);
        },
      ),
      { numRuns: 2000 },
    );
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

  it('combined: a quote escaped as \\" inside "..." (Apache) does not end the field', () => {
    const line =
      '203.0.113.9 - - [24/Nov/2026:09:00:00 +0900] "GET /q=\\"x HTTP/1.1" 200 12 "-" "Agent \\"Q\\" 1.0" 192.0.2.1';
    expect(col(line, 5, 'combined')).toBe(null);
    expect(col(line, 10, 'combined')).toBe('192.0.2.1');
    expect(col('a "b\\\\" 192.0.2.1', 3, 'combined')).toBe('192.0.2.1'); // an escaped backslash
  });

  it('a field number past 2^32 - 1 is no field, never one that wraps to a field that exists', () => {
    // The module's column is a u32: 2^32 + 1 once read field 1, and 2^32 the first address.
    for (const column of [2 ** 32 + 1, 2 ** 32, 2 ** 33 + 2, 1e20, Infinity])
      expect(col('192.0.2.1,198.51.100.7', column, 'comma')).toBe(null);
    expect(col('192.0.2.1,198.51.100.7', 2 ** 32 - 1, 'comma')).toBe(null);
    for (const column of [-1, 1.5, NaN])
      expect(() => new LogScanner({ column })).toThrow(/column must be a field number/);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['203.0.113.9 - - [24/Nov/2026:09:00:00 +0900] "GET / HTTP/1.1" 200 1 "-" "A, B"', 'combined'],
    ['time\tclient\tpath,x', 'tab'],
    ['time,client,path', 'comma'],
    ['Nov 24 sshd[1]: from 192.0.2.1', 'space'],
  ])('%s -> %s', (line, d) => expect(detectDelimiter(bytes(line), 0, bytes(line).length)).toBe(d));

  it('looks at the line alone, not at the bytes after it', () => {
    // No "]" on the line: the next line's ' "' must not make it the combined format.
    const text = bytes('a b c [d 192.0.2.1\n "x y" 8.8.8.8\n');
    expect(detectDelimiter(text, 0, text.indexOf(10))).toBe('space');
  });
});

describe('the delimiter a log is read with (--column, no --delimiter)', () => {
  const fieldCounts = (text: string, column: number, chunk: number) => {
    const all = bytes(text);
    const scanner = new LogScanner({ column });
    for (let i = 0; i < all.length; i += chunk) scanner.push(all.subarray(i, i + chunk));
    const { addresses, delimiter } = scanner.end();
    return { addresses, delimiter };
  };

  it('is decided by the first line, however the bytes after it arrive', () => {
    // Field 5 of the space-separated first line is 192.0.2.1 ("[d" is a word, not a group).
    const text = 'a b c [d 192.0.2.1\n "x y" 8.8.8.8\n';
    for (const chunk of [text.length, 19, 20, 21])
      expect(fieldCounts(text, 5, chunk), `chunk ${chunk}`).toEqual({
        addresses: 1,
        delimiter: 'space',
      });
  });

  it('skips a blank CRLF line ("\\r" alone) as it skips an empty one: the CRLF log reads as its LF twin', () => {
    const lf = '\ntime,client\n09:00,192.0.2.1\n';
    const crlf = lf.replaceAll('\n', '\r\n');
    expect(fieldCounts(lf, 2, 1000)).toEqual({ addresses: 1, delimiter: 'comma' });
    expect(fieldCounts(crlf, 2, 1000)).toEqual({ addresses: 1, delimiter: 'comma' });
  });
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
      .array(fc.constantFrom('1', '9', '.', ' ', 'a', '\r', '192.0.2.1', '8.8.8.8 '), {
        maxLength: 8,
      })
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

  it('measures a line without its line end, "\\n" or "\\r\\n": a CRLF log skips the lines its LF twin skips', () => {
    const kept = `192.0.2.1 ${'a'.repeat(65_536 - 10)}`; // 65,536 bytes: the longest kept
    const over = `8.8.8.8 ${'b'.repeat(65_537 - 8)}`; // 65,537 bytes
    const lf = `${kept}\n${over}\n${kept}`;
    const crlf = lf.replaceAll('\n', '\r\n');
    const expected = {
      lines: 3,
      addresses: 2,
      overlongLines: 1,
      table: new Map([['192.0.2.1', 2]]),
    };
    for (const chunk of [1000, 65_535, 65_536, 65_537, 65_538, 1 << 20]) {
      expect(scan(lf, chunk), `LF, chunk ${chunk}`).toEqual(expected);
      expect(scan(crlf, chunk), `CRLF, chunk ${chunk}`).toEqual(expected);
      expect(scan(crlf + '\r\n', chunk), `CRLF, ended, chunk ${chunk}`).toEqual(expected);
    }
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

  it('hands off its table packed: every key and count once, then refuses to read or judge it', () => {
    const log = Array.from({ length: 20_000 }, (_, i) => `${ip((i % 7_000) * 104_729)} x\n`).join(
      '',
    );
    const worker = new LogScanner();
    worker.push(bytes(log));
    const counts = worker.end();
    const before = new Map<number, number>();
    counts.table.forEach((k, n) => before.set(k, n));
    const packed = worker.handOff();
    expect(packed.length).toBe(2 * before.size);
    const after = new Map<number, number>();
    for (let i = 0; i < packed.length; i += 2)
      after.set(packed[i] as number, packed[i + 1] as number);
    expect(after).toEqual(before);
    expect(() => counts.table.forEach(() => undefined)).toThrow(/handed off/);
    expect(() => counts.judge({ starts: [], ends: [] }, 10)).toThrow(/handed off/);
    expect(() => worker.handOff()).toThrow(/handed off/);

    const main = new LogScanner();
    main.push(bytes(log));
    main.absorb(packed);
    const merged = new Map<number, number>();
    main.end().table.forEach((k, n) => merged.set(k, n));
    expect(merged).toEqual(new Map([...before].map(([k, n]) => [k, 2 * n])));
  });

  it('adds a table into a scanner whose input room is under 8 bytes (one key and count)', () => {
    const worker = new LogScanner();
    worker.push(bytes('192.0.2.1\n8.8.8.8\n192.0.2.1\n'));
    // 1 byte of input and lines of at most 2: a room of 4 bytes, less than one slot.
    const tiny = new LogScanner({ inputBytes: 1, maxLineBytes: 2 });
    tiny.push(bytes('1.1.1.1\n'));
    tiny.absorb(worker.end().table.slotArray());
    const counts = new Map<string, number>();
    const merged = tiny.end();
    merged.table.forEach((k, n) => counts.set(ip(k) as string, n));
    expect(merged).toMatchObject({ lines: 1, overlongLines: 1 });
    expect(counts).toEqual(
      new Map([
        ['192.0.2.1', 2],
        ['8.8.8.8', 1],
      ]),
    );
  });

  it('holds and judges 134,217,727 distinct addresses; one more is a clear RangeError, never a WebAssembly trap', () => {
    // The one heavy test of the scanner (~3.5 GB of WebAssembly memory, seconds): the table
    // doubles at half load, and its next size after 2^28 slots (2 GB) cannot be addressed in 4 GB.
    // The keys' hashes are 0, then the odd multiples of 2^27, of 2^26, ... (top 28 bits), so at
    // every table size each new key takes the next free slot: no probing, no cache misses.
    const limit = 2 ** 27 - 1;
    const inverseOfHashFactor = 0x0e8b2f51; // 0x9e3779b1 * this = 1 (mod 2^32)
    const part = new Uint32Array(2 * 2 ** 22);
    const scanner = new LogScanner();
    let filled = 0;
    // What judging them under 0.0.0.0/1 must give: every key of 128.0.0.0 and above denied; a
    // few keys have 1,024 lines (the module's last histogram bin), so they make the top.
    const judged = { allowedLines: 0, deniedLines: 0, deniedAddresses: 0 };
    const heavy: [number, number][] = [];
    const add = (hash: number) => {
      const key = Math.imul(hash, inverseOfHashFactor) >>> 0;
      const count = hash % 1_000_003 === 7 ? 1024 : 1;
      if (key < 2 ** 31) judged.allowedLines += count;
      else {
        judged.deniedLines += count;
        judged.deniedAddresses++;
        if (count > 1) heavy.push([key, count]);
      }
      part[filled++] = key;
      part[filled++] = count;
      if (filled === part.length) flush();
    };
    const flush = () => {
      scanner.absorb(part.subarray(0, filled));
      filled = 0;
    };
    let n = 1;
    add(0);
    for (let t = 27; t >= 0 && n < limit; t--)
      for (let o = 1; o << t < 2 ** 28 && n < limit; o += 2, n++) add((o << t) << 4);
    flush();
    const counts = scanner.end();
    expect(counts.table.size).toBe(limit);
    // Judged, the list's room and the denied pairs lie past 2 GB (the module's addresses arrive
    // negative unless read as unsigned: the judging once failed with "Start offset -2147154800").
    const result = counts.judge({ starts: [0], ends: [2 ** 31 - 1] }, 3);
    expect(result).toMatchObject(judged);
    // The candidates for the top 3: every key of 1,024 lines (the last bin holds them all).
    const pairs: [number, number][] = [];
    const candidates = result.topCandidates;
    for (let i = 0; i < candidates.length; i += 2)
      pairs.push([candidates[i] as number, candidates[i + 1] as number]);
    expect(heavy.length).toBeGreaterThan(3);
    expect(pairs.sort((a, b) => a[0] - b[0])).toEqual(heavy.sort((a, b) => a[0] - b[0]));
    expect(counts.table.size).toBe(limit);
    add(0xfffffff0); // the next hash of the run: a new address
    expect(flush).toThrow(/^More distinct addresses than the count table can hold in 4 GB/);
  }, 120_000);

  it('refuses a list whose room would pass 4 GB in words, and judges the next list as before', () => {
    // Lists of 2^29 intervals and more: their room's end once wrapped past 2^32 to an address
    // inside the memory (the error was "Invalid typed array length"). Never filled: the length
    // alone must be refused.
    const scanner = new LogScanner();
    scanner.push(bytes('192.0.2.1 a\n198.51.100.7 b\n192.0.2.1 c\n'));
    const counts = scanner.end();
    for (const n of [2 ** 29 - 1, 2 ** 29, 2 ** 29 + 3, 2 ** 31, 2 ** 32, 2 ** 32 + 1]) {
      const huge = { length: n } as ArrayLike<number>;
      expect(() => counts.judge({ starts: huge, ends: huge }, 10)).toThrow(
        /^A list of [\d,]+ intervals and 2 distinct addresses do not fit in the log scanner's 4 GB of memory\.$/,
      );
    }
    const judged = counts.judge({ starts: [0xc0000200], ends: [0xc00002ff] }, 10);
    expect(judged).toMatchObject({ allowedLines: 2, deniedLines: 1, deniedAddresses: 1 });
    expect([...judged.topCandidates]).toEqual([0xc6336407, 1]);
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
