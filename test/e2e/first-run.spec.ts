import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { addEntry, entriesTable } from './support/ui.ts';

test('first run offers a profile or the demo; the demo opens an editable list', async ({ app }) => {
  const { page } = app;
  await app.open();
  await expect(
    page.getByRole('heading', { name: 'Manage your service’s IP address restriction' }),
  ).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add a profile…' })).toBeVisible();
  await expectAccessible(page, 'first run');
  await screenshot(page, 'first-run');

  await page.getByRole('button', { name: 'Open the demo' }).click();
  await expect(page.getByRole('radiogroup', { name: 'IP address restriction' })).toBeVisible();
  // The demo list was read from the in-process reference service (which starts as "Allow all").
  await expect(page.getByTestId('remote-status')).toHaveText('Same as the service');
  await expect(page.getByTestId('connection-status')).toHaveText('Connected');
  await expect(page.getByRole('button', { name: /Profile/ })).toContainText('Demo');
  await expect(page.getByRole('radio', { name: 'Allow all IP addresses' })).toBeChecked();
  await expect(page.getByTestId('allow-all-advice')).toContainText(
    'allow two-factor authentication',
  );
  // Switching to "specific" without entries is an error the counters and the list explain.
  await page.getByText('Allow specific IP addresses only').click();
  await expect(page.getByRole('radio', { name: 'Allow specific IP addresses only' })).toBeChecked();
  await expect(page.getByTestId('general-problems')).toContainText('needs at least one entry');
  await addEntry(page, { ip: '127.0.0.1' });
  await expect(entriesTable(page)).toBeVisible();
  await expect(page.getByTestId('counters')).toContainText('1 / 1,000 entries');
  await expect(page.getByTestId('allow-all-advice')).toBeHidden();
  await expectAccessible(page, 'editor (demo)');
});
