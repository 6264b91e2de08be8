import { expect, test } from './support/fixtures.ts';
import { expectAccessible, screenshot } from './support/evidence.ts';
import { ipField, memoField, toJapanese } from './support/ui.ts';
import { exportEntries } from '../../shared/export/index.ts';
import { echo, fakeServer, type Fake } from '../support/handoff-fakes.ts';

/**
 * A cybozu.com tenant, end to end in the real renderer: add a "cybozu.com (upload on the Store)"
 * profile, state the list in force, edit, plan, the lockout guard, the Store's CSV downloaded, the
 * guide, "Saved on the Store?", then the history and the Reset URL hour. The "what is my IP"
 * endpoints and the tenant's login page are loopback fakes (the real ones are on the Internet).
 */

const ME = '203.0.113.7';
const fakes: Fake[] = [];
test.afterEach(async () => {
  for (const f of fakes.splice(0)) await f.close();
});

test('a cybozu.com tenant: from "add profile" to "saved on the Store", Reset URL hour running', async ({
  app,
}) => {
  const { page } = app;
  const [a, b] = [await echo(ME), await echo(ME)];
  const tenant = await fakeServer(302, '', { Location: '/login?redirect=1' });
  fakes.push(a, b, tenant);
  await app.open();

  // Add the profile: no login, no password for this kind.
  await page.getByRole('button', { name: 'Add a profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByRole('button', { name: /How the list is saved/ }).click();
  await page.getByRole('option', { name: 'cybozu.com (upload on the cybozu.com Store)' }).click();
  await expect(dialog.getByTestId('profile-kind-hint')).toContainText('No login or password');
  await expect(dialog.getByRole('textbox', { name: 'Administrator login' })).toHaveCount(0);
  await expect(dialog.getByLabel('Password')).toHaveCount(0);
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Kintone (Tokyo)');
  await dialog.getByRole('textbox', { name: 'Service URL' }).fill(tenant.url);
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  await expect(dialog).toBeHidden();

  // The list in force, as the admin states it (pasted from the Store's screen or Excel).
  const setup = page.getByTestId('in-force');
  await expect(
    setup.getByRole('heading', { name: 'The list in force on the cybozu.com Store' }),
  ).toBeVisible();
  const typed = setup.getByRole('textbox', { name: /Entries in force/ });
  await typed.fill(`${ME}\t\tAdmin office\n198.51.100.0\t24\tBranch`);
  await expect(setup).toContainText('2 entries read.');
  await expectAccessible(page, 'hand-off: list in force');
  await screenshot(page, 'handoff-in-force');
  await setup.getByRole('button', { name: 'Use as the list in force' }).click();
  await expect(page.getByTestId('in-force-line')).toContainText('revision 1');
  await expect(page.getByTestId('in-force-stated')).toHaveText(
    'As stated by you, not checked with the service',
  );
  await expect(ipField(page, 1)).toHaveValue(ME);

  // The address-check endpoints (settings): both agree.
  await page.getByText('Address-check endpoints').first().click();
  const egress = page.getByTestId('egress-settings');
  await egress.getByRole('textbox', { name: 'Address-check endpoints' }).fill(`${a.url}\n${b.url}`);
  await egress.getByRole('button', { name: 'Save endpoints' }).click();
  await expect(egress).toContainText('Endpoints saved.');
  await egress.getByRole('button', { name: 'Check my address' }).click();
  await expect(egress.getByTestId('egress-result')).toContainText(
    `Your address as the address-check endpoints see it: ${ME}`,
  );

  await page.getByText('Address-check endpoints').first().click();

  // Edit: the admin's office is replaced (a mistake the guard catches).
  await ipField(page, 1).fill('192.0.2.10');
  await memoField(page, 1).fill('本社');
  await page.getByRole('button', { name: 'Review and save…' }).click();
  const plan = page.getByRole('dialog', { name: /Review the changes/ });
  await expect(plan).toContainText('the file for the cybozu.com Store will hold');
  await expect(plan).toContainText(`Your address as the address-check endpoints see it: ${ME}`);
  await plan.getByRole('button', { name: 'Make the file for the cybozu.com Store' }).click();
  await page.getByRole('textbox', { name: /To save anyway, type/ }).fill(ME);
  await page.getByRole('button', { name: 'Save and lose access' }).click();

  // The Store's CSV, downloaded, and the guide.
  const file = await app.main.savedFile(0);
  expect(file.name).toBe('ip-address-restriction-127.0.0.1.csv');
  const expected = await exportEntries(
    [
      { ip: '192.0.2.10', cidr: null, memo: '本社' },
      { ip: '198.51.100.0', cidr: 24, memo: 'Branch' },
    ],
    'cybozu-csv',
  );
  expect(Buffer.from(file.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
  const guide = page.getByRole('dialog', { name: 'Save the list on the cybozu.com Store' });
  await expect(guide.getByTestId('handoff-file')).toContainText(file.name);
  await expect(guide).toContainText('Choose “Allow specific IP addresses”.');
  await expect(guide).toContainText('Saved on the cybozu.com Store?');
  await expectAccessible(page, 'hand-off: guide');
  await screenshot(page, 'handoff-guide');

  // Later; the same guide in Japanese; confirmed there.
  await guide.getByRole('button', { name: 'Decide later' }).click();
  await toJapanese(page);
  await page.getByTestId('handoff-open-guide').click();
  const guideJa = page.getByRole('dialog', { name: 'サイボウズドットコム ストアでリストを保存' });
  await expect(guideJa).toContainText('サイボウズドットコム ストアで保存しましたか？');
  await screenshot(page, 'handoff-guide-ja');
  await guideJa.getByRole('button', { name: 'はい、ストアで保存しました' }).click();
  const banner = page.getByTestId('handoff-saved');
  await expect(banner).toContainText('リビジョン 2 として保存しました');
  await expect(banner.getByTestId('handoff-reset-window')).toContainText('残り');
  await screenshot(page, 'handoff-saved-ja');

  // Back in English: the Reset URL hour, the history, the login page as this computer gets it.
  await page.getByRole('button', { name: /言語|Language/ }).click();
  await page.getByRole('option', { name: 'English' }).click();
  await expect(banner).toContainText('Saved on the cybozu.com Store as revision 2');
  await expect(banner.getByTestId('handoff-reset-window')).toContainText(/\d+:\d\d left/);
  await expect(page.getByTestId('in-force-stated')).toHaveCount(0);
  await expect(page.getByTestId('in-force-line')).toContainText('revision 2');
  await banner.getByRole('button', { name: 'Check the login page from this computer' }).click();
  await expect(banner.getByTestId('sign-in-result')).toContainText(
    `${tenant.url}/login answered HTTP 302, pointing to /login?redirect=1.`,
  );
  await screenshot(page, 'handoff-saved');
  await page.getByRole('tab', { name: 'History' }).click();
  const history = page.getByRole('table', { name: 'Revisions' });
  await expect(history.getByRole('row')).toHaveCount(3);

  // Lost access: both ways back, then "Access is back" and the restore offer.
  await banner.getByRole('button', { name: 'Lost access? How to get back…' }).click();
  const recovery = page.getByTestId('recovery');
  await expect(recovery.getByTestId('recovery-store-way')).toContainText('article 020465');
  await expect(recovery.getByTestId('reset-time-left')).toContainText('left');
  await expectAccessible(page, 'hand-off: recovery');
  await screenshot(page, 'handoff-recovery');
  await recovery.getByRole('button', { name: 'Access is back' }).click();
  await recovery.getByRole('button', { name: 'Restore revision 1…' }).click();
  await expect(ipField(page, 1)).toHaveValue(ME);
  await expect(page.getByRole('dialog', { name: /Review the changes/ })).toBeVisible();
});

test('in Japanese: the list in force from the Store’s CSV file; endpoints that disagree make the address unknown', async ({
  app,
}) => {
  const { page } = app;
  const [a, b] = [await echo(ME), await echo('198.51.100.9')];
  fakes.push(a, b);
  await app.open();
  await toJapanese(page);
  await page.getByRole('button', { name: 'プロファイルを追加…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'プロファイルを追加' });
  await dialog.getByRole('button', { name: /リストの保存方法/ }).click();
  await page
    .getByRole('option', { name: 'cybozu.com（サイボウズドットコム ストアでアップロード）' })
    .click();
  await dialog.getByRole('textbox', { name: '名前' }).fill('kintone（本番）');
  await dialog.getByRole('textbox', { name: 'サービスのURL' }).fill('https://example.cybozu.com');
  await dialog.getByRole('button', { name: 'プロファイルを追加' }).click();
  await expect(dialog).toBeHidden();

  // The list in force from a file: the Store's own CSV format (Shift_JIS, CRLF).
  const storeCsv = await exportEntries(
    [
      { ip: ME, cidr: null, memo: '本社' },
      { ip: '198.51.100.0', cidr: 24, memo: '大阪支店' },
    ],
    'cybozu-csv',
  );
  const setup = page.getByTestId('in-force');
  await setup.getByRole('button', { name: 'ファイルからインポート…' }).click();
  const wizard = page.getByRole('dialog', { name: /インポート/ });
  app.main.pickFile({ name: 'ip-address-restriction.csv', bytes: storeCsv.bytes });
  await wizard.getByRole('button', { name: 'ファイルを選択…' }).click();
  await wizard.getByRole('button', { name: /件を反映|下書きに反映/ }).click();
  await expect(wizard).toBeHidden();
  await expect(setup).toContainText('2 件のエントリを読み取りました。');
  await screenshot(page, 'handoff-in-force-ja');
  await setup.getByRole('button', { name: '有効なリストとして使う' }).click();
  await expect(page.getByTestId('in-force-stated')).toHaveText(
    'あなたが入力したリストです（サービスで確認したものではありません）',
  );

  // Two endpoints, two addresses: unknown; the guard asks for "unknown" though ME stays in.
  await page.getByText('アドレス確認サービス').first().click();
  const egress = page.getByTestId('egress-settings');
  await egress.getByRole('textbox', { name: 'アドレス確認サービス' }).fill(`${a.url}\n${b.url}`);
  await egress.getByRole('button', { name: 'アドレス確認サービスを保存' }).click();
  await expect(egress).toContainText('アドレス確認サービスを保存しました。');
  await page.getByText('アドレス確認サービス').first().click();
  await page.getByRole('textbox', { name: 'メモ（No.2）', exact: true }).fill('大阪支店（光回線）');
  await page.getByRole('button', { name: '確認して保存…' }).click();
  const plan = page.getByRole('dialog', { name: '変更内容の確認' });
  await expect(plan).toContainText('スプリットトンネル（VPN）');
  await expect(plan).toContainText(`${ME}、198.51.100.9`);
  await screenshot(page, 'handoff-unknown-address-ja');
  await plan.getByRole('button', { name: 'サイボウズドットコム ストア用のファイルを作成' }).click();
  await expect(page.getByRole('textbox', { name: /unknown/ })).toBeVisible();
});

test('the Store would not take an entry: no file, and the entry is named', async ({ app }) => {
  const { page } = app;
  const a = await echo(ME);
  fakes.push(a);
  await app.open();
  await page.getByRole('button', { name: 'Add a profile…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a profile' });
  await dialog.getByRole('button', { name: /How the list is saved/ }).click();
  await page.getByRole('option', { name: 'cybozu.com (upload on the cybozu.com Store)' }).click();
  await dialog.getByRole('textbox', { name: 'Name' }).fill('Tenant');
  await dialog.getByRole('textbox', { name: 'Service URL' }).fill('https://example.cybozu.com');
  await dialog.getByRole('button', { name: 'Add profile' }).click();
  const setup = page.getByTestId('in-force');
  await setup.getByRole('textbox', { name: /Entries in force/ }).fill(`${ME}\t\tAdmin office`);
  await setup.getByRole('button', { name: 'Use as the list in force' }).click();
  await page.getByText('Address-check endpoints').first().click();
  const egress = page.getByTestId('egress-settings');
  await egress.getByRole('textbox', { name: 'Address-check endpoints' }).fill(a.url);
  await egress.getByRole('button', { name: 'Save endpoints' }).click();
  await expect(egress).toContainText('Endpoints saved.');

  await page.getByRole('button', { name: 'Add entry' }).click();
  await page.keyboard.type('192.0.2.20');
  await memoField(page, 2).fill('VPN 🔒');
  await page.getByRole('button', { name: 'Review and save…' }).click();
  await page.getByRole('button', { name: 'Make the file for the cybozu.com Store' }).click();
  const refused = page.getByRole('alert').filter({ hasText: 'would not take these entries' });
  await expect(refused).toContainText('Entry 2 (192.0.2.20): the memo contains "🔒"');
  expect(app.main.saved).toHaveLength(0);
  await expect(page.getByTestId('handoff-open-guide')).toHaveCount(0);
});
