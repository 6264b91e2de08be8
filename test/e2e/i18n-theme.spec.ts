import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { addEntry, openWithOfficeList, toJapanese } from './support/ui.ts';

test('switching to Japanese translates the UI and the problem messages; dark theme follows the OS', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  await addEntry(page, { ip: '192.168.1.300' });
  await expect(
    page.getByText('"192.168.1.300": the number 300 is greater than 255.'),
  ).toBeVisible();

  await toJapanese(page);
  await expect(page.getByRole('radiogroup', { name: 'IPアドレス制限' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'エントリを追加' })).toBeVisible();
  await expect(
    page.getByText(
      '「192.168.1.300」の 300 は255を超えています。各数値は0〜255で入力してください。',
    ),
  ).toBeVisible();
  await expect(page.getByTestId('counters')).toContainText('5 / 1,000 件');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await expectAccessible(page, 'editor (ja)');
  await screenshot(page, 'editor-ja');

  // The choice is remembered across a reload.
  await page.reload();
  await expect(page.getByRole('button', { name: 'エントリを追加' })).toBeVisible();

  await page.getByRole('button', { name: /言語/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await page.emulateMedia({ colorScheme: 'dark' });
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(22, 25, 30)');
  await expectAccessible(page, 'editor (dark)');
  await screenshot(page, 'dark-theme');
});

test.describe('with a Japanese OS', () => {
  test.use({ locale: 'ja-JP' });
  test('the first run follows the OS language', async ({ app }) => {
    await app.open();
    await expect(
      app.page.getByRole('heading', { name: 'サービスのIPアドレス制限を管理します' }),
    ).toBeVisible();
    await expect(app.page.getByRole('button', { name: 'デモを開く' })).toBeVisible();
  });
});

test('a status notice follows a language switch instead of staying in the old language', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  const notice = page.locator('.notice[role="status"]');
  await expect(notice).toContainText(/Already up to date \(revision \d+\)\./);

  await toJapanese(page);
  await expect(notice).toContainText(/すでに最新です（リビジョン \d+）。/);
  await expect(notice).not.toContainText('Already up to date');
});
