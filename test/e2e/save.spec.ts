import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { addEntry, expectSavedLocally, ipField, memoField, SENDAI_OFFICE } from './support/ui.ts';
import { openPlan } from './support/sync.ts';

test.use({ startWithOfficeList: true });

test('save shows the plan, then the service has the new list', async ({ app }) => {
  const { page } = app;
  const before = await readRestriction(app.service.url);
  await addEntry(page, SENDAI_OFFICE);
  await memoField(page, 4).fill('Tokyo office (new gateway)');
  await expectSavedLocally(page);

  const plan = await openPlan(page);
  await expect(plan.getByRole('heading', { name: 'Added (1)' })).toBeVisible();
  await expect(plan).toContainText('150.95.10.0/24 Sendai office');
  await expect(plan.getByRole('heading', { name: 'Memo changed (1)' })).toBeVisible();
  await expect(plan).toContainText('Your address as the service sees it: 127.0.0.1');
  await expect(plan).toContainText('keeps access');
  // Cancel is the default button.
  await expect(plan.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'plan dialog');
  await screenshot(page, 'plan');

  await plan.getByRole('button', { name: 'Save to service' }).click();
  await expect(plan).toBeHidden();
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  const after = await readRestriction(app.service.url);
  expect(Number(after.revision)).toBeGreaterThan(Number(before.revision));
  expect(after.entries).toContainEqual({ ip: '150.95.10.0', cidr: 24, memo: 'Sendai office' });
  expect(after.entries).toContainEqual({
    ip: '133.242.10.8',
    cidr: null,
    memo: 'Tokyo office (new gateway)',
  });
  await expect(page.getByTestId('remote-status')).toHaveText('Same as the service');
});

test('the lockout modal blocks a save that excludes the admin until the phrase is typed', async ({
  app,
}) => {
  const { page } = app;
  // Replace the admin's own address with another one: the service sees the app at 127.0.0.1.
  await ipField(page, 1).fill('127.0.0.9');
  await expectSavedLocally(page);
  const before = await readRestriction(app.service.url);

  const plan = await openPlan(page);
  await expect(plan).toContainText('127.0.0.1');
  await expect(plan).toContainText('loses access');
  await plan.getByRole('button', { name: 'Save to service' }).click();

  const modal = page.getByRole('alertdialog', {
    name: 'After this save, you can no longer reach the service',
  });
  await expect(modal).toBeVisible();
  await expect(modal.locator('.big-address')).toHaveText('127.0.0.1');
  await expect(modal.getByRole('button', { name: 'Cancel, keep editing' })).toBeFocused();
  const confirm = modal.getByRole('button', { name: 'Save and lose access' });
  await expect(confirm).toBeDisabled();
  await expectAccessible(page, 'lockout modal');
  await screenshot(page, 'lockout-modal');

  // A wrong phrase does not enable it; Enter (default) cancels nothing and sends nothing.
  const phraseField = modal.getByRole('textbox', { name: /To save anyway, type/ });
  await phraseField.fill('lock me out');
  await expect(confirm).toBeDisabled();
  await modal.getByRole('button', { name: 'Cancel, keep editing' }).click();
  await expect(modal).toBeHidden();
  const unchanged = await readRestriction(app.service.url);
  expect(unchanged.revision).toBe(before.revision);
  expect(unchanged.entries).toEqual(before.entries);

  // Now type the phrase exactly: the save goes through.
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await page
    .getByRole('dialog', { name: 'Review the changes' })
    .getByRole('button', { name: 'Save to service' })
    .click();
  const label = await modal
    .getByRole('textbox', { name: /To save anyway, type/ })
    .evaluate((el) => {
      const id = el.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
      return document.getElementById(id)?.textContent ?? '';
    });
  // The phrase is the address that loses access: typeable without switching the input
  // method, so the full-width form a Japanese IME leaves on counts as well.
  const phrase = /“(.+)”/.exec(label)?.[1] ?? '';
  expect(phrase).toBe('127.0.0.1');
  await modal.getByRole('textbox', { name: /To save anyway, type/ }).fill('１２７．０．０．１');
  await confirm.click();
  await expect(modal).toBeHidden();
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  // Read as the second admin (127.0.0.2 stays allowed): the new list is on the service.
  const after = await readRestriction(app.service.url, '127.0.0.2');
  expect(after.revision).not.toBe(before.revision);
  expect(after.entries.map((e) => e.ip)).toContain('127.0.0.9');
  expect(after.entries.map((e) => e.ip)).not.toContain('127.0.0.1');
});
