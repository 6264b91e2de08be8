import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

/**
 * The project's postinstall (scripts/install-electron.js) never fails `npm install` over
 * Electron's binary. Electron's install.js is replaced by small stand-ins so that the test never
 * downloads 100 MB where the network is open; the real run (a fresh clone, plain `npm install`
 * here, where github.com is unreachable) ends with the same line.
 */
const SCRIPT = resolve('scripts/install-electron.js');
let dir: string;

async function fakeElectron(installJs: string): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'install-electron-'));
  await mkdir(join(dir, 'node_modules', 'electron'), { recursive: true });
  await writeFile(join(dir, 'node_modules', 'electron', 'install.js'), installJs);
  return dir;
}

function postinstall(cwd: string, env: NodeJS.ProcessEnv = {}) {
  const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...rest } = process.env;
  return spawnSync(process.execPath, [SCRIPT], {
    cwd,
    encoding: 'utf8',
    env: { ...rest, ...env },
  });
}

afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('postinstall: Electron binary', () => {
  it('a failed download: exit 0 and one line saying it was skipped and how to get it', async () => {
    const cwd = await fakeElectron(
      "console.error('RequestError: getaddrinfo ENOTFOUND github.com\\n    at ClientRequest.<anonymous> (got/index.js:970:111)'); process.exit(1);",
    );
    const run = postinstall(cwd);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      'Electron binary skipped: its download failed (getaddrinfo ENOTFOUND github.com). npm start runs the app in your browser meanwhile; for the desktop window run `node node_modules/electron/install.js` where github.com is reachable.\n',
    );
  });

  it('ELECTRON_SKIP_BINARY_DOWNLOAD: not even tried, one line', async () => {
    const cwd = await fakeElectron("require('fs').writeFileSync('tried', '');");
    const run = postinstall(cwd, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^Electron binary skipped \(ELECTRON_SKIP_BINARY_DOWNLOAD is set\)\. .+\n$/,
    );
    expect(spawnSync('test', ['-e', join(cwd, 'tried')]).status).toBe(1);
  });

  it('a successful download says nothing', async () => {
    const cwd = await fakeElectron(
      "const fs = require('fs'); const p = require('path'); fs.mkdirSync(p.join(__dirname, 'dist'), { recursive: true }); fs.writeFileSync(p.join(__dirname, 'dist', 'electron'), ''); fs.writeFileSync(p.join(__dirname, 'path.txt'), 'electron');",
    );
    const run = postinstall(cwd);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
  });
});

describe('npm test before npm install', () => {
  it('says to run npm install first', async () => {
    dir = await mkdtemp(join(tmpdir(), 'not-installed-'));
    await mkdir(join(dir, 'scripts'));
    for (const file of ['package.json', 'scripts/require-install.js', 'scripts/node-version.js']) {
      await writeFile(join(dir, file), await readFile(resolve(file)));
    }
    const run = spawnSync('npm', ['test'], { cwd: dir, encoding: 'utf8' });
    expect(run.status).not.toBe(0);
    expect(run.stderr).toContain(
      'The dependencies are not installed: run `npm install` first (it also brings Node 24).',
    );
    expect(run.stderr).not.toContain('Unknown file extension');
  });
});
