import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import {
  addEntry,
  cidrField,
  entryRow,
  expectSavedLocally,
  ipField,
  memoField,
  pasteInto,
} from './support/ui.ts';

test.use({ startWithOfficeList: true });

test('add and edit entries: inline validation, fix-its, duplicates, undo/redo, counters', async ({
  app,
}) => {
  const { page } = app;
  const counters = page.getByTestId('counters');
  await expect(counters).toContainText('4 / 1,000 entries');
  await expect(ipField(page, 4)).toHaveValue('133.242.10.8');

  await addEntry(page);
  // The new row gets the focus: typing goes straight into its address.
  await expect(ipField(page, 5)).toBeFocused();
  await page.keyboard.type('10.0.0.300');
  await expect(entryRow(page, 5)).toContainText(
    '"10.0.0.300": the number 300 is greater than 255.',
  );
  await expect(ipField(page, 5)).toHaveAttribute('aria-invalid', 'true');
  await expect(counters).toContainText('1 error');
  await expect(page.getByRole('button', { name: 'Review and save…' })).toBeDisabled();
  await expect(page.getByTestId('save-disabled-reason')).toHaveText(
    'Some entries have errors, so the list cannot be saved. Fix them as described under each entry.',
  );

  await ipField(page, 5).fill('160.17.5.7');
  await cidrField(page, 5).fill('24');
  await expect(entryRow(page, 5)).toContainText(
    '160.17.5.7/24 has host bits set; the network it covers is 160.17.5.0/24.',
  );
  await expect(counters).toContainText('0 errors');
  await entryRow(page, 5).getByRole('button', { name: 'Use 160.17.5.0/24' }).click();
  await expect(ipField(page, 5)).toHaveValue('160.17.5.0');
  await expect(cidrField(page, 5)).toHaveValue('24');
  await memoField(page, 5).fill('Nagoya office');
  await expect(entryRow(page, 5)).not.toContainText('host bits');

  // Duplicate, see the duplicate flagged, remove it with its fix-it, then undo and redo.
  await page.getByRole('button', { name: 'Duplicate entry 5' }).click();
  await expect(entryRow(page, 6)).toContainText('Entry 6 (160.17.5.0/24) duplicates entry 5.');
  await expect(counters).toContainText('6 / 1,000 entries');
  await entryRow(page, 6).getByRole('button', { name: 'Remove this duplicate' }).click();
  await expect(counters).toContainText('5 / 1,000 entries');
  await page.keyboard.press('Control+z');
  await expect(counters).toContainText('6 / 1,000 entries');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(counters).toContainText('5 / 1,000 entries');

  // CIDR-aware search: which entry lets 160.17.5.77 in?
  await page.getByRole('searchbox', { name: 'Search or check an address' }).fill('160.17.5.77');
  await expect(page.getByTestId('contains-answer')).toHaveText(
    '160.17.5.77 is allowed by entry 5.',
  );
  await expect(page.getByText('Showing 1 of 5')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search or check an address' }).fill('8.8.8.8');
  await expect(page.getByTestId('contains-answer')).toHaveText(
    '8.8.8.8 is not covered by any entry. Add an entry to allow it.',
  );
  await page.getByRole('searchbox', { name: 'Search or check an address' }).fill('osaka');
  await expect(page.getByText('Showing 1 of 5')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search or check an address' }).fill('');

  await expectSavedLocally(page);
  await expect(page.getByTestId('remote-status')).toHaveText('Not saved to the service');

  // A picture with several kinds of problems at once.
  await addEntry(page, { ip: '2001:db8::1' });
  await addEntry(page, { ip: '10.1' });
  await addEntry(page, { ip: '160.16.200.0' });
  await expect(entryRow(page, 6)).toContainText('IPv6');
  await expect(entryRow(page, 8)).toContainText('covered by entry 3');
  await expect(counters).toContainText('2 errors');
  await expectAccessible(page, 'editor with problems');
  await screenshot(page, 'editor-problems');

  // Filter to the entries with errors.
  await page.getByRole('button', { name: /Show/ }).click();
  await page.getByRole('option', { name: 'With errors' }).click();
  await expect(page.getByText('Showing 2 of 8')).toBeVisible();
});

test('paste rows copied from Excel into the table', async ({ app }) => {
  const { page } = app;
  await addEntry(page);
  const excel = [
    'IP Address\tCIDR\tMemo',
    '203.0.114.0\t24\tFukuoka office',
    '150.95.1.1\t\tVPN gateway',
    '150.95.2.0-150.95.2.255\t\tData centre range',
    'not-an-address\t\tTypo from the sheet',
  ].join('\r\n');
  await pasteInto(ipField(page, 5), `${excel}\r\n`);
  await expect(page.getByTestId('paste-note')).toHaveText(
    'Pasted 4 entries. Entries with problems: 1. Fix each as described under it.',
  );
  await expect(page.getByTestId('counters')).toContainText('8 / 1,000 entries');
  await expect(ipField(page, 5)).toHaveValue('203.0.114.0');
  await expect(cidrField(page, 5)).toHaveValue('24');
  await expect(memoField(page, 5)).toHaveValue('Fukuoka office');
  await expect(ipField(page, 6)).toHaveValue('150.95.1.1');
  await expect(cidrField(page, 6)).toHaveValue('');
  // The range became its network; the unreadable line is kept as typed, with its problem.
  await expect(ipField(page, 7)).toHaveValue('150.95.2.0');
  await expect(cidrField(page, 7)).toHaveValue('24');
  await expect(ipField(page, 8)).toHaveValue('not-an-address');
  await expect(entryRow(page, 8)).toContainText('"not-an-address" is not an IPv4 address');
  await expectSavedLocally(page);
});
