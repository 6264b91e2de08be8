import { describe, expect, it } from 'vitest';
import { formatMessage } from '../../../../shared/i18n/messages.ts';
import {
  IMPORT_ERROR_CODES,
  importBytes,
  isImportError,
  type ImportOptions,
} from '../../../../shared/import/index.ts';
import { deflatedEntry, rawZip, workbook } from '../../support/make-files.ts';

const MB = 1024 * 1024;
const text = (s: string) => new TextEncoder().encode(s);

/** The ImportError a real import of `bytes` throws. */
async function failure(bytes: Uint8Array, options?: ImportOptions) {
  try {
    await importBytes(bytes, options);
  } catch (error) {
    if (isImportError(error)) return error;
    throw error;
  }
  throw new Error('the import succeeded');
}

describe('whole-file import errors are translated from their code and params', () => {
  it('every ImportError code has an English and a Japanese sentence', () => {
    for (const code of IMPORT_ERROR_CODES) {
      expect(formatMessage(code, {}, 'en'), code).not.toBeNull();
      expect(formatMessage(code, {}, 'ja'), code).not.toBeNull();
    }
  });

  const csv = text('IP address,Memo\r\n192.0.2.1,a\r\n192.0.2.2,b\r\n192.0.2.3,c\r\n');
  const cases: [string, () => Promise<Uint8Array>, ImportOptions | undefined, string[]][] = [
    [
      'FILE_TOO_LARGE',
      async () => new Uint8Array(2 * MB).fill(0x41),
      { limits: { maxFileBytes: MB } },
      ['2 MB', '1 MB'],
    ],
    ['TOO_MANY_ROWS', async () => csv, { limits: { maxRows: 2 } }, ['4 行', '最大 2 行']],
    [
      'ZIP_RATIO_TOO_HIGH',
      async () =>
        rawZip([
          deflatedEntry('xl/workbook.xml', text('<workbook/>')),
          deflatedEntry('xl/worksheets/sheet1.xml', new Uint8Array(8 * MB)),
        ]),
      undefined,
      ['「xl/worksheets/sheet1.xml」', '最大 500 倍'],
    ],
    [
      'SHEET_NOT_FOUND',
      () => workbook([{ name: 'Offices', rows: [['IP address'], ['192.0.2.1']] }]),
      { sheet: 'Branches' },
      ['「Branches」', '"Offices"'],
    ],
  ];
  it.each(cases)(
    '%s: the Japanese sentence names the limit or detail; the English one is the thrown message',
    async (code, make, options, inJapanese) => {
      const error = await failure(await make(), options);
      expect(error.code).toBe(code);
      const ja = formatMessage(error.code, error.params, 'ja');
      for (const part of inJapanese) expect(ja).toContain(part);
      expect(ja).not.toMatch(/\{\w+\}/);
      const en = formatMessage(error.code, error.params, 'en');
      expect(en).not.toMatch(/\{\w+\}/);
      if (code !== 'TOO_MANY_ROWS') expect(en).toBe(error.message);
    },
  );

  it('a damaged workbook keeps its detail', async () => {
    const error = await failure(
      rawZip([
        deflatedEntry('xl/workbook.xml', text('<workbook/>')),
        deflatedEntry('xl/worksheets/sheet1.xml', new Uint8Array(4 * MB).fill(0x41), 1000),
      ]),
    );
    expect(error.code).toBe('CORRUPT_WORKBOOK');
    expect(formatMessage(error.code, error.params, 'en')).toBe(error.message);
    expect(formatMessage(error.code, error.params, 'ja')).toContain(String(error.params.detail));
  });
});
