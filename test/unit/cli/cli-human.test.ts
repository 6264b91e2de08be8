import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { allowlist, scratchDir, type CliRun, listJson } from '../../support/cli.ts';
import { workbook } from '../support/make-files.ts';

const en = (...args: string[]) => allowlist(args, { lang: 'C' });
const ja = (...args: string[]) => allowlist(args, { lang: 'ja_JP.UTF-8' });

// Each test spawns the real command several times; on a loaded machine that takes a while.
vi.setConfig({ testTimeout: 120_000 });

const { dir, at: path } = scratchDir('allowlist-human-');

beforeAll(async () => {
  await writeFile(
    path('list.json'),
    listJson([
      { ip: '198.51.100.0', cidr: 25, memo: 'Osaka "north"' },
      { ip: '198.51.100.200', cidr: null, memo: '' },
      { ip: '192.0.2.8', cidr: null, memo: '東京' },
    ]),
  );
  await writeFile(
    path('other.json'),
    listJson([{ ip: '198.51.100.0', cidr: 25, memo: 'Osaka "south"' }]),
  );
  // The shapes of issue 13: a row-number column, a decorated address heading, a memo heading.
  await writeFile(
    path('ja-sjis.csv'),
    iconv.encode(
      'No.,接続元IPアドレス,説明\r\n1,198.51.100.0/24,本社 "3F"\r\n2,203.0.113.7,大阪支店\r\n',
      'cp932',
    ),
  );
  await writeFile(
    path('en.xlsx'),
    await workbook([
      {
        name: 'Offices',
        rows: [
          ['No', 'IP address/CIDR', 'Comment'],
          [1, '198.51.100.0/24', 'Head office'],
          [2, '203.0.113.7', 'Osaka'],
        ],
      },
    ]),
  );
  await writeFile(path('numbers.csv'), '1,198.51.100.0/24\n2,203.0.113.7\n');
});
describe('real sheets through the CLI', () => {
  it.each(['ja-sjis.csv', 'en.xlsx'])(
    '%s: memos come from the memo column, never the row numbers, and reach the service CSV',
    async (file) => {
      const read = await en('import', path(file), '--json');
      expect(read.code).toBe(0);
      const memos = JSON.parse(read.stdout).entries.map((e: { memo: string }) => e.memo);
      expect(memos).toEqual(
        file.endsWith('.csv') ? ['本社 "3F"', '大阪支店'] : ['Head office', 'Osaka'],
      );
      const out = path(`${file}.service.csv`);
      const exported = await en('export', path(file), '--out', out, '--format', 'cybozu-csv');
      expect(exported.code).toBe(0);
      const csv = iconv.decode(await readFile(out), 'cp932');
      expect(csv).toContain(`"198.51.100.0","24","${memos[0].replace(/"/g, '""')}"`);
      expect(csv).not.toMatch(/,"1"\r\n/);
    },
  );

  it('without a header, says which column became what (a warning, in Japanese too)', async () => {
    const r = await en('import', path('numbers.csv'));
    expect(r.stdout).toContain('Columns: address: B, prefix: none, memo: none (no header row).');
    expect(r.stdout).toContain(
      'warning IMPORT_NO_HEADER: No header row was found, so the columns were chosen by their content: address from column B, prefix from column -, memo from column - (not read: A).',
    );
    const j = await ja('import', path('numbers.csv'));
    expect(j.stdout).toContain(
      '列: アドレス: B 列、プレフィックス: なし、メモ: なし（見出し行なし）。',
    );
    expect(j.stdout).toContain('見出し行が見つからないため、内容から列を判断しました');
  });
});

describe('Japanese (LANG=ja_JP.UTF-8): every human line', () => {
  it('--help, command help, verdicts, counts and errors', async () => {
    const help = await ja('--help');
    expect(help.stdout).toContain('使い方: allowlist <コマンド> [オプション]');
    expect(help.stdout).toContain('2 つのリストの違い');
    expect(help.stdout).not.toMatch(/\b(usage|Commands|what changed)\b/);

    const check = await ja('check', '--list', path('list.json'), '192.0.2.8', '8.8.8.8');
    expect(check.stdout.split('\n')[0]).toMatch(/^192\.0\.2\.8\s+許可\s+192\.0\.2\.8 "東京"$/);
    expect(check.stdout.split('\n')[1]).toMatch(
      /^8\.8\.8\.8\s+拒否\s+一致するエントリはありません$/,
    );
    expect(check.stderr).toContain('警告 3 件');

    const validate = await ja('validate', path('list.json'));
    expect(validate.stdout).toContain(
      '問題なし — ALLOW_SPECIFIC、エントリ 3 件、エラー 0 件、警告 3 件',
    );
    expect(validate.stdout).toContain('警告   1 件目 ip:');

    const imported = await ja('import', path('ja-sjis.csv'));
    expect(imported.stdout).toContain(
      '2 行中 2 行から 2 件のエントリを読み込みました（csv, shift_jis）。',
    );

    const diff = await ja('diff', path('list.json'), path('other.json'));
    expect(diff.stdout).toContain('追加 0 件、削除 2 件、変更 1 件、変更なし 0 件');

    const missing = await ja('validate', path('nope.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe(
      `allowlist validate: ${path('nope.json')}: ファイルがありません。\n`,
    );

    const unknown = await ja('check', '--bogus');
    expect(unknown.stderr.split('\n')[0]).toBe(
      'allowlist check: 「--bogus」というオプションはありません（「allowlist check --help」を参照）。',
    );
    expect(unknown.stderr.split('\n')[1]).toMatch(/^使い方: allowlist check /);
  });
});

describe('check with a network', () => {
  it('answers whole / part (which part, by which entries) / none', async () => {
    const r = await en(
      'check',
      '--list',
      path('list.json'),
      '198.51.100.0/26',
      '198.51.100.0/24',
      '10.0.0.0/8',
    );
    expect(r.code).toBe(0);
    const [whole, part, none] = r.stdout.trim().split('\n');
    expect(whole).toMatch(
      /^198\.51\.100\.0\/26\s+allowed\s+the whole network \(64 addresses\), by 198\.51\.100\.0\/25 "Osaka "north""$/,
    );
    expect(part).toMatch(
      /PARTLY\s+129 of 256 addresses: 198\.51\.100\.0\/25, 198\.51\.100\.200\/32 by 198\.51\.100\.0\/25 "Osaka "north"", 198\.51\.100\.200; not allowed: 198\.51\.100\.128\/26, 198\.51\.100\.192\/29, 198\.51\.100\.201\/32, 198\.51\.100\.202\/31, 198\.51\.100\.204\/30, 198\.51\.100\.208\/28 … 1 more$/,
    );
    expect(none).toMatch(/^10\.0\.0\.0\/8\s+DENIED\s+none of its 16,777,216 addresses/);
    const json = JSON.parse(
      (await en('check', '--list', path('list.json'), '--json', '198.51.100.128/25')).stdout,
    );
    expect(json).toEqual([
      {
        ip: '198.51.100.128/25',
        network: '198.51.100.128/25',
        allowed: false,
        coverage: 'part',
        totalAddresses: 128,
        allowedAddresses: 1,
        allowedParts: ['198.51.100.200/32'],
        deniedParts: [
          '198.51.100.128/26',
          '198.51.100.192/29',
          '198.51.100.201/32',
          '198.51.100.202/31',
          '198.51.100.204/30',
          '198.51.100.208/28',
          '198.51.100.224/27',
        ],
        matches: [{ ip: '198.51.100.200', cidr: null, memo: '' }],
      },
    ]);
  });
});

describe('options, help and version', () => {
  it('--version prints the package version', async () => {
    const pkg = JSON.parse(await readFile(join(process.cwd(), 'cli/package.json'), 'utf8'));
    const r = await en('--version');
    expect(r).toEqual({ code: 0, stdout: `allowlist ${pkg.version}\n`, stderr: '' });
  });

  it.each(['check', 'impact', 'validate', 'aggregate', 'diff', 'import', 'export'])(
    '%s --help describes every option',
    async (command) => {
      const r = await en(command, '--help');
      expect(r.code).toBe(0);
      const options = r.stdout.split('\n').filter((l) => /^\s+(-\w, )?--/.test(l));
      expect(options.length).toBeGreaterThan(1);
      for (const line of options) expect(line).toMatch(/--[\w-]+( [A-Z]+)?\s{2,}\S/);
      expect(r.stdout).toContain('--json');
    },
  );

  it('an unknown option is one balanced line of ours, then the usage, exit 2', async () => {
    const r = await en('validate', path('list.json'), '--frobnicate=3');
    expect(r.code).toBe(2);
    const [first] = r.stderr.split('\n');
    expect(first).toBe(
      'allowlist validate: unknown option "--frobnicate" (see "allowlist validate --help").',
    );
    expect(r.stderr).not.toContain("'");
    expect((first!.match(/"/g) ?? []).length % 2).toBe(0);
  });

  it('every command takes --json', async () => {
    const runs: CliRun[] = [
      await en('check', '--list', path('list.json'), '--json', '192.0.2.8'),
      await en('validate', path('list.json'), '--json'),
      await en('aggregate', path('list.json'), '--json'),
      await en('diff', path('list.json'), path('other.json'), '--json'),
      await en('import', path('ja-sjis.csv'), '--json'),
      await en(
        'export',
        path('list.json'),
        '--out',
        path('json-export.csv'),
        '--format',
        'csv',
        '--json',
      ),
    ];
    for (const r of runs) expect(() => JSON.parse(r.stdout)).not.toThrow();
    expect(JSON.parse(runs[5]!.stdout)).toMatchObject({ written: 3, refused: false });
  });
});

describe('aggregate --out', () => {
  it('writes the resulting list atomically, readable by the other commands', async () => {
    const r = await en('aggregate', path('list.json'), '--out', path('merged.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote 3 entries to ${path('merged.json')}.`);
    const merged = JSON.parse(await readFile(path('merged.json'), 'utf8'));
    expect(merged.mode).toBe('ALLOW_SPECIFIC');
    expect(merged.entries).toHaveLength(3);
    expect((await en('validate', path('merged.json'))).code).toBe(0);
    expect((await readdir(dir)).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('an unwritable --out is exit 2 with one line, and nothing is left behind', async () => {
    const r = await en('aggregate', path('list.json'), '--out', path('no/such/dir/out.json'));
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n').at(-1)).toMatch(
      /^allowlist aggregate: cannot write .*out\.json \(ENOENT\)\.$/,
    );
  });
});

describe('memos print as written', () => {
  it('quotes are not escaped in human output', async () => {
    const imported = await en('import', path('ja-sjis.csv'));
    expect(imported.stdout).toContain('本社 "3F"');
    expect(imported.stdout).not.toContain('\\"');
    const diff = await en('diff', path('list.json'), path('other.json'));
    expect(diff.stdout).toContain('memo "Osaka "north"" -> "Osaka "south""');
  });
});

describe('a JSON list that is not an allowlist', () => {
  it('names the place and says what is wrong, in zod English sentences', async () => {
    const cases = [
      [
        { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '192.0.2.1', cidr: '24', memo: 'x' }] },
        'at entries.0.cidr: Invalid input: expected number, received string.',
      ],
      [
        { mode: 'ALLOW_SOME', entries: [] },
        'at mode: Invalid option: expected one of "ALLOW_ALL"|"ALLOW_SPECIFIC".',
      ],
      [
        { mode: 'ALLOW_SPECIFIC', entries: [], limits: { maxEntries: 0 } },
        'at limits.maxEntries: Too small: expected number to be >0.',
      ],
    ] as const;
    for (const [list, where] of cases) {
      await writeFile(path('not-a-list.json'), JSON.stringify(list));
      const r = await en('validate', path('not-a-list.json'));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `allowlist validate: ${path('not-a-list.json')}: not an allowlist (expected { "mode", "entries": [ { "ip", "cidr", "memo" } ] }) ${where}\n`,
      );
    }
  });
});
