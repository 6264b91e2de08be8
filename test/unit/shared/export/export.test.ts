import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { exportEntries } from '../../../../shared/export/index.ts';
import { importBytes } from '../../../../shared/import/index.ts';

const ENTRIES: Entry[] = [
  { ip: '198.51.100.0', cidr: 24, memo: '大阪 "第2" 拠点, 3F' },
  { ip: '192.0.2.8', cidr: null, memo: '東京本社①髙﨑' },
  { ip: '203.0.113.7', cidr: 32, memo: 'line one\r\nline two' },
];

describe("the service's CSV", () => {
  it('is CP932 without BOM, every field quoted, CRLF, CIDR empty for single addresses', async () => {
    const { bytes, problems } = await exportEntries(ENTRIES, 'cybozu-csv');
    expect(problems).toEqual([]);
    expect(bytes.slice(0, 3)).not.toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const expected =
      '"IP Address","CIDR","Memo"\r\n' +
      '"198.51.100.0","24","大阪 ""第2"" 拠点, 3F"\r\n' +
      '"192.0.2.8","","東京本社①髙﨑"\r\n' +
      '"203.0.113.7","32","line one\r\nline two"\r\n';
    // iconv-lite is the independent oracle for the CP932 bytes.
    expect(Buffer.from(bytes).equals(iconv.encode(expected, 'cp932'))).toBe(true);
  });

  it('reports a memo Shift_JIS cannot encode by entry and leaves that entry out', async () => {
    const entries: Entry[] = [
      ...ENTRIES,
      { ip: '192.0.2.9', cidr: null, memo: 'party 🎉' },
      { ip: '192.0.2.10', cidr: null, memo: '¥500' },
    ];
    const { bytes, problems } = await exportEntries(entries, 'cybozu-csv');
    expect(problems.map((p) => [p.index, p.code, p.severity])).toEqual([
      [3, 'EXPORT_UNENCODABLE_MEMO', 'error'],
      [4, 'EXPORT_UNENCODABLE_MEMO', 'error'],
    ]);
    expect(problems[0]?.message).toBe(
      'Entry 4 (192.0.2.9): the memo contains "🎉" (U+1F389), which Shift_JIS cannot encode; the entry was not written.',
    );
    const text = iconv.decode(Buffer.from(bytes), 'cp932');
    expect(text).not.toContain('192.0.2.9');
    expect(text).not.toContain('192.0.2.10');
    // header, three entries (one memo holds a line break), final CRLF
    expect(text.split('\r\n')).toHaveLength(6);
  });

  it('writes a visible "?" with a warning when replacement is allowed', async () => {
    const { bytes, problems } = await exportEntries(
      [{ ip: '192.0.2.9', cidr: null, memo: 'party 🎉!' }],
      'cybozu-csv',
      { replaceUnencodable: true },
    );
    expect(problems.map((p) => [p.index, p.code, p.severity])).toEqual([
      [0, 'EXPORT_MEMO_REPLACED', 'warning'],
    ]);
    expect(iconv.decode(Buffer.from(bytes), 'cp932')).toContain('"192.0.2.9","","party ?!"');
  });

  it.each(['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx'])(
    'neutralises a memo starting like a formula: %j',
    async (memo) => {
      const { bytes, problems } = await exportEntries(
        [{ ip: '192.0.2.1', cidr: null, memo }],
        'cybozu-csv',
      );
      expect(iconv.decode(Buffer.from(bytes), 'cp932')).toContain(`"192.0.2.1","","'${memo}"`);
      expect(problems.map((p) => p.code)).toEqual(['EXPORT_FORMULA_NEUTRALIZED']);
    },
  );

  it('writes the valid entries and reports the invalid ones by index', async () => {
    const entries: Entry[] = [
      { ip: '192.0.2.1', cidr: null, memo: 'ok' },
      { ip: '192.0.2.300', cidr: null, memo: 'bad octet' },
      { ip: '192.0.2.0', cidr: 40, memo: 'bad prefix' },
    ];
    const { bytes, problems } = await exportEntries(entries, 'csv');
    const errors = problems.filter((p) => p.code === 'EXPORT_ENTRY_SKIPPED').map((p) => p.index);
    expect(errors).toEqual([1, 2]);
    expect(problems.some((p) => p.index === 1 && p.code === 'IP_OCTET_OUT_OF_RANGE')).toBe(true);
    expect(problems.some((p) => p.index === 2 && p.code === 'PREFIX_OUT_OF_RANGE')).toBe(true);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text).toBe('\ufeff"IP Address","CIDR","Memo"\r\n"192.0.2.1","","ok"\r\n');
  });
});

describe('UTF-8 CSV and XLSX', () => {
  it('UTF-8 CSV keeps characters Shift_JIS lacks and starts with a BOM (Excel needs it)', async () => {
    const { bytes, problems } = await exportEntries(
      [{ ip: '192.0.2.9', cidr: null, memo: 'party 🎉' }],
      'csv',
    );
    expect(problems).toEqual([]);
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)).toBe(
      '\ufeff"IP Address","CIDR","Memo"\r\n"192.0.2.9","","party 🎉"\r\n',
    );
  });

  it('XLSX writes text memos as text, never as formulas, and prefixes as numbers', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const { bytes } = await exportEntries(
      [
        { ip: '192.0.2.0', cidr: 24, memo: '=1+1' },
        { ip: '192.0.2.9', cidr: null, memo: '007' },
      ],
      'xlsx',
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as Parameters<typeof wb.xlsx.load>[0]);
    const ws = wb.worksheets[0];
    expect(ws?.getRow(1).values).toEqual([undefined, 'IP Address', 'CIDR', 'Memo']);
    expect(ws?.getCell('A2').value).toBe('192.0.2.0');
    expect(ws?.getCell('B2').value).toBe(24);
    expect(ws?.getCell('C2').value).toBe('=1+1');
    expect(ws?.getCell('C2').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('B3').value).toBeNull();
    expect(ws?.getCell('C3').value).toBe('007');
  });
});

describe('round trips: export then import gives the same networks and memos', () => {
  const octet = fc.integer({ min: 0, max: 255 });
  // Memos from the characters office lists hold: Latin, kana, kanji (CP932), punctuation, quotes,
  // commas, line breaks. Leading formula characters are neutralised in CSV, so they are left out here.
  const memoChar = fc.constantFrom(
    ...'aZ09 ,"\'.-_/()東京大阪拠点本社支店髙﨑①ｱｲｳ（）「」・'.split(''),
    '\r\n',
  );
  const memo = fc
    .array(memoChar, { maxLength: 30 })
    .map((cs) => cs.join(''))
    .filter((m) => !/^[=+\-@\t\r]/.test(m));
  const entry = fc.record({
    ip: fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')),
    cidr: fc.option(fc.integer({ min: 8, max: 32 }), { nil: null }),
    memo,
  });

  it.each(['cybozu-csv', 'csv', 'xlsx'] as const)('%s', async (format) => {
    // XML (so XLSX) stores a line break in a cell as LF: Excel's own Alt+Enter break.
    const gen =
      format === 'xlsx' ? entry.map((e) => ({ ...e, memo: e.memo.replace(/\r\n/g, '\n') })) : entry;
    await fc.assert(
      fc.asyncProperty(fc.array(gen, { minLength: 1, maxLength: 20 }), async (entries) => {
        const { bytes, problems } = await exportEntries(entries, format);
        expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
        const back = await importBytes(bytes);
        expect(back.entries.map(({ ip, cidr, memo }) => ({ ip, cidr, memo }))).toEqual(entries);
        expect(back.entries.map((e) => e.row)).toEqual(entries.map((_, i) => i + 2));
      }),
      { numRuns: format === 'xlsx' ? 15 : 60 },
    );
  });

  it('XLSX keeps formula-looking memos exactly', async () => {
    const entries: Entry[] = [{ ip: '192.0.2.1', cidr: null, memo: '=HYPERLINK("http://evil")' }];
    const back = await importBytes((await exportEntries(entries, 'xlsx')).bytes);
    expect(back.entries[0]?.memo).toBe('=HYPERLINK("http://evil")');
  });
});
