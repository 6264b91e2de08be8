import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { expectSavedLocally, memoField, openWithOfficeList } from './support/ui.ts';
import { otherAdminEdits, saveThroughPlan, withMemo } from './support/sync.ts';

test('sync status: up to date, local changes, remote changed, offline, each with what to do', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  const state = page.getByTestId('sync-state');
  const advice = page.getByTestId('sync-advice');
  await expect(state).toHaveText('Up to date');
  await expect(advice).toBeHidden();

  // Local edit: kept on this computer, not yet on the service.
  await memoField(page, 3).fill('Osaka office (3F)');
  await expectSavedLocally(page);
  await expect(state).toHaveText('Draft changed');
  await expect(advice).toHaveText(
    'Your draft is kept on this computer. When it is ready, press “Review and save…”.',
  );

  // Another administrator saves a different change on the service.
  const theirs = await otherAdminEdits(app.service.url, (c) =>
    withMemo(c, '133.242.10.8', 'Tokyo office gateway (replaced)'),
  );
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(state).toHaveText('Remote changed');
  await expect(advice).toContainText(
    `Someone saved a newer list on the service (revision ${theirs})`,
  );
  await expect(page.getByRole('button', { name: 'Refresh from service' })).toHaveClass(
    /btn-primary/,
  );
  await expectAccessible(page, 'remote changed');

  // Refresh: no conflict, their change comes in and mine stays.
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  const combined = page.getByTestId('combined');
  await expect(combined.getByRole('heading', { level: 2 })).toHaveText(
    `Merged with revision ${theirs} from the service: what each side did`,
  );
  await expect(combined).toContainText('No conflicts: both sides are now in your draft.');
  // How much each side did, from the pull's own report.
  await expect(combined.getByTestId('combined-counts')).toHaveText(
    'On the service: 1 change since the list you started from. In your draft: 1 change, all kept.',
  );
  await expect(combined.getByTestId('merge-mine')).toContainText(
    'Osaka office → Osaka office (3F)',
  );
  await expect(combined.getByTestId('merge-theirs')).toContainText(
    'Tokyo office gateway → Tokyo office gateway (replaced)',
  );
  await screenshot(page, 'sync-combined');
  await expect(memoField(page, 3)).toHaveValue('Osaka office (3F)');
  await expect(memoField(page, 4)).toHaveValue('Tokyo office gateway (replaced)');
  await expect(state).toHaveText('Draft changed');

  // Offline: said plainly, editing continues.
  await app.stopService();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(state).toHaveText('Offline');
  await expect(advice).toContainText('The service cannot be reached. Editing and Preview access');
  await app.restartService();
  await page.getByRole('button', { name: 'Check now' }).click();
  await expect(state).toHaveText('Draft changed');

  await saveThroughPlan(page);
  await expect(page.getByText(/Saved as revision/)).toBeVisible();
  await expect(state).toHaveText('Up to date');
  const after = await readRestriction(app.service.url);
  expect(Number(after.revision)).toBeGreaterThan(Number(theirs));
  expect(after.entries).toContainEqual({ ip: '160.16.0.0', cidr: 16, memo: 'Osaka office (3F)' });
  expect(after.entries).toContainEqual({
    ip: '133.242.10.8',
    cidr: null,
    memo: 'Tokyo office gateway (replaced)',
  });
});
