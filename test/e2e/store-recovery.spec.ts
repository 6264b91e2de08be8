import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { screenshot } from './support/evidence.ts';
import { startMainForTest } from './support/main-under-test.ts';

// A damaged data file is moved aside (kept), the app still starts, and the user is told where it went.
test('a damaged profiles file is moved aside and the user is told', async ({ page }) => {
  const root = await mkdtemp(join(tmpdir(), 'allowlist-e2e-recovery-'));
  const dataDir = join(root, 'app-data');
  await mkdir(dataDir, { recursive: true });
  await writeFile(join(dataDir, 'profiles.json'), '{"schemaVersion": 2, "profiles": [tru');
  const main = await startMainForTest(page, { dataDir });
  try {
    await page.goto(main.url);

    const banner = page.getByTestId('store-notices');
    await expect(banner).toContainText('The file profiles.json was damaged');
    const kept = (await readdir(dataDir)).filter((f) => f.startsWith('profiles.corrupt-'));
    expect(kept).toHaveLength(1);
    await expect(banner).toContainText(kept[0]!);
    // The app still works: first run is offered.
    await expect(page.getByRole('button', { name: /demo/i }).first()).toBeVisible();
    await screenshot(page, 'store-recovered');

    await banner.getByRole('button', { name: 'Dismiss' }).click();
    await expect(banner).toHaveCount(0);
  } finally {
    await main.dispose();
    await rm(root, { recursive: true, force: true });
  }
});
