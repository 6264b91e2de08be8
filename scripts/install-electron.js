/**
 * `postinstall` of the repository: fetch Electron's binary the way its own postinstall would,
 * but never fail `npm install` over it.
 *
 * package.json `allowScripts` keeps npm from running electron's install script (whose network
 * failure rolls node_modules back); this runs the same node_modules/electron/install.js with a
 * timeout and turns a failure into one line saying what was skipped and how to get it. Electron's
 * types (electron.d.ts) ship in the package itself and need no download. Plain JavaScript: it may
 * run under an old system Node.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join('node_modules', 'electron');
const installScript = join(electronDir, 'install.js');
const TIMEOUT_MS = 5 * 60_000;
const HOW_TO =
  'npm start runs the app in your browser meanwhile; for the desktop window run `node node_modules/electron/install.js` where github.com is reachable.';

function installed() {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return false;
  return existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
}

if (!existsSync(installScript) || installed()) process.exit(0);

if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) {
  console.log(
    `Electron binary skipped (ELECTRON_SKIP_BINARY_DOWNLOAD is set). ${HOW_TO.replace(' where', ', without that variable, where')}`,
  );
  process.exit(0);
}

const result = spawnSync(process.execPath, [installScript], {
  encoding: 'utf8',
  timeout: TIMEOUT_MS,
  env: process.env,
});
if (result.status === 0 && installed()) process.exit(0);

const output = `${result.stderr ?? ''}\n${result.stdout ?? ''}`;
const why =
  result.error?.code === 'ETIMEDOUT'
    ? `no answer within ${TIMEOUT_MS / 60_000} minutes`
    : (/^\s*(?:\w*Error:\s*)(.+)$/m.exec(output)?.[1] ??
      output.trim().split('\n')[0] ??
      `exit status ${result.status}`);
console.log(
  `Electron binary skipped: its download failed (${why.trim().slice(0, 200)}). ${HOW_TO}`,
);
