import { expect, test } from './support/fixtures.ts';
import { expectAccessible } from './support/evidence.ts';
import { ADMIN } from './support/service-calls.ts';
import { OFFICE_LIST } from './support/seed.ts';
import { expectListFromService, openWithOfficeList, toJapanese } from './support/ui.ts';

test('the password is changed in the profile settings and the next service call uses it', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await expect(
    page.getByText('The password of this profile is kept in the OS credential store.'),
  ).toBeVisible();
  const field = page.getByLabel('New password');
  const save = page.getByRole('button', { name: 'Save password' });

  await save.click();
  await expect(page.getByText('Enter the new password first.')).toBeVisible();

  // A wrong password: the service refuses the next call, and the admin is told why.
  await field.fill('not-the-password');
  await save.click();
  await expect(page.getByText('The password was saved in the OS credential store.')).toBeVisible();
  await expect(field).toHaveValue('');
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'error');
  await expect(
    page.getByText(/did not accept this profile’s login name or password/),
  ).toBeVisible();

  // The right one again: the service answers.
  await field.fill(ADMIN.password);
  await save.click();
  await expect(page.getByText('The password was saved in the OS credential store.')).toBeVisible();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'up-to-date');
  await expectAccessible(page, 'settings-account');
});

test('a profile is removed from this computer after a confirmation; another one stays', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  const profileSelect = page.locator('.header-profile .select-button');
  await page.getByRole('button', { name: 'Add profile…' }).click();
  const add = page.getByRole('dialog', { name: 'Add a profile' });
  await add.getByRole('textbox', { name: 'Name' }).fill('Second service');
  await add.getByRole('textbox', { name: 'Service URL' }).fill(app.service.url);
  await add.getByRole('textbox', { name: 'Administrator login' }).fill(ADMIN.login);
  await add.getByLabel('Password').fill(ADMIN.password);
  await add.getByRole('button', { name: 'Add profile' }).click();
  await expect(add).toBeHidden();
  await expect(profileSelect).toContainText('Second service');
  await expectListFromService(page, OFFICE_LIST);

  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('button', { name: 'Remove profile' }).click();
  const dialog = page.getByRole('alertdialog', { name: 'Remove the profile “Second service”?' });
  await expect(dialog).toContainText('Nothing is sent to the service.');
  // Keeping it is the default and changes nothing.
  await dialog.getByRole('button', { name: 'Keep the profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(profileSelect).toContainText('Second service');

  await page.getByRole('button', { name: 'Remove profile' }).click();
  await dialog.getByRole('button', { name: 'Remove profile' }).click();
  await expect(dialog).toBeHidden();
  // The other profile is selected; after a reload the removed one is still gone.
  await expect(profileSelect).toContainText('Test service');
  await page.reload();
  await expect(profileSelect).toContainText('Test service');
  await profileSelect.click();
  await expect(page.getByRole('option', { name: 'Second service' })).toHaveCount(0);
  await expect(page.getByRole('option', { name: 'Test service' })).toHaveCount(1);
});

test('the window names the app and its version (app:info), in both languages', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(page.getByTestId('app-version')).toHaveText(
    /^IP Allowlist Manager version \d+\.\d+\.\d+/,
  );
  await toJapanese(page);
  await expect(page.getByTestId('app-version')).toHaveText(
    /^IPアドレス制限マネージャー バージョン \d+\.\d+\.\d+/,
  );
});
