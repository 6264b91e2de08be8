import { defineConfig } from '@playwright/test';

/**
 * Playwright: the built renderer (dist/renderer, built by scripts/e2e.ts) in Debian's Chromium.
 *
 * `npx playwright install` cannot download browsers on machines without that network access, so the
 * system Chromium is launched headless with the flags that keep it off the network. One worker:
 * the machines have two cores and each test starts its own reference service.
 */
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  timeout: 180_000,
  // Waits for what the user waits for; generous because the machines are shared and busy.
  expect: { timeout: 20_000 },
  forbidOnly: true,
  retries: 0,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_FILE ? [['list'], ['json']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 820 },
    locale: 'en-US',
    colorScheme: 'light',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: chromiumArgs,
    },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    // A regular expression on the spec's path: a glob like 'electron/**' also matched every spec
    // when the checkout itself sits in a folder named "electron".
    { name: 'renderer', testIgnore: [/test[\\/]e2e[\\/]electron[\\/]/] },
    // The Electron spec (owned by the main process) runs where the Electron binary exists.
    { name: 'electron', testDir: 'test/e2e/electron' },
  ],
});
