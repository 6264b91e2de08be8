import { spawn, type ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_DIR, RENDERER_DIR } from '../../../host/server/build-page.ts';

/**
 * Two running copies on one data folder, as two real processes (`npm start -- --browser`): the
 * second refuses to start with a sentence saying why (instead of racing the first one's writes),
 * and the folder is free again once the first stops (exit 0), or crashed. The desktop
 * app takes the same lock (electron/main/index.ts; its binary cannot run here).
 */

const START = resolve('scripts/start.ts');
let root: string;
const running: ChildProcess[] = [];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'data-lock-'));
  await mkdir(join(root, RENDERER_DIR), { recursive: true });
  await mkdir(join(root, PAGE_DIR), { recursive: true });
  await writeFile(
    join(root, RENDERER_DIR, 'index.html'),
    '<!doctype html><script type="module" src="./app.js"></script>',
  );
  await writeFile(join(root, PAGE_DIR, 'bridge.js'), 'export {};');
});
afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

type Started = {
  child: ChildProcess;
  outcome: Promise<{ url: string } | { code: number | null; stderr: string }>;
};

/** Start browser mode on `dataDir`: resolves with its URL once it listens, or how it exited. */
function start(dataDir: string): Started {
  const child = spawn(process.execPath, [START, '--browser', '--no-build', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  const outcome = new Promise<{ url: string } | { code: number | null; stderr: string }>((done) => {
    child.stdout!.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(stdout);
      if (match) done({ url: match[0] });
    });
    child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
    child.once('exit', (code) => done({ code, stderr }));
  });
  return { child, outcome };
}

const exited = (child: ChildProcess) =>
  new Promise<void>((done) =>
    child.exitCode !== null ? done() : child.once('exit', () => done()),
  );

describe('one running copy per data folder', () => {
  it('a second copy on the same folder refuses to start and says why; another folder is fine', async () => {
    const folder = join(root, 'shared');
    const first = await start(folder).outcome;
    expect(first).toHaveProperty('url');

    const second = await start(folder).outcome;
    expect(second).toMatchObject({ code: 1 });
    expect('stderr' in second && second.stderr).toContain(
      `The data folder ${folder} is in use by another running copy of IP Allowlist Manager`,
    );
    // The first copy is untouched: it still answers.
    expect((await fetch((first as { url: string }).url)).status).toBe(200);

    // A copy on its own folder runs next to it.
    expect(await start(join(root, 'other')).outcome).toHaveProperty('url');
  });

  it('the folder is free once the first copy stops (Ctrl+C, exit 0), and after a crash', async () => {
    const folder = join(root, 'handover');
    const first = start(folder);
    expect(await first.outcome).toHaveProperty('url');
    const code = new Promise((done) => first.child.once('exit', (c) => done(c)));
    first.child.kill('SIGINT');
    expect(await code).toBe(0);
    const second = start(folder);
    expect(await second.outcome).toEqual({ url: expect.any(String) });

    // A crash (SIGKILL) cannot remove the lock: its owner is gone, so the next copy takes it.
    second.child.kill('SIGKILL');
    await exited(second.child);
    expect(await start(folder).outcome).toEqual({ url: expect.any(String) });
  }, 60_000);
});
