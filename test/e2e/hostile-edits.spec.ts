import { expect } from './support/fixtures.ts';
import { OFFICE_LIST } from './support/seed.ts';
import { otherAdminEdits, withMemo } from './support/sync.ts';
import {
  cidrField,
  expectListFromService,
  expectSavedLocally,
  memoField,
  toJapanese,
} from './support/ui.ts';
import { testWithHeldOfficeList } from './support/held-office-list.ts';

/**
 * Hostile edits: an admin types and, before the autosave or a pull has settled, presses the next
 * button (Refresh, reload, the language menu), or another admin changes the list meanwhile. What
 * the admin typed stays in the table, and the other admin's change is not undone. The app talks to
 * the service through the hold proxy (support/hold-proxy.ts) so "in flight" is a held request.
 */

const test = testWithHeldOfficeList;

const MINE = 'Osaka office (typed just now)';
const THEIRS = 'Tokyo gateway (other admin)';

test('typed, then Refresh at once while another admin changed another entry: both kept', async ({
  app,
  holdProxy: _proxy,
}) => {
  const { page } = app;
  await otherAdminEdits(app.service.url, (c) => withMemo(c, '133.242.10.8', THEIRS));
  await memoField(page, 3).fill(MINE);
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await expect(memoField(page, 4)).toHaveValue(THEIRS);
  await expect(memoField(page, 3)).toHaveValue(MINE);
  await expectSavedLocally(page);
  await page.reload();
  await expect(memoField(page, 3)).toHaveValue(MINE);
  await expect(memoField(page, 4)).toHaveValue(THEIRS);
});

test('typed during a held pull: kept when the pull lands', async ({ app, holdProxy: proxy }) => {
  const { page } = app;
  await otherAdminEdits(app.service.url, (c) => withMemo(c, '133.242.10.8', THEIRS));
  const pull = proxy.hold('GET', '/v1/ip-restrictions.json');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await pull.arrived;
  await memoField(page, 3).press('End');
  await memoField(page, 3).pressSequentially(MINE.slice(0, 5));
  pull.release();
  await memoField(page, 3).pressSequentially(MINE.slice(5));
  await expect(memoField(page, 4)).toHaveValue(THEIRS);
  await expect(memoField(page, 3)).toHaveValue('Osaka office' + MINE);
  await expectSavedLocally(page);
  await page.reload();
  await expect(memoField(page, 3)).toHaveValue('Osaka office' + MINE);
});

test('CIDR "2" typed during a held pull, "4" after it lands: 24', async ({
  app,
  holdProxy: proxy,
}) => {
  const { page } = app;
  await otherAdminEdits(app.service.url, (c) => withMemo(c, '133.242.10.8', THEIRS));
  await cidrField(page, 3).fill('');
  const pull = proxy.hold('GET', '/v1/ip-restrictions.json');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await pull.arrived;
  await cidrField(page, 3).pressSequentially('2');
  pull.release();
  await expect(memoField(page, 4)).toHaveValue(THEIRS);
  await cidrField(page, 3).pressSequentially('4');
  await expect(cidrField(page, 3)).toHaveValue('24');
  await expectSavedLocally(page);
  await page.reload();
  await expect(cidrField(page, 3)).toHaveValue('24');
});

test('typed, then reload at once: kept', async ({ app, holdProxy: _proxy }) => {
  const { page } = app;
  await memoField(page, 3).fill(MINE);
  await page.reload();
  await expect(memoField(page, 3)).toHaveValue(MINE);
});

test('typed, then the language switch and a reload: the last keystrokes are kept', async ({
  app,
  holdProxy: _proxy,
}) => {
  const { page } = app;
  await memoField(page, 3).fill(MINE);
  await memoField(page, 3).press('End');
  await memoField(page, 3).pressSequentially('!!');
  await toJapanese(page);
  await expect(page.getByRole('textbox', { name: /メモ.*3|3.*メモ/ })).toHaveValue(MINE + '!!');
  await page.reload();
  await expect(page.getByRole('textbox', { name: /メモ.*3|3.*メモ/ })).toHaveValue(MINE + '!!');
});

test('typed, then another profile at once, and back: kept', async ({ app, holdProxy: proxy }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Add profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Second service');
  await dialog.getByRole('textbox', { name: 'Service URL' }).fill(proxy.url);
  await dialog.getByRole('textbox', { name: 'Administrator login' }).fill('admin');
  await dialog.getByLabel('Password').fill('e2e-Secret-pw!');
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await expect(dialog).toBeHidden();
  await expectListFromService(page, OFFICE_LIST);
  await memoField(page, 3).fill(MINE);
  await page.locator('.header-profile').getByRole('button').first().click();
  await page.getByRole('option', { name: 'Test service' }).click();
  await expectListFromService(page, OFFICE_LIST);
  await page.locator('.header-profile').getByRole('button').first().click();
  await page.getByRole('option', { name: 'Second service' }).click();
  await expect(memoField(page, 3)).toHaveValue(MINE);
});

// Found by the hostile tester: each tab autosaved its whole working copy, so a second tab's save
// undid the first tab's memo. One window edits at a time (renderer/lib/one-window.ts): the second
// tab waits and says why, then opens with the first tab's edits once the first is closed.
test('a second tab of the app waits for the first, then opens with its edits', async ({
  app,
  holdProxy: _proxy,
}) => {
  const { page } = app;
  const other = await page.context().newPage();
  try {
    await other.goto(app.main.url);
    await expect(other.getByTestId('other-window')).toContainText(
      'The app is open in another tab or window',
    );
    await expect(memoField(other, 3)).toHaveCount(0);
    await memoField(page, 3).fill(MINE);
    await expectSavedLocally(page);
    await page.close();
    await expect(memoField(other, 3)).toHaveValue(MINE);
  } finally {
    await other.close();
  }
});

test('another admin deletes the entry being typed into, then Refresh: the edit is not dropped', async ({
  app,
  holdProxy: _proxy,
}) => {
  const { page } = app;
  await memoField(page, 3).fill(MINE);
  await otherAdminEdits(app.service.url, (c) => ({
    ...c,
    entries: c.entries.filter((e) => e.ip !== '160.16.0.0'),
  }));
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  // Shown on the merge screen as a conflict (kept mine / take theirs), never gone without a word.
  await expect(
    page.getByRole('heading', { name: 'The list changed on the service' }),
  ).toBeVisible();
  await expect(page.getByText(MINE).first()).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Keep mine' })).toBeVisible();
});
