import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packEntries, unpackEntries } from '../../../../electron/core/import-transfer.ts';
import type { ImportedEntry } from '../../../../shared/import/index.ts';

const entry: fc.Arbitrary<ImportedEntry> = fc.record({
  ip: fc.string({ maxLength: 16 }),
  cidr: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 32 })),
  // Any text a cell can hold: line breaks, quotes, surrogate pairs, lone surrogates.
  memo: fc.oneof(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ maxLength: 3 })),
  row: fc.integer({ min: 1, max: 1_000_000 }),
});

/** A pack as it arrives: through structuredClone, its buffers transferred. */
const sent = (entries: ImportedEntry[]) => {
  const { packed, transfer } = packEntries(entries);
  return structuredClone(packed, { transfer });
};

describe('the import worker hands its entries to main packed', () => {
  it('gives back exactly the entries packed (property)', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (entries) => {
        expect(unpackEntries(sent(entries))).toEqual(entries);
      }),
    );
  });

  it('refuses a pack that does not add up instead of making entries of it', () => {
    const whole = sent([
      { ip: '192.0.2.1', cidr: null, memo: 'Tokyo', row: 2 },
      { ip: '198.51.100.0', cidr: 24, memo: '', row: 3 },
    ]);
    expect(unpackEntries(whole)).not.toBeNull();
    expect(unpackEntries({ ...whole, text: `${whole.text}x` })).toBeNull();
    expect(unpackEntries({ ...whole, text: whole.text.slice(1) })).toBeNull();
    expect(unpackEntries({ ...whole, cidr: new Float64Array([Number.NaN, 24.5]) })).toBeNull();
    expect(unpackEntries({ ...whole, row: new Float64Array([2, Number.NaN]) })).toBeNull();
    expect(unpackEntries({ ...whole, row: new Float64Array([2]) })).toBeNull();
    expect(unpackEntries({ ...whole, lengths: [9, 5, 12, 0] })).toBeNull();
    expect(unpackEntries([])).toBeNull();
  });
});
