import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { columnAddress, countLogAddresses, firstAddress } from '../../../cli/log-scan.ts';

const bytes = (s: string) => new TextEncoder().encode(s);
const first = (s: string) => {
  const b = bytes(s);
  const v = firstAddress(b, 0, b.length);
  return v < 0 ? null : [v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.');
};

/** Oracle: a regex for a dotted quad not glued to other digits or dots. */
function regexFirst(s: string): string | null {
  const re = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;
  for (const m of s.matchAll(re)) {
    const parts = m.slice(1, 5).map(Number);
    if (parts.every((p) => p <= 255)) return parts.join('.');
  }
  return null;
}

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

describe('columnAddress', () => {
  it('takes the whole field, quotes and spaces aside', () => {
    const col = (s: string, n: number) => columnAddress(bytes(s), 0, bytes(s).length, n);
    expect(col('a,"192.0.2.1",c', 2)).toBe(0xc0000201);
    expect(col('a, 192.0.2.1 ,c', 2)).toBe(0xc0000201);
    expect(col('"x, y",192.0.2.1', 2)).toBe(0xc0000201);
    expect(col('a,192.0.2.1x,c', 2)).toBe(-1);
    expect(col('a,b', 3)).toBe(-1);
  });
});

describe('countLogAddresses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'log-scan-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Counts as a map "a.b.c.d" -> n, read from the scan's table. */
  const scan = (text: string, chunkBytes: number) => {
    const path = join(dir, 'log.txt');
    writeFileSync(path, text);
    const { lines, addresses, keys, counts } = countLogAddresses(path, { chunkBytes });
    const table = new Map<string, number>();
    counts.forEach((n, i) => {
      const v = keys[i] as number;
      if (n > 0) table.set([v >>> 24, (v >>> 16) & 255, (v >>> 8) & 255, v & 255].join('.'), n);
    });
    return { lines, addresses, table };
  };

  /** Oracle: split on newlines (a last line without one counts), regex per line. */
  const oracle = (text: string) => {
    const parts = text.split('\n');
    if (parts[parts.length - 1] === '') parts.pop();
    const table = new Map<string, number>();
    let addresses = 0;
    for (const line of parts) {
      const ip = regexFirst(line);
      if (ip === null) continue;
      addresses += 1;
      table.set(ip, (table.get(ip) ?? 0) + 1);
    }
    return { lines: parts.length, addresses, table };
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
          expect(scan(text, chunk)).toEqual(oracle(text));
        },
      ),
      { numRuns: 300 },
    );
  });
});
