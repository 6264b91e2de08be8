import { writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { allowlistSync, scratchDir, listJson } from '../../support/cli.ts';

const { at } = scratchDir('allowlist-cli-');
const cli = allowlistSync;

beforeAll(() => {
  writeFileSync(
    at('list.json'),
    listJson(
      [
        { ip: '198.51.100.0', cidr: 24, memo: 'Osaka office' },
        { ip: '192.0.2.8', cidr: null, memo: 'Tokyo office' },
        { ip: '192.0.2.9', cidr: null, memo: '' },
      ],
      { revision: '7', limits: { maxEntries: 1000 } },
    ),
  );
  writeFileSync(
    at('bad.json'),
    listJson([
      { ip: '1.2.3', cidr: null, memo: '' },
      { ip: '8.8.8.8', cidr: null, memo: '' },
    ]),
  );
  writeFileSync(at('broken.json'), '{ "mode": ');
  writeFileSync(at('all.json'), JSON.stringify({ mode: 'ALLOW_ALL', entries: [] }));
  writeFileSync(
    at('sjis.csv'),
    iconv.encode(
      '"IP Address","CIDR","Memo"\r\n"203.0.113.0","24","大阪オフィス"\r\n"192.0.2.8","","東京"\r\n',
      'Shift_JIS',
    ),
  );
});

describe('allowlist check', () => {
  it('prints allowed/matches as JSON; an unparsable address gets "error" and exit 1', () => {
    const r = cli([
      'check',
      '--list',
      at('list.json'),
      '--json',
      '198.51.100.7',
      '8.8.8.8',
      '192.0.2.8',
      '010.1.1',
    ]);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as Record<string, unknown>[];
    expect(out[0]).toEqual({
      ip: '198.51.100.7',
      allowed: true,
      matches: [{ ip: '198.51.100.0', cidr: 24, memo: 'Osaka office' }],
    });
    expect(out[1]).toEqual({ ip: '8.8.8.8', allowed: false, matches: [] });
    expect(out[2]).toMatchObject({
      ip: '192.0.2.8',
      allowed: true,
      matches: [{ memo: 'Tokyo office' }],
    });
    expect(out[3]).toMatchObject({ ip: '010.1.1', code: 'IP_TOO_FEW_PARTS' });
    expect(out[3]).not.toHaveProperty('allowed');
  });

  it('reads addresses from --stdin and exits 0 when all parse', () => {
    const r = cli(['check', '--list', at('list.json'), '--stdin'], '192.0.2.9\n\n203.0.113.1\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/192\.0\.2\.9\s+allowed/);
    expect(r.stdout).toMatch(/203\.0\.113\.1\s+DENIED/);
  });

  it('reads the service CSV in Shift_JIS', () => {
    const r = cli(['check', '--list', at('sjis.csv'), '--json', '203.0.113.77']);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        ip: '203.0.113.77',
        allowed: true,
        matches: [{ ip: '203.0.113.0', cidr: 24, memo: '大阪オフィス' }],
      },
    ]);
  });

  it('ALLOW_ALL allows everyone', () => {
    expect(
      JSON.parse(cli(['check', '--list', at('all.json'), '--json', '8.8.8.8']).stdout),
    ).toEqual([{ ip: '8.8.8.8', allowed: true, matches: [] }]);
  });
});

describe('unreadable input', () => {
  it.each([
    [['check', '--list', 'missing.json', '8.8.8.8']],
    [['validate', 'broken.json']],
    [['impact', '--list', 'list.json', '--log', 'no-such.log']],
    [['diff', 'list.json', 'missing.json']],
    [['frobnicate']],
  ])('%j: exit 2, one stderr line, no stack trace', (args) => {
    const r = cli(args.map((a) => (a.endsWith('.json') || a.endsWith('.log') ? at(a) : a)));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('allowlist impact', () => {
  it('counts lines, allowed, denied and top denied from a log (independent count)', () => {
    const clients = [
      '198.51.100.7',
      '8.8.8.8',
      '192.0.2.8',
      '8.8.8.8',
      '9.9.9.9',
      '8.8.8.8',
      '192.0.2.10',
    ];
    const lines = clients.map(
      (ip, i) =>
        `${ip} - - [24/Nov/2026:09:00:0${i} +0900] "GET /k/v1/records.json HTTP/1.1" 200 12`,
    );
    lines.splice(2, 0, 'no address on this line', '1.2.3.4.5 is not an address');
    writeFileSync(at('access.log'), `${lines.join('\n')}\n`);
    const r = cli(['impact', '--list', at('list.json'), '--log', at('access.log'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      lines: 9,
      addresses: 7,
      allowed: 2,
      denied: 5,
      uniqueDenied: 3,
      topDenied: [
        { ip: '8.8.8.8', count: 3 },
        // Ties: lower address first (numerically: 9.9.9.9 < 192.0.2.10).
        { ip: '9.9.9.9', count: 1 },
        { ip: '192.0.2.10', count: 1 },
      ],
      delimiter: 'combined',
      overlongLines: 0,
      maxLineBytes: 65536,
    });
  });

  it('reads the address from a CSV column', () => {
    writeFileSync(
      at('log.csv'),
      'time,client,path\n"09:00","192.0.2.8",/a\n09:01, 8.8.8.8 ,/b\n09:02,"x, y",/c\n',
    );
    const r = cli([
      'impact',
      '--list',
      at('list.json'),
      '--log',
      at('log.csv'),
      '--column',
      '2',
      '--json',
    ]);
    expect(JSON.parse(r.stdout)).toMatchObject({ lines: 4, addresses: 2, allowed: 1, denied: 1 });
  });
});

describe('allowlist validate / aggregate / diff', () => {
  it('validate: exit 1 with the entry named; --max-entries applies', () => {
    const r = cli(['validate', at('bad.json'), '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      errors: number;
      problems: { code: string; index?: number }[];
    };
    expect(out.problems).toContainEqual(
      expect.objectContaining({ code: 'IP_TOO_FEW_PARTS', index: 0 }),
    );
    expect(cli(['validate', at('list.json')]).code).toBe(0);
    const capped = cli(['validate', at('list.json'), '--max-entries', '2', '--json']);
    expect(capped.code).toBe(1);
    expect(JSON.parse(capped.stdout).problems[0]).toMatchObject({
      code: 'TOO_MANY_ENTRIES',
      params: { count: 3, max: 2 },
    });
  });

  it('aggregate: exact merge, then a planned merge with its extra addresses', () => {
    const exact = JSON.parse(cli(['aggregate', at('list.json'), '--json']).stdout);
    expect(exact).toMatchObject({ before: 3, after: 2, fits: true, extraAddresses: 0 });
    expect(exact.config.entries).toContainEqual({
      ip: '192.0.2.8',
      cidr: 31,
      memo: 'Tokyo office',
    });
    const r = cli(['aggregate', at('list.json'), '--max-entries', '1', '--json']);
    // A /5 letting in 134M addresses no entry allowed: a warning line, and exit 1 (read it first).
    expect(r.code).toBe(1);
    const planned = JSON.parse(r.stdout);
    expect(planned.after).toBe(1);
    // 192.0.0.0/5 minus the 256 + 2 addresses already allowed.
    expect(planned.extraAddresses).toBe(2 ** 27 - 258);
    expect(planned.hugeWidening).toEqual([{ into: '192.0.0.0/5', extraAddresses: 2 ** 27 - 258 }]);
    expect(r.stderr).toContain(
      'allowlist aggregate: warning: 192.0.0.0/5 lets in 134,217,470 addresses no entry allowed before',
    );
  });

  it('diff: added, removed, memo changed, mode changed', () => {
    const r = cli(['diff', at('list.json'), at('sjis.csv'), '--json']);
    expect(r.code).toBe(0);
    const d = JSON.parse(r.stdout);
    expect(d.added).toEqual([{ ip: '203.0.113.0', cidr: 24, memo: '大阪オフィス' }]);
    expect(d.removed.map((e: { ip: string }) => e.ip)).toEqual(['198.51.100.0', '192.0.2.9']);
    expect(d.memoChanged).toEqual([
      {
        before: { ip: '192.0.2.8', cidr: null, memo: 'Tokyo office' },
        after: { ip: '192.0.2.8', cidr: null, memo: '東京' },
      },
    ]);
    expect(d.modeChanged).toBeNull();
  });
});
