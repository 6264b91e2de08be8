import type { Page, Route } from '@playwright/test';
import { expect, test as base } from './support/fixtures.ts';
import type { TestApp } from './support/fixtures.ts';
import { OFFICE_LIST } from './support/seed.ts';
import {
  addEntry,
  expectSavedLocally,
  ipField,
  memoField,
  openWithOfficeList,
  SENDAI_OFFICE,
} from './support/ui.ts';
import { otherAdminEdits, withEntry, withMemo } from './support/sync.ts';
import { testWithHeldOfficeList } from './support/held-office-list.ts';
import type { HoldProxy } from './support/hold-proxy.ts';
import { HOST_PATHS } from '../../host/protocol.ts';

/**
 * Nothing the admin types is lost when main's answer to Refresh arrives: an entry typed while the
 * refresh is in flight, or just before pressing it, is still in the table and in the saved draft
 * afterwards, next to what the other admin changed on the service.
 *
 * The refresh is held by the proxy in front of the service (support/hold-proxy.ts: "in flight" as
 * a fact the test controls, not a delay). One test also holds the autosave's draft:save call
 * (Playwright's routing, in the browser) until the refresh's answer is on screen: the autosave
 * then reaches main after main re-read the draft, which cannot be caused otherwise without
 * timing. Both are let through unchanged.
 */

const TYPED_MEMO = 'typed while refreshing';
const NAGOYA = { ip: '198.51.100.0', cidr: 24, memo: 'Nagoya office (other admin)' };

/** The IP addresses in the table, in order. */
async function tableIps(page: Page): Promise<string[]> {
  return page
    .getByRole('textbox', { name: /^IP address, entry \d+$/ })
    .evaluateAll((fields) => fields.map((f) => (f as HTMLInputElement).value));
}

/** The Sendai office typed by the admin and the other admin's Nagoya office are both there. */
async function expectBoth(page: Page): Promise<void> {
  await expect.poll(() => tableIps(page)).toContain(SENDAI_OFFICE.ip);
  expect(await tableIps(page)).toContain(NAGOYA.ip);
  const sendai = (await tableIps(page)).indexOf(SENDAI_OFFICE.ip) + 1;
  await expect(memoField(page, sendai)).toHaveValue(SENDAI_OFFICE.memo);
}

/** After a reload (the draft as saved on disk): both entries again. */
async function expectBothSaved(page: Page): Promise<void> {
  await expectSavedLocally(page);
  await page.reload();
  await expect(page.getByRole('radiogroup', { name: 'IP address restriction' })).toBeVisible();
  await expect(ipField(page, OFFICE_LIST.entries.length + 2)).toBeVisible();
  await expectBoth(page);
}

const test = testWithHeldOfficeList;

/** Browser mode's request for one IPC call (`POST /__host/invoke/<channel>`, see host/protocol.ts). */
function isCall(channel: string): (url: URL) => boolean {
  return (url) => url.pathname === `${HOST_PATHS.invoke}${encodeURIComponent(channel)}`;
}

/** Hold the page's draft:save calls until `release()`; `arrived` once the first one is held. */
async function holdAutosave(app: TestApp) {
  const held: Route[] = [];
  let holding = true;
  let arrived!: () => void;
  const first = new Promise<void>((resolve) => (arrived = resolve));
  await app.page.route(isCall('draft:save'), async (route) => {
    if (!holding) return route.continue();
    held.push(route);
    arrived();
  });
  return {
    arrived: first,
    release: async () => {
      holding = false;
      for (const route of held.splice(0)) await route.continue();
    },
  };
}

/** Resolves when main's answer to Refresh has reached the page. */
function pullAnswered(page: Page): Promise<unknown> {
  const pull = isCall('sync:pull');
  return page.waitForResponse((r) => pull(new URL(r.url())));
}

/**
 * Presses Refresh and holds it while the other admin changes the service (`theirs`) and the admin
 * types (`type`); the autosave of that typing is held until main's answer to Refresh is on the
 * page. Returns the held autosave.
 */
async function typeDuringRefresh(
  app: TestApp,
  proxy: HoldProxy,
  { theirs, type }: { theirs: Parameters<typeof otherAdminEdits>[1]; type: () => Promise<unknown> },
) {
  const { page } = app;
  const refresh = proxy.hold('GET', '/v1/ip-restrictions.json');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await refresh.arrived;
  await otherAdminEdits(app.service.url, theirs);
  // Typed while the refresh runs; its autosave reaches main only after main's answer is here.
  const autosave = await holdAutosave(app);
  await type();
  await autosave.arrived;
  const answered = pullAnswered(page);
  refresh.release();
  await answered;
  return autosave;
}

test('an entry typed while Refresh is in flight stays, merged with the other admin’s change', async ({
  app,
  holdProxy: proxy,
}) => {
  const autosave = await typeDuringRefresh(app, proxy, {
    theirs: (c) => withEntry(c, NAGOYA),
    type: () => addEntry(app.page, SENDAI_OFFICE),
  });
  const { page } = app;
  await expect(page.getByText(/^Refreshed from the service \(revision/)).toBeVisible();

  await expectBoth(page);
  await autosave.release();
  await expectBothSaved(page);
});

test('an edit of an entry the other admin changed too, typed during Refresh: kept, and said', async ({
  app,
  holdProxy: proxy,
}) => {
  const autosave = await typeDuringRefresh(app, proxy, {
    theirs: (c) => withMemo(withEntry(c, NAGOYA), '160.16.0.0', 'Osaka office (theirs)'),
    type: () => memoField(app.page, 3).fill(TYPED_MEMO),
  });
  const { page } = app;

  await expect(page.getByTestId('edits-kept')).toContainText(
    'you changed 1 entry (or the IP address restriction) that it changed too. Your version is kept in the draft',
  );
  await expect(memoField(page, 3)).toHaveValue(TYPED_MEMO);
  // The other admin's change that does not conflict is in the draft too.
  await expect.poll(() => tableIps(page)).toContain(NAGOYA.ip);
  await autosave.release();
  await expectSavedLocally(page);
  await page.reload();
  await expect(memoField(page, 3)).toHaveValue(TYPED_MEMO);
  await expect.poll(() => tableIps(page)).toContain(NAGOYA.ip);
});

test('an edit typed while Refresh finds a conflict is on the merge screen (the editor closes)', async ({
  app,
  holdProxy: proxy,
}) => {
  const { page } = app;
  // A conflict to come: both change the Osaka memo.
  await memoField(page, 3).fill('Osaka office (mine)');
  await expectSavedLocally(page);
  await otherAdminEdits(app.service.url, (c) => withMemo(c, '160.16.0.0', 'Osaka office (theirs)'));
  // Main has merged and asks the service for the caller's address (for the merge screen): hold it.
  const callerCheck = proxy.hold('GET', '/v1/client-ip.json');
  await page.getByRole('button', { name: 'Refresh from service' }).click();
  await callerCheck.arrived;
  const autosave = await holdAutosave(app);
  await memoField(page, 4).fill(TYPED_MEMO);
  await autosave.arrived;
  const answered = pullAnswered(page);
  callerCheck.release();
  await answered;
  // The answer opens the merge screen only with the edit saved (main merges it in).
  await autosave.release();

  const merge = page.getByTestId('merge-screen');
  await expect(merge.getByTestId('merge-mine')).toContainText(TYPED_MEMO);
  const conflict = merge.getByTestId('conflict');
  await expect(conflict.getByRole('row', { name: /Yours/ })).toContainText('Osaka office (mine)');
});

base(
  'an entry typed right before pressing Refresh is kept with the other admin’s change',
  async ({ app }) => {
    const { page } = app;
    await openWithOfficeList(app);
    await otherAdminEdits(app.service.url, (c) => withEntry(c, NAGOYA));
    await addEntry(page, SENDAI_OFFICE);
    // No wait for the autosave: Refresh is pressed within its delay.
    const answered = pullAnswered(page);
    await page.getByRole('button', { name: 'Refresh from service' }).click();
    await answered;
    await expect(page.getByRole('heading', { name: /^Merged with revision/ })).toBeVisible();
    await expectBoth(page);
    await expectBothSaved(page);
  },
);
