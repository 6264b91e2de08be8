import { expect, test } from './support/fixtures.ts';
import { screenshot } from './support/evidence.ts';

/**
 * What a browser-mode user gets beyond the other specs (which all run in browser mode): the
 * printed URL's token leaves the address bar, the page holds no readable secret, only the
 * contract's API is exposed, and the page cannot reach any other origin (the app's CSP).
 */
test('browser mode: the token leaves the address bar, the page exposes only window.allowlist and reaches only its server', async ({
  app,
}) => {
  const { page } = app;
  await app.open();
  await expect(page.getByRole('button', { name: 'Open the demo' })).toBeVisible();
  expect(page.url()).toBe(`${app.main.origin}/`);
  const seen = await page.evaluate(async () => {
    const w = globalThis as unknown as { allowlist: Record<string, unknown> };
    let foreign: string;
    try {
      await fetch('http://127.0.0.1:9/');
      foreign = 'reached';
    } catch {
      foreign = 'blocked';
    }
    return {
      cookie: document.cookie,
      areas: Object.keys(w.allowlist).sort(),
      frozen: Object.isFrozen(w.allowlist),
      foreign,
    };
  });
  expect(seen).toEqual({
    cookie: '',
    areas: [
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
    ],
    frozen: true,
    foreign: 'blocked',
  });

  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByTestId('counters')).toBeVisible();
  await screenshot(page, 'browser-mode');
});
