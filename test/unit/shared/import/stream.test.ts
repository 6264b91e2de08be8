import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAPPING_ROWS } from '../../../../shared/import/header.ts';
import { importBytes, type ImportOptions } from '../../../../shared/import/index.ts';

/**
 * A CSV/TSV file without progress (the CLI) is converted record by record as it is read, keeping
 * only its first MAPPING_ROWS rows; with progress (the app) every row is read first. Both must give
 * the same result, or the same error, for any file: the same entries with their rows, the same
 * problems, mapping, headers and stats.
 */
const outcome = async (bytes: Uint8Array, options: ImportOptions) => {
  try {
    return { result: await importBytes(bytes, options) };
  } catch (error) {
    const e = error as { code?: string; message?: string; params?: unknown };
    return { error: { code: e.code, message: e.message, params: e.params } };
  }
};

/** The file imported without progress (streamed) gives what it gives with progress (all rows). */
const expectStreamedAsWhole = async (bytes: Uint8Array, options: ImportOptions) => {
  const streamed = await outcome(bytes, options);
  const whole = await outcome(bytes, { ...options, onProgress: () => undefined });
  expect(streamed).toEqual(whole);
};

const address = fc.oneof(
  fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255)).map((o) => o.join('.')),
  fc.constantFrom(
    '192.0.2.1',
    '010.1.1.1',
    '10.0.0.0/8',
    '198.51.100.0-198.51.100.9',
    '1.2.3',
    '2001:db8::1',
    ' 203.0.113.5 ',
    '999.1.1.1',
    '',
  ),
);
const prefix = fc.constantFrom('', '24', '32', '0', '33', '/16', 'x', '08');
const memo = fc.string({
  unit: fc.constantFrom('a', '東', ' ', ',', ';', '\t', '"', '\n', "'", '=', '1'),
  maxLength: 6,
});

/** A field as Excel writes it: quoted when it must be (or at random), quotes doubled. */
const written = (value: string, quote: boolean, d: string) =>
  quote || /["\r\n]/.test(value) || value.includes(d) ? `"${value.replaceAll('"', '""')}"` : value;

const row = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(address, prefix, memo) },
  { weight: 1, arbitrary: fc.tuple(address, prefix, memo, memo) }, // a stray column
  { weight: 1, arbitrary: fc.constant(['', '', '']) },
  { weight: 1, arbitrary: fc.tuple(address) },
);

const file = fc.record({
  header: fc.constantFrom(
    null,
    ['IP Address', 'CIDR', 'Memo'],
    ['IPアドレス', 'サブネット', 'メモ'],
  ),
  title: fc.boolean(),
  // Across MAPPING_ROWS: the rows kept for choosing the mapping, and the ones read past them.
  rows: fc.oneof(
    fc.array(row, { maxLength: 12 }),
    fc.array(row, { minLength: MAPPING_ROWS - 25, maxLength: MAPPING_ROWS + 40 }),
  ),
  d: fc.constantFrom(',', '\t', ';'),
  nl: fc.constantFrom('\r\n', '\n'),
  quoteAll: fc.boolean(),
  finalBreak: fc.boolean(),
  // A malformed record far down: papaparse reads the whole file then.
  broken: fc.option(fc.nat(MAPPING_ROWS + 40), { nil: undefined, freq: 4 }),
});

const encoder = new TextEncoder();
type FileShape = typeof file extends fc.Arbitrary<infer T> ? T : never;

function csv(f: FileShape): Uint8Array {
  const lines: string[] = [];
  if (f.title) lines.push(written('Office ranges (monthly)', f.quoteAll, f.d));
  if (f.header) lines.push(f.header.map((h) => written(h, f.quoteAll, f.d)).join(f.d));
  f.rows.forEach((cells, i) => {
    const line = cells.map((c) => written(c, f.quoteAll, f.d)).join(f.d);
    lines.push(f.broken === i ? `"${line}" x` : line);
  });
  return encoder.encode(lines.join(f.nl) + (f.finalBreak ? f.nl : ''));
}

describe('a delimited file read as it streams gives what reading all its rows first gives', () => {
  it('for random files around MAPPING_ROWS rows, with and without validation (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.boolean(),
        fc.option(fc.integer({ min: 1, max: MAPPING_ROWS + 60 }), { nil: undefined }),
        async (f, validate, maxRows) => {
          await expectStreamedAsWhole(csv(f), {
            validate,
            limits: { maxEntries: 5000, ...(maxRows === undefined ? {} : { maxRows }) },
          });
        },
      ),
      // No shrinking: a counterexample is a file of hundreds of rows, and shrinking it takes minutes.
      { numRuns: 150, endOnFailure: true },
    );
  }, 120_000);

  it('with a mapping given, its header or data rows past MAPPING_ROWS included (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        file,
        fc.integer({ min: 1, max: MAPPING_ROWS + 30 }),
        fc.boolean(),
        async (f, dataStartRow, withHeader) => {
          const mapping = {
            headerRow: withHeader && dataStartRow > 1 ? dataStartRow - 1 : null,
            dataStartRow,
            ip: 0,
            prefix: 1,
            memo: 2,
          };
          await expectStreamedAsWhole(csv(f), { mapping, limits: { maxEntries: 5000 } });
        },
      ),
      { numRuns: 100, endOnFailure: true },
    );
  }, 120_000);

  it('reads every row of a big file, by its row number', async () => {
    const lines = ['"IP Address","CIDR","Memo"'];
    for (let i = 0; i < 3000; i++) lines.push(`"10.${i >> 8}.${i & 255}.0","24","office ${i}"`);
    lines.push('"not an address","","last"');
    const result = await importBytes(encoder.encode(`${lines.join('\r\n')}\r\n`), {
      limits: { maxEntries: 5000 },
    });
    expect(result.entries).toHaveLength(3000);
    expect(result.entries[2999]).toEqual({
      ip: '10.11.183.0',
      cidr: 24,
      memo: 'office 2999',
      row: 3001,
    });
    expect(result.stats).toMatchObject({ rows: 3001, importedRows: 3000, errorRows: 1 });
    expect(result.problems.find((p) => p.severity === 'error')?.row).toBe(3002);
  });
});
