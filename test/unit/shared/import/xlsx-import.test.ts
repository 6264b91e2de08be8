import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../../shared/import/index.ts';
import { workbook } from '../../support/make-files.ts';

describe('XLSX import', () => {
  it('reads cached formula values, rich text, numbers typed as prefixes, hyperlinks and dates', async () => {
    const bytes = await workbook([
      {
        name: '一覧',
        rows: [
          ['IPアドレス', 'プレフィックス', '備考'],
          [
            { formula: 'CONCAT("192.0.2.","8")', result: '192.0.2.8' },
            null,
            { richText: [{ text: '東京' }, { text: '本社', font: { bold: true } }] },
          ],
          ['198.51.100.0', 24, { formula: 'A1', result: 'from a formula' }],
          [
            '203.0.113.0',
            { formula: '20+4', result: 24 },
            { text: 'wiki', hyperlink: 'https://example.com' },
          ],
          ['192.0.2.64', 26, new Date(Date.UTC(2026, 3, 1))],
        ],
      },
    ]);
    const result = await importBytes(bytes);
    expect(result.stats.format).toBe('xlsx');
    expect(result.sheet).toBe('一覧');
    expect(result.entries).toEqual([
      { ip: '192.0.2.8', cidr: null, memo: '東京本社', row: 2 },
      { ip: '198.51.100.0', cidr: 24, memo: 'from a formula', row: 3 },
      { ip: '203.0.113.0', cidr: 24, memo: 'wiki', row: 4 },
      { ip: '192.0.2.64', cidr: 26, memo: '2026-04-01', row: 5 },
    ]);
  });

  it('keeps memo text that looks like a formula as text', async () => {
    const bytes = await workbook([
      {
        name: 'S',
        rows: [
          ['IP', 'Memo'],
          ['192.0.2.1', '=1+1'],
          ['192.0.2.2', '@cmd'],
        ],
      },
    ]);
    const result = await importBytes(bytes);
    expect(result.entries.map((e) => e.memo)).toEqual(['=1+1', '@cmd']);
  });

  it('tolerates a merged title above the header and blank rows between data', async () => {
    const bytes = await workbook([
      {
        name: 'Offices',
        rows: [
          ['Office IP ranges (updated monthly)'],
          [],
          ['IP Address', 'CIDR', 'Memo'],
          ['192.0.2.0', 24, 'Tokyo'],
          [],
          [],
          ['198.51.100.7', null, 'Osaka'],
        ],
        merge: ['A1:C1'],
      },
    ]);
    const result = await importBytes(bytes);
    expect(result.mapping).toEqual({ headerRow: 3, dataStartRow: 4, ip: 0, prefix: 1, memo: 2 });
    expect(result.entries).toEqual([
      { ip: '192.0.2.0', cidr: 24, memo: 'Tokyo', row: 4 },
      { ip: '198.51.100.7', cidr: null, memo: 'Osaka', row: 7 },
    ]);
    expect(result.stats.blankRows).toBe(2);
  });

  it('picks the first sheet holding IP data by default, lists every sheet, and reads any sheet by name', async () => {
    const bytes = await workbook([
      { name: 'README', rows: [['This workbook lists our offices.']] },
      {
        name: 'Tokyo',
        rows: [
          ['IP', 'Memo'],
          ['192.0.2.1', 'tokyo'],
        ],
      },
      {
        name: 'Osaka',
        rows: [
          ['IP', 'Memo'],
          ['198.51.100.1', 'osaka'],
        ],
      },
    ]);
    const first = await importBytes(bytes);
    expect(first.sheets).toEqual(['README', 'Tokyo', 'Osaka']);
    expect(first.sheet).toBe('Tokyo');
    expect(first.entries.map((e) => e.memo)).toEqual(['tokyo']);
    const osaka = await importBytes(bytes, { sheet: 'Osaka' });
    expect(osaka.entries).toEqual([{ ip: '198.51.100.1', cidr: null, memo: 'osaka', row: 2 }]);
  });

  it('names the sheets when the requested one does not exist', async () => {
    const bytes = await workbook([{ name: 'Tokyo', rows: [['192.0.2.1']] }]);
    await expect(importBytes(bytes, { sheet: 'Nagoya' })).rejects.toMatchObject({
      code: 'SHEET_NOT_FOUND',
      message: 'The workbook has no sheet "Nagoya" (sheets: "Tokyo").',
    });
  });

  it('reports Excel error values and formulas saved without a value, naming the cell', async () => {
    const bytes = await workbook([
      {
        name: 'S',
        rows: [
          ['IP', 'Memo'],
          [{ error: '#REF!' }, 'broken'],
          [{ formula: 'B9' }, 'never calculated'],
          ['192.0.2.3', 'fine'],
        ],
      },
    ]);
    const result = await importBytes(bytes);
    expect(result.entries.map((e) => e.row)).toEqual([4]);
    expect(
      result.problems.filter((p) => p.severity === 'error').map((p) => [p.row, p.code, p.message]),
    ).toEqual([
      [2, 'IMPORT_CELL_ERROR', 'Row 2: cell A2 holds the Excel error #REF!.'],
      [
        3,
        'IMPORT_FORMULA_NO_VALUE',
        'Row 3: cell A3 is a formula (B9) saved without its value; open and save the file in Excel, then import again.',
      ],
    ]);
  });

  it('says so when no sheet holds IP data', async () => {
    const bytes = await workbook([
      { name: 'A', rows: [['name'], ['Taro']] },
      { name: 'B', rows: [['phone'], ['03-0000-0000']] },
    ]);
    await expect(importBytes(bytes)).rejects.toMatchObject({
      code: 'NO_IP_DATA',
      message: 'No column of IP addresses was found in any of its 2 sheets.',
    });
  });
});
