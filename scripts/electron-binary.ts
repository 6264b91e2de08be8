import { existsSync } from 'node:fs';
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

export function findElectronBinary(): ElectronBinary {
  const require = createRequire(import.meta.url);
  const notInstalled: ElectronBinary = {
    ok: false,
    reason:
      'The Electron binary is not installed: node_modules/electron has no binary (its download failed during npm install, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).',
    howTo: ELECTRON_HOW_TO,
  };
  // electron's index.js downloads the binary when its path.txt is missing (a network call, and
  // "Downloading Electron binary... fetch failed" on machines without that access): ask it only
  // when the binary was installed or an override names one.
  let packageDir: string;
  try {
    packageDir = dirname(require.resolve('electron/package.json'));
  } catch {
    return notInstalled;
  }
  if (!process.env.ELECTRON_OVERRIDE_DIST_PATH && !existsSync(join(packageDir, 'path.txt')))
    return notInstalled;
  let path: string;
  try {
    path = require('electron') as string;
  } catch {
    return {
      ok: false,
      reason:
        'The Electron binary is not installed: node_modules/electron has no binary (its download failed during npm install, or ELECTRON_SKIP_BINARY_DOWNLOAD was set).',
      howTo: ELECTRON_HOW_TO,
    };
  }
  if (!existsSync(path)) {
    return {
      ok: false,
      reason: `The Electron binary is missing: ${path} does not exist.`,
      howTo: ELECTRON_HOW_TO,
    };
  }
  return { ok: true, path };
}
