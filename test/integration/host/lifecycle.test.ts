import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PAGE_DIR, RENDERER_DIR } from '../../../host/server/build-page.ts';

/**
 * `npm start -- --browser` as a process: prints the URL once, answers on it, and stops cleanly
 * (exit 0, port closed) on SIGTERM and on Ctrl+C (SIGINT). The build is skipped (--no-build)
 * and stand-in renderer files are served; test/e2e runs the real build.
 */

const START = resolve('scripts/start.ts');
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'browser-mode-process-'));
  await mkdir(join(root, RENDERER_DIR), { recursive: true });
  await mkdir(join(root, PAGE_DIR), { recursive: true });
  await writeFile(
    join(root, RENDERER_DIR, 'index.html'),
    '<!doctype html><script type="module" src="./app.js"></script>',
  );
  await writeFile(join(root, PAGE_DIR, 'bridge.js'), 'export {};');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

async function runUntilSignal(signal: NodeJS.Signals) {
  const child = spawn(
    process.execPath,
    [START, '--browser', '--no-build', '--data-dir', join(root, `data-${signal}`)],
    { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(stdout);
      if (match) resolveUrl(match[0]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  // The fragment never reaches the server: the page is public, the API needs the token.
  const answer = await fetch(url);
  expect(answer.status).toBe(200);
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  child.kill(signal);
  const code = await exited;
  const refused = await fetch(url).then(
    () => false,
    () => true,
  );
  return { code, stdout, stderr, url, refused };
}

describe('browser mode process', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`stops cleanly on ${signal}: exit 0, the port is closed, the token printed once`, async () => {
      const run = await runUntilSignal(signal);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('browser mode: stopped');
      expect(run.refused).toBe(true);
      const token = new URLSearchParams(new URL(run.url).hash.slice(1)).get('token')!;
      expect(run.stdout.split(token).length - 1).toBe(1);
      expect(run.stderr).not.toContain(token);
    });
  }
});
