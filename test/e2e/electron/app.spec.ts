import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { en } from '../../../renderer/i18n/en.ts';
import { findElectronBinary } from '../../../scripts/electron-binary.ts';
import { EXPOSED_AREAS } from '../support/exposed-api.ts';

/**
 * The packaged shape of the app in real Electron: app:// protocol, sandboxed preload, real main.
 *
 * Runs where the Electron binary exists. scripts/e2e.ts builds dist/electron and dist/renderer
 * first and starts Xvfb when there is no display; as root, Electron needs --no-sandbox (its
 * Chromium sandbox refuses root). On machines installed with ELECTRON_SKIP_BINARY_DOWNLOAD=1
 * every test skips and says why (test/integration/main/smoke.test.ts covers the bundle there).
 */
const binary = findElectronBinary();
const built = existsSync('dist/electron/main.cjs') && existsSync('dist/renderer/index.html');
if (!binary.ok) console.log(`Electron spec skipped: ${binary.reason}\n${binary.howTo}`);
test.skip(!binary.ok, binary.ok ? '' : `Electron spec skipped: ${binary.reason}`);
test.skip(
  binary.ok && !built,
  'Electron spec skipped: run `npm run build` first (dist/electron and dist/renderer are missing).',
);

const APP_ENTRY = 'app://allowlist/index.html';
const asRoot = process.getuid?.() === 0;

type Api = {
  app: { setLocale(i: { locale: 'en' }): Promise<{ ok: boolean }> };
  profiles: { list(i: object): Promise<{ ok: boolean; value: { selectedId: string } }> };
  draft: {
    get(i: {
      profileId: string;
    }): Promise<{ ok: boolean; value: { working: { entries: { ip: string }[] } } }>;
  };
  sync: {
    plan(i: {
      profileId: string;
    }): Promise<{ ok: boolean; value: { confirmationPhrase: string | null } }>;
  };
};

let app: ElectronApplication;
let userData: string;

/** The first window once its page has loaded, switched to English whatever the system language. */
async function openInEnglish(): Promise<Page> {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await page.evaluate(() =>
    (globalThis as unknown as { allowlist: Api }).allowlist.app.setLocale({ locale: 'en' }),
  );
  await page.reload();
  await page.waitForLoadState('domcontentloaded');
  return page;
}

test.beforeEach(async () => {
  userData = await mkdtemp(join(tmpdir(), 'allowlist-electron-'));
  app = await electron.launch({
    executablePath: binary.ok ? binary.path : undefined,
    args: ['.', ...(asRoot || process.env.CI ? ['--no-sandbox'] : [])],
    env: { ...process.env, ALLOWLIST_USER_DATA_DIR: userData },
  });
});
test.afterEach(async () => {
  await app?.close();
  await rm(userData, { recursive: true, force: true });
});

test('the window is hardened: custom protocol, isolated page, only window.allowlist exposed', async () => {
  const page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
  await expect(page).toHaveURL(APP_ENTRY);
  const exposed = await page.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    areas: Object.keys((globalThis as unknown as { allowlist: object }).allowlist).sort(),
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.areas).toEqual(EXPOSED_AREAS);
  // The main process sees one window, showing the app's own page.
  const urls = await app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()),
  );
  expect(urls).toEqual([APP_ENTRY]);
  // eval is refused by the CSP
  const evalBlocked = await page.evaluate(() => {
    try {
      return (0, eval)('1') !== 1;
    } catch {
      return true;
    }
  });
  expect(evalBlocked).toBe(true);
  // New windows are denied (window.open answers null); navigation away is prevented: the same
  // document (its marker) is still there after a round trip through main.
  expect(await page.evaluate(() => window.open('https://example.com/') === null)).toBe(true);
  await page.evaluate(() => {
    (globalThis as unknown as { marker: number }).marker = 42;
    window.location.href = 'https://example.com/';
  });
  await page.evaluate(() =>
    (globalThis as unknown as { allowlist: Api }).allowlist.profiles.list({}),
  );
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
  await expect(page).toHaveURL(APP_ENTRY);
  expect(app.windows()).toHaveLength(1);
});

test('first run with the demo profile: edit, and the plan asks for the typed lockout confirmation', async () => {
  const page = await openInEnglish();
  await expect(page.getByRole('heading', { name: en.firstRun.heading })).toBeVisible();
  await page.getByRole('button', { name: en.firstRun.demoButton }).click();
  await expect(page.getByRole('radiogroup', { name: en.mode.label })).toBeVisible();
  await page.getByText(en.mode.allowSpecific).click();
  await page.getByRole('button', { name: en.editor.add }).click();
  await page.keyboard.type('192.0.2.10');
  const list = await page.evaluate(() =>
    (globalThis as unknown as { allowlist: Api }).allowlist.profiles.list({}),
  );
  const id = list.value.selectedId;
  // Wait for the autosave (what the "Saved locally" indicator shows) before planning.
  await expect
    .poll(async () =>
      page.evaluate(
        async (pid) =>
          (
            await (globalThis as unknown as { allowlist: Api }).allowlist.draft.get({
              profileId: pid,
            })
          ).value.working.entries.map((e) => e.ip),
        id,
      ),
    )
    .toContain('192.0.2.10');
  // The plan excludes 127.0.0.1 (the app's own address as the demo service sees it).
  const plan = await page.evaluate(
    (pid) => (globalThis as unknown as { allowlist: Api }).allowlist.sync.plan({ profileId: pid }),
    id,
  );
  expect(plan.ok && plan.value.confirmationPhrase).toBe('127.0.0.1');
});
