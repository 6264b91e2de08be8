import { expect, test } from './support/fixtures.ts';
import { screenshot } from './support/evidence.ts';
import { OFFICE_LIST } from './support/seed.ts';
import { readRestriction, writeRestriction } from './support/service-calls.ts';
import { addProfileViaUi, expectSavedLocally, memoField } from './support/ui.ts';

test('offline: editing continues, save is disabled with the reason, then sync when back', async ({
  app,
}) => {
  const { page } = app;
  await writeRestriction(app.service.url, OFFICE_LIST);
  await app.open();
  await addProfileViaUi(app.page, app.service.url);

  await app.stopService();
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Offline');
  await memoField(page, 3).fill('Osaka office (edited offline)');
  await expectSavedLocally(page);
  await expect(page.getByTestId('remote-status')).toHaveText('Not yet synced');
  const save = page.getByRole('button', { name: 'Review and save…' });
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('save-disabled-reason')).toHaveText(
    'Saving needs a connection to the service. Your edits are kept on this computer.',
  );
  await screenshot(page, 'offline');

  await app.restartService();
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  // The offline edit survived the refresh.
  await expect(memoField(page, 3)).toHaveValue('Osaka office (edited offline)');
  await save.click();
  await page
    .getByRole('dialog', { name: 'Review the changes' })
    .getByRole('button', { name: 'Save to service' })
    .click();
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  const after = await readRestriction(app.service.url);
  expect(after.entries).toContainEqual({
    ip: '160.16.0.0',
    cidr: 16,
    memo: 'Osaka office (edited offline)',
  });
});
