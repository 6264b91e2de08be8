import { expect, test } from './support/fixtures.ts';
import { screenshot } from './support/evidence.ts';
import { EXPOSED_AREAS } from './support/exposed-api.ts';

/**
 * What a browser-mode user gets beyond the other specs (which all run in browser mode): the
 * printed URL's token (in its fragment) leaves the address bar, no cookie is set, the API answers
 * only with the token the bridge keeps for this tab (a reload keeps working), only the contract's
 * API is exposed, and the page cannot reach any other origin (the app's CSP).
 */
test('browser mode: the token leaves the address bar and survives a reload, the page exposes only window.allowlist and reaches only its server', async ({
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
    // A request without the bridge's Authorization header (as any other page would send).
    const bare = await fetch('/__host/invoke/app:info', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    return {
      cookie: document.cookie,
      bare: bare.status,
      areas: Object.keys(w.allowlist).sort(),
      frozen: Object.isFrozen(w.allowlist),
      foreign,
    };
  });
  expect(seen).toEqual({
    cookie: '',
    bare: 401,
    areas: EXPOSED_AREAS,
    frozen: true,
    foreign: 'blocked',
  });

  // A reload keeps working: the tab kept the token (sessionStorage), the address bar has none.
  await page.reload();
  await expect(page.getByRole('button', { name: 'Open the demo' })).toBeVisible();
  expect(page.url()).toBe(`${app.main.origin}/`);

  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByTestId('counters')).toBeVisible();
  await screenshot(page, 'browser-mode');
});
