import { spawnSync } from 'node:child_process';
import { createWriteStream, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { ALLOWLIST_COMMAND, allowlistSync, scratchDir, listJson } from '../../support/cli.ts';

/**
 * `allowlist impact` as an admin runs it: the real CLI in a child process on logs the test
 * writes (plain, gzip, TSV, combined, stdin, a huge line without newlines).
 */
const { at } = scratchDir('allowlist-impact-');
const cli = allowlistSync;
const [node, bin] = ALLOWLIST_COMMAND;
const impact = (log: string, ...more: string[]) =>
  cli(['impact', '--list', at('list.json'), '--log', log, '--json', ...more]);
const json = (r: { stdout: string }) => JSON.parse(r.stdout) as Record<string, unknown>;

// 192.0.2.8 and 198.51.100.0/24 are allowed; 8.8.8.8 and 9.9.9.9 are not.
const clients = ['192.0.2.8', '8.8.8.8', '198.51.100.7', '8.8.8.8', '9.9.9.9'];
const expected = { lines: 5, addresses: 5, allowed: 2, denied: 3, uniqueDenied: 2 };
const combined = clients
  .map(
    (ip, i) =>
      `${ip} - - [24/Nov/2026:09:00:0${i} +0900] "GET /k/v1/records.json?from=10.0.0.1 HTTP/1.1" 200 12 "-" "Mozilla/5.0 (X11, Linux)"\n`,
  )
  .join('');

beforeAll(() => {
  writeFileSync(
    at('list.json'),
    listJson([
      { ip: '198.51.100.0', cidr: 24, memo: 'Osaka office' },
      { ip: '192.0.2.8', cidr: null, memo: 'Tokyo office' },
    ]),
  );
  writeFileSync(at('access.log'), combined);
});

describe('allowlist impact reads logs as they come', () => {
  it('combined log format: detected, and --column 1 is the client even with a comma in the agent', () => {
    const r = impact(at('access.log'), '--column', '1');
    expect(r.code).toBe(0);
    expect(json(r)).toMatchObject({ ...expected, delimiter: 'combined' });
  });

  it('gzip is read by its bytes, with or without a .gz name', () => {
    writeFileSync(at('access.log.gz'), gzipSync(combined));
    writeFileSync(at('access.log.1'), gzipSync(combined));
    for (const name of ['access.log.gz', 'access.log.1']) {
      const r = impact(at(name));
      expect(r.code, r.stderr).toBe(0);
      expect(json(r)).toMatchObject(expected);
    }
    writeFileSync(at('broken.gz'), gzipSync(combined).subarray(0, 30));
    const broken = impact(at('broken.gz'));
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(
      /broken\.gz: cannot read the log \(it starts like gzip but is not valid gzip/,
    );
  });

  it('TSV, CSV and space-separated logs: --column reads that field, detected or taken', () => {
    const tsv = `time\tuser\tclient\n${clients.map((ip, i) => `09:0${i}\tu, ${i}\t${ip}\n`).join('')}`;
    writeFileSync(at('login.tsv'), tsv);
    const r = impact(at('login.tsv'), '--column', '3');
    expect(json(r)).toMatchObject({ ...expected, lines: 6, delimiter: 'tab' });

    const csv = `time,client\n${clients.map((ip, i) => `"09:0${i}","${ip}"\n`).join('')}`;
    writeFileSync(at('login.csv'), csv);
    expect(json(impact(at('login.csv'), '--column', '2'))).toMatchObject({
      ...expected,
      lines: 6,
      delimiter: 'comma',
    });

    // Detected as comma (the first line has one), taken as space: field 4 is the address.
    const auth = clients.map((ip) => `Nov 24 sshd: ${ip} port 22, ok\n`).join('');
    writeFileSync(at('auth.log'), auth);
    const detected = impact(at('auth.log'), '--column', '4');
    expect(detected.code).toBe(2);
    expect(detected.stderr).toMatch(
      /no IPv4 address in field 4 \(comma-separated; see --delimiter\)/,
    );
    const spaced = impact(at('auth.log'), '--column', '4', '--delimiter', 'space');
    expect(json(spaced)).toMatchObject({ ...expected, delimiter: 'space' });

    const bad = impact(at('auth.log'), '--delimiter', 'pipe');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(
      /--delimiter must be one of comma, tab, space, combined, got "pipe"/,
    );
  });

  it('a log without a single address (or none in the column) is exit 2 with a clear message', () => {
    writeFileSync(at('empty-ish.log'), 'login ok user=a\nlogin ok user=b\n');
    const none = cli(['impact', '--list', at('list.json'), '--log', at('empty-ish.log')]);
    expect(none.code).toBe(2);
    expect(none.stdout).toBe('');
    expect(none.stderr).toMatch(
      /empty-ish\.log: no IPv4 address on any line of 2 line\(s\): nothing to judge/,
    );

    const wrongColumn = cli([
      'impact',
      '--list',
      at('list.json'),
      '--log',
      at('access.log'),
      '--column',
      '2',
    ]);
    expect(wrongColumn.code).toBe(2);
    expect(wrongColumn.stderr).toMatch(
      /no IPv4 address in field 2 \(combined-separated; see --delimiter\) of 5 line\(s\)/,
    );

    // A field number past 2^32 - 1 once wrapped: 4294967297 read field 1, the client.
    const past = impact(at('access.log'), '--column', '4294967297');
    expect(past.code).toBe(2);
    expect(past.stderr).toMatch(/no IPv4 address in field 4294967297 .* of 5 line\(s\)/);
  });

  it('"-" reads stdin, plain or gzip', () => {
    const plain = cli(['impact', '--list', at('list.json'), '--log', '-', '--json'], combined);
    expect(plain.code, plain.stderr).toBe(0);
    expect(json(plain)).toMatchObject(expected);
    const gz = cli(
      ['impact', '--list', at('list.json'), '--log', '-', '--json'],
      gzipSync(combined),
    );
    expect(json(gz)).toMatchObject(expected);
    const empty = cli(['impact', '--list', at('list.json'), '--log', '-'], '');
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/stdin: no IPv4 address on any line of 0 line\(s\)/);
  });

  it('a 256 MB line without newlines is skipped and counted, in less memory than the file', async () => {
    const size = 256 * 1024 * 1024;
    const path = at('no-newlines.log');
    const out = createWriteStream(path);
    const block = Buffer.alloc(1024 * 1024, '192.0.2.8 x ');
    for (let written = 0; written < size; written += block.length) {
      if (!out.write(block))
        await new Promise<void>((resolve) => out.once('drain', () => resolve()));
    }
    out.write('\n8.8.8.8 after the long line\n');
    await new Promise<void>((resolve) => out.end(() => resolve()));
    // GNU time reports the child's peak resident memory (installed by .ci/run).
    const r = spawnSync(
      '/usr/bin/time',
      ['-f', 'maxrss_kb=%M', node, bin, 'impact', '--list', at('list.json'), '--log', path],
      { encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(
      /^2 lines, 1 with an address\n {2}skipped 1 line\(s\) longer than 65,536 bytes\n/,
    );
    expect(r.stdout).toMatch(/denied {2}1 \(100\.0%\)/);
    const peakKb = Number(/maxrss_kb=(\d+)/.exec(r.stderr)?.[1]);
    expect(peakKb).toBeGreaterThan(0);
    expect(peakKb * 1024).toBeLessThan(size);
    rmSync(path);
  }, 120_000);

  it('speaks Japanese under LANG=ja_JP.UTF-8: every human line, and the nothing-found error', () => {
    const ja = (args: string[]) =>
      spawnSync(node, [bin, 'impact', '--list', at('list.json'), ...args], {
        encoding: 'utf8',
        env: { ...process.env, LANG: 'ja_JP.UTF-8' },
      });
    const r = ja(['--log', at('access.log')]);
    expect(r.status).toBe(0);
    expect(r.stdout.split('\n').slice(0, 4)).toEqual([
      '5 行、うちアドレスのある行 5',
      '  許可 2（40.0%）',
      '  拒否 3（60.0%）、接続元 2 個',
      '拒否が多い接続元:',
    ]);
    const none = ja(['--log', at('empty-ish.log')]);
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(
      /2 行のどの行にも IPv4 アドレスがありません。判定できるものがありません。/,
    );
  });
});
