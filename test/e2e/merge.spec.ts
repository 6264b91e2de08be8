import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import {
  addEntry,
  cidrField,
  entryRow,
  expectSavedLocally,
  ipField,
  memoField,
  SENDAI_OFFICE,
  toJapanese,
} from './support/ui.ts';
import {
  confirmPlan,
  openPlan,
  otherAdminEdits,
  withEntry,
  withMemo,
  without,
} from './support/sync.ts';

test.use({ startWithOfficeList: true });

test('remote changed while editing: what each side did, conflicts one by one, then the plan', async ({
  app,
}) => {
  const { page } = app;
  // Mine: new Sendai office, Osaka memo, Tokyo gateway deleted.
  await addEntry(page, SENDAI_OFFICE);
  await memoField(page, 3).fill('Osaka office (mine)');
  await entryRow(page, 4).getByRole('button', { name: 'Delete entry 4' }).click();
  await expectSavedLocally(page);

  // Theirs, meanwhile: Osaka memo too, Tokyo memo, and a new network.
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withEntry(
      withMemo(
        withMemo(c, '160.16.0.0', 'Osaka office (theirs)'),
        '133.242.10.8',
        'Tokyo gateway (theirs)',
      ),
      { ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office' },
    ),
  );

  await page.getByRole('button', { name: 'Refresh from service' }).click();
  const merge = page.getByTestId('merge-screen');
  await expect(
    merge.getByRole('heading', { name: 'The list changed on the service' }),
  ).toBeVisible();
  await expect(merge).toContainText(`revision ${theirs} was saved on the service`);
  // The screen replaces the editor: focus moves to its heading (announced by screen readers).
  await expect(merge.getByRole('heading', { level: 2 })).toBeFocused();
  // What each side did, against the common start.
  const mine = merge.getByTestId('merge-mine');
  await expect(mine).toContainText('150.95.10.0/24 Sendai office');
  await expect(mine).toContainText('133.242.10.8 Tokyo office gateway');
  await expect(mine).toContainText('160.16.0.0/16 Osaka office → Osaka office (mine)');
  const theirsSide = merge.getByTestId('merge-theirs');
  await expect(theirsSide.getByRole('heading')).toHaveText(`Their changes (revision ${theirs})`);
  await expect(theirsSide).toContainText('198.51.100.0/24 Nagoya office');
  await expect(theirsSide).toContainText('Tokyo office gateway → Tokyo gateway (theirs)');

  // Conflict 1 of 2: both changed the Osaka memo.
  const conflict = merge.getByTestId('conflict');
  await expect(conflict).toContainText('Conflict 1 of 2');
  await expect(conflict.getByRole('heading')).toHaveText('160.16.0.0/16');
  await expect(conflict).toContainText('You both changed this entry.');
  await expect(conflict.getByRole('row', { name: /Yours/ })).toContainText('Osaka office (mine)');
  await expect(conflict.getByRole('row', { name: /Theirs/ })).toContainText(
    'Osaka office (theirs)',
  );
  const cont = merge.getByRole('button', { name: 'Use these choices and review the plan…' });
  await expect(cont).toBeDisabled();
  await conflict.locator('label', { hasText: 'Take theirs' }).click();
  await expect(merge.getByTestId('conflicts-decided')).toHaveText('1 of 2 decided');
  await expect(cont).toBeDisabled();
  await expectAccessible(page, 'merge screen');
  await screenshot(page, 'merge-conflict');

  // Conflict 2 of 2: I deleted Tokyo, they changed its memo. Keep mine (deleted).
  await merge.getByRole('button', { name: 'Next conflict' }).click();
  await expect(conflict).toContainText('Conflict 2 of 2');
  await expect(conflict).toContainText('One side deleted this entry, the other changed it.');
  await expect(conflict.getByRole('row', { name: /Yours/ })).toContainText('Deleted');
  await expect(cont).toBeDisabled();
  await conflict.locator('label', { hasText: 'Keep mine' }).click();
  await expect(merge.getByTestId('conflicts-decided')).toHaveText('2 of 2 decided');
  // "For all" sets every conflict at once; one conflict can still be changed after it.
  await merge.getByRole('button', { name: 'Take theirs for all' }).click();
  await expect(conflict.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
  await conflict.locator('label', { hasText: 'Keep mine' }).click();
  // Going back shows the first choice kept.
  await merge.getByRole('button', { name: 'Previous conflict' }).click();
  await expect(conflict.getByRole('radio', { name: 'Take theirs' })).toBeChecked();
  const serviceBefore = await readRestriction(app.service.url);
  expect(serviceBefore.revision).toBe(theirs);

  // Continue: the normal plan, against their revision.
  await cont.click();
  const plan = page.getByRole('dialog', { name: 'Review the changes' });
  await expect(plan).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'Added (1)' })).toBeVisible();
  await expect(plan).toContainText('150.95.10.0/24 Sendai office');
  await expect(plan.getByRole('heading', { name: 'Removed (1)' })).toBeVisible();
  await expect(plan).toContainText('133.242.10.8');
  await confirmPlan(page);
  await expect(page.getByText(/Saved as revision/)).toBeVisible();

  const after = await readRestriction(app.service.url);
  expect(Number(after.revision)).toBeGreaterThan(Number(theirs));
  expect(after.entries).toEqual([
    { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
    { ip: '127.0.0.2', cidr: null, memo: 'Second admin' },
    { ip: '160.16.0.0', cidr: 16, memo: 'Osaka office (theirs)' },
    { ip: '150.95.10.0', cidr: 24, memo: 'Sendai office' },
    { ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office' },
  ]);
});

/** My edit of the Osaka memo, autosaved, and the plan open showing it (before a 412). */
async function planMyOsakaMemo(page: Page): Promise<Locator> {
  await memoField(page, 3).fill('Osaka office (mine)');
  await expectSavedLocally(page);
  const plan = await openPlan(page);
  await expect(plan).toContainText('Osaka office (mine)');
  return plan;
}

test('a 412 during push loops back to the merge screen and never overwrites', async ({ app }) => {
  const { page } = app;
  const plan = await planMyOsakaMemo(page);

  // The plan is open; another admin saves first.
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withMemo(c, '160.16.0.0', 'Osaka office (theirs)'),
  );
  await plan.getByRole('button', { name: 'Save to service' }).click();

  const merge = page.getByTestId('merge-screen');
  await expect(merge).toContainText('Your save was not sent');
  await expect(merge).toContainText(`revision ${theirs} was saved on the service after your plan`);
  // The service still holds their list: nothing was overwritten.
  const during = await readRestriction(app.service.url);
  expect(during.revision).toBe(theirs);
  expect(during.entries).toContainEqual({
    ip: '160.16.0.0',
    cidr: 16,
    memo: 'Osaka office (theirs)',
  });

  // The same screen in Japanese.
  await toJapanese(page);
  await expect(
    merge.getByRole('heading', { name: 'サービス上のリストが変更されました' }),
  ).toBeVisible();
  await expect(merge).toContainText('保存は送信されませんでした。');
  await expect(merge.getByTestId('conflict')).toContainText('競合 1 / 1');
  await expectAccessible(page, 'merge screen (ja)');
  await screenshot(page, 'merge-conflict-ja');
  await page.getByRole('button', { name: /言語/ }).click();
  await page.getByRole('option', { name: 'English' }).click();

  const conflict = merge.getByTestId('conflict');
  await expect(conflict).toContainText('Conflict 1 of 1');
  await conflict.locator('label', { hasText: 'Keep mine' }).click();
  await merge.getByRole('button', { name: 'Use these choices and review the plan…' }).click();
  await expect(plan.getByRole('heading', { name: 'Memo changed (1)' })).toBeVisible();
  await expect(plan).toContainText('Osaka office (theirs)');
  await confirmPlan(page);
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  const after = await readRestriction(app.service.url);
  expect(Number(after.revision)).toBe(Number(theirs) + 1);
  expect(after.entries).toContainEqual({ ip: '160.16.0.0', cidr: 16, memo: 'Osaka office (mine)' });
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
});

test('a 412 without conflicts combines both sides and shows the new plan', async ({ app }) => {
  const { page } = app;
  const plan = await planMyOsakaMemo(page);
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withEntry(c, { ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office' }),
  );
  await plan.getByRole('button', { name: 'Save to service' }).click();

  // Not sent; the plan comes back against their revision, with both sides shown behind it.
  await expect(page.getByText('Not saved yet: someone saved a newer list')).toBeVisible();
  await expect(plan.getByRole('heading', { name: 'Memo changed (1)' })).toBeVisible();
  await expect(plan.getByRole('heading', { name: /^Added/ })).toBeHidden();
  expect((await readRestriction(app.service.url)).revision).toBe(theirs);
  // Behind the plan: what each side did.
  const combined = page.getByTestId('combined');
  await expect(combined.getByTestId('combined-counts')).toHaveText(
    'On the service: 1 change since the list you started from. In your draft: 1 change, all kept.',
  );
  await expect(combined.getByTestId('merge-theirs')).toContainText('198.51.100.0/24 Nagoya office');
  await expect(combined.getByTestId('merge-mine')).toContainText(
    'Osaka office → Osaka office (mine)',
  );
  await confirmPlan(page);
  await expect(page.getByTestId('apply-banner')).toContainText('Saved as revision');
  const after = await readRestriction(app.service.url);
  expect(Number(after.revision)).toBe(Number(theirs) + 1);
  expect(after.entries).toContainEqual({ ip: '160.16.0.0', cidr: 16, memo: 'Osaka office (mine)' });
  expect(after.entries).toContainEqual({ ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office' });
});

test('a conflict can be left by discarding my changes: the editor shows the service’s list as it is now, nothing sent', async ({
  app,
}) => {
  const { page } = app;
  // Mine: a new Sendai office and my Osaka memo.
  await addEntry(page, { ip: '150.95.10.0', cidr: '24' });
  await memoField(page, 3).fill('Osaka office (mine)');
  await expectSavedLocally(page);
  // Theirs: the Osaka memo too, and Nagoya.
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withEntry(withMemo(c, '160.16.0.0', 'Osaka office (theirs)'), {
      ip: '198.51.100.0',
      cidr: 24,
      memo: 'Nagoya office',
    }),
  );
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  const merge = page.getByTestId('merge-screen');
  await expect(merge.getByTestId('conflict')).toContainText('Conflict 1 of 1');

  // While the merge screen is open, the other admin saves again (Tokyo removed): "as it is now".
  const latest = await otherAdminEdits(app.service.url, (c) => without(c, '133.242.10.8'));
  expect(Number(latest)).toBe(Number(theirs) + 1);

  // The way out is there without deciding any conflict; it asks first, Cancel focused.
  const discard = merge.getByRole('button', {
    name: 'Discard my changes and use the service’s list…',
  });
  await discard.click();
  const dialog = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(dialog).toContainText('All your changes in this draft are thrown away');
  await expect(dialog).toContainText('Nothing is sent to the service.');
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectAccessible(page, 'discard dialog');
  await screenshot(page, 'merge-discard-confirm');
  // Enter on the focused default (Cancel) changes nothing; focus returns to the button.
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(discard).toBeFocused();
  await expect(merge).toBeVisible();
  // Escape also cancels.
  await discard.click();
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(merge).toBeVisible();

  await discard.click();
  await dialog.getByRole('button', { name: 'Discard my changes' }).click();
  await expect(merge).toBeHidden();
  await expect(
    page.getByRole('status').filter({ hasText: 'Your changes were discarded' }),
  ).toHaveText(new RegExp(`revision ${latest}\\)`));

  // Nothing was sent: the service still holds the other admin's latest revision.
  const service = await readRestriction(app.service.url);
  expect(service.revision).toBe(latest);
  expect(service.entries).toEqual([
    { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
    { ip: '127.0.0.2', cidr: null, memo: 'Second admin' },
    { ip: '160.16.0.0', cidr: 16, memo: 'Osaka office (theirs)' },
    { ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office' },
  ]);
  // The editor shows exactly that list, row by row, and nothing else.
  for (const [i, e] of service.entries.entries()) {
    await expect(ipField(page, i + 1)).toHaveValue(e.ip);
    await expect(cidrField(page, i + 1)).toHaveValue(e.cidr === null ? '' : String(e.cidr));
    await expect(memoField(page, i + 1)).toHaveValue(e.memo);
  }
  await expect(ipField(page, service.entries.length + 1)).toHaveCount(0);
  await expect(page.getByText('150.95.10.0')).toHaveCount(0);
  // Not dirty: in sync with the service, nothing to save.
  await expect(page.getByTestId('remote-status')).toHaveText('Same as the service');
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');
  await expect(page.getByRole('button', { name: 'Review and save…' })).toBeDisabled();
  // A reload keeps it that way (the draft on disk is the service's list, no merge pending).
  await page.reload();
  await expect(memoField(page, 3)).toHaveValue('Osaka office (theirs)');
  await expect(page.getByTestId('merge-screen')).toHaveCount(0);
  expect((await readRestriction(app.service.url)).revision).toBe(latest);
});

test('discarding while the service cannot be reached: changes are dropped as confirmed, the error says the list was not read', async ({
  app,
}) => {
  const { page } = app;
  await memoField(page, 3).fill('Osaka office (mine)');
  await expectSavedLocally(page);
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withMemo(c, '160.16.0.0', 'Osaka office (theirs)'),
  );
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  const merge = page.getByTestId('merge-screen');
  await expect(merge.getByTestId('conflict')).toContainText('Conflict 1 of 1');

  await app.stopService();
  await merge
    .getByRole('button', { name: 'Discard my changes and use the service’s list…' })
    .click();
  const dialog = page.getByRole('alertdialog', { name: 'Discard your changes?' });
  await dialog.getByRole('button', { name: 'Discard my changes' }).click();
  await expect(merge).toBeHidden();
  await expect(page.getByRole('alert')).toContainText(
    'Your changes were discarded, but the list could not be refreshed from the service',
  );
  // My edit is gone (the last list read from the service), nothing to save.
  await expect(memoField(page, 3)).toHaveValue('Osaka office');
  await expect(page.getByTestId('remote-status')).toHaveText('Same as the service');

  // Back online, a refresh brings their list in cleanly: no merge, nothing of mine.
  await app.restartService();
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await expect(memoField(page, 3)).toHaveValue('Osaka office (theirs)');
  await expect(page.getByTestId('merge-screen')).toHaveCount(0);
  expect((await readRestriction(app.service.url)).revision).toBe(theirs);
});
