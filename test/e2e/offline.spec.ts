import { expect, test } from './support/fixtures.ts';
import { screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { expectSavedLocally, memoField, openWithOfficeList } from './support/ui.ts';

test('offline: editing continues, save is disabled with the reason, then sync when back', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);

  await app.stopService();
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  // One "Offline" chip and one message saying what still works, not two of each.
  const status = page.getByTestId('sync-status');
  await expect(page.getByTestId('sync-state')).toHaveText('Offline');
  await expect(status.getByText('Offline', { exact: true })).toHaveCount(1);
  await expect(page.getByTestId('connection-status')).toBeHidden();
  await expect(page.getByTestId('sync-advice')).toHaveText(
    'The service cannot be reached. Editing and Preview access still work, and your changes are kept on this computer; saving to the service needs the network.',
  );
  await expect(page.getByText(/cannot be reached/)).toHaveCount(1);
  await memoField(page, 3).fill('Osaka office (edited offline)');
  await expectSavedLocally(page);
  await expect(page.getByTestId('remote-status')).toHaveText('Not saved to the service');
  const save = page.getByRole('button', { name: 'Review and save…' });
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('save-disabled-reason')).toHaveText(
    'Saving needs a connection to the service; it works again once the service answers.',
  );
  await screenshot(page, 'offline');

  await app.restartService();
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  // Straight on to saving, as an admin would: while the refresh runs the button waits with the
  // reason (in-flight.spec.ts holds it there), then it opens the plan.
  await save.click();
  await page
    .getByRole('dialog', { name: 'Review the changes' })
    .getByRole('button', { name: 'Save to service' })
    .click();
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  // The offline edit survived the refresh.
  await expect(memoField(page, 3)).toHaveValue('Osaka office (edited offline)');
  const after = await readRestriction(app.service.url);
  expect(after.entries).toContainEqual({
    ip: '160.16.0.0',
    cidr: 16,
    memo: 'Osaka office (edited offline)',
  });
});
