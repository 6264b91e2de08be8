import { readFile, writeFile } from 'node:fs/promises';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { allowlist as runAllowlist, scratchDir, listJson } from '../../support/cli.ts';
import { workbook } from '../support/make-files.ts';

/** Run the real `allowlist` command; resolves with its exit code and output. */
const allowlist = (...args: string[]) => runAllowlist(args);
/** `allowlist export IN --out OUT --format FORMAT [more]`, both files in the scratch folder. */
const exportList = (input: string, out: string, format: string, ...more: string[]) =>
  allowlist('export', path(input), '--out', path(out), '--format', format, ...more);

// Each test spawns the real command (twice for a round trip); a loaded machine needs time.
vi.setConfig({ testTimeout: 120_000 });

const { at: path } = scratchDir('allowlist-cli-');

beforeAll(async () => {
  const sjis =
    '"IP Address","CIDR","Memo"\r\n"198.51.100.0","24","大阪"\r\n"192.0.2.8","","東京"\r\n';
  await writeFile(path('clean.csv'), iconv.encode(sjis, 'cp932'));
  await writeFile(
    path('errors.csv'),
    'IPアドレス,備考\n203.0.113.5,ok\n203.0.113.300,typo\n,memo only\n',
  );
  await writeFile(
    path('book.xlsx'),
    await workbook([
      { name: 'Notes', rows: [['nothing here']] },
      {
        name: 'Osaka',
        rows: [
          ['IP', 'Memo'],
          ['198.51.100.7', 'osaka'],
        ],
      },
    ]),
  );
  await writeFile(
    path('picture.png'),
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]),
  );
  await writeFile(
    path('emoji.json'),
    listJson([
      { ip: '192.0.2.1', cidr: null, memo: 'ok' },
      { ip: '192.0.2.2', cidr: null, memo: '🎉' },
    ]),
  );
});

describe('allowlist import', () => {
  it('prints the --json shape and exits 0 for a clean Shift_JIS CSV', async () => {
    const { code, stdout } = await allowlist('import', path('clean.csv'), '--json');
    expect(code).toBe(0);
    // Not a terminal: one line of JSON, then the line break.
    expect(stdout.indexOf('\n')).toBe(stdout.length - 1);
    const json = JSON.parse(stdout);
    expect(json.entries).toEqual([
      { ip: '198.51.100.0', cidr: 24, memo: '大阪', row: 2 },
      { ip: '192.0.2.8', cidr: null, memo: '東京', row: 3 },
    ]);
    expect(json.mapping).toEqual({ headerRow: 1, dataStartRow: 2, ip: 0, prefix: 1, memo: 2 });
    expect(json.stats).toMatchObject({
      format: 'csv',
      encoding: 'shift_jis',
      entries: 2,
      errors: 0,
    });
    for (const p of json.problems)
      expect(Object.keys(p).sort()).toEqual(
        expect.arrayContaining(['code', 'message', 'row', 'severity']),
      );
  });

  it('exits 1 and names each bad row when some rows have errors', async () => {
    const { code, stdout } = await allowlist('import', path('errors.csv'));
    expect(code).toBe(1);
    expect(stdout).toContain('row 3: error IP_OCTET_OUT_OF_RANGE');
    expect(stdout).toContain('row 4: error IMPORT_MISSING_IP');
    expect(stdout).toMatch(/row +2 +203\.0\.113\.5 +ok/);
  });

  it('reads the sheet named by --sheet, and exits 2 naming the sheets when it does not exist', async () => {
    const ok = await allowlist('import', path('book.xlsx'), '--sheet', 'Osaka', '--json');
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({
      sheet: 'Osaka',
      sheets: ['Notes', 'Osaka'],
      entries: [{ ip: '198.51.100.7', memo: 'osaka', row: 2 }],
    });
    const missing = await allowlist('import', path('book.xlsx'), '--sheet', 'Kobe');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `allowlist import: ${path('book.xlsx')}: The workbook has no sheet "Kobe" (sheets: "Notes", "Osaka").\n`,
    );
  });

  it('exits 2 with one clear stderr line and no stack for a file that is not a spreadsheet', async () => {
    const { code, stdout, stderr } = await allowlist('import', path('picture.png'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('not a spreadsheet');
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for a missing file', async () => {
    const { code, stderr } = await allowlist('import', path('nope.csv'));
    expect(code).toBe(2);
    expect(stderr).toBe(`allowlist import: ${path('nope.csv')}: no such file.\n`);
  });
});

describe('allowlist export', () => {
  it("writes the service's CSV from a spreadsheet and exits 0", async () => {
    const { code, stdout } = await exportList('clean.csv', 'out.csv', 'cybozu-csv');
    expect(code).toBe(0);
    expect(stdout).toBe(`Wrote 2 of 2 entries to ${path('out.csv')} (cybozu-csv).\n`);
    expect(iconv.decode(await readFile(path('out.csv')), 'cp932')).toBe(
      '"IP Address","CIDR","Memo"\r\n"198.51.100.0","24","大阪"\r\n"192.0.2.8","","東京"\r\n',
    );
  });

  it('refuses a service CSV that would leave out an entry: nothing written, each entry named', async () => {
    const { code, stdout, stderr } = await exportList('emoji.json', 'emoji.csv', 'cybozu-csv');
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('EXPORT_UNENCODABLE_MEMO');
    expect(stderr).toContain('Entry 2 (192.0.2.2)');
    expect(stderr).toContain('nothing was written: 1 of 2 entries would be left out');
    await expect(readFile(path('emoji.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });

  it('--drop-unencodable writes the rest and says what it left out', async () => {
    const r = await exportList('emoji.json', 'emoji.csv', 'cybozu-csv', '--drop-unencodable');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Wrote 1 of 2 entries');
    expect(r.stdout).toContain(
      'Left out 1 entry as asked (--drop-unencodable): entry 2 (192.0.2.2).',
    );
    expect(iconv.decode(await readFile(path('emoji.csv')), 'cp932')).toBe(
      '"IP Address","CIDR","Memo"\r\n"192.0.2.1","","ok"\r\n',
    );
  });

  it('--replace-unencodable writes a visible "?" and says where', async () => {
    const r = await exportList(
      'emoji.json',
      'emoji-q.csv',
      'cybozu-csv',
      '--replace-unencodable',
      '--json',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ written: 2, refused: false, leftOut: [] });
    expect(out.problems.map((p: { code: string }) => p.code)).toContain('EXPORT_MEMO_REPLACED');
    const text = iconv.decode(await readFile(path('emoji-q.csv')), 'cp932');
    expect(text.split('\r\n')).toHaveLength(4);
    expect(text).toContain('?');
  });

  it('writes XLSX that imports back to the same entries', async () => {
    expect((await exportList('clean.csv', 'out.xlsx', 'xlsx')).code).toBe(0);
    const back = await allowlist('import', path('out.xlsx'), '--json');
    expect(
      JSON.parse(back.stdout).entries.map((e: { ip: string; memo: string }) => `${e.ip} ${e.memo}`),
    ).toEqual(['198.51.100.0 大阪', '192.0.2.8 東京']);
  });

  it('exits 2 on a bad --format without writing anything', async () => {
    const { code, stderr } = await exportList('clean.csv', 'never.csv', 'pdf');
    expect(code).toBe(2);
    expect(stderr).toContain('--format must be one of cybozu-csv, csv, xlsx');
    await expect(readFile(path('never.csv'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
