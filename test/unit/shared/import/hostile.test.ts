import { describe, expect, it } from 'vitest';
import { deflateSync } from 'fflate';
import { importBytes } from '../../../../shared/import/index.ts';
import { deflatedEntry, encode, rawZip, workbook } from '../../support/make-files.ts';

const MB = 1024 * 1024;

describe('zip archives are checked before anything is inflated', () => {
  it('refuses a small archive that would inflate to 800 MB (entries sharing one body)', async () => {
    const body = deflatedEntry('xl/worksheets/sheet1.xml', new Uint8Array(8 * MB));
    const entries = [deflatedEntry('xl/workbook.xml', new TextEncoder().encode('<workbook/>'))];
    for (let i = 0; i < 100; i++)
      entries.push({ ...body, name: `xl/worksheets/sheet${i + 1}.xml` });
    const bomb = rawZip(entries, { overlapAfterFirst: 1 });
    expect(bomb.length).toBeLessThan(2 * MB);
    // With default limits the ratio guard fires first; with it raised, the total-size guard does.
    await expect(importBytes(bomb)).rejects.toMatchObject({ code: 'ZIP_RATIO_TOO_HIGH' });
    await expect(importBytes(bomb, { limits: { maxRatio: 100_000 } })).rejects.toMatchObject({
      code: 'ZIP_TOO_LARGE',
      message:
        'The workbook would unpack to more than 200 MB; the import refuses it (a "zip bomb" guard).',
    });
  });

  it('refuses an entry whose compression ratio is beyond any real workbook', async () => {
    const zip = rawZip([
      deflatedEntry('xl/workbook.xml', new TextEncoder().encode('<workbook/>')),
      deflatedEntry('xl/worksheets/sheet1.xml', new Uint8Array(64 * MB)),
    ]);
    await expect(importBytes(zip)).rejects.toMatchObject({ code: 'ZIP_RATIO_TOO_HIGH' });
  });

  it('refuses an entry that inflates beyond the size its directory declares', async () => {
    const zip = rawZip([
      deflatedEntry('xl/workbook.xml', new TextEncoder().encode('<workbook/>')),
      deflatedEntry('xl/worksheets/sheet1.xml', new Uint8Array(4 * MB).fill(0x41), 1000),
    ]);
    await expect(importBytes(zip)).rejects.toMatchObject({
      code: 'CORRUPT_WORKBOOK',
      message: expect.stringContaining(
        '"xl/worksheets/sheet1.xml" does not inflate to the size its zip directory declares',
      ),
    });
  });

  it('refuses an archive with too many entries, naming the limit', async () => {
    const tiny = {
      name: 'x',
      data: deflateSync(new Uint8Array(1)),
      method: 8 as const,
      crc: 0xd202ef8d,
      uncompressedSize: 1,
    };
    const entries = Array.from({ length: 10_001 }, (_, i) => ({ ...tiny, name: `f${i}` }));
    await expect(importBytes(rawZip(entries, { overlapAfterFirst: 1 }))).rejects.toMatchObject({
      code: 'ZIP_TOO_MANY_ENTRIES',
      message: 'The workbook archive holds 10001 files; the import accepts at most 10000.',
    });
  });
});

describe('unreadable files give one clear error', () => {
  it('a truncated workbook', async () => {
    const bytes = await workbook([{ name: 'S', rows: [['192.0.2.1']] }]);
    await expect(
      importBytes(bytes.subarray(0, Math.floor(bytes.length / 2))),
    ).rejects.toMatchObject({ code: 'CORRUPT_WORKBOOK' });
  });

  it('a workbook whose compressed data is damaged', async () => {
    const bytes = await workbook([
      { name: 'S', rows: [['IP'], ...Array.from({ length: 200 }, (_, i) => [`192.0.2.${i}`])] },
    ]);
    const damaged = bytes.slice();
    for (let i = 200; i < 1200; i++) damaged[i] = 0xff ^ (damaged[i] ?? 0);
    await expect(importBytes(damaged)).rejects.toMatchObject({ code: 'CORRUPT_WORKBOOK' });
  });

  it('a workbook whose XML is not a workbook', async () => {
    const zip = rawZip([
      deflatedEntry('[Content_Types].xml', new TextEncoder().encode('<Types/>')),
      deflatedEntry('xl/workbook.xml', new TextEncoder().encode('this is not xml <<<')),
    ]);
    await expect(importBytes(zip)).rejects.toMatchObject({ code: 'CORRUPT_WORKBOOK' });
  });

  it('a password-protected workbook (an OLE container with EncryptionInfo)', async () => {
    // Excel stores an encrypted .xlsx as an OLE compound file; this is its signature and stream name.
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(encode('EncryptionInfo', 'utf-16le').subarray(2), 1024);
    await expect(importBytes(bytes)).rejects.toMatchObject({
      code: 'ENCRYPTED_WORKBOOK',
      message: 'The workbook is password-protected; save it without a password and import again.',
    });
  });

  it('a legacy .xls workbook', async () => {
    const bytes = new Uint8Array(4096);
    bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    bytes.set(encode('Workbook', 'utf-16le').subarray(2), 1024);
    await expect(importBytes(bytes)).rejects.toMatchObject({ code: 'LEGACY_XLS' });
  });

  it('a zip that is not a workbook', async () => {
    const zip = rawZip([deflatedEntry('photo.jpg', new Uint8Array(100))]);
    await expect(importBytes(zip)).rejects.toMatchObject({ code: 'NOT_A_SPREADSHEET' });
  });

  it('a PNG image', async () => {
    const png = new Uint8Array([
      0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0,
      1, 0,
    ]);
    await expect(importBytes(png)).rejects.toMatchObject({ code: 'NOT_A_SPREADSHEET' });
  });

  it('an empty file', async () => {
    await expect(importBytes(new Uint8Array(0))).rejects.toMatchObject({
      code: 'NO_IP_DATA',
      message: 'The file is empty.',
    });
  });
});

describe('limits are named when hit', () => {
  it('file size', async () => {
    await expect(
      importBytes(new Uint8Array(2 * MB), { limits: { maxFileBytes: MB } }),
    ).rejects.toMatchObject({
      code: 'FILE_TOO_LARGE',
      message: 'The file is 2 MB; the import accepts files up to 1 MB.',
    });
  });

  it('rows', async () => {
    const text = Array.from({ length: 101 }, (_, i) => `192.0.${i}.1`).join('\n');
    await expect(
      importBytes(encode(text, 'utf-8'), { limits: { maxRows: 100 } }),
    ).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: 'The file has 101 rows; the import accepts at most 100.',
    });
  });
});

describe('XLSX sheet size is known before the workbook is parsed', () => {
  it('refuses a sheet with more rows than the limit, naming it', async () => {
    const bytes = await workbook([
      { name: 'S', rows: Array.from({ length: 30 }, (_, i) => [`192.0.2.${i}`]) },
    ]);
    await expect(importBytes(bytes, { limits: { maxRows: 20 } })).rejects.toMatchObject({
      code: 'TOO_MANY_ROWS',
      message: 'A sheet of the workbook has 30 rows; the import accepts at most 20.',
    });
  });

  it('refuses a sheet with more filled cells than the limit', async () => {
    const bytes = await workbook([
      { name: 'S', rows: Array.from({ length: 10 }, (_, i) => [`192.0.2.${i}`, 'a', 'b']) },
    ]);
    await expect(importBytes(bytes, { limits: { maxCells: 25 } })).rejects.toMatchObject({
      code: 'TOO_MANY_CELLS',
      message: 'A sheet of the workbook has 30 filled cells; the import accepts at most 25.',
    });
  });
});

describe('progress and cancellation', () => {
  const big = encode(
    [
      'IP,Memo',
      ...Array.from({ length: 10_000 }, (_, i) => `10.${i >> 8}.${i & 255}.1,m${i}`),
    ].join('\n'),
    'utf-8',
  );

  it('reports progress up to the total', async () => {
    const seen: { done: number; total: number }[] = [];
    await importBytes(big, { onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(2);
    expect(seen.at(-1)).toEqual({ done: 10_000, total: 10_000 });
    expect(seen.every((p, i) => i === 0 || p.done >= (seen[i - 1]?.done ?? 0))).toBe(true);
  });

  it('stops when the signal aborts mid-way', async () => {
    const controller = new AbortController();
    let calls = 0;
    const run = importBytes(big, {
      signal: controller.signal,
      onProgress: () => {
        calls++;
        if (calls === 1) controller.abort();
      },
    });
    await expect(run).rejects.toMatchObject({ code: 'IMPORT_ABORTED' });
    expect(calls).toBe(1);
  });
});

describe('prototype pollution is impossible', () => {
  it('headers, memos and sheet names like __proto__ stay data', async () => {
    const csv = '__proto__,constructor,prototype\n192.0.2.1,__proto__,x\n';
    const fromCsv = await importBytes(encode(csv, 'utf-8'), {
      mapping: { headerRow: 1, dataStartRow: 2, ip: 0, prefix: null, memo: 1 },
    });
    expect(fromCsv.entries).toEqual([{ ip: '192.0.2.1', cidr: null, memo: '__proto__', row: 2 }]);
    expect(fromCsv.headers).toEqual(['__proto__', 'constructor', 'prototype']);

    const xlsx = await workbook([
      {
        name: '__proto__',
        rows: [
          ['IP', '__proto__', 'Memo'],
          ['192.0.2.2', 'polluted', 'constructor'],
        ],
      },
    ]);
    const fromXlsx = await importBytes(xlsx);
    expect(fromXlsx.sheet).toBe('__proto__');
    expect(fromXlsx.entries).toEqual([
      { ip: '192.0.2.2', cidr: null, memo: 'constructor', row: 2 },
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
});
