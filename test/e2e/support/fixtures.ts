import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startService } from '../../../service/server.ts';
import type { RunningService } from '../../../service/server.ts';
import { startMainForTest } from './main-under-test.ts';
import type { MainUnderTest } from './main-under-test.ts';
import { ADMIN } from './service-calls.ts';
import { openWithOfficeList } from './ui.ts';

/** What each test gets: the page with the app in browser mode, its own service and data folder. */
export type TestApp = {
  page: Page;
  service: RunningService;
  main: MainUnderTest;
  dataDir: string;
  /** Open the app (first navigation). */
  open: () => Promise<void>;
  /** Stop the reference service (the app goes offline). */
  stopService: () => Promise<void>;
  /** Start it again on the same port with the same state (optionally another apply delay). */
  restartService: (changes?: { applyDelayMs?: number }) => Promise<void>;
};

/** Delay before a saved revision is APPLIED (short: tests wait for it). */
const APPLY_DELAY_MS = 300;

/**
 * Fixture: a fresh data folder, a reference service on loopback and the app in browser mode (the
 * real host/server with the real handlers, keychain and store); the page opens the URL a user
 * would, with its token, and uses the browser's own file chooser and downloads.
 */
export const test = base.extend<{
  app: TestApp;
  applyDelayMs: number;
  startWithOfficeList: boolean;
}>({
  /** The service's apply delay; a spec that watches "applying" sets a longer one (test.use). */
  applyDelayMs: [APPLY_DELAY_MS, { option: true }],
  /** `test.use({ startWithOfficeList: true })`: each test starts with openWithOfficeList. */
  startWithOfficeList: [false, { option: true }],
  app: async ({ page, applyDelayMs, startWithOfficeList }, use) => {
    const root = await mkdtemp(join(tmpdir(), 'allowlist-e2e-'));
    const dataDir = join(root, 'app-data');
    const serviceDir = join(root, 'service');
    const serviceOptions = {
      admins: [{ login: ADMIN.login, password: ADMIN.password }],
      applyDelayMs,
      data: join(serviceDir, 'data'),
      outbox: join(serviceDir, 'outbox'),
    };
    let service = await startService(serviceOptions);
    const main = await startMainForTest(page, { dataDir });
    const app: TestApp = {
      page,
      get service() {
        return service;
      },
      main,
      dataDir,
      open: async () => {
        await page.goto(main.url);
      },
      stopService: async () => {
        await service.close();
      },
      restartService: async (changes = {}) => {
        service = await startService({ ...serviceOptions, ...changes, port: service.port });
      },
    };
    try {
      if (startWithOfficeList) await openWithOfficeList(app);
      await use(app);
    } finally {
      await main.dispose();
      await service.close().catch(() => undefined);
      await rm(root, { recursive: true, force: true });
    }
  },
});

export { expect } from '@playwright/test';
