import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { TestApp } from './fixtures.ts';
import type { Config } from '../../../shared/allowlist/model.ts';
import { OFFICE_LIST } from './seed.ts';
import { ADMIN, writeRestriction } from './service-calls.ts';

/** The entries table. */
export function entriesTable(page: Page): Locator {
  return page.getByRole('table', { name: 'Allowed IP addresses' });
}

/** The IP address input of entry n (1-based, as numbered in the table). */
export function ipField(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `IP address, entry ${n}`, exact: true });
}
export function cidrField(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `CIDR prefix, entry ${n}`, exact: true });
}
export function memoField(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `Memo, entry ${n}`, exact: true });
}

/** The row (ARIA row) holding entry n. */
export function entryRow(page: Page, n: number): Locator {
  return entriesTable(page)
    .getByRole('row')
    .filter({ has: ipField(page, n) });
}

/** What the admin types into a new row: the address, then (Tab) the prefix, then (Tab) the memo. */
export type TypedEntry = { ip: string; cidr?: string; memo?: string };

/** The Sendai office, the network the stories add by typing. */
export const SENDAI_OFFICE = { ip: '150.95.10.0', cidr: '24', memo: 'Sendai office' } as const;

/**
 * Press "Add entry" and type into the new row, which has the focus, the way the admin does: the
 * address, Tab, the prefix, Tab, the memo (as far as `typed` goes). Without `typed`, only adds the
 * row.
 */
export async function addEntry(page: Page, typed?: TypedEntry): Promise<void> {
  await page.getByRole('button', { name: 'Add entry' }).click();
  if (!typed) return;
  await page.keyboard.type(typed.ip);
  if (typed.cidr === undefined && typed.memo === undefined) return;
  await page.keyboard.press('Tab');
  if (typed.cidr !== undefined) await page.keyboard.type(typed.cidr);
  if (typed.memo === undefined) return;
  await page.keyboard.press('Tab');
  await page.keyboard.type(typed.memo);
}

/**
 * First run → "Add a profile" with the test service's URL and the admin's password (which goes
 * to the real keychain); waits for the editor.
 */
export async function addProfileViaUi(
  page: Page,
  serviceUrl: string,
  name = 'Test service',
): Promise<void> {
  await page.getByRole('button', { name: 'Add a profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill(name);
  await dialog.getByRole('textbox', { name: 'Service URL' }).fill(serviceUrl);
  await dialog.getByRole('textbox', { name: 'Administrator login' }).fill(ADMIN.login);
  await dialog.getByLabel('Password').fill(ADMIN.password);
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('radiogroup', { name: 'IP address restriction' })).toBeVisible();
}

/**
 * The usual start of a story: the service holds the office list, the app opens and a profile for
 * that service is added through the UI.
 */
export async function openWithOfficeList(app: TestApp): Promise<void> {
  await writeRestriction(app.service.url, OFFICE_LIST);
  await app.open();
  await addProfileViaUi(app.page, app.service.url);
  await expectListFromService(app.page, OFFICE_LIST);
}

/**
 * Wait for what the admin waits for after adding a profile: the list read from the service is
 * in the table and the status says it is up to date. (Waiting only for the editor raced the first
 * pull: a test that stopped the service then met the empty "not yet read" list.)
 */
export async function expectListFromService(page: Page, config: Config): Promise<void> {
  await expect(page.getByTestId('sync-state')).toHaveAttribute('data-state', 'up-to-date');
  await expect(page.getByRole('textbox', { name: /^IP address, entry \d+$/ })).toHaveCount(
    config.entries.length,
  );
  for (const [i, entry] of config.entries.entries()) {
    await expect(ipField(page, i + 1)).toHaveValue(entry.ip);
  }
}

/** Wait until the autosave says "Draft saved". */
export async function expectSavedLocally(page: Page): Promise<void> {
  await expect(page.getByTestId('local-status')).toHaveText('Draft saved');
}

/**
 * Paste text into a field the way the OS clipboard does (a paste event carrying text/plain).
 */
export async function pasteInto(field: Locator, text: string): Promise<void> {
  await field.focus();
  await field.evaluate((el, value) => {
    const data = new DataTransfer();
    data.setData('text/plain', value);
    el.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
    );
  }, text);
}

/** Switch the UI to Japanese from the language menu; waits until the page says it is Japanese. */
export async function toJapanese(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Language/ }).click();
  await page.getByRole('option', { name: '日本語' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
}
