import { describe, expect, it } from 'vitest';
import { importBytes, type ImportResult } from '../../../../shared/import/index.ts';
import { encode } from '../../support/make-files.ts';

/**
 * Promise: no entry is lost or silently reinterpreted. Every data row gives its entries with its
 * own row number, or a problem naming the row; an address the file holds is never dropped
 * without a word.
 */
const read = (text: string, bytes = encode(text, 'utf-8')) => importBytes(bytes);

const namedRows = (result: ImportResult, severity?: 'error' | 'warning') =>
  result.problems
    .filter((p) => severity === undefined || p.severity === severity)
    .map((p) => p.row);

describe('a quote that is not closed where it should be swallows no row silently', () => {
  it('a memo written "Tokyo" office: the rows after it are not read into its memo unsaid', async () => {
    // papaparse reads everything from the quote to the next quote (here: the end) as one cell.
    const result = await read('IP,Memo\n10.0.0.1,"Tokyo" office\n10.0.0.2,Osaka\n10.0.0.3,Kyoto\n');
    expect(namedRows(result, 'error')).toContain(2);
    expect(result.stats.errors).toBeGreaterThan(0);
    // Row 2's entry is not taken with the next rows' addresses as its memo.
    expect(result.entries.filter((e) => e.memo.includes('10.0.0.2'))).toEqual([]);
  });

  it('a quote closed further down: the rows in between are named, the rest imported', async () => {
    const result = await read(
      'IP,Memo\n10.0.0.1,"Tokyo" office\n10.0.0.2,Osaka\n10.0.0.3,"Kyoto"\n10.0.0.4,Nara\n',
    );
    expect(namedRows(result, 'error')).toContain(2);
    expect(result.entries.filter((e) => e.memo.includes('10.0.0.2'))).toEqual([]);
    expect(result.entries.map((e) => e.ip)).toContain('10.0.0.4');
  });

  it('a title row with a stray quote that swallows the header and the first rows', async () => {
    const result = await read(
      'Office list,"see" note\nIP,Memo\n10.0.0.1,a\n10.0.0.2,"b"\n10.0.0.3,c\n',
    );
    // Read as one title row whose second cell runs to the quote before b: 10.0.0.1 and 10.0.0.2
    // are in it.
    expect(namedRows(result, 'error')).toContain(1);
  });

  it('an unterminated quote on the last row', async () => {
    const result = await read('IP,Memo\n10.0.0.1,a\n10.0.0.2,"Osaka\n');
    expect(namedRows(result, 'error')).toContain(3);
    expect(result.entries).toEqual([{ ip: '10.0.0.1', cidr: null, memo: 'a', row: 2 }]);
  });

  it('quotes papaparse reads without complaint (spaces after a closing quote) stay imported', async () => {
    const result = await read('IP,Memo\n10.0.0.1,"Tokyo"  \n10.0.0.2,Osaka\n');
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => [e.ip, e.memo, e.row])).toEqual([
      ['10.0.0.1', 'Tokyo', 2],
      ['10.0.0.2', 'Osaka', 3],
    ]);
  });
});

describe("a line break of another kind than the file's, outside quotes, hides no row", () => {
  // A CRLF file from Excel with lines appended by another program (`echo ... >> list.csv`): the
  // reader splits on CRLF only, so an LF line is read into the row before it.
  it.each([
    ['an LF line in a CRLF file', 'IP,Memo\r\n10.0.0.1,\n10.0.0.2,\r\n10.0.0.3,c\r\n'],
    ['a CR line in an LF file', 'IP,Memo\n10.0.0.1,\r10.0.0.2,\n10.0.0.3,c\n'],
    ['an LF line in a CR file', 'IP,Memo\r10.0.0.1,\n10.0.0.2,\r10.0.0.3,c\r'],
    ['LF lines appended at the end of a CRLF file', 'IP,Memo\r\n10.0.0.1,\n10.0.0.2,\n'],
  ])('%s', async (_, text) => {
    const result = await read(text);
    expect(namedRows(result, 'error')).toContain(2);
    expect(result.entries.filter((e) => e.memo.includes('10.0.0.2'))).toEqual([]);
  });

  it('line breaks inside quotes stay part of their cell (Excel writes LF in a CRLF file)', async () => {
    const result = await read('IP,Memo\r\n10.0.0.1,"Tokyo\nHQ"\r\n10.0.0.2,"a\rb"\r\n');
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.memo)).toEqual(['Tokyo\nHQ', 'a\rb']);
  });

  it('an empty line of another kind is a blank row, nothing lost', async () => {
    const result = await read('IP,Memo\r\n10.0.0.1,a\r\n\n\r\n10.0.0.2,b\r\n');
    expect(result.problems).toEqual([]);
    expect(result.entries.map((e) => e.ip)).toEqual(['10.0.0.1', '10.0.0.2']);
  });
});

describe('a byte order mark left at the start of the text (a file saved with two)', () => {
  it('reads the first quoted cell as papaparse does: the memo column is kept', async () => {
    const body = new TextEncoder().encode('"IP, range",Memo\n10.0.0.1,Tokyo\n10.0.0.2,Osaka\n');
    const once = await read('', new Uint8Array([0xef, 0xbb, 0xbf, ...body]));
    const twice = await read('', new Uint8Array([0xef, 0xbb, 0xbf, 0xef, 0xbb, 0xbf, ...body]));
    expect(once.entries.map((e) => e.memo)).toEqual(['Tokyo', 'Osaka']);
    expect(twice.entries).toEqual(once.entries);
    expect(twice.mapping).toEqual(once.mapping);
  });
});

describe('an address in a column not read as the address column is named on its row', () => {
  it('a second address column (a backup line) under its own heading', async () => {
    const result = await read(
      '拠点,IPアドレス,IPアドレス(予備)\n東京,192.0.2.1,198.51.100.1\n大阪,192.0.2.2,\n',
    );
    expect(result.entries.map((e) => e.ip)).toEqual(['192.0.2.1', '192.0.2.2']);
    expect(result.problems).toEqual([
      expect.objectContaining({
        row: 2,
        severity: 'warning',
        code: 'IMPORT_UNREAD_ADDRESS',
        params: { row: 2, column: 'C', ip: '198.51.100.1' },
      }),
    ]);
  });

  it('a column of addresses under a heading that is no role', async () => {
    const result = await read('IP,Memo,Gateway\n192.0.2.1,Tokyo,198.51.100.1\n');
    expect(namedRows(result, 'warning')).toEqual([2]);
  });

  it('a memo or a prefix column holding what looks like an address is read, not named', async () => {
    const result = await read('IP,Mask,Memo\n192.0.2.0,255.255.255.0,was 192.0.2.9\n');
    expect(result.problems).toEqual([]);
  });
});

describe('an address above the rows read as data is named', () => {
  it('a row with an address above the header row', async () => {
    const result = await read('192.0.2.1,Tokyo\nIP,Memo\n192.0.2.2,Osaka\n');
    expect(result.entries.map((e) => e.row)).toEqual([3]);
    expect(namedRows(result)).toContain(1);
  });

  it('a title row without an address above the header is not named', async () => {
    const result = await read('Office list 2024\nIP,Memo\n192.0.2.2,Osaka\n');
    expect(result.problems).toEqual([]);
  });

  it('without a header row, a first row holding an IPv6 address is a data row with its error', async () => {
    const result = await read('2001:db8::1,Tokyo\n192.0.2.1,Osaka\n192.0.2.2,Kyoto\n');
    expect(result.mapping.dataStartRow).toBe(1);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ row: 1, severity: 'error', code: 'IPV6_NOT_SUPPORTED' }),
    );
  });
});
