import type { MessageTemplate } from '../shared/i18n/messages.ts';

/**
 * The words of `allowlist handoff` and `allowlist egress` (cybozu.com tenants saved on the
 * cybozu.com Store), in English and Japanese. Part of CLI_TEXT (cli/strings.ts), kept apart.
 */
export const HANDOFF_CLI_TEXT = {
  sumHandoff: {
    en: 'plan a change of a cybozu.com list saved on the cybozu.com Store, and make its CSV',
    ja: 'サイボウズドットコム ストアで保存する cybozu.com のリストの変更内容を確認し、CSV を作成する',
  },
  sumEgress: {
    en: 'your IPv4 address as public address-check endpoints see it',
    ja: '公開のアドレス確認サービスから見たあなたの IPv4 アドレス',
  },
  handoffSubcommand: {
    en: 'expected the subcommand "plan".',
    ja: 'サブコマンド「plan」を指定してください。',
  },
  noPositionals: {
    en: 'takes no file or address (see --help).',
    ja: 'ファイルやアドレスは指定できません（--help を参照）。',
  },
  inForceAndDraftRequired: {
    en: '--in-force FILE and --draft FILE are required.',
    ja: '--in-force FILE と --draft FILE を指定してください。',
  },
  optInForce: {
    en: 'the list in force on the cybozu.com Store (the one last saved there)',
    ja: 'サイボウズドットコム ストアで有効なリスト（最後に保存したもの）',
  },
  optDraft: { en: 'the list you want in force', ja: '有効にしたいリスト' },
  optEgress: {
    en: 'ask the address-check endpoints for your address (else it is unknown)',
    ja: 'アドレス確認サービスにあなたのアドレスを問い合わせる（指定しない場合は不明として扱う）',
  },
  optEndpoint: {
    en: 'an address-check endpoint (repeatable; default: the app’s three)',
    ja: 'アドレス確認サービス（複数指定可。既定はアプリと同じ 3 つ）',
  },
  optProtect: {
    en: 'an address that must keep access (repeatable)',
    ja: 'アクセスを保つ必要があるアドレス（複数指定可）',
  },
  optConfirm: {
    en: 'the phrase the plan asks for when someone would lose access',
    ja: 'アクセスできなくなるアドレスがある場合に変更内容が求める確認の文字列',
  },
  optHandoffOut: {
    en: 'write the cybozu.com Store’s CSV here when the plan holds',
    ja: '変更内容に問題がなければ、サイボウズドットコム ストア用の CSV をここにエクスポートする',
  },
  hoLists: {
    en: 'in force: {inForce} ({inForceMode}, {inForceCount} entries); draft: {draft} ({draftMode}, {draftCount} entries)',
    ja: '有効なリスト: {inForce}（{inForceMode}、{inForceCount} 件）、下書き: {draft}（{draftMode}、{draftCount} 件）',
  },
  hoYourAddress: {
    en: 'your address (the address-check endpoints agree): {ip}',
    ja: 'あなたのアドレス（アドレス確認サービスの結果が一致）: {ip}',
  },
  hoAddressUnknown: {
    en: 'your address: unknown ({reason})',
    ja: 'あなたのアドレス: 不明（{reason}）',
  },
  hoAddressNotAsked: {
    en: 'your address: unknown (not asked: add --egress)',
    ja: 'あなたのアドレス: 不明（未確認。--egress を指定してください）',
  },
  hoKeeps: { en: 'keeps access', ja: 'アクセスできる' },
  hoLoses: { en: 'LOSES ACCESS', ja: 'アクセスできなくなる' },
  hoSelf: { en: 'you', ja: 'あなた' },
  hoProtected: { en: 'protected', ja: '保護対象' },
  hoBlocked: {
    en: 'the cybozu.com Store would refuse this list: fix the errors above first.',
    ja: 'サイボウズドットコム ストアが受け付けないリストです。先に上記のエラーを修正してください。',
  },
  hoNothing: {
    en: 'the draft equals the list in force: nothing to save.',
    ja: '下書きは有効なリストと同じです。保存する変更はありません。',
  },
  hoNeedsConfirm: {
    en: 'someone would lose access: to make the file anyway, add --confirm "{phrase}".',
    ja: 'アクセスできなくなるアドレスがあります。それでもファイルを作成するには --confirm "{phrase}" を指定してください。',
  },
  hoReady: {
    en: 'the plan holds: add --out FILE to write the cybozu.com Store’s CSV.',
    ja: '変更内容に問題はありません。--out FILE を指定するとサイボウズドットコム ストア用の CSV をエクスポートします。',
  },
  hoTooLarge: {
    en: 'allowlist handoff: the file would be {mb} MB; the cybozu.com Store takes at most 10 MB, so {file} was not written. Merge entries (allowlist aggregate) or shorten memos.',
    ja: 'allowlist handoff: ファイルが {mb} MB になります。サイボウズドットコム ストアが受け付けるのは 10 MB までのため、{file} はエクスポートしていません。エントリをまとめる（allowlist aggregate）か、メモを短くしてください。',
  },
  hoRefused: {
    en: 'allowlist handoff: the cybozu.com Store would not take {count} entries; {file} was not written.',
    ja: 'allowlist handoff: サイボウズドットコム ストアが受け付けないエントリが {count} 件あるため、{file} はエクスポートしていません。',
  },
  hoWrote: {
    en: 'wrote {file} ({count} entries). On the cybozu.com Store: Domains → Security & Authentication → the domain → IP Address Restrictions → Change → “Allow specific IP addresses” → import the file → save. The completion e-mail’s Reset URL works for one hour.',
    ja: '{file} をエクスポートしました（{count} 件）。サイボウズドットコム ストアで「ドメイン管理」→ Security & Authentication → ドメイン → IP Address Restrictions →「変更」→「指定したIPアドレスのみ許可」→ ファイルをインポート → 保存。適用完了のメールにあるリセットURLは1時間有効です。',
  },
  hoNoFileAllowAll: {
    en: 'the draft allows every address: no file is needed; turn the IP address restriction off on the cybozu.com Store.',
    ja: '下書きはすべてのアドレスを許可します。ファイルは不要です。サイボウズドットコム ストアでIPアドレス制限を解除してください。',
  },
  egressAnswer: { en: '{url}: {ip}', ja: '{url}: {ip}' },
  egressFailed: { en: '{url}: no answer ({message})', ja: '{url}: 応答なし（{message}）' },
  egressAgree: { en: 'your address: {ip}', ja: 'あなたのアドレス: {ip}' },
  egressDisagree: {
    en: 'your address is unknown: the endpoints saw different addresses ({ips}); a proxy or a split tunnel (VPN) may send some traffic another way.',
    ja: 'アドレス確認サービスごとに違うアドレスが見えたため（{ips}）、あなたのアドレスは不明です。プロキシやスプリットトンネル（VPN）の可能性があります。',
  },
  egressIpv6: {
    en: 'your address is unknown: the endpoints saw only the IPv6 address {ip}; the IP address restriction lists IPv4 addresses.',
    ja: 'アドレス確認サービスからは IPv6 アドレス {ip} しか見えないため、あなたのアドレスは不明です。IPアドレス制限は IPv4 アドレスのリストです。',
  },
  egressNone: {
    en: 'your address is unknown: no endpoint gave a public IP address (offline, blocked by a proxy, or an answer that is not a public address).',
    ja: 'どのアドレス確認サービスからもパブリックIPアドレスが得られないため（オフライン、プロキシによる遮断、またはパブリックでないアドレスの応答）、あなたのアドレスは不明です。',
  },
} satisfies Record<string, MessageTemplate>;
