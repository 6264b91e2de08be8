/**
 * The glossary: one Japanese and one English term per concept, and the words each retired.
 *
 * This is the one home of the terms (docs/glossary.md is the readable copy and a unit test checks
 * the two agree). The string-parity test (test/unit/shared/i18n/glossary.test.ts) fails when a
 * Japanese UI string or problem sentence uses a retired Japanese term, or an English one a retired
 * English term. Sources are cybozu.com's own help pages, so an admin who searches the help with
 * the app's word finds the setting.
 */

/** A help page a term is taken from. */
export type GlossarySource = { url: string; title: string };

/** One concept. */
export type GlossaryTerm = {
  /** Stable id (kebab-case). */
  id: string;
  /** What the concept is, in English. */
  concept: string;
  ja: string;
  en: string;
  /** Japanese words that must not come back for this concept (substring match). */
  retiredJa: readonly string[];
  /** English words that must not come back (case-insensitive substring match). */
  retiredEn: readonly string[];
  /** Where cybozu's help uses the term (none: no cybozu page names the concept). */
  sources: readonly GlossarySource[];
  /** A note on usage, in English. */
  note?: string;
};

/** cybozu.com help pages read for the glossary. */
export const SOURCES = {
  simple: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_security/simple.html',
    title: '手軽にセキュリティを強化したい',
  },
  accessDenied: {
    url: 'https://jp.cybozu.help/general/en/admin/list_security/list_access/access_denied.html',
    title:
      'If You Cannot Access cybozu.com Because of a Failure in the Access Control Settings (Article 020465)',
  },
  ipRestrictions: {
    url: 'https://jp.cybozu.help/general/en/admin/list_security/list_access/ip_restrictions.html',
    title: 'IP Address Restrictions',
  },
  enableIp: {
    url: 'https://jp.cybozu.help/general/en/admin/list_security/list_access/ip_restrictions/enable_ip.html',
    title: 'Configuring IP Address Restrictions (Article 02041)',
  },
  accountLock: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_security/list_login/account_lock.html',
    title: 'アカウントのロックアウトの設定を変更する',
  },
  passwordPolicy: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_security/passwordpolicy.html',
    title: 'パスワードポリシーを設定する',
  },
  twoFactor: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_security/with_2fa.html',
    title: '2要素認証を利用したい（記事番号:02072）',
  },
  loginOverview: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_security/list_login/overview.html',
    title: 'ログインに関するセキュリティの概要',
  },
  adminHelp: {
    url: 'https://help.cybozu.com/ja/general/admin_print.html',
    title: 'cybozu.com共通管理 ヘルプ',
  },
  commonAdmin: {
    url: 'https://jp.cybozu.help/general/ja/admin/list_administrator/list_domain_auth.html',
    title: 'cybozu.com共通管理者の設定',
  },
} as const satisfies Record<string, GlossarySource>;

/** Every concept the UI names. */
export const GLOSSARY: readonly GlossaryTerm[] = [
  {
    id: 'ip-restriction',
    concept: 'The setting the app edits: which source addresses the service accepts',
    ja: 'IPアドレス制限',
    en: 'IP address restriction',
    retiredJa: ['IP アドレス制限', 'アクセスを許可する接続元', 'アクセス元', 'モード'],
    retiredEn: ['Access from', 'Access mode', 'Mode:', 'Mode →'],
    sources: [SOURCES.simple, SOURCES.ipRestrictions],
    note: 'Written without a space, as cybozu does (help searches then match). Also the label of the two-option choice the app calls "mode" in code.',
  },
  {
    id: 'ip-address',
    concept: 'An IPv4 address',
    ja: 'IPアドレス',
    en: 'IP address',
    retiredJa: ['IP アドレス', 'IPv4 アドレス', 'IPv6 アドレス'],
    retiredEn: [],
    sources: [SOURCES.simple],
    note: 'No space between IP/IPv4 and アドレス. Plain アドレス where the kind is clear.',
  },
  {
    id: 'allow-all',
    concept: 'The option that accepts every source address',
    ja: 'すべてのIPアドレスを許可',
    en: 'Allow all IP addresses',
    retiredJa: ['すべての IP アドレスを許可', '「すべて許可」'],
    retiredEn: ['“Allow all”', '"Allow all"'],
    sources: [SOURCES.accessDenied],
    note: 'Quoted with the exact label of the app’s option. 「すべて許可」 is the cybozu.com Store’s own label and appears only where the Store is meant (see store-allow-all).',
  },
  {
    id: 'allow-specific',
    concept: 'The option that accepts only the listed addresses',
    ja: '指定したIPアドレスのみ許可',
    en: 'Allow specific IP addresses only',
    retiredJa: [
      '特定の IP アドレスのみ許可',
      '特定のIPアドレスのみ許可',
      '指定した IP アドレスのみ許可',
    ],
    retiredEn: [],
    sources: [SOURCES.ipRestrictions, SOURCES.enableIp],
    note: 'cybozu’s English label is "Allow specific IP addresses".',
  },
  {
    id: 'store',
    concept: 'cybozu.com’s contract site, where the IP address restriction is set',
    ja: 'サイボウズドットコム ストア',
    en: 'cybozu.com Store',
    retiredJa: [],
    retiredEn: [],
    sources: [SOURCES.simple, SOURCES.accessDenied],
  },
  {
    id: 'store-admin',
    concept: 'The administrator who can change the IP address restriction on the Store',
    ja: 'サイボウズドットコム ストア管理者',
    en: 'cybozu.com Store Administrator',
    retiredJa: [],
    retiredEn: [],
    sources: [SOURCES.adminHelp, SOURCES.accessDenied],
  },
  {
    id: 'store-allow-all',
    concept: 'The Store’s option that lifts the restriction (the way back in article 020465)',
    ja: 'すべて許可',
    en: 'Allow all',
    retiredJa: [],
    retiredEn: [],
    sources: [SOURCES.accessDenied, SOURCES.simple],
    note: 'Quoted only in the recovery text about the Store. The Store’s other options are 「すべて拒否」 / "Deny all" and "Allow specific IP addresses".',
  },
  {
    id: 'common-admin',
    concept: 'The administrator of users, login and password settings',
    ja: 'cybozu.com共通管理者',
    en: 'cybozu.com Administrator',
    retiredJa: ['cybozu.com 共通管理'],
    retiredEn: [],
    sources: [SOURCES.commonAdmin, SOURCES.twoFactor],
  },
  {
    id: 'login',
    concept: 'Signing in to the service',
    ja: 'ログイン',
    en: 'log in / login',
    retiredJa: ['サインイン'],
    retiredEn: ['sign in', 'sign-in', 'signs in'],
    sources: [SOURCES.loginOverview, SOURCES.twoFactor],
    note: 'The account field is ログイン名 / "login name".',
  },
  {
    id: 'two-factor',
    concept: 'Two-factor authentication',
    ja: '2要素認証',
    en: 'two-factor authentication',
    retiredJa: ['2 要素認証', '二要素認証', '2段階認証'],
    retiredEn: [],
    sources: [SOURCES.twoFactor],
  },
  {
    id: 'password-policy',
    concept: 'The rules for users’ passwords (admins do not set each password)',
    ja: 'パスワードポリシー',
    en: 'password policy',
    retiredJa: ['強力なパスワードを設定'],
    retiredEn: ['require strong passwords for every user'],
    sources: [SOURCES.passwordPolicy],
  },
  {
    id: 'lose-access',
    concept: 'The service refusing an address after a save (not account lockout)',
    ja: 'アクセスできなくなる',
    en: 'lose access',
    retiredJa: ['ロックアウト', '締め出'],
    retiredEn: ['locked out', 'lock you out', 'lock {{who}} out'],
    sources: [SOURCES.accountLock],
    note: 'cybozu uses ロックアウト only for an account locked after failed logins; saying it here sends an admin to the wrong settings.',
  },
  {
    id: 'credential-store',
    concept: 'Where the OS keeps the profile password',
    ja: 'OSの資格情報ストア',
    en: 'the OS credential store',
    retiredJa: ['システムのキーチェーン', 'キーチェーンに保存', 'キーチェーンから'],
    retiredEn: ['system keychain', 'the keychain'],
    sources: [],
    note: 'First mention names it per OS: 「Windowsの資格情報マネージャー、macOSのキーチェーンなど」 / "Windows Credential Manager, macOS Keychain…". Most Japanese corporate admins use Windows.',
  },
  {
    id: 'draft',
    concept: 'The admin’s edited list on this computer, not yet saved to the service',
    ja: '下書き',
    en: 'draft',
    retiredJa: [
      '作業中のリスト',
      '編集中の一覧',
      '編集中のリスト',
      '作業コピー',
      'ローカルに変更あり',
      'ローカルに保存',
    ],
    retiredEn: ['working copy', 'Saved locally', 'Local changes', 'Not yet synced'],
    sources: [],
    note: 'The autosave chip says the draft is saved (下書きを保存済み), never just "saved", next to the save button.',
  },
  {
    id: 'list',
    concept: 'The entries with the chosen option (on the service or in the draft)',
    ja: 'リスト',
    en: 'list',
    retiredJa: ['一覧'],
    retiredEn: [],
    sources: [SOURCES.simple],
    note: 'cybozu: 「許可するIPアドレスのリスト」.',
  },
  {
    id: 'in-force',
    concept: 'The list the service currently enforces',
    ja: '有効なリスト（サービスで有効）',
    en: 'the list in force',
    retiredJa: ['適用中のリスト'],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'entry',
    concept: 'One row of the list: an address or network with a memo',
    ja: 'エントリ',
    en: 'entry',
    retiredJa: ['エントリー'],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'entry-number',
    concept: 'A reference to an entry by its number, as in the editor’s first column',
    ja: 'No.3（列見出し「No.」）',
    en: 'entry 3 (column header "Entry")',
    retiredJa: ['件目', 'エントリ {{n}}', 'エントリ {position}', 'エントリ {otherPosition}'],
    retiredEn: [],
    sources: [],
    note: 'Rows of an imported file are 「3 行目」 / "row 3" under the column 「行」 / "Row". Lists of numbers use 「、」 in Japanese.',
  },
  {
    id: 'pull',
    concept: 'Reading the list from the service into the app',
    ja: '取得（ボタン「サービスから再取得」）',
    en: 'refresh (button "Refresh from service")',
    retiredJa: ['サービスから更新', 'サービスから読み込', 'リストを読み込', '一覧を読み込'],
    retiredEn: ['read from the service', 'Read the list from'],
    sources: [],
  },
  {
    id: 'apply-local',
    concept: 'Putting an import, a merge choice or aggregation into the draft',
    ja: '反映',
    en: 'apply',
    retiredJa: ['集約を適用', 'で反映してください'],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'take-effect',
    concept: 'The service putting a saved revision in force (APPLYING → APPLIED)',
    ja: '適用',
    en: 'take effect / in force',
    retiredJa: [],
    retiredEn: ['is applying it', 'list was applied'],
    sources: [SOURCES.enableIp],
  },
  {
    id: 'plan',
    concept: 'What a save would send, shown before anything is sent',
    ja: '変更内容（画面「変更内容の確認」）',
    en: 'plan (dialog "Review the changes")',
    retiredJa: ['計画'],
    retiredEn: [],
    sources: [],
    note: 'The aggregation planner’s proposal is 集約案 / "merge plan".',
  },
  {
    id: 'merge',
    concept: 'Combining the admin’s changes with a newer revision on the service (three-way)',
    ja: '統合',
    en: 'merge',
    retiredJa: ['マージ'],
    retiredEn: ['combined with', 'Combined with'],
    sources: [],
  },
  {
    id: 'sides',
    concept: 'The two sides of a merge',
    ja: 'あなた／サービス側',
    en: 'yours / theirs',
    retiredJa: ['相手', '自分'],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'export',
    concept: 'Writing the list to a file',
    ja: 'エクスポート',
    en: 'export',
    retiredJa: ['書き出'],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'reset-url',
    concept: 'The one-time URL in the completion e-mail that lifts the restriction for an hour',
    ja: 'リセットURL',
    en: 'Reset URL',
    retiredJa: ['リセット URL'],
    retiredEn: [],
    sources: [],
    note: 'The e-mail is in English: its subject starts “IP address restriction applied” and the line is “Reset URL:”. Say so where the e-mail is quoted.',
  },
  {
    id: 'completion-mail',
    concept: 'The e-mail the service sends when a saved list takes effect',
    ja: '適用完了のメール',
    en: 'completion e-mail',
    retiredJa: [],
    retiredEn: [],
    sources: [SOURCES.enableIp],
  },
  {
    id: 'protected-address',
    concept: 'An address every save must keep allowed (another admin, an integration)',
    ja: '保護対象のアドレス',
    en: 'protected address',
    retiredJa: [],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'egress-endpoint',
    concept:
      'A public "what is my IP" service asked for the admin’s address where the service does not tell it (cybozu.com)',
    ja: 'アドレス確認サービス',
    en: 'address-check endpoint',
    retiredJa: [],
    retiredEn: [],
    sources: [],
    note: 'Their answers must agree; otherwise the admin’s address is unknown.',
  },
  {
    id: 'revision',
    concept: 'A numbered version of the list on the service',
    ja: 'リビジョン',
    en: 'revision',
    retiredJa: [],
    retiredEn: [],
    sources: [],
  },
  {
    id: 'conflict',
    concept: 'An entry both sides changed differently',
    ja: '競合',
    en: 'conflict',
    retiredJa: [],
    retiredEn: [],
    sources: [],
  },
];

/**
 * Strings allowed to contain a retired term, by resource key: the one place the Store's own
 * 「すべて許可」 / "Allow all" is quoted.
 */
export const RETIRED_TERM_EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  'syncUi.recovery.storeWay': ['「すべて許可」', '“Allow all”'],
  'save.lockoutBody': ['「すべて許可」', '“Allow all”'],
  'errors.IP_RESTRICTED': ['「すべて許可」', '“Allow all”'],
  'handoff.guide.stepAllowAll': ['「すべて許可」', '“Allow all”'],
  'handoff.recovery.accessBackHint': ['「すべて許可」', '“Allow all”'],
};
