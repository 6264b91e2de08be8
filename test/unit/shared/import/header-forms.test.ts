import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headerRole } from '../../../../shared/import/header.ts';
import { importBytes } from '../../../../shared/import/index.ts';
import { formatProblem } from '../../../../shared/i18n/messages.ts';
import { encode, workbook } from '../../support/make-files.ts';

/**
 * The header shapes real office sheets use (issue 13), in the files they come in: CSV in UTF-8
 * and Shift_JIS, and XLSX written by exceljs. Each file is generated here.
 */
type Shape = { header: [string, string, string]; ip: number; memo: number };

const SHAPES: Shape[] = [
  { header: ['No.', '接続元IPアドレス', '説明'], ip: 1, memo: 2 },
  { header: ['No', 'IP address/CIDR', 'Comment'], ip: 1, memo: 2 },
  { header: ['#', 'グローバルIP', '用途'], ip: 1, memo: 2 },
  { header: ['番号', 'IPアドレス(CIDR)', '拠点名'], ip: 1, memo: 2 },
  { header: ['ＮＯ．', 'ＩＰアドレス／ＣＩＤＲ', '備考'], ip: 1, memo: 2 },
  { header: ['№', 'Global IP Address', 'Description'], ip: 1, memo: 2 },
  { header: ['項番', '許可IPアドレス範囲', 'メモ'], ip: 1, memo: 2 },
  { header: ['Memo', 'Source IP', 'No.'], ip: 1, memo: 0 },
  { header: ['Note', 'Allowed IP addresses', '#'], ip: 1, memo: 0 },
];

const DATA: [string, string][] = [
  ['198.51.100.0/24', '東京本社 (Tokyo HQ)'],
  ['203.0.113.7', '大阪支店'],
];

function rowsOf(shape: Shape): string[][] {
  const rowNumberColumn = [0, 1, 2].find((c) => c !== shape.ip && c !== shape.memo) as number;
  return DATA.map(([ip, memo], i) => {
    const row = ['', '', ''];
    row[shape.ip] = ip;
    row[shape.memo] = memo;
    row[rowNumberColumn] = String(i + 1);
    return row;
  });
}

const csv = (rows: string[][]) =>
  rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n') + '\r\n';

const FILES = {
  'CSV UTF-8': async (shape: Shape) => encode(csv([shape.header, ...rowsOf(shape)]), 'utf-8'),
  'CSV Shift_JIS': async (shape: Shape) =>
    encode(csv([shape.header, ...rowsOf(shape)]), 'shift_jis'),
  XLSX: async (shape: Shape) => workbook([{ name: 'IP', rows: [shape.header, ...rowsOf(shape)] }]),
};

describe('headings of real sheets', () => {
  for (const [kind, make] of Object.entries(FILES)) {
    it.each(SHAPES)(`${kind}: %j takes the memo from its memo column`, async (shape) => {
      const result = await importBytes(await make(shape));
      expect(result.mapping).toMatchObject({ headerRow: 1, ip: shape.ip, memo: shape.memo });
      expect(result.entries.map((e) => [e.ip, e.cidr, e.memo, e.row])).toEqual([
        ['198.51.100.0', 24, '東京本社 (Tokyo HQ)', 2],
        ['203.0.113.7', null, '大阪支店', 3],
      ]);
      expect(result.problems.map((p) => p.code)).not.toContain('IMPORT_NO_HEADER');
    });
  }

  it.each([
    ['IP Address', 'ip'],
    ['ＩＰ　Ａｄｄｒｅｓｓ', 'ip'],
    ['IPアドレス（必須）', 'ip'],
    ['Source IP/CIDR', 'ip'],
    ['IPアドレス/サブネットマスク', 'ip'],
    ['接続元IP', 'ip'],
    ['グローバルIPアドレス', 'ip'],
    ['CIDR', 'prefix'],
    ['サブネットマスク', 'prefix'],
    ['Prefix length', 'prefix'],
    ['説明・備考', 'memo'],
    ['拠点名／用途', 'memo'],
    ['Comment', 'memo'],
    ['ＭＥＭＯ', 'memo'],
    ['No.', 'rowNumber'],
    ['#', 'rowNumber'],
    ['番号', 'rowNumber'],
    ['連番', 'rowNumber'],
    ['Description of the office IP range, kept by IT since 2019, see the wiki page', null],
    ['更新日', null],
  ])('"%s" is %s', (heading, role) => {
    expect(headerRole(heading)).toBe(role);
  });

  it('of two address-like headings, the column holding addresses is the address', async () => {
    const text = '拠点名,Address,IPアドレス\n本社,東京都千代田区1-1,198.51.100.7\n';
    const result = await importBytes(encode(text, 'shift_jis'));
    expect(result.mapping).toMatchObject({ headerRow: 1, ip: 2, memo: 0 });
    expect(result.entries).toEqual([{ ip: '198.51.100.7', cidr: null, memo: '本社', row: 2 }]);
  });

  it('a title that reads like an address heading does not take the place of the header', async () => {
    const text = 'IP addresses (office list)\nIP address\n192.0.2.1\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.mapping).toMatchObject({ headerRow: 2, dataStartRow: 3, ip: 0 });
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('without a header row', () => {
  it('never takes the memo from a column of row numbers, and says which column became what', async () => {
    for (const bytes of [
      encode('1,192.0.2.1\r\n2,198.51.100.0/24\r\n', 'shift_jis'),
      await workbook([
        {
          name: 'Sheet1',
          rows: [
            [1, '192.0.2.1'],
            [2, '198.51.100.0/24'],
          ],
        },
      ]),
    ]) {
      const result = await importBytes(bytes);
      expect(result.mapping).toMatchObject({ headerRow: null, ip: 1, memo: null });
      expect(result.entries.map((e) => e.memo)).toEqual(['', '']);
      const note = result.problems.find((p) => p.code === 'IMPORT_NO_HEADER');
      expect(note?.severity).toBe('warning');
      expect(note?.message).toContain('address from column B');
      expect(note?.message).toContain('memo from column -');
      expect(note?.message).toContain('not read: A');
      expect(formatProblem(note!, 'ja')).toContain('アドレスは B 列');
    }
  });

  it('takes the memo from a text column next to the row numbers', async () => {
    const text = '1,192.0.2.1,本社\r\n2,198.51.100.0/24,大阪\r\n';
    const result = await importBytes(encode(text, 'shift_jis'));
    expect(result.mapping).toMatchObject({ headerRow: null, ip: 1, memo: 2 });
    expect(result.entries.map((e) => e.memo)).toEqual(['本社', '大阪']);
    expect(result.problems[0]?.message).toContain('memo from column C (not read: A)');
  });

  it('property: a column of increasing numbers is never the memo', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.integer({ min: 0, max: 99999 }), { minLength: 1, maxLength: 20 }),
        fc.boolean(),
        async (numbers, numbersFirst) => {
          const sorted = [...numbers].sort((a, b) => a - b);
          const text = sorted
            .map((n, i) => {
              const ip = `192.0.${Math.floor(i / 250)}.${(i % 250) + 1}`;
              return numbersFirst ? `${n},${ip}` : `${ip},${n}`;
            })
            .join('\n');
          const result = await importBytes(encode(text, 'utf-8'));
          expect(result.mapping.memo).toBeNull();
          expect(result.entries.every((e) => e.memo === '')).toBe(true);
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('import messages name spreadsheet rows', () => {
  it('a covered or duplicate row names the other row, in English and Japanese', async () => {
    const lines = ['No.,接続元IPアドレス,説明'];
    for (let i = 1; i <= 8; i++) lines.push(`${i},203.0.113.${i},host ${i}`);
    lines.push(
      '9,198.51.100.0/24,"Osaka ""north"""',
      '10,198.51.100.9,inside',
      '11,203.0.113.1,dup',
    );
    const result = await importBytes(encode(lines.join('\r\n'), 'shift_jis'), { validate: true });
    const overlap = result.problems.filter(
      (p) => p.code === 'COVERED_BY_ENTRY' || p.code === 'DUPLICATE_ENTRY',
    );
    expect(overlap.map((p) => [p.code, p.row, p.message])).toEqual([
      [
        'COVERED_BY_ENTRY',
        11,
        'Row 11 (198.51.100.9) is already covered by row 10 (198.51.100.0/24, "Osaka "north"").',
      ],
      ['DUPLICATE_ENTRY', 12, 'Row 12 (203.0.113.1) duplicates row 2.'],
    ]);
    expect(formatProblem(overlap[1]!, 'ja')).toBe(
      '12 行目（203.0.113.1）は 2 行目と重複しています。どちらか一方を削除してください。',
    );
    for (const p of result.problems) expect(formatProblem(p, 'en')).not.toMatch(/\bentry\b/i);
  });
});
