import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startService } from '../../../service/server.ts';
import { ADMIN, clientFor, outboxMails, raw, resetUrlOf, revisions, waitFor } from './helpers.ts';

const BIN = fileURLToPath(new URL('../../../service/bin/allowlist-service.js', import.meta.url));
const roots: string[] = [];
async function freshRoot(): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'svc-persist-'));
  roots.push(root);
  return root;
}
const children: ChildProcess[] = [];
afterEach(async () => {
  // A test that failed before its SIGTERM must not leave a service running.
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const root of roots.splice(0)) await rm(root, { recursive: true, force: true });
});

describe('persistence', () => {
  it('a restart loses nothing: revisions, the applied list, an APPLYING revision, Reset URLs', async () => {
    const root = await freshRoot();
    const dirs = { data: join(root, 'data'), outbox: join(root, 'outbox') };
    let service = await startService({ admins: [ADMIN], applyDelayMs: 100, ...dirs });
    const R = await revisions(service.url);
    const admin = clientFor(service.url, '127.0.0.2').client;
    const applied = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [{ ip: '127.0.0.2', cidr: null, memo: '管理者 desk' }],
    };
    expect(await admin.put(applied, R(1))).toMatchObject({ ok: true });
    const mail = await waitFor(async () => (await outboxMails(dirs.outbox))[0]);
    await waitFor(async () => {
      const r = await admin.get();
      return r.ok && r.value.apply.state === 'APPLIED' ? true : undefined;
    });
    await service.close();

    // Restart with a long delay: revision 3 is saved and stays APPLYING across the next restart.
    service = await startService({ admins: [ADMIN], applyDelayMs: 60_000, ...dirs });
    const admin2 = clientFor(service.url, '127.0.0.2').client;
    expect(await admin2.get()).toMatchObject({
      ok: true,
      value: { revision: R(2), entries: applied.entries, apply: { state: 'APPLIED' } },
    });
    expect(await clientFor(service.url, '127.0.0.3').client.get()).toMatchObject({
      ok: false,
      error: { kind: 'IP_RESTRICTED' },
    });
    const next = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [...applied.entries, { ip: '127.0.0.3', cidr: null, memo: 'colleague' }],
    };
    expect(await admin2.put(next, R(2))).toMatchObject({ ok: true, value: { revision: R(3) } });
    await service.close();

    service = await startService({ admins: [ADMIN], applyDelayMs: 60_000, ...dirs });
    const admin3 = clientFor(service.url, '127.0.0.2').client;
    expect(await admin3.get()).toMatchObject({
      ok: true,
      value: {
        revision: R(3),
        entries: next.entries,
        apply: { state: 'APPLYING', revision: R(3) },
      },
    });
    // Revision 2 is still the one in force.
    expect(await clientFor(service.url, '127.0.0.3').client.get()).toMatchObject({
      ok: false,
      error: { kind: 'IP_RESTRICTED' },
    });
    // The Reset URL e-mailed before two restarts still works (once).
    const reset = await raw(
      service.url,
      'GET',
      resetUrlOf(mail.text).replace(/^http:\/\/[^/]+/, ''),
      { template: '/v1/ip-restrictions/reset' },
    );
    expect(reset.status).toBe(200);
    await service.close();

    service = await startService({ admins: [ADMIN], ...dirs });
    expect(await clientFor(service.url, '127.0.0.3').client.get()).toMatchObject({
      ok: true,
      value: { revision: R(4), mode: 'ALLOW_ALL', entries: next.entries },
    });
    await service.close();
    // Atomic writes leave no temporary files behind.
    expect((await readdir(dirs.data)).filter((n) => n !== 'state.json')).toEqual([]);
  });

  it('refuses to start on a corrupt state file and leaves it untouched', async () => {
    const root = await freshRoot();
    await writeFile(join(root, 'state.json'), '{"schemaVersion":1,');
    await expect(
      startService({ admins: [ADMIN], data: root, outbox: join(root, 'o') }),
    ).rejects.toThrow(/state\.json is not valid JSON/);
    expect(await readFile(join(root, 'state.json'), 'utf8')).toBe('{"schemaVersion":1,');
  });
});

/** Accounts in the environment: `--admin` would add a warning line to stderr. */
const ADMINS = { ALLOWLIST_SERVICE_ADMINS: 'a:b' };

/** Run the CLI; resolve with its output once `listening on URL` is printed. */
/** The service's data and outbox folders under `root` (d/ and o/), as options. */
const folders = (root: string) => ['--data', join(root, 'd'), '--outbox', join(root, 'o')];

function startCli(args: string[], env: Record<string, string> = {}) {
  const child = spawn(process.execPath, [BIN, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.push(child);
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /^listening on (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${err}`)));
  });
  listening.catch(() => undefined); // observed by the tests that wait for it
  return { child, listening, exited, output: () => out, errors: () => err };
}

describe('the allowlist-service command', () => {
  it('prints listening on URL, serves the contract, and shuts down cleanly on SIGTERM', async () => {
    const root = await freshRoot();
    const cli = startCli([
      '--port',
      '0',
      '--admin',
      'admin:pw',
      ...folders(root),
      '--apply-delay-ms',
      '50',
    ]);
    const url = await cli.listening;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const R = await revisions(url);
    const admin = clientFor(url).client;
    expect(
      await admin.put(
        { mode: 'ALLOW_ALL', entries: [{ ip: '192.0.2.1', cidr: null, memo: 'kept' }] },
        R(1),
      ),
    ).toMatchObject({ ok: true });
    cli.child.kill('SIGTERM');
    expect(await cli.exited).toBe(0);
    expect(cli.output()).toMatch(/stopped/);
    // The log names requests by id and never shows credentials.
    expect(cli.output()).toMatch(/PUT \/v1\/ip-restrictions\.json 202 .* id=/);
    expect(cli.output()).not.toContain(Buffer.from('admin:pw').toString('base64'));
    const state = JSON.parse(await readFile(join(root, 'd', 'state.json'), 'utf8'));
    expect(state.current.config.entries).toEqual([{ ip: '192.0.2.1', cidr: null, memo: 'kept' }]);
  });

  it('takes the accounts from --admin-file or ALLOWLIST_SERVICE_ADMINS: no password in ps, no warning', async () => {
    const root = await freshRoot();
    const file = join(root, 'admins');
    await writeFile(file, 'admin:pw\n', { mode: 0o600 });
    for (const [args, env] of [
      [['--admin-file', file], {}],
      [[], { ALLOWLIST_SERVICE_ADMINS: 'admin:pw' }],
    ] as const) {
      const cli = startCli([...folders(root), ...args], env);
      const url = await cli.listening;
      expect(await clientFor(url).client.get()).toMatchObject({ ok: true });
      // What ps shows: the process's own command line.
      const cmdline = await readFile(`/proc/${cli.child.pid}/cmdline`, 'utf8');
      expect(cmdline).not.toContain('pw');
      cli.child.kill('SIGTERM');
      expect(await cli.exited).toBe(0);
      expect(cli.errors()).toBe('');
    }
    const tests = startCli(['--admin', 'admin:pw', ...folders(root)]);
    await tests.listening;
    tests.child.kill('SIGTERM');
    expect(await tests.exited).toBe(0);
    expect(tests.errors()).toMatch(
      /^allowlist-service: warning: --admin puts the password on the command line/,
    );
  });

  it('exits 2 naming the option for a bad command line', async () => {
    for (const [args, said] of [
      [['--port', 'eighty', '--admin', 'a:b'], /--port must be a whole number/],
      [['--port', '0'], /no admin account/],
      [['--admin', 'nopassword'], /--admin must be LOGIN:PASSWORD/],
      [['--admin', 'a:b', '--max-entries', '0'], /--max-entries/],
      [['--admin', 'a:b', '--bogus'], /bogus/],
    ] as const) {
      const cli = startCli([...args]);
      expect(await cli.exited).toBe(2);
      expect(cli.errors()).toMatch(said);
    }
  });

  it('a data folder the system refuses is one line naming it, exit 2, no stack trace', async () => {
    const root = await freshRoot();
    await writeFile(join(root, 'plain-file'), '');
    const data = join(root, 'plain-file', 'd');
    const cli = startCli(['--data', data, '--outbox', join(root, 'o')], ADMINS);
    expect(await cli.exited).toBe(2);
    expect(cli.errors()).toBe(
      `allowlist-service: cannot create the data folder (--data) ${data}: a part of the path is a file, not a folder\n`,
    );
  });

  it('--data or --outbox naming a file is one line saying so, exit 2, the file untouched', async () => {
    const root = await freshRoot();
    const file = join(root, 'state-here.json');
    await writeFile(file, 'mine');
    for (const [args, said] of [
      [['--data', file, '--outbox', join(root, 'o')], `the data folder (--data) ${file} is a file`],
      [
        ['--data', join(root, 'd'), '--outbox', file],
        `the outbox folder (--outbox) ${file} is a file`,
      ],
    ] as const) {
      const cli = startCli([...args], ADMINS);
      expect(await cli.exited).toBe(2);
      expect(cli.errors()).toBe(
        `allowlist-service: ${said}, not a folder; name a folder instead\n`,
      );
    }
    expect(await readFile(file, 'utf8')).toBe('mine');
  });
});
