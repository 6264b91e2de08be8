import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { expectSavedLocally, memoField, openWithOfficeList } from './support/ui.ts';
import { saveThroughPlan } from './sync-support.ts';

// Long enough to watch "applying" tick; the fixture's default is 300 ms.
test.use({ applyDelayMs: 5_000 });

test('after a push: applying with elapsed time, then verified that you still have access', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  await memoField(page, 4).fill('Tokyo office gateway (new line)');
  await expectSavedLocally(page);

  await saveThroughPlan(page);
  const banner = page.getByTestId('apply-banner');
  const saved = await readRestriction(app.service.url);
  await expect(banner).toContainText(
    `Saved as revision ${saved.revision}. Waiting for it to take effect on the service…`,
  );
  expect(saved.apply.state).toBe('APPLYING');
  await expect(banner.getByRole('progressbar', { name: 'Taking effect' })).toBeVisible();
  // The elapsed time counts up while the service applies.
  await expect(page.getByTestId('apply-elapsed')).toHaveText(/^Elapsed 0:0[1-3]$/);
  await screenshot(page, 'applying');
  // Still applying after the picture (the banner only moves forward): it shows "applying".
  await expect(banner).toContainText('Waiting for it to take effect on the service…', {
    timeout: 1,
  });
  await expectAccessible(page, 'applying');

  await expect(banner).toHaveText(
    `✓Saved as revision ${saved.revision}, now in force. Verified: you still have access.Dismiss`,
  );
  const applied = await readRestriction(app.service.url);
  expect(applied.apply).toMatchObject({ state: 'APPLIED', revision: saved.revision });
  expect(applied.entries).toContainEqual({
    ip: '133.242.10.8',
    cidr: null,
    memo: 'Tokyo office gateway (new line)',
  });
  await screenshot(page, 'applied-verified');
  await banner.getByRole('button', { name: 'Dismiss' }).click();
  await expect(banner).toBeHidden();
});
