import { describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMINS_ENV, OptionsError, parseServiceArgs } from '../../../service/options.ts';

describe('parseServiceArgs', () => {
  it('applies the contract defaults', () => {
    expect(parseServiceArgs(['--admin', 'admin:pw'])).toEqual({
      port: 0,
      host: '127.0.0.1',
      admins: [{ login: 'admin', password: 'pw' }],
      maxEntries: 1000,
      applyDelayMs: 2000,
      resetTtlS: 3600,
      trustProxy: false,
    });
  });

  it('reads every option, repeatable --admin, and a password containing colons', () => {
    const o = parseServiceArgs([
      '--port',
      '8080',
      '--host',
      '127.0.0.2',
      '--admin',
      'a:b',
      '--admin',
      'c:d:e',
      '--max-entries',
      '5',
      '--apply-delay-ms',
      '0',
      '--reset-ttl-s',
      '60',
      '--outbox',
      '/tmp/o',
      '--data',
      '/tmp/d',
      '--trust-proxy',
    ]);
    expect(o).toEqual({
      port: 8080,
      host: '127.0.0.2',
      admins: [
        { login: 'a', password: 'b' },
        { login: 'c', password: 'd:e' },
      ],
      maxEntries: 5,
      applyDelayMs: 0,
      resetTtlS: 60,
      outbox: '/tmp/o',
      data: '/tmp/d',
      trustProxy: true,
    });
  });

  it.each([
    [['--admin', 'a:b', '--port', '70000'], /--port/],
    [['--admin', 'a:b', '--apply-delay-ms', '-1'], /--apply-delay-ms/],
    [['--admin', 'a:b', '--reset-ttl-s', '1.5'], /--reset-ttl-s/],
    [['--admin', ':pw'], /--admin/],
    [['--admin', 'login:'], /--admin/],
    [[], /no admin account: give --admin-file FILE .* or set ALLOWLIST_SERVICE_ADMINS/],
    [['--admin', 'a:b', 'extra'], /unexpected argument #3/],
  ])('refuses %j naming the option', (args, said) => {
    expect(() => parseServiceArgs(args)).toThrow(OptionsError);
    expect(() => parseServiceArgs(args)).toThrow(said);
  });

  it('never echoes a password in an error', () => {
    for (const value of [':hunter2', 'hunter2', 'admin:']) {
      expect(() => parseServiceArgs(['--admin', value])).toThrow(OptionsError);
      try {
        parseServiceArgs(['--admin', value]);
      } catch (error) {
        expect(String(error)).not.toContain('hunter2');
      }
    }
  });
});

describe('parseServiceArgs never echoes a password', () => {
  it('a stray argument (--admin LOGIN PASSWORD with a space) is located, not quoted', () => {
    let message = '';
    try {
      parseServiceArgs(['--port', '8080', '--admin', 'alice', 's3cret-pw']);
    } catch (error) {
      expect(error).toBeInstanceOf(OptionsError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/unexpected argument #5/);
    expect(message).not.toContain('s3cret-pw');
  });
});

describe('admin accounts from a file or the environment (not visible in ps)', () => {
  it('reads LOGIN:PASSWORD lines from --admin-file and ALLOWLIST_SERVICE_ADMINS; only --admin warns', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'svc-admins-'));
    try {
      const file = join(dir, 'admins');
      await writeFile(file, '# accounts\r\nalice:pw:with:colons\r\n\r\nbob:b\n');
      const warnings: string[] = [];
      const o = parseServiceArgs(
        ['--admin-file', file],
        { [ADMINS_ENV]: 'carol:c\ndave:d' },
        warnings,
      );
      expect(o !== 'help' && o.admins).toEqual([
        { login: 'alice', password: 'pw:with:colons' },
        { login: 'bob', password: 'b' },
        { login: 'carol', password: 'c' },
        { login: 'dave', password: 'd' },
      ]);
      expect(warnings).toEqual([]);
      parseServiceArgs(['--admin', 'a:b'], {}, warnings);
      expect(warnings).toEqual([expect.stringMatching(/--admin .* ps shows it .*--admin-file/)]);
      // A bad line is named by its number, never echoed.
      await writeFile(file, 'alice:ok\nhunter2\n');
      expect(() => parseServiceArgs(['--admin-file', file])).toThrow(
        `--admin-file ${file} line 2 must be LOGIN:PASSWORD with both parts non-empty`,
      );
      expect(() => parseServiceArgs([], { [ADMINS_ENV]: 'x:' })).toThrow(
        `${ADMINS_ENV} line 1 must be LOGIN:PASSWORD`,
      );
      expect(() => parseServiceArgs(['--admin-file', join(dir, 'none')])).toThrow(
        /--admin-file .*none cannot be read: no such file/,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
