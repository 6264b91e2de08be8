import { expect, test as base } from './support/fixtures.ts';
import { readRestriction, writeRestriction } from './support/service-calls.ts';
import { OFFICE_LIST } from './support/seed.ts';
import {
  addProfileViaUi,
  expectListFromService,
  expectSavedLocally,
  memoField,
} from './support/ui.ts';
import type { TestApp } from './support/fixtures.ts';
import { startHoldProxy } from './support/hold-proxy.ts';
import type { HoldProxy } from './support/hold-proxy.ts';

/**
 * One action against the service at a time, and never a silent one: "Review and save…" pressed
 * while "Refresh from service" runs (and the other way round) is disabled with the reason, and the
 * admin gets the plan once the running action has finished. The app talks to the service through
 * a proxy that holds the answer until the test releases it (see support/hold-proxy.ts for why).
 */

const MEMO = 'Osaka office (edited while refreshing)';

/** The office list on the service, the profile pointed at the proxy, one memo edited. */
async function openThroughProxy(app: TestApp, proxy: HoldProxy): Promise<void> {
  await writeRestriction(app.service.url, OFFICE_LIST);
  await app.open();
  await addProfileViaUi(app.page, proxy.url);
  await expectListFromService(app.page, OFFICE_LIST);
  await memoField(app.page, 3).fill(MEMO);
  await expectSavedLocally(app.page);
}

/** The hold proxy in front of the test's service, the app opened through it (openThroughProxy). */
const test = base.extend<{ holdProxy: HoldProxy }>({
  holdProxy: async ({ app }, use) => {
    const proxy = await startHoldProxy(app.service.url);
    try {
      await openThroughProxy(app, proxy);
      await use(proxy);
    } finally {
      await proxy.close();
    }
  },
});

/** Confirm the plan dialog and check the service got the edited memo. */
async function saveAndCheck(app: TestApp): Promise<void> {
  const plan = app.page.getByRole('dialog', { name: 'Review the changes' });
  await expect(plan).toContainText(MEMO);
  await plan.getByRole('button', { name: 'Save to service' }).click();
  await expect(app.page.getByText(/Saved as revision/)).toBeVisible();
  const after = await readRestriction(app.service.url);
  expect(after.entries).toContainEqual({ ip: '160.16.0.0', cidr: 16, memo: MEMO });
}

test('Review and save while a refresh runs: disabled with the reason, then the plan', async ({
  app,
  holdProxy: proxy,
}) => {
  const { page } = app;
  const save = page.getByRole('button', { name: 'Review and save…' });
  await expect(save).toBeEnabled();

  const refresh = proxy.hold('GET', '/v1/ip-restrictions.json');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await refresh.arrived;
  // The refresh is in flight: the admin sees it, and why saving waits.
  await expect(page.getByRole('button', { name: 'Refreshing…' })).toBeDisabled();
  await expect(save).toBeDisabled();
  await expect(page.getByTestId('save-disabled-reason')).toHaveText(
    'Refreshing from the service: “Review and save…” is available again when the refresh has finished.',
  );

  refresh.release();
  await expect(page.getByText(/^Already up to date/)).toBeVisible();
  await expect(page.getByTestId('save-disabled-reason')).toBeHidden();
  await expect(memoField(page, 3)).toHaveValue(MEMO);
  await save.click();
  await saveAndCheck(app);
});

test('Refresh while the plan is being made: disabled with the reason, the plan still shows', async ({
  app,
  holdProxy: proxy,
}) => {
  const { page } = app;

  // The plan asks the service for the caller's address: hold that answer.
  const planning = proxy.hold('GET', '/v1/client-ip.json');
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await planning.arrived;
  await expect(page.getByRole('button', { name: 'Refresh from service' })).toBeDisabled();
  await expect(page.getByTestId('refresh-disabled-reason')).toHaveText(
    'Preparing the plan: “Refresh from service” is available again once it is shown.',
  );

  planning.release();
  await saveAndCheck(app);
  await expect(page.getByRole('button', { name: 'Refresh from service' })).toBeEnabled();
});
