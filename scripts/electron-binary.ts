import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Where the Electron binary is, or why it is not there (shared by npm start and the e2e spec).
 */
export type ElectronBinary =
  { ok: true; path: string } | { ok: false; reason: string; howTo: string };

export const ELECTRON_HOW_TO = [
  'Get it with one of:',
  '  node node_modules/electron/install.js        (downloads the binary from github.com; needs that network access)',
  '  ELECTRON_OVERRIDE_DIST_PATH=/path/to/electron/dist npm start   (use an Electron you already have)',
  '  npm run postinstall                           (what npm install runs: the same download, with a timeout)',
].join('\n');

/**
 * Find the binary the way node_modules/electron/index.js does (path.txt, ELECTRON_OVERRIDE_DIST_PATH)
 * without require('electron'): since Electron 4x that require starts a download when the binary
 * is missing, which fails, or hangs, where github.com cannot be reached.
 */
export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  let dir: string;
  try {
    dir = dirname(require.resolve('electron/package.json'));
  } catch {
    return {
      ok: false,
      reason:
        'The electron package is not installed (node_modules/electron is missing): run npm install.',
      howTo: ELECTRON_HOW_TO,
    };
  }
  const pathFile = join(dir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  const override = process.env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !executable) {
    return {
      ok: false,
      reason:
        'The Electron binary is not installed: node_modules/electron has no binary (its download failed during npm install, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).',
      howTo: ELECTRON_HOW_TO,
    };
  }
  const path = override ? join(override, executable ?? 'electron') : join(dir, 'dist', executable!);
  if (!existsSync(path)) {
    return {
      ok: false,
      reason: `The Electron binary is missing: ${path} does not exist.`,
      howTo: ELECTRON_HOW_TO,
    };
  }
  return { ok: true, path };
}
