import { describe, expect, it } from 'vitest';
import { importBytes } from '../../../../shared/import/index.ts';
import { encode } from '../../support/make-files.ts';

const JA_CSV =
  '"IPアドレス","CIDR","メモ"\r\n"192.0.2.8","","東京本社"\r\n"198.51.100.0","24","大阪・髙橋①"\r\n';

describe('text files: encodings', () => {
  it.each(['utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be', 'shift_jis'] as const)(
    'reads %s and reports the encoding',
    async (encoding) => {
      const result = await importBytes(encode(JA_CSV, encoding));
      expect(result.stats.encoding).toBe(encoding);
      expect(result.entries).toEqual([
        { ip: '192.0.2.8', cidr: null, memo: '東京本社', row: 2 },
        { ip: '198.51.100.0', cidr: 24, memo: '大阪・髙橋①', row: 3 },
      ]);
    },
  );

  it("reads Excel's Unicode text (UTF-16 LE with BOM, tab separated)", async () => {
    const text = 'グローバルIP\tプレフィックス\t拠点\r\n203.0.113.0\t24\t名古屋, 2F\r\n';
    const result = await importBytes(encode(text, 'utf-16le'));
    expect(result.stats).toMatchObject({ format: 'tsv', delimiter: '\t', encoding: 'utf-16le' });
    expect(result.entries).toEqual([{ ip: '203.0.113.0', cidr: 24, memo: '名古屋, 2F', row: 2 }]);
  });

  it('refuses bytes that are neither UTF-8 nor Shift_JIS, instead of guessing', async () => {
    const bytes = new Uint8Array([
      0x31, 0x2e, 0x32, 0x2e, 0x33, 0x2e, 0x34, 0x2c, 0x80, 0xfd, 0xfe, 0x0a,
    ]);
    await expect(importBytes(bytes)).rejects.toMatchObject({ code: 'UNKNOWN_ENCODING' });
  });

  it('refuses a UTF-16 BOM followed by an odd byte count', async () => {
    await expect(importBytes(new Uint8Array([0xff, 0xfe, 0x31, 0x00, 0x2e]))).rejects.toMatchObject(
      { code: 'UNKNOWN_ENCODING' },
    );
  });
});

describe('text files: delimiters and quoting', () => {
  it.each([
    [',', 'csv'],
    ['\t', 'tsv'],
    [';', 'ssv'],
  ])('detects the delimiter %j', async (d, format) => {
    const text =
      ['IP Address', 'CIDR', 'Memo'].join(d) + '\n' + ['192.0.2.1', '32', 'a, b'].join(d) + '\n';
    const quoted = d === ',' ? text.replace('a, b', '"a, b"') : text;
    const result = await importBytes(encode(quoted, 'utf-8'));
    expect(result.stats.format).toBe(format);
    expect(result.entries).toEqual([{ ip: '192.0.2.1', cidr: 32, memo: 'a, b', row: 2 }]);
  });

  it('keeps commas, quotes and line breaks inside quoted fields, and counts rows as Excel does', async () => {
    const text = 'IP,Memo\r\n192.0.2.1,"line one\r\nline two, ""quoted"""\r\n192.0.2.2,next\r\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.entries).toEqual([
      { ip: '192.0.2.1', cidr: null, memo: 'line one\r\nline two, "quoted"', row: 2 },
      { ip: '192.0.2.2', cidr: null, memo: 'next', row: 3 },
    ]);
  });

  it('keeps memos exactly, including formula-looking text and surrounding spaces', async () => {
    const text =
      'IP,Memo\n192.0.2.1,=HYPERLINK("http://x")\n192.0.2.2,"  padded  "\n192.0.2.3,@SUM(1)\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.entries.map((e) => e.memo)).toEqual([
      '=HYPERLINK("http://x")',
      '  padded  ',
      '@SUM(1)',
    ]);
  });
});

describe('header detection and mapping', () => {
  it('finds a header below title rows and reports it', async () => {
    const text =
      '株式会社サンプル 接続元一覧\n\n作成: 2026-04-01\nNo.,サブネットマスク,備考,IPアドレス\n1,255.255.255.0,本社,198.51.100.0\n';
    const result = await importBytes(encode(text, 'shift_jis'));
    expect(result.mapping).toEqual({ headerRow: 4, dataStartRow: 5, ip: 3, prefix: 1, memo: 2 });
    expect(result.headers).toEqual(['No.', 'サブネットマスク', '備考', 'IPアドレス']);
    expect(result.entries).toEqual([{ ip: '198.51.100.0', cidr: 24, memo: '本社', row: 5 }]);
  });

  it.each([
    ['IP Address', 'Prefix', 'Note'],
    ['ip_address', 'prefix length', 'Site'],
    ['グローバルIP', 'プレフィックス', '拠点'],
    ['IPアドレス（必須）', 'Subnet mask', 'Name'],
  ])('recognises the header names %s / %s / %s', async (ip, prefix, memo) => {
    const value = /mask/i.test(prefix) ? '255.255.255.0' : '24';
    const text = `${ip},${prefix},${memo}\n198.51.100.0,${value},x\n`;
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.mapping).toMatchObject({ headerRow: 1, ip: 0, prefix: 1, memo: 2 });
    expect(result.entries).toEqual([{ ip: '198.51.100.0', cidr: 24, memo: 'x', row: 2 }]);
  });

  it('reads a single column of networks without any header', async () => {
    const text = '198.51.100.0/24\n192.0.2.1-192.0.2.2\n203.0.113.*\n192.0.2.9 255.255.255.255\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.mapping).toEqual({
      headerRow: null,
      dataStartRow: 1,
      ip: 0,
      prefix: null,
      memo: null,
    });
    expect(result.entries.map((e) => [e.ip, e.cidr, e.row])).toEqual([
      ['198.51.100.0', 24, 1],
      ['192.0.2.1', 32, 2],
      ['192.0.2.2', 32, 2],
      ['203.0.113.0', 24, 3],
      ['192.0.2.9', 32, 4],
    ]);
  });

  it('without a header, a bad address on the first row is an error for that row, not skipped', async () => {
    const text = 'Office list 2024\n10.0.0.300,office A\n192.0.2.1,Tokyo\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.mapping).toMatchObject({ headerRow: null, dataStartRow: 2, ip: 0, memo: 1 });
    expect(result.entries).toEqual([{ ip: '192.0.2.1', cidr: null, memo: 'Tokyo', row: 3 }]);
    expect(result.problems.map((p) => [p.code, p.row, p.field])).toEqual([
      ['IMPORT_NO_HEADER', undefined, undefined],
      ['IP_OCTET_OUT_OF_RANGE', 2, 'ip'],
    ]);
    expect(result.stats).toMatchObject({ rows: 2, importedRows: 1, errorRows: 1 });
  });

  it('a value past the last heading (a memo split by an unquoted comma) is reported by row and cell', async () => {
    const text = 'IP address,Memo\n192.0.2.1,Tokyo, 2F\n192.0.2.2,Osaka\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.entries.map((e) => [e.ip, e.memo, e.row])).toEqual([
      ['192.0.2.1', 'Tokyo', 2],
      ['192.0.2.2', 'Osaka', 3],
    ]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'IMPORT_UNNAMED_COLUMN',
        severity: 'warning',
        row: 2,
        params: { row: 2, column: 'C' },
        message:
          'Row 2: cell C2 has a value under no heading, so it was not imported (a memo with an unquoted comma?).',
      }),
    ]);
  });

  it('uses a lone "CIDR" column holding a.b.c.d/n as the address column', async () => {
    const result = await importBytes(encode('CIDR,Memo\n198.51.100.0/24,x\n', 'utf-8'));
    expect(result.mapping).toMatchObject({ ip: 0, prefix: null, memo: 1 });
    expect(result.entries).toEqual([{ ip: '198.51.100.0', cidr: 24, memo: 'x', row: 2 }]);
  });

  it('accepts a mapping chosen by the user instead of the detected one', async () => {
    const text = 'a,b,c\n1,198.51.100.0,x\n2,192.0.2.1,y\n';
    const result = await importBytes(encode(text, 'utf-8'), {
      mapping: { headerRow: 1, dataStartRow: 2, ip: 1, prefix: null, memo: 0 },
    });
    expect(result.entries).toEqual([
      { ip: '198.51.100.0', cidr: null, memo: '1', row: 2 },
      { ip: '192.0.2.1', cidr: null, memo: '2', row: 3 },
    ]);
  });

  it('refuses a mapping with a header after the data', async () => {
    await expect(
      importBytes(encode('x\n', 'utf-8'), {
        mapping: { headerRow: 3, dataStartRow: 2, ip: 0, prefix: null, memo: null },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_MAPPING' });
  });

  it('says so when no column holds IP data', async () => {
    await expect(
      importBytes(encode('name,phone\nTaro,03-1234-5678\n', 'utf-8')),
    ).rejects.toMatchObject({
      code: 'NO_IP_DATA',
      message: 'No column of IP addresses was found.',
    });
  });
});

describe('rows to entries', () => {
  const csv = [
    'IP Address,CIDR,Memo',
    '192.0.2.8,,single', // 2
    '198.51.100.0,/24,cidr column with slash', // 3
    '203.0.113.0,255.255.255.0,netmask column', // 4
    '192.0.2.0/25,,inline cidr', // 5
    '192.0.2.0 255.255.255.128,,inline netmask', // 6
    '10.0.0.0-10.0.0.255,,range', // 7
    '10.0.1.1 - 10.0.1.6,,range spans blocks', // 8
    '172.16.*.*,,wildcard', // 9
    '１９２．０．２．５,,full width', // 10
    ',,', // 11 blank
    ',,memo without address', // 12
    '2001:db8::1,,ipv6', // 13
    '256.1.1.1,,octet', // 14
    '192.0.2.1,33,prefix', // 15
    '010.1.1.1,,zero padded', // 16
  ].join('\r\n');

  it('converts every notation, names every problem by its spreadsheet row, and keeps the memo on each piece of a range', async () => {
    const result = await importBytes(encode(csv, 'shift_jis'));
    const byRow = (row: number) =>
      result.entries.filter((e) => e.row === row).map((e) => `${e.ip}/${e.cidr ?? '-'} ${e.memo}`);
    expect(byRow(2)).toEqual(['192.0.2.8/- single']);
    expect(byRow(3)).toEqual(['198.51.100.0/24 cidr column with slash']);
    expect(byRow(4)).toEqual(['203.0.113.0/24 netmask column']);
    expect(byRow(5)).toEqual(['192.0.2.0/25 inline cidr']);
    expect(byRow(6)).toEqual(['192.0.2.0/25 inline netmask']);
    expect(byRow(7)).toEqual(['10.0.0.0/24 range']);
    expect(byRow(8)).toEqual([
      '10.0.1.1/32 range spans blocks',
      '10.0.1.2/31 range spans blocks',
      '10.0.1.4/31 range spans blocks',
      '10.0.1.6/32 range spans blocks',
    ]);
    expect(byRow(9)).toEqual(['172.16.0.0/16 wildcard']);
    expect(byRow(10)).toEqual(['192.0.2.5/- full width']);
    expect(byRow(16)).toEqual(['10.1.1.1/- zero padded']);
    const errors = result.problems
      .filter((p) => p.severity === 'error')
      .map((p) => [p.row, p.code]);
    expect(errors).toEqual([
      [12, 'IMPORT_MISSING_IP'],
      [13, 'IPV6_NOT_SUPPORTED'],
      [14, 'IP_OCTET_OUT_OF_RANGE'],
      [15, 'PREFIX_OUT_OF_RANGE'],
    ]);
    const warnings = result.problems
      .filter((p) => p.severity === 'warning')
      .map((p) => `${p.row} ${p.code}`);
    expect(warnings).toContain('8 RANGE_EXPANDED');
    expect(warnings).toContain('16 ZERO_PADDED_OCTET');
    expect(result.problems.find((p) => p.row === 12)?.message).toBe(
      'Row 12: the address cell (A12) is empty but the row is not.',
    );
    expect(result.stats).toMatchObject({
      rows: 15,
      blankRows: 1,
      errorRows: 4,
      importedRows: 10,
      errors: 4,
    });
  });

  it('reports more entries than the service accepts as a list problem, not a row problem', async () => {
    const rows = Array.from({ length: 12 }, (_, i) => `198.51.100.${i}`).join('\n');
    const result = await importBytes(encode(rows, 'utf-8'), { limits: { maxEntries: 10 } });
    expect(result.entries).toHaveLength(12);
    const problem = result.problems.find((p) => p.code === 'TOO_MANY_ENTRIES');
    expect(problem).toMatchObject({ severity: 'error' });
    expect(problem?.row).toBeUndefined();
  });
});

describe('header detection: a title that looks like a header', () => {
  it('prefers the header row with addresses below it', async () => {
    const text = 'IPアドレス\n\n拠点,IPアドレス,プレフィックス\n本社,198.51.100.0,24\n';
    const result = await importBytes(encode(text, 'utf-8'));
    expect(result.mapping).toEqual({ headerRow: 3, dataStartRow: 4, ip: 1, prefix: 2, memo: 0 });
    expect(result.entries).toEqual([{ ip: '198.51.100.0', cidr: 24, memo: '本社', row: 4 }]);
  });
});
