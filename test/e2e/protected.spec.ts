import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { expectSavedLocally, openWithOfficeList } from './support/ui.ts';
import { openPlan } from './support/sync.ts';

test('protected addresses are edited in settings and guarded by the save plan', async ({ app }) => {
  const { page } = app;
  await openWithOfficeList(app);

  await page.getByRole('tab', { name: 'Settings' }).click();
  const address = page.getByRole('textbox', { name: 'Address to protect' });
  await address.fill('10.0.0');
  await page.getByRole('button', { name: 'Protect address' }).click();
  await expect(
    page.getByText('“10.0.0” is not one IPv4 address. Enter it like 203.0.113.25.'),
  ).toBeVisible();
  await address.fill('127.0.0.2');
  await page.getByRole('textbox', { name: 'Label' }).fill('Second admin');
  await page.getByRole('button', { name: 'Protect address' }).click();
  await expect(page.getByTestId('protected-list')).toContainText('127.0.0.2');
  await expect(page.getByTestId('protected-list')).toContainText('Second admin');
  await expectAccessible(page, 'settings');
  await screenshot(page, 'settings-protected');

  // The setting is stored: it is still there after switching tabs.
  await page.getByRole('tab', { name: 'Entries' }).click();
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(page.getByTestId('protected-list')).toContainText('127.0.0.2');

  // Removing the second admin's entry now needs the typed confirmation.
  await page.getByRole('tab', { name: 'Entries' }).click();
  await page.getByRole('button', { name: 'Delete entry 2' }).click();
  await expectSavedLocally(page);
  const before = await readRestriction(app.service.url);
  const plan = await openPlan(page);
  await expect(plan).toContainText('127.0.0.2 Protected: Second admin: loses access');
  await expect(plan).toContainText('127.0.0.1 You: keeps access');
  await plan.getByRole('button', { name: 'Save to service' }).click();
  const modal = page.getByRole('alertdialog', {
    name: 'After this save, a protected address can no longer reach the service',
  });
  await expect(modal.locator('.big-address')).toHaveText('127.0.0.2');
  await modal.getByRole('button', { name: 'Cancel, keep editing' }).click();
  const after = await readRestriction(app.service.url);
  expect(after.revision).toBe(before.revision);
});
