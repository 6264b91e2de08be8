/**
 * `npm run test:e2e`: build the renderer and the browser-mode page, then run the Playwright suite
 * in Debian's Chromium (the specs drive browser mode: test/e2e/support/main-under-test.ts).
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
  const quoted = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  const inner = [process.execPath, ...process.execArgv, process.argv[1]!, ...args]
    .map(quoted)
    .join(' ');
  const result = spawnSync(
    'dbus-run-session',
    [
      '--',
      'sh',
      '-c',
      `export XDG_DATA_HOME=${quoted(home)} ALLOWLIST_E2E_IN_SESSION=1; ` +
        `printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null 2>&1; exec ${inner}`,
    ],
    { stdio: 'inherit' },
  );
  rmSync(home, { recursive: true, force: true });
  process.exit(result.status ?? 1);
}

if (!existsSync(chromium)) {
  console.error(
    `e2e: Chromium not found at ${chromium}. Debian: sudo apt-get install chromium (or set CHROMIUM_PATH).`,
  );
  process.exit(1);
}

console.log('e2e: building the renderer and the browser-mode page (vite)');
await buildBrowserPage({ renderer: true });

const result = spawnSync('npx', ['playwright', 'test', ...args], {
  stdio: 'inherit',
  env: { ...process.env },
});
process.exit(result.status ?? 1);
