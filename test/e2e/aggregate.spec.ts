import { startService } from '../../service/server.ts';
import type { RunningService } from '../../service/server.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import type { AllowlistApi } from '../../shared/contract/ipc.ts';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { ADMIN, readRestriction, writeRestriction } from './support/service-calls.ts';
import {
  addEntry,
  addProfileViaUi,
  expectListFromService,
  expectSavedLocally,
  ipField,
  pasteInto,
  toJapanese,
} from './support/ui.ts';
import { bigList } from './support/seed.ts';
import { saveThroughPlan } from './support/sync.ts';

/** Four entries on a service that accepts at most five. */
const SMALL_LIST: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
    { ip: '10.0.0.0', cidr: 25, memo: 'Lab A' },
    { ip: '192.168.1.10', cidr: null, memo: 'Printer' },
    { ip: '203.0.113.8', cidr: null, memo: 'Branch router' },
  ],
};

/** Pasted from a spreadsheet: four more rows, eight in all (three over the limit). */
const PASTED = [
  '10.0.0.128\t25\tLab B',
  '192.168.1.11\t\tScanner',
  '203.0.113.12\t\tBranch VPN',
  '198.51.100.1\t\tPartner',
].join('\r\n');

let small: RunningService;

test.describe('a service that accepts 5 entries', () => {
  test.beforeEach(async ({ app }) => {
    // A service of its own with a limit of 5 entries (the reference service's --max-entries).
    small = await startService({
      admins: [{ login: ADMIN.login, password: ADMIN.password }],
      applyDelayMs: 300,
      maxEntries: 5,
    });
    await writeRestriction(small.url, SMALL_LIST);
    await app.open();
    await addProfileViaUi(app.page, small.url, 'Small service');
    await expectListFromService(app.page, SMALL_LIST);
    await addEntry(app.page);
    await pasteInto(ipField(app.page, 5), `${PASTED}\r\n`);
    await expect(app.page.getByTestId('counters')).toContainText('8 / 5 entries');
  });

  test.afterEach(async () => {
    await small.close();
  });

  test('over the limit: the planner shows exact and widening merges; accepting them fits the list and saves', async ({
    app,
  }) => {
    const { page } = app;
    const banner = page.getByTestId('over-limit-banner');
    await expect(banner).toHaveText(/The list has 8 entries; the service accepts at most 5\./);
    await banner.getByRole('button', { name: 'Plan merges…' }).click();
    await expect(page.getByRole('tab', { name: 'Aggregate' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    // The screen says the plan is the optimum, not just a good guess.
    await expect(
      page.getByText(/the plan is optimal, as no other way to reach the target lets in fewer\./),
    ).toBeVisible();

    const exact = page.getByTestId('exact-merges');
    const widen = page.getByTestId('widening-merges');
    await expect(exact.getByRole('heading', { name: 'Exact merges (2)' })).toBeVisible();
    const lab = exact.getByRole('row').filter({ hasText: '10.0.0.0/24' });
    await expect(lab).toContainText('10.0.0.0/25');
    await expect(lab).toContainText('10.0.0.128/25');
    await expect(lab).toContainText('none (same addresses)');
    await expect(exact.getByRole('row').filter({ hasText: '192.168.1.10/31' })).toContainText(
      'Printer / Scanner',
    );
    // The cap-aware step: the two branch addresses become a /29, letting in 6 more addresses.
    await expect(
      widen.getByRole('heading', { name: 'Merges that widen access (1)' }),
    ).toBeVisible();
    const branch = widen.getByRole('row').filter({ hasText: '203.0.113.8/29' });
    await expect(branch.getByRole('cell').last()).toHaveText('6');

    // Exact merges are preselected: still one over the limit, no extra address.
    const summary = page.getByTestId('aggregate-summary');
    await expect(summary).toHaveText(
      'With 2 of 3 merges: 6 entries (target 5), 0 extra addresses admitted. Still 1 over the target.',
    );
    const acceptBranch = page.getByRole('checkbox', {
      name: 'Accept the merge into 203.0.113.8/29',
    });
    await expect(acceptBranch).not.toBeChecked();
    // Keyboard: focus the checkbox and press Space.
    await acceptBranch.focus();
    await page.keyboard.press('Space');
    await expect(acceptBranch).toBeChecked();
    await expect(summary).toHaveText(
      'With 3 of 3 merges: 5 entries (target 5), 6 extra addresses admitted. Within the target.',
    );
    await expectAccessible(page, 'aggregation plan');
    await screenshot(page, 'aggregation-plan');

    // Accept only some: drop the Lab merge; the counts follow.
    // A pointer user clicks the visible box (the label around the hidden input).
    const acceptLab = page.getByRole('checkbox', { name: 'Accept the merge into 10.0.0.0/24' });
    await page.locator('label.checkbox').filter({ has: acceptLab }).click();
    await expect(acceptLab).not.toBeChecked();
    await expect(summary).toContainText('With 2 of 3 merges: 6 entries');
    await page.getByRole('button', { name: 'Select all' }).click();
    await page.getByRole('button', { name: 'Apply 3 merges' }).click();
    await expect(page.getByTestId('aggregate-applied')).toContainText('Merged: 8 entries → 5.');

    // The editor shows the merged list: under the limit, no banner; the merge is one undo step.
    await page.getByRole('tab', { name: 'Entries' }).click();
    await expect(page.getByTestId('counters')).toContainText('5 / 5 entries');
    await expect(page.getByTestId('over-limit-banner')).toHaveCount(0);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(page.getByTestId('counters')).toContainText('8 / 5 entries');
    await expect(page.getByTestId('over-limit-banner')).toBeVisible();
    await page.getByRole('button', { name: 'Redo' }).click();
    await expect(page.getByTestId('counters')).toContainText('5 / 5 entries');
    await expectSavedLocally(page);

    // The service accepts the merged list through the normal plan.
    await saveThroughPlan(page);
    const saved = await readRestriction(small.url);
    expect(saved.entries).toEqual([
      { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
      { ip: '10.0.0.0', cidr: 24, memo: 'Lab A / Lab B' },
      { ip: '192.168.1.10', cidr: 31, memo: 'Printer / Scanner' },
      { ip: '203.0.113.8', cidr: 29, memo: 'Branch router / Branch VPN' },
      { ip: '198.51.100.1', cidr: null, memo: 'Partner' },
    ]);
  });

  test('the planner in Japanese, on request with a lower target', async ({ app }) => {
    const { page } = app;
    await toJapanese(page);
    await expect(page.getByTestId('over-limit-banner')).toHaveText(
      /エントリが 8 件あります。サービスが受け付けるのは最大 5 件です。/,
    );
    await page.getByRole('tab', { name: '集約' }).click();
    await expect(page.getByText(/この案は.*最適な案で/)).toBeVisible();
    const target = page.getByRole('textbox', { name: '目標のエントリ数' });
    await target.fill('4');
    await target.press('Enter');
    const summary = page.getByTestId('aggregate-summary');
    await expect(summary).toContainText('目標 4 件');
    await expect(page.getByTestId('widening-merges')).toContainText('新たに許可されるアドレス数');
    await page.getByRole('button', { name: 'すべて選択' }).click();
    await expect(summary).toContainText('目標以内です。');
    await expectAccessible(page, 'aggregation plan (ja)');
    await screenshot(page, 'aggregation-plan-ja');
    // Dark theme: the highlighted rows and extra-address counts keep their contrast.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectAccessible(page, 'aggregation plan (ja, dark)');
  });
});

test('1,005 entries on a service that takes 1,000: five exact merges bring it to the limit', async ({
  app,
}) => {
  const { page } = app;
  await writeRestriction(app.service.url, bigList(1000));
  await app.open();
  await addProfileViaUi(page, app.service.url);
  await expect(page.getByTestId('counters')).toContainText('1,000 / 1,000 entries');
  // Five addresses next to listed ones (11.0.N.0 beside 11.0.N.1): exact /31 merges.
  const neighbours = [1, 2, 3, 4, 5].map((n) => `11.0.${n}.0\tNeighbour ${n}`).join('\r\n');
  await addEntry(page);
  await pasteInto(ipField(page, 1001), `${neighbours}\r\n`);
  await expect(page.getByTestId('counters')).toContainText('1,005 / 1,000 entries');

  await page.getByRole('button', { name: 'Plan merges…' }).click();
  await expect(page.getByRole('heading', { name: 'Exact merges (5)' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Merges that widen access (0)' })).toBeVisible();
  await expect(
    page.getByTestId('exact-merges').getByRole('row').filter({ hasText: '11.0.3.0/31' }),
  ).toContainText('Branch 3 / Neighbour 3');
  await expect(page.getByTestId('aggregate-summary')).toHaveText(
    'With 5 of 5 merges: 1,000 entries (target 1,000), 0 extra addresses admitted. Within the target.',
  );
  await page.getByRole('button', { name: 'Apply 5 merges' }).click();
  await page.getByRole('tab', { name: 'Entries' }).click();
  await expect(page.getByTestId('counters')).toContainText('1,000 / 1,000 entries');
  await expect(page.getByTestId('over-limit-banner')).toHaveCount(0);
});

test('a limit set in the profile is named as such; a merge wider than a /16 gets a warning line', async ({
  app,
}) => {
  const { page } = app;
  await writeRestriction(app.service.url, {
    mode: 'ALLOW_SPECIFIC',
    entries: [
      { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
      { ip: '10.0.0.0', cidr: 16, memo: 'Campus A' },
      { ip: '10.2.0.0', cidr: 16, memo: 'Campus B' },
    ],
  });
  await app.open();
  await addProfileViaUi(page, app.service.url);
  // The admin's own limit (profile setting), lower than the service's 1,000.
  await page.evaluate(async () => {
    const bridge = (window as unknown as { allowlist: AllowlistApi }).allowlist;
    const list = await bridge.profiles.list({});
    if (!list.ok) throw new Error(list.error.message);
    const id = list.value.profiles[0]!.id;
    const r = await bridge.profiles.update({ profileId: id, fields: { maxEntries: 2 } });
    if (!r.ok) throw new Error(r.error.message);
  });
  await page.reload();
  const banner = page.getByTestId('over-limit-banner');
  await expect(banner).toContainText(
    'The list has 3 entries; this profile’s limit is 2 (set in the profile).',
  );
  await expect(banner).not.toContainText('service');
  await banner.getByRole('button', { name: 'Plan merges…' }).click();
  await expect(
    page.getByText('This profile’s limit is 2 (set in the profile).', { exact: true }),
  ).toBeVisible();
  // 10.0.0.0/16 + 10.2.0.0/16 → 10.0.0.0/14: 131,072 addresses no entry allowed before.
  const row = page
    .getByTestId('widening-merges')
    .getByRole('row')
    .filter({ hasText: '10.0.0.0/14' });
  await expect(row.getByRole('cell').last()).toHaveText('131,072');
  await expect(row.getByTestId('wide-merge')).toHaveText(
    'Wider than a /16: lets in more than 65,536 addresses no entry allowed before.',
  );
  await expect(page.getByTestId('wide-merge-warning')).toHaveText(
    '1 merge lets in more than 65,536 extra addresses (more than a /16). Accept it only if that whole network should have access.',
  );

  await toJapanese(page);
  await expect(page.getByTestId('wide-merge-warning')).toContainText(
    '65,536 個を超えるアドレス（/16 より広い範囲）を新たに許可する集約が 1 件あります。',
  );
  await page.getByRole('tab', { name: 'エントリ' }).click();
  await expect(banner).toContainText('このプロファイルの上限は 2 件です（プロファイルで設定）。');
});
