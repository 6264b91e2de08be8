import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { screenshot } from './support/evidence.ts';
import { OFFICE_LIST } from './support/seed.ts';
import { writeRestriction } from './support/service-calls.ts';
import {
  addEntry,
  addProfileViaUi,
  ipField,
  openWithOfficeList,
  toJapanese,
} from './support/ui.ts';
import { serviceCsv } from './support/import-files.ts';
import { saveThroughPlan } from './support/sync.ts';

/**
 * The Japanese UI at the default window width (1280 px) and at the narrowest the app allows
 * (electron/main/window.ts: minWidth 900): what issue 17 found broken, checked as a user sees it,
 * with a screenshot of each screen at both widths in test-results/screens/.
 */
const WIDTHS = [1280, 900] as const;
/** The date-time format of the Japanese UI (renderer/i18n/format.ts). */
const JA_DATE_TIME = /\d{4}\/\d{2}\/\d{2}\s\d{2}:\d{2}/;

/** The address input of entry n in the Japanese editor. */
function jaIpField(page: Page, n: number): Locator {
  return page.getByRole('textbox', { name: `IPアドレス（No.${n}）`, exact: true });
}

/** How many lines the element's text takes (1: it did not wrap). */
function lineCount(locator: Locator): Promise<number> {
  return locator.evaluate((el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
    return tops.size;
  });
}

/** Whether an input's placeholder fits in its box (not clipped mid-character). */
function placeholderFits(input: Locator): Promise<boolean> {
  return input.evaluate((el) => {
    const field = el as HTMLInputElement;
    const style = getComputedStyle(field);
    const context = document.createElement('canvas').getContext('2d');
    if (!context) return false;
    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const room = field.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return context.measureText(field.placeholder).width <= room;
  });
}

/** Every column header of the visible tables is on one line (no 採／用, no lone 「数」). */
async function expectHeadersOnOneLine(page: Page): Promise<void> {
  const headers = page.locator('th[scope="col"], [role="columnheader"]');
  const count = await headers.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i += 1) {
    const header = headers.nth(i);
    const hidden = await header.evaluate(
      (el) => el.querySelector('.visually-hidden') !== null || el.clientWidth <= 1,
    );
    if (hidden || !(await header.isVisible())) continue;
    expect(await lineCount(header), await header.innerText()).toBe(1);
  }
}

for (const width of WIDTHS) {
  test.describe(`Japanese at ${width} px`, () => {
    test.use({ viewport: { width, height: width === 900 ? 640 : 820 } });

    test('editor: search placeholder, headers, problems across the row, 今すぐ確認, dates', async ({
      app,
    }) => {
      const { page } = app;
      await openWithOfficeList(app);
      await addEntry(page, { ip: '192.168.1.300' });
      await toJapanese(page);

      const search = page.getByRole('searchbox', { name: '検索・アドレスの確認' });
      expect(await placeholderFits(search)).toBe(true);
      await expectHeadersOnOneLine(page);

      // The problem sentence uses the width of the address, CIDR and memo columns.
      const row = page
        .getByRole('table', { name: '許可するIPアドレス' })
        .getByRole('row')
        .filter({ has: jaIpField(page, 5) });
      const problem = row.locator('.problem-text').first();
      await expect(problem).toContainText('各数値は0〜255で入力してください');
      const problemBox = await problem.boundingBox();
      const addressBox = await jaIpField(page, 5).boundingBox();
      expect(problemBox?.width ?? 0).toBeGreaterThan((addressBox?.width ?? 0) * 1.5);

      // 「今すぐ確認」 is a bordered button, not a bare label.
      const checkNow = page.getByRole('button', { name: '今すぐ確認' });
      await expect(checkNow).toBeVisible();
      expect(
        await checkNow.evaluate((el) => parseFloat(getComputedStyle(el).borderTopWidth)),
      ).toBeGreaterThan(0);

      // The last refresh carries its date.
      await expect(page.getByTestId('sync-status')).toContainText(
        new RegExp(`最終取得: ${JA_DATE_TIME.source}`),
      );
      await screenshot(page, `ja-editor-${width}`);
    });

    test('import wizard: no italic Japanese, headers on one line', async ({ app }) => {
      const { page } = app;
      await openWithOfficeList(app);
      await toJapanese(page);
      app.main.pickFile(serviceCsv());
      await page.getByRole('button', { name: 'インポート…' }).click();
      const dialog = page.getByRole('dialog', { name: 'ファイルからアドレスをインポート' });
      await dialog.getByRole('button', { name: 'ファイルを選択…' }).click();
      const wizard = page.getByRole('dialog', { name: 'ip-allowlist.csv からインポート' });
      const skipped = wizard.getByText('インポートしません').first();
      await expect(skipped).toBeVisible();
      expect(await skipped.evaluate((el) => getComputedStyle(el).fontStyle)).toBe('normal');
      await expectHeadersOnOneLine(page);
      await screenshot(page, `ja-import-${width}`);
    });

    test('lockout and recovery: typeable address, both ways back, subject on one line', async ({
      app,
    }) => {
      const { page } = app;
      await writeRestriction(app.service.url, OFFICE_LIST);
      await app.open();
      await addProfileViaUi(page, app.service.url);
      await ipField(page, 1).fill('127.0.0.9');
      await toJapanese(page);
      await expect(page.getByTestId('local-status')).toHaveText('下書きを保存済み');
      await page.getByRole('button', { name: '確認して保存…' }).click();
      const plan = page.getByRole('dialog', { name: '変更内容の確認' });
      await expect(plan).toContainText('サービスから見たあなたのアドレス: 127.0.0.1');
      await screenshot(page, `ja-plan-${width}`);
      await plan.getByRole('button', { name: 'サービスに保存' }).click();
      await expect(plan).toBeHidden();

      const modal = page.getByRole('alertdialog', {
        name: 'この保存であなたがサービスにアクセスできなくなります',
      });
      await expect(modal).toContainText('適用完了のメール（英語）にあるリセットURL');
      await expect(modal).toContainText('サイボウズドットコム ストア管理者');
      const field = modal.getByRole('textbox', { name: /それでも保存するには/ });
      const label = await field.evaluate((el) => {
        const id = el.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
        return document.getElementById(id)?.textContent ?? '';
      });
      const phrase = /「(.+?)」/.exec(label)?.[1] ?? '';
      // Typeable without switching the input method: plain ASCII.
      expect(phrase).toMatch(/^[\x20-\x7e]+$/);
      await screenshot(page, `ja-lockout-${width}`);
      await field.fill(phrase);
      await modal.getByRole('button', { name: 'アクセスを失っても保存' }).click();

      const recovery = page.getByTestId('recovery');
      await expect(
        recovery.getByRole('heading', {
          name: 'サービスがこのコンピューターのアドレスを拒否しています',
        }),
      ).toBeVisible();
      // Way 1: the Reset URL, with the e-mail said to be English and its subject on one line.
      await expect(recovery).toContainText('メールは英語で');
      const subject = recovery.locator('.no-break');
      await expect(subject).toHaveText('「IP address restriction applied」');
      expect(await lineCount(subject)).toBe(1);
      // Way 2: the cybozu.com Store.
      await expect(recovery.getByTestId('recovery-store-way')).toContainText(
        'サイボウズドットコム ストア管理者',
      );
      await expect(recovery.getByTestId('recovery-store-way')).toContainText('「すべて許可」');
      // The deadline carries its date (not a bare 9:10).
      await expect(recovery.getByTestId('reset-window')).toContainText(
        new RegExp(`リセットURLの有効期限: ${JA_DATE_TIME.source}`),
      );
      // Japanese breaks between phrases, not inside a word.
      expect(
        await recovery.evaluate((el) => getComputedStyle(el).getPropertyValue('word-break')),
      ).toBe('auto-phrase');
      await screenshot(page, `ja-recovery-${width}`);
    });

    test('history: one date-time format, headers on one line', async ({ app }) => {
      const { page } = app;
      await openWithOfficeList(app);
      // One save from the app, so the history has a revision with its time.
      await addEntry(page, { ip: '150.95.10.0' });
      await expect(page.getByTestId('local-status')).toHaveText('Draft saved');
      await saveThroughPlan(page);
      await toJapanese(page);
      await page.getByRole('tab', { name: '履歴' }).click();
      const table = page.getByRole('table', { name: 'リビジョン' });
      await expect(table).toBeVisible();
      await expect(table.locator('time').first()).toHaveText(JA_DATE_TIME);
      await expectHeadersOnOneLine(page);
      await screenshot(page, `ja-history-${width}`);
    });
  });
}
