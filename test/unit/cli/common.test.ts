import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonText, writeJson } from '../../../cli/common.ts';

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
  const printed = (value: unknown, isTTY = false, slice?: number) => {
    const pieces: string[] = [];
    writeJson(value, { isTTY }, (text) => pieces.push(text), slice);
    return pieces;
  };
  const entry = fc.record({
    ip: fc.string({ maxLength: 15 }),
    cidr: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 32 })),
    memo: fc.oneof(fc.string({ unit: 'binary', maxLength: 8 }), fc.constant('"entries":[]')),
    row: fc.nat(),
  });

  it('prints exactly jsonText and a line break, a long first array a slice at a time (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 20 }),
        fc.integer({ min: 1, max: 6 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.jsonValue(), {
          maxKeys: 4,
        }),
        fc.constantFrom('entries', 'x'),
        (entries, slice, rest, key) => {
          const value = { [key]: entries, ...rest };
          const pieces = printed(value, false, slice);
          expect(pieces.join('')).toBe(`${JSON.stringify(value)}\n`);
          const ledByEntries = Object.keys(value)[0] === key && value[key] === entries;
          if (ledByEntries && entries.length > slice) expect(pieces.length).toBeGreaterThan(2);
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
