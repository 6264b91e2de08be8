/**
 * `npm run test:e2e`: build the renderer, the browser-mode page and the Electron bundles, then
 * run the Playwright suite in Debian's Chromium (the specs drive browser mode:
 * test/e2e/support/main-under-test.ts) and the Electron spec, where the Electron binary exists.
 *
 * Works headless (CI=true, no display). The suite uses the real OS keychain: this script re-runs
 * itself inside a private `dbus-run-session` with a throwaway, unlocked gnome-keyring, so it never
 * touches the developer's own keyring. Extra arguments go to `playwright test` (e.g. a file name).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildBrowserPage } from '../host/server/build-page.ts';
import { buildElectron } from './build.ts';
import { findElectronBinary } from './electron-binary.ts';
import { inKeyringSession } from './keyring-session.ts';

const args = process.argv.slice(2);
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

// Always a private session (even on a desktop with its own D-Bus): the suite writes keychain items.
if (!process.env.ALLOWLIST_E2E_IN_SESSION) {
  const haveKeyring =
    spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'])
      .status === 0;
  if (!haveKeyring) {
    console.error(
      'e2e: dbus-run-session and gnome-keyring-daemon are needed (the suite uses the real keychain).',
    );
    console.error('     Debian/Ubuntu: sudo apt-get install dbus gnome-keyring libsecret-1-dev');
    process.exit(1);
  }
  const home = mkdtempSync(join(tmpdir(), 'allowlist-e2e-keyring-'));
  const [session, ...sessionArgs] = inKeyringSession(
    home,
    [process.execPath, ...process.execArgv, process.argv[1]!, ...args],
    { ALLOWLIST_E2E_IN_SESSION: '1' },
  );
  const result = spawnSync(session, sessionArgs, { stdio: 'inherit' });
  rmSync(home, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

if (!existsSync(chromium)) {
  console.error(
    `e2e: Chromium not found at ${chromium}. Debian: sudo apt-get install chromium (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}

// The Electron spec opens real windows: with the binary present and no display (CI, ssh),
// re-run under a virtual X server.
const electronBinary = findElectronBinary();
const noDisplay = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
if (
  electronBinary.ok &&
  process.platform === 'linux' &&
  noDisplay &&
  !process.env.ALLOWLIST_E2E_IN_XVFB
) {
  if (spawnSync('sh', ['-c', 'command -v xvfb-run']).status !== 0) {
    console.error(
      'e2e: the Electron spec needs a display; install Xvfb (Debian: sudo apt-get install xvfb).',
    );
    process.exit(1);
  }
  console.log('e2e: no display: running under xvfb-run');
  const result = spawnSync(
    'xvfb-run',
    [
      '-a',
      '-s',
      '-screen 0 1280x1024x24',
      process.execPath,
      ...process.execArgv,
      process.argv[1]!,
      ...args,
    ],
    { stdio: 'inherit', env: { ...process.env, ALLOWLIST_E2E_IN_XVFB: '1' } },
  );
  process.exit(result.status ?? 1);
}

console.log(
  'e2e: building the renderer and the browser-mode page (vite), and the Electron bundles',
);
await buildBrowserPage({ renderer: true });
// The Electron spec loads dist/electron/main.cjs: never a stale or missing one.
await buildElectron();

const result = spawnSync('npx', ['playwright', 'test', ...args], {
  stdio: 'inherit',
  env: { ...process.env },
});
process.exit(result.status ?? 1);
