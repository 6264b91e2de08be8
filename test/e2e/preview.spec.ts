import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { expectSavedLocally, openWithOfficeList } from './support/ui.ts';

test('preview addresses under the draft and the list in force', async ({ app }) => {
  const { page } = app;
  await openWithOfficeList(app);
  // Draft: drop the Tokyo gateway.
  await page.getByRole('button', { name: 'Delete entry 4' }).click();
  await expectSavedLocally(page);

  await page.getByRole('tab', { name: 'Preview access' }).click();
  await page
    .getByRole('textbox', { name: 'Addresses to check' })
    .fill('160.16.33.4\n133.242.10.8\n8.8.8.8\n10.0.0.999');
  const results = page.getByTestId('preview-results');
  const row = (ip: string) =>
    results.getByRole('row').filter({ has: page.getByRole('rowheader', { name: ip }) });
  await expect(row('160.16.33.4')).toContainText('Allowed');
  await expect(row('160.16.33.4')).toContainText('entry 3: 160.16.0.0/16 Osaka office');
  await expect(row('133.242.10.8')).toContainText('Denied');
  await expect(row('133.242.10.8')).toContainText('Loses access');
  await expect(row('8.8.8.8').getByText('Denied')).toHaveCount(2);
  await expect(row('10.0.0.999')).toContainText('greater than 255');

  // Login-log impact: the main process's open dialog hands over the file (the one faked part).
  const log = [
    'time,user,ip',
    ...Array.from({ length: 5 }, (_, i) => `2026-11-2${i}T09:00:00Z,tanaka,133.242.10.8`),
    '2026-11-24T09:05:00Z,sato,160.16.3.3',
    '2026-11-24T09:06:00Z,ito,8.8.8.8',
  ].join('\n');
  app.main.pickFile({ name: 'logins.csv', bytes: new TextEncoder().encode(log) });
  await page.getByRole('button', { name: 'Load a login log…' }).click();
  const impact = page.getByTestId('impact');
  await expect(impact).toContainText('logins.csv');
  await expect(impact).toContainText('1 address would lose access');
  await expect(
    impact.getByRole('row').filter({ has: page.getByRole('rowheader', { name: '133.242.10.8' }) }),
  ).toContainText('5');
  await expectAccessible(page, 'preview');
  await screenshot(page, 'preview');
});
