import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { readRestriction } from './support/service-calls.ts';
import { expectSavedLocally, memoField, openWithOfficeList } from './support/ui.ts';
import { saveThroughPlan } from './support/sync.ts';

test('after a push: applying with elapsed time, then verified that you still have access', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  // From here the service does not apply on its own (ten minutes): the test decides when, by
  // restarting it with no delay left, so "applying" is seen however slow the machine is.
  await app.stopService();
  await app.restartService({ applyDelayMs: 600_000 });
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
  const elapsed = page.getByTestId('apply-elapsed');
  await expect(elapsed).toHaveText(/^Elapsed \d+:[0-5]\d$/);
  const first = (await elapsed.textContent()) ?? '';
  await expect(elapsed).not.toHaveText(first);
  await screenshot(page, 'applying');
  await expect(banner).toContainText('Waiting for it to take effect on the service…');
  await expectAccessible(page, 'applying');

  // The service restarts with no delay left: the revision goes into force.
  await app.stopService();
  await app.restartService({ applyDelayMs: 0 });
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
