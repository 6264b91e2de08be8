import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { OFFICE_LIST } from './support/seed.ts';
import { readRestriction, writeRestriction } from './support/service-calls.ts';
import {
  addProfileViaUi,
  expectListFromService,
  expectSavedLocally,
  ipField,
  openWithOfficeList,
  toJapanese,
} from './support/ui.ts';
import {
  confirmPlan,
  openPlan,
  openResetUrl,
  OTHER_ADMIN,
  otherAdminEdits,
  resetUrlFromOutbox,
  without,
} from './support/sync.ts';

test('locked out after a save: Reset URL guidance with the time left, then restore the previous revision', async ({
  app,
}) => {
  const { page } = app;
  const previous = await writeRestriction(app.service.url, OFFICE_LIST);
  await app.open();
  await addProfileViaUi(page, app.service.url);
  await expectListFromService(page, OFFICE_LIST);

  // Replace the admin's own address (the service sees the app at 127.0.0.1) and save anyway.
  await ipField(page, 1).fill('127.0.0.9');
  await expectSavedLocally(page);
  await openPlan(page);
  await confirmPlan(page);
  const modal = page.getByRole('alertdialog', {
    name: 'After this save, you can no longer reach the service',
  });
  const phraseField = modal.getByRole('textbox', { name: /To save anyway, type/ });
  const label = await phraseField.evaluate((el) => {
    const id = el.getAttribute('aria-labelledby')?.split(' ')[0] ?? '';
    return document.getElementById(id)?.textContent ?? '';
  });
  await phraseField.fill(/“(.+)”/.exec(label)?.[1] ?? '');
  await modal.getByRole('button', { name: 'Save and lose access' }).click();
  const savedAt = Date.now();

  // After APPLIED the probe is refused (403): the recovery screen.
  const recovery = page.getByTestId('recovery');
  await expect(
    recovery.getByRole('heading', { name: 'The service no longer accepts your address' }),
  ).toBeVisible();
  await expect(recovery.getByRole('heading', { level: 2 })).toBeFocused();
  const locked = await readRestriction(app.service.url, OTHER_ADMIN);
  expect(locked.apply).toMatchObject({ state: 'APPLIED', revision: locked.revision });
  expect(locked.entries.map((e) => e.ip)).not.toContain('127.0.0.1');
  await expect(recovery).toContainText(`Saved as revision ${locked.revision}`);
  await expect(recovery).toContainText('does not allow your address 127.0.0.1');
  await expect(recovery).toContainText('Open the Reset URL in that e-mail in a browser.');
  // One hour from the apply time: 59:xx left (or exactly 1:00:00 in the first second).
  const left = recovery.getByTestId('reset-time-left');
  await expect(left).toHaveText(/^(59:[0-5]\d|1:00:00) left$/);
  const text = (await left.textContent()) ?? '';
  const [m, s] = text.replace(' left', '').split(':').map(Number);
  const shownMs = ((m ?? 0) * 60 + (s ?? 0)) * 1000;
  expect(Math.abs(savedAt + 3_600_000 - (Date.now() + shownMs))).toBeLessThan(10_000);
  await expectAccessible(page, 'recovery');
  await screenshot(page, 'recovery');

  // Still locked out when checked again.
  await recovery.getByRole('button', { name: 'Check access again' }).click();
  await expect(recovery).toContainText('The service still refuses this computer');

  // Japanese.
  await toJapanese(page);
  await expect(
    recovery.getByRole('heading', {
      name: 'サービスがこのコンピューターのアドレスを拒否しています',
    }),
  ).toBeVisible();
  await expect(recovery.getByTestId('reset-time-left')).toHaveText(/^残り (59:[0-5]\d|1:00:00)$/);
  await expectAccessible(page, 'recovery (ja)');
  await screenshot(page, 'recovery-ja');
  await page.getByRole('button', { name: /言語/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  // A reload of the window keeps the recovery screen (main still tracks the lockout).
  await page.reload();
  await expect(recovery.getByTestId('reset-time-left')).toHaveText(/^59:[0-5]\d left$/);

  // The admin opens the Reset URL from the service's e-mail (its outbox folder).
  const resetUrl = await resetUrlFromOutbox(app.service.outboxDir, locked.revision);
  expect(await openResetUrl(resetUrl)).toBe(200);
  const reset = await readRestriction(app.service.url);
  expect(reset.mode).toBe('ALLOW_ALL');

  await recovery.getByRole('button', { name: 'Check access again' }).click();
  await expect(recovery.getByRole('heading', { name: 'Access is back' })).toBeFocused();
  await expect(recovery).toContainText(
    `restore the list that was in force before the save (revision ${previous}`,
  );
  await expectAccessible(page, 'access back');
  await screenshot(page, 'recovery-access-back');

  // Restore goes through the normal plan.
  await recovery.getByRole('button', { name: `Restore revision ${previous}…` }).click();
  const plan = page.getByRole('dialog', { name: 'Review the changes' });
  await expect(plan).toContainText(
    'IP address restriction: Allow all IP addresses → Allow specific IP addresses only',
  );
  await expect(plan.getByRole('heading', { name: 'Added (1)' })).toBeVisible();
  await expect(plan).toContainText('127.0.0.1 Admin workstation');
  await expect(plan).toContainText('keeps access');
  await confirmPlan(page);
  await expect(page.getByTestId('apply-banner')).toContainText('Verified: you still have access.');

  const restored = await readRestriction(app.service.url);
  expect(Number(restored.revision)).toBeGreaterThan(Number(reset.revision));
  expect({ mode: restored.mode, entries: restored.entries }).toEqual(OFFICE_LIST);
});

test('another administrator’s save locks this computer out: the recovery screen, then back to the editor', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);

  const theirs = await otherAdminEdits(app.service.url, (c) => without(c, '127.0.0.1'));
  await page.getByRole('button', { name: 'Check now' }).click();
  const recovery = page.getByTestId('recovery');
  await expect(
    recovery.getByRole('heading', { name: 'The service no longer accepts your address' }),
  ).toBeVisible();
  await expect(recovery).toContainText('does not allow your address 127.0.0.1');
  // This app did not save it, so it does not know the apply time: the window is explained.
  await expect(recovery.getByTestId('reset-window')).toContainText(
    'The Reset URL works for one hour after the list took effect.',
  );

  const resetUrl = await resetUrlFromOutbox(app.service.outboxDir, theirs);
  expect(await openResetUrl(resetUrl)).toBe(200);
  await recovery.getByRole('button', { name: 'Check access again' }).click();
  await expect(recovery.getByRole('heading', { name: 'Access is back' })).toBeFocused();
  await recovery.getByRole('button', { name: 'Keep the current list' }).click();
  await expect(page.getByTestId('sync-state')).toHaveText('Remote changed');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await expect(page.getByRole('radio', { name: 'Allow all IP addresses' })).toBeChecked();
  await expect(page.getByTestId('sync-state')).toHaveText('Up to date');

  // The pull says the restriction is off; one click turns it back on with the entries this app
  // knew in force (an edit in the editor: the plan shows it before anything is saved).
  const notice = page.getByTestId('restriction-off-notice');
  await expect(notice).toContainText('The IP address restriction is off on the service');
  await notice.getByRole('button', { name: /^Turn the restriction back on with those/ }).click();
  await expect(page.getByRole('radio', { name: 'Allow specific IP addresses only' })).toBeChecked();
  await expect(notice).toBeHidden();
  await expectSavedLocally(page);
  const plan = await openPlan(page);
  await expect(plan).toContainText(
    'IP address restriction: Allow all IP addresses → Allow specific IP addresses only',
  );
  await expect(plan.getByTestId('restriction-off')).toHaveCount(0);
  await confirmPlan(page);
  await expect(page.getByTestId('apply-banner')).toContainText('Verified: you still have access.');
  const back = await readRestriction(app.service.url);
  expect(back.mode).toBe('ALLOW_SPECIFIC');
  expect(back.entries.map((e) => e.ip)).toEqual(
    expect.arrayContaining(OFFICE_LIST.entries.map((e) => e.ip)),
  );
});
