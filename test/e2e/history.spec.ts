import type { Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { addEntry, expectSavedLocally, SENDAI_OFFICE, toJapanese } from './support/ui.ts';
import { openPlan, saveThroughPlan } from './support/sync.ts';

/** Add the Sendai office by typing, wait for the autosave, save it; returns the new revision. */
async function saveSendaiOffice(page: Page): Promise<string> {
  await addEntry(page, SENDAI_OFFICE);
  await expectSavedLocally(page);
  return saveThroughPlan(page);
}

test.use({ startWithOfficeList: true });

test('history lists both saves, diffs one against the working copy and restores it through the plan', async ({
  app,
}) => {
  const { page } = app;
  const original = await readRestriction(app.service.url);

  // First save: add the Sendai office.
  const first = await saveSendaiOffice(page);

  // Second save: the Osaka office (entry 3) goes away.
  await page.getByRole('button', { name: 'Delete entry 3' }).click();
  await expectSavedLocally(page);
  const second = await saveThroughPlan(page);
  expect(second).not.toBe(first);
  const afterSecond = await readRestriction(app.service.url);
  expect(afterSecond.revision).toBe(second);
  expect(afterSecond.entries.map((e) => e.memo)).not.toContain('Osaka office');

  await page.getByRole('tab', { name: 'History' }).click();
  const table = page.getByRole('table', { name: 'Revisions' });
  await expect(table).toBeVisible();
  // Newest first: the second save (live now), the first save, and the list before the first save.
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(4);
  await expect(rows.nth(1)).toContainText(second);
  await expect(rows.nth(1)).toContainText('On the service now');
  await expect(rows.nth(1)).toContainText('1 removed');
  await expect(rows.nth(2)).toContainText(first);
  await expect(rows.nth(2)).toContainText('1 added');
  await expect(rows.nth(2)).toContainText('5 entries');
  await expect(rows.nth(3)).toContainText(original.revision);
  await expect(rows.nth(3)).toContainText('Before the first save from this app');
  // The time is shown localized (e.g. "Nov 24, 2026, 6:10:03 PM"), with the machine-readable value.
  const time = rows.nth(1).locator('time');
  await expect(time).toHaveAttribute('datetime', /^\d{4}-\d\d-\d\dT/);
  await expect(time).toHaveText(/\d{4}/);

  // Compare the first save with the working copy: restoring it would bring the Osaka office back.
  await page.getByRole('button', { name: `Compare revision ${first} with the draft` }).click();
  const diff = page.getByTestId('revision-diff');
  await expect(
    diff.getByRole('heading', { name: `Revision ${first} compared with your draft` }),
  ).toBeVisible();
  await expect(diff.getByRole('heading', { name: 'Would be added (1)' })).toBeVisible();
  await expect(diff).toContainText('160.16.0.0/16 Osaka office');
  await expect(diff).not.toContainText('Would be removed');
  await expect(diff).toContainText('4 entries are the same in both.');
  await expectAccessible(page, 'history with diff');
  await screenshot(page, 'history-diff');

  // Restore it: the working copy changes, the service does not.
  await page.getByRole('button', { name: `Restore revision ${first} into the draft` }).click();
  await expect(page.getByTestId('history-restored')).toContainText(
    `Revision ${first} is now your draft`,
  );
  await expect(diff).toContainText('This revision is the same as your draft.');
  expect((await readRestriction(app.service.url)).revision).toBe(second);

  // The normal save flow: the plan shows the Osaka office coming back; the service changes only
  // after the plan is confirmed.
  const plan = await openPlan(page);
  await expect(plan.getByRole('heading', { name: 'Added (1)' })).toBeVisible();
  await expect(plan).toContainText('160.16.0.0/16 Osaka office');
  await expect(plan).toContainText('keeps access');
  expect((await readRestriction(app.service.url)).revision).toBe(second);
  await plan.getByRole('button', { name: 'Save to service' }).click();
  await expect(plan).toBeHidden();
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  const restored = await readRestriction(app.service.url);
  expect(restored.revision).not.toBe(second);
  expect(restored.entries).toEqual(
    expect.arrayContaining([
      { ip: '160.16.0.0', cidr: 16, memo: 'Osaka office' },
      { ip: '150.95.10.0', cidr: 24, memo: 'Sendai office' },
    ]),
  );
  expect(restored.entries).toHaveLength(5);

  // The restore is itself a revision in the history now.
  await page.getByRole('tab', { name: 'History' }).click();
  await expect(page.getByRole('table', { name: 'Revisions' }).getByRole('row')).toHaveCount(5);
});

test('history in Japanese: localized time, summary and diff', async ({ app }) => {
  const { page } = app;
  await page.getByRole('button', { name: 'Delete entry 4' }).click();
  await expectSavedLocally(page);
  const revision = await saveThroughPlan(page);

  await toJapanese(page);
  await page.getByRole('tab', { name: '履歴' }).click();
  const table = page.getByRole('table', { name: 'リビジョン' });
  const rows = table.getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('削除 1 件');
  await expect(rows.nth(1)).toContainText('現在サービスで有効');
  await expect(rows.nth(2)).toContainText('このアプリで初めて保存する前の状態');
  // Japanese date format: 2026/11/24 18:10:03.
  await expect(rows.nth(1).locator('time')).toHaveText(/^\d{4}\/\d{2}\/\d{2}\s\d{2}:\d{2}$/);

  const older = (await rows.nth(2).locator('th').textContent())?.trim() ?? '';
  expect(older).not.toBe(revision);
  await page.getByRole('button', { name: `リビジョン ${older} を下書きと比較` }).click();
  const diff = page.getByTestId('revision-diff');
  await expect(diff.getByRole('heading', { name: '追加されるエントリ（1 件）' })).toBeVisible();
  await expect(diff).toContainText('133.242.10.8 Tokyo office gateway');
  await expectAccessible(page, 'history (ja)');
  await screenshot(page, 'history-ja');
});

test('restoring a revision that would shut out a protected address goes through the lockout modal', async ({
  app,
}) => {
  const { page } = app;
  const original = await readRestriction(app.service.url);
  // A new office, whose gateway is then protected.
  const saved = await saveSendaiOffice(page);
  await page.getByRole('tab', { name: 'Settings' }).click();
  await page.getByRole('textbox', { name: 'Address to protect' }).fill('150.95.10.20');
  await page.getByRole('textbox', { name: 'Label' }).fill('Sendai gateway');
  await page.getByRole('button', { name: 'Protect address' }).click();
  await expect(page.getByTestId('protected-list')).toContainText('150.95.10.20');

  // Restore the list from before the save: it has no Sendai office.
  await page.getByRole('tab', { name: 'History' }).click();
  await page
    .getByRole('button', { name: `Restore revision ${original.revision} into the draft` })
    .click();
  await expect(page.getByTestId('history-restored')).toBeVisible();
  const plan = await openPlan(page);
  await expect(plan).toContainText('150.95.10.20 Protected: Sendai gateway: loses access');
  await plan.getByRole('button', { name: 'Save to service' }).click();
  const modal = page.getByRole('alertdialog', {
    name: 'After this save, a protected address can no longer reach the service',
  });
  await expect(modal.locator('.big-address')).toHaveText('150.95.10.20');
  await modal.getByRole('button', { name: 'Cancel, keep editing' }).click();
  await expect(modal).toBeHidden();
  const after = await readRestriction(app.service.url);
  expect(after.revision).toBe(saved);
  expect(after.entries).toContainEqual({ ip: '150.95.10.0', cidr: 24, memo: 'Sendai office' });
});
