import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PAGE_DIR, RENDERER_DIR } from '../../../host/server/build-page.ts';

const START = resolve('scripts/start.ts');

/**
 * A fresh folder holding stand-in renderer files (an index.html and the page bridge) where
 * `--no-build` looks for them; test/e2e serves the real build.
 */
export async function standInBuild(prefix: string): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), prefix));
  await mkdir(join(root, RENDERER_DIR), { recursive: true });
  await mkdir(join(root, PAGE_DIR), { recursive: true });
  await writeFile(
    join(root, RENDERER_DIR, 'index.html'),
    '<!doctype html><script type="module" src="./app.js"></script>',
  );
  await writeFile(join(root, PAGE_DIR, 'bridge.js'), 'export {};');
  return root;
}

/**
 * `npm start -- --browser --no-build --data-dir DATA_DIR` as a process in `root`: the child, the
 * URL it prints (rejects if it exits first), its exit code, and what it wrote so far.
 */
export function startBrowserMode(root: string, dataDir: string) {
  const child = spawn(process.execPath, [START, '--browser', '--no-build', '--data-dir', dataDir], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
  const url = new Promise<string>((ok, fail) => {
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=\S+/.exec(stdout);
      if (m) ok(m[0]);
    });
    child.once('exit', (code) => fail(new Error(`exited ${code}: ${stderr}`)));
  });
  const exited = new Promise<number | null>((ok) => child.once('exit', (code) => ok(code)));
  return { child, url, exited, out: () => ({ stdout, stderr }) };
}
