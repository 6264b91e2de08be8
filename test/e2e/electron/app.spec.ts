import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test';
import { findElectronBinary } from '../../../scripts/electron-binary.ts';

/**
 * The packaged shape of the app in real Electron: app:// protocol, sandboxed preload, real main.
 *
 * Runs where the Electron binary exists (after `npm run build`); on machines installed with
 * ELECTRON_SKIP_BINARY_DOWNLOAD=1 every test skips and says why.
 */
const binary = findElectronBinary();
const built = existsSync('dist/electron/main.cjs') && existsSync('dist/renderer/index.html');
if (!binary.ok) console.log(`Electron spec skipped: ${binary.reason}\n${binary.howTo}`);
test.skip(!binary.ok, binary.ok ? '' : `Electron spec skipped: ${binary.reason}`);
test.skip(
  binary.ok && !built,
  'Electron spec skipped: run `npm run build` first (dist/electron and dist/renderer are missing).',
);

let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'allowlist-electron-'));
  app = await electron.launch({
    executablePath: binary.ok ? binary.path : undefined,
    args: ['.', ...(process.env.CI ? ['--no-sandbox'] : [])],
    env: { ...process.env, ALLOWLIST_USER_DATA_DIR: userData },
  });
});
test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('the window is hardened: custom protocol, isolated page, only window.allowlist exposed', async () => {
  const page = await app.firstWindow();
  expect(page.url()).toBe('app://allowlist/index.html');
  const exposed = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    areas: Object.keys((globalThis as unknown as { allowlist: object }).allowlist).sort(),
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.areas).toEqual([
    'app',
    'apply',
    'draft',
    'export',
    'history',
    'import',
    'merge',
    'on',
    'preview',
    'profiles',
    'sync',
  ]);
  // The main process sees one window, showing the app's own page.
  const urls = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  );
  expect(urls).toEqual(['app://allowlist/index.html']);
  // eval is refused by the CSP
  const evalBlocked = await page.evaluate(() => {
    try {
      return (0, eval)('1') !== 1;
    } catch {
      return true;
    }
  });
  expect(evalBlocked).toBe(true);
  // navigation away and new windows are denied
  await page.evaluate(() => {
    window.location.href = 'https://example.com/';
  });
  await page.waitForTimeout(300);
  expect(page.url()).toBe('app://allowlist/index.html');
  await page.evaluate(() => window.open('https://example.com/'));
  await page.waitForTimeout(300);
  expect(app.windows()).toHaveLength(1);
});

test('first run with the demo profile: edit, and the plan asks for the typed lockout confirmation', async () => {
  const page = await app.firstWindow();
  await expect(
    page.getByRole('heading', { name: 'Manage who may sign in to your service' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('radiogroup', { name: 'IP address restriction' })).toBeVisible();
  await page.getByText('Allow specific IP addresses only').click();
  await page.getByRole('button', { name: 'Add entry' }).click();
  await page.keyboard.type('192.0.2.10');
  // The plan excludes 127.0.0.1 (the app's own address as the demo service sees it).
  const plan = await page.evaluate(async () => {
    const api = (
      globalThis as unknown as {
        allowlist: {
          profiles: { list(i: object): Promise<{ ok: boolean; value: { selectedId: string } }> };
          sync: {
            plan(i: object): Promise<{ ok: boolean; value: { confirmationPhrase: string | null } }>;
          };
        };
      }
    ).allowlist;
    await new Promise((r) => setTimeout(r, 1000));
    const list = await api.profiles.list({});
    return api.sync.plan({ profileId: list.value.selectedId });
  });
  expect(plan.ok && plan.value.confirmationPhrase).toBe('remove access for 127.0.0.1');
});
