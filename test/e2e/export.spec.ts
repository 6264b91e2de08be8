import type { Locator } from '@playwright/test';
import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { OFFICE_LIST } from './support/seed.ts';
import {
  addEntry,
  expectSavedLocally,
  ipField,
  memoField,
  openWithOfficeList,
} from './support/ui.ts';
import { importBytes } from '../../shared/import/index.ts';

const networks = (entries: { ip: string; cidr: number | null; memo: string }[]) =>
  entries.map((e) => ({ ip: e.ip, cidr: e.cidr, memo: e.memo }));

/** The number of entries the export report says it wrote ("Exported N entries to …"). */
async function shownCount(report: Locator): Promise<number> {
  const match = /Exported (\d+) entr(?:y|ies) to /.exec((await report.textContent()) ?? '');
  expect(match, 'the report names how many entries were written').not.toBeNull();
  return Number(match![1]);
}

test('export the working copy as service CSV, UTF-8 CSV and XLSX; an unencodable memo is reported by entry', async ({
  app,
}) => {
  const { page } = app;
  await openWithOfficeList(app);
  // A fifth entry whose memo Shift_JIS cannot hold (an emoji), added and not yet autosaved.
  await addEntry(page);
  await ipField(page, 5).fill('198.51.100.7');
  await memoField(page, 5).fill('福岡 😀 回線');
  // And a Japanese memo that Shift_JIS holds.
  await memoField(page, 3).fill('大阪オフィス');
  const expected = OFFICE_LIST.entries.map((e, i) =>
    i === 2 ? { ...e, memo: '大阪オフィス' } : e,
  );

  const menuButton = page.getByRole('button', { name: 'Export' });
  await menuButton.click();
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('group', { name: 'Your draft' })).toBeVisible();
  await expectAccessible(page, 'export menu');
  await screenshot(page, 'export-menu');

  // The service's CSV would leave out the emoji memo's entry: nothing is written, the report
  // names the entry, and only an explicit choice writes a file.
  await menu
    .getByRole('group', { name: 'Your draft' })
    .getByRole('menuitem', { name: 'Service CSV (Shift_JIS)…' })
    .click();
  const report = page.getByTestId('import-export-report');
  await expect(report).toContainText(
    'Nothing was exported: 1 entry would be left out of the file.',
  );
  await expect(report).toContainText(
    'Entry 5 (198.51.100.7): the memo contains "😀" (U+1F600), which Shift_JIS cannot encode',
  );
  await expect(
    report.getByRole('button', { name: 'Export with "?" for the characters Shift_JIS lacks' }),
  ).toBeVisible();
  await screenshot(page, 'export-refused');
  expect(app.main.saved).toHaveLength(0);
  await report.getByRole('button', { name: 'Export without this 1 entry' }).click();
  await expect(report).toContainText('Exported 4 entries to ip-allowlist.csv.');
  await expect(report).toContainText('1 entry was not written.');
  await expect(report).toContainText('😀');
  await screenshot(page, 'export-report');
  await expectSavedLocally(page);

  const serviceCsv = await app.main.savedFile(0);
  expect(serviceCsv?.name).toBe('ip-allowlist.csv');
  const reread = await importBytes(serviceCsv!.bytes);
  // The count the report shows is what the file holds.
  expect(await shownCount(report)).toBe(reread.entries.length);
  expect(reread.stats.encoding).toBe('shift_jis');
  expect(reread.problems).toEqual([]);
  expect(networks(reread.entries)).toEqual(networks(expected));
  // Exactly the service's format: quoted header, CRLF.
  const head = new TextDecoder().decode(serviceCsv!.bytes.slice(0, 30));
  expect(head.startsWith('"IP Address","CIDR","Memo"\r\n')).toBe(true);

  // XLSX keeps every memo, the emoji too.
  await menuButton.click();
  await page
    .getByRole('group', { name: 'Your draft' })
    .getByRole('menuitem', { name: 'Excel workbook (.xlsx)…' })
    .click();
  await expect(report).toContainText('Exported 5 entries to ip-allowlist.xlsx.');
  const xlsx = await app.main.savedFile(1);
  expect(xlsx?.name).toBe('ip-allowlist.xlsx');
  const fromXlsx = await importBytes(xlsx!.bytes);
  expect(await shownCount(report)).toBe(fromXlsx.entries.length);
  expect(networks(fromXlsx.entries)).toEqual([
    ...networks(expected),
    { ip: '198.51.100.7', cidr: null, memo: '福岡 😀 回線' },
  ]);

  // UTF-8 CSV of the list in force on the service (without the local edit).
  await menuButton.click();
  await page
    .getByRole('group', { name: 'The list in force on the service' })
    .getByRole('menuitem', { name: 'CSV (UTF-8)…' })
    .click();
  await expect(report).toContainText('Exported 4 entries to ip-allowlist.csv.');
  const live = await app.main.savedFile(2);
  const fromLive = await importBytes(live!.bytes);
  expect(await shownCount(report)).toBe(fromLive.entries.length);
  expect(fromLive.stats.encoding).toBe('utf-8-bom');
  expect(networks(fromLive.entries)).toEqual(networks(OFFICE_LIST.entries));
});
