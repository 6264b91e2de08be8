import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, writeJson } from '../../../cli/common.ts';
import { writeJsonArray } from '../../../cli/json-bytes.ts';

describe('jsonText (--json output)', () => {
  const value = { entries: [{ ip: '192.0.2.1', cidr: null, memo: '東京 "本社"' }], stats: {} };

  it('is indented on a terminal', () => {
    expect(jsonText(value, { isTTY: true })).toBe(JSON.stringify(value, null, 2));
  });

  it('is one line for a pipe or a file, the same value', () => {
    const text = jsonText(value, {});
    expect(text).not.toContain('\n');
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('writeJson', () => {
  const printed = (value: unknown, isTTY = false, long?: number) => {
    const pieces: Uint8Array[] = [];
    writeJson(value, { isTTY }, (bytes) => pieces.push(bytes.slice()), long);
    return pieces.map((p) => Buffer.from(p).toString('utf8'));
  };
  const entry = fc.record({
    ip: fc.string({ maxLength: 15 }),
    cidr: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 32 })),
    memo: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constant('"entries":[]')),
    row: fc.nat(),
  });

  it('prints exactly jsonText and a line break, a long first array as bytes (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue(), {
          maxKeys: 4,
        }),
        fc.constantFrom('entries', 'x'),
        (entries, long, rest, key) => {
          const value = { [key]: entries, ...rest };
          expect(printed(value, false, long).join('')).toBe(`${JSON.stringify(value)}\n`);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('prints a short or indented result in one piece', () => {
    const value = { entries: [{ ip: '192.0.2.1' }], stats: { rows: 1 } };
    expect(printed(value)).toEqual([`${JSON.stringify(value)}\n`]);
    expect(printed(value, true)).toEqual([`${JSON.stringify(value, null, 2)}\n`]);
    expect(printed([1, 2])).toEqual(['[1,2]\n']);
    const long = { entries: Array.from({ length: 5000 }, (_, i) => i) };
    expect(printed(long, true).join('')).toBe(`${JSON.stringify(long, null, 2)}\n`);
    expect(printed(long).join('')).toBe(`${JSON.stringify(long)}\n`);
  });
});

describe('writeJsonArray (the bytes of a long array)', () => {
  // `kept`: the pieces as handed on, as a pipe keeps them until it writes them.
  const bytesOf = (items: unknown[], kept = false) => {
    const pieces: Uint8Array[] = [];
    writeJsonArray(items, (bytes) => pieces.push(kept ? bytes : bytes.slice()));
    return { bytes: Buffer.concat(pieces), pieces };
  };
  const expected = (items: unknown[]) => Buffer.from(JSON.stringify(items), 'utf8');
  // Memos of every kind of character: controls, quotes, backslashes, lone and paired surrogates,
  // two- and three-byte characters.
  const memo = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 12 }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
    fc.constantFrom('東京本社', 'a"b', 'a\\b', '\u0000\u001f', '\ud800', '\udfff x', '😀', 'é'),
  );
  const number = fc.oneof(
    fc.integer(),
    fc.nat({ max: 2 ** 32 + 5 }),
    fc.constantFrom(-0, 1e21, 2 ** 53, -(2 ** 53), 0.5, Number.NaN, Infinity, 1e-7, 2 ** 32 - 1),
  );
  const entryLike = fc.record({
    ip: fc.oneof(fc.string({ maxLength: 15 }), memo),
    cidr: fc.oneof(fc.constant(null), number),
    memo,
    row: number,
  });
  // Almost entries: a key more, a key less, another order, another type, a toJSON.
  const almost = fc.oneof(
    entryLike.map((e) => ({ ...e, extra: 1 })),
    entryLike.map(({ row: _row, ...e }) => e),
    entryLike.map(({ ip, cidr, memo: m, row }) => ({ cidr, ip, memo: m, row })),
    entryLike.map((e) => ({ ...e, memo: 5 })),
    entryLike.map((e) => ({ ...e, cidr: undefined })),
    entryLike.map((e) => ({ ...e, toJSON: () => 'replaced' })),
    entryLike.map((e) => Object.assign(Object.create(null) as object, e)),
  );
  const item = fc.oneof(entryLike, almost, fc.jsonValue(), fc.constant(undefined));

  it('writes the bytes JSON.stringify writes, for any array (property)', () => {
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (items) => {
        expect(bytesOf(items).bytes.equals(expected(items))).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('hands the bytes on about 64 KB at a time, never all at once, each piece its own', () => {
    const items = Array.from({ length: 20_000 }, (_, i) => ({
      ip: `192.0.${(i >> 8) & 255}.${i & 255}`,
      cidr: i % 3 === 0 ? null : 32,
      memo: `東京本社 ${i}`,
      row: i + 2,
    }));
    // Kept as handed on and read only at the end: no piece was written over by a later one.
    const { bytes, pieces } = bytesOf(items, true);
    expect(bytes.equals(expected(items))).toBe(true);
    expect(pieces.length).toBeGreaterThan(10);
    for (const piece of pieces) expect(piece.length).toBeLessThan(80 * 1024);
  });
});
