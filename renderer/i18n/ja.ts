import type { Strings } from './en.ts';
import { syncJa } from '../features/sync/strings.ts';

/**
 * Japanese UI strings (problem sentences live in shared/i18n/messages.ts).
 */
export const ja: Strings = {
  app: {
    title: 'IPアドレス制限マネージャー',
    language: '言語',
    languageSystem: 'システムに合わせる',
    loading: '読み込み中…',
    bridgeMissing: 'メインプロセスに接続できませんでした。アプリを再起動してください。',
    error:
      '予期しないエラーが発生しました: {{message}} 問題が続く場合はアプリを再起動してください。',
    dismiss: '閉じる',
  },
  nav: {
    label: 'セクション',
    editor: 'エントリ',
    preview: 'アクセスのプレビュー',
    history: '履歴',
    settings: '設定',
  },
  profiles: {
    label: 'プロファイル',
    add: 'プロファイルを追加…',
    demoBadge: 'デモ',
    remove: 'プロファイルを削除',
  },
  firstRun: {
    heading: 'サービスのIPアドレス制限を管理します',
    intro:
      '管理者アカウントでサービスに接続するか、内蔵のデモサービスで先に操作を試せます。保存内容を確認するまで、サービスには何も送信されません。',
    addTitle: 'プロファイルを追加',
    addBody:
      'サービスのURL、管理者のログイン名とパスワードを入力します。パスワードはOSの資格情報ストア（Windowsの資格情報マネージャー、macOSのキーチェーンなど）に保存されます。',
    demoTitle: 'デモ用プロファイルを開く',
    demoBody:
      'このコンピューター上で動く参照用サービスです（初期状態は「すべてのIPアドレスを許可」）。外部には何も送信されないので自由に試せます。',
    demoButton: 'デモを開く',
    addButton: 'プロファイルを追加…',
  },
  profileForm: {
    title: 'プロファイルを追加',
    name: '名前',
    nameHint: '区別のための名前（例: 「本番」）。',
    url: 'サービスのURL',
    urlHint: 'https:// で始まるURL（http:// はこのコンピューター上のサービスの場合のみ）。',
    login: '管理者のログイン名',
    password: 'パスワード',
    passwordHint: 'ファイルには書き込まず、OSの資格情報ストアに保存します。',
    save: 'プロファイルを追加',
    cancel: 'キャンセル',
    saving: '保存中…',
  },
  mode: {
    label: 'IPアドレス制限',
    allowAll: 'すべてのIPアドレスを許可',
    allowSpecific: '指定したIPアドレスのみ許可',
    adviceTitle: 'インターネット上の誰でもログイン画面にアクセスできます。',
    advice:
      'IPアドレス制限のほかの方法でもアカウントを保護してください。cybozu.com共通管理の［ログイン］で、2要素認証を許可し、パスワードポリシーで十分な長さと複雑さを求めることをおすすめします。',
  },
  editor: {
    heading: '許可するアドレス',
    entriesLabel: '許可するIPアドレス',
    add: 'エントリを追加',
    addHint: 'Ctrl+Enter で下に行を追加',
    undo: '元に戻す',
    redo: 'やり直す',
    rowNumber: 'No.',
    ip: 'IPアドレス',
    cidr: 'CIDR',
    memo: 'メモ',
    actions: '操作',
    ipOfRow: 'IPアドレス（No.{{n}}）',
    cidrOfRow: 'CIDRプレフィックス（No.{{n}}）',
    memoOfRow: 'メモ（No.{{n}}）',
    duplicate: 'No.{{n}} を複製',
    delete: 'No.{{n}} を削除',
    empty:
      'エントリはまだありません。追加するか、Excel やテキストファイルからコピーした行を貼り付けてください。',
    noMatch: '条件に一致するエントリはありません。',
    pasteHint:
      'ヒント: Excel・CSV・1行に1アドレスのテキストからコピーした複数行を、どの欄にも貼り付けられます。',
    pasted_one: '{{count}} 件のエントリを貼り付けました。',
    pasted_other: '{{count}} 件のエントリを貼り付けました。',
    pastedProblems:
      'そのうち {{count}} 件に問題があります。各エントリの下の説明に従って修正してください。',
    counters: {
      entries: '{{n}} / {{max}} 件',
      errors_one: 'エラー {{count}} 件',
      errors_other: 'エラー {{count}} 件',
      warnings_one: '警告 {{count}} 件',
      warnings_other: '警告 {{count}} 件',
    },
    search: '検索・アドレスの確認',
    searchPlaceholder: 'アドレス・メモ（例: 203.0.113.5）',
    containsYes: '{{ip}} は {{list}} で許可されています。',
    containsNo:
      '{{ip}} はどのエントリにも含まれていません。許可するには、エントリを追加してください。',
    containsAllowAll: '「すべてのIPアドレスを許可」を選んでいるため、どのアドレスも許可されます。',
    filter: '表示',
    filterAll: 'すべてのエントリ',
    filterProblems: '問題のあるエントリ',
    filterErrors: 'エラーのあるエントリ',
    filterWarnings: '警告のあるエントリ',
    sort: '並べ替え',
    sortOriginal: 'No.の順',
    sortIp: 'アドレス',
    sortMemo: 'メモ',
    sortProblems: '問題のあるものを先頭に',
    fixHostBits: '{{network}} に修正',
    fixDuplicate: 'この重複を削除',
    fixAllDuplicates: '重複をすべて削除',
    fixAllHostBits: 'ホスト部をすべて修正',
    showing: '{{total}} 件中 {{shown}} 件を表示',
  },
  status: {
    savedLocally: '下書きを保存済み',
    saving: '下書きを保存中…',
    notSaved: '下書きを保存できません: {{reason}}',
    notSynced: 'サービスに未保存',
    inSync: 'サービスと同じ',
    online: '接続済み',
    lastPulled: '最終取得: {{time}}',
    neverPulled: 'まだサービスから取得していません',
  },
  save: {
    button: '確認して保存…',
    pull: 'サービスから再取得',
    pulling: '取得中…',
    disabledOffline: 'サービスに接続できないため保存できません。接続が戻ると保存できます。',
    disabledErrors:
      'エラーのあるエントリがあるため保存できません。エントリの下の説明に従って修正してください。',
    disabledNoChanges: '保存する変更はありません。',
    disabledBadCidr: 'No.{{n}} のCIDRを修正してください。修正するまで保存できません。',
    planTitle: '変更内容の確認',
    planIntro: '{{service}} に送信される内容です。',
    modeChange: 'IPアドレス制限: {{from}} → {{to}}',
    restrictionOffNotice_one:
      'サービス上でIPアドレス制限が解除されています（「すべてのIPアドレスを許可」）。リビジョン {{revision}} では {{count}} 件のエントリのみ許可していました。リセットURLを開くか、別の管理者が解除すると、このようになります。再び有効にしない限り、保存しても制限は解除されたままです。',
    restrictionOffNotice_other:
      'サービス上でIPアドレス制限が解除されています（「すべてのIPアドレスを許可」）。リビジョン {{revision}} では {{count}} 件のエントリのみ許可していました。リセットURLを開くか、別の管理者が解除すると、このようになります。再び有効にしない限り、保存しても制限は解除されたままです。',
    restrictionBackOn_one: 'そのエントリで制限を再び有効にする',
    restrictionBackOn_other: 'その {{count}} 件のエントリで制限を再び有効にする',
    added: '追加（{{count}} 件）',
    removed: '削除（{{count}} 件）',
    changed: 'メモの変更（{{count}} 件）',
    unchanged: '{{count}} 件は変更なし。',
    noChanges: '変更はありません。',
    yourAddress: 'サービスから見たあなたのアドレス: {{ip}}',
    yourAddressUnknown:
      'あなたのアドレスを確認できませんでした: {{reason}} 保存すると、あなた自身がアクセスできなくなるおそれがあります。',
    accessKept: 'アクセスできる',
    accessLost: 'アクセスできなくなる',
    protectedLabel: '保護対象: {{label}}',
    selfLabel: 'あなた',
    blockers: '次の問題があるため保存できません。修正してから、もう一度確認してください:',
    confirm: 'サービスに保存',
    cancel: 'キャンセル',
    saving: '保存中…',
    saved: 'リビジョン {{revision}} として保存しました。',
    failed: '保存できませんでした: {{message}}',
    lockoutTitle: 'この保存で{{who}}がサービスにアクセスできなくなります',
    lockoutWhoSelf: 'あなた',
    lockoutWhoProtected: '保護対象のアドレス',
    lockoutBody:
      '保存が適用されると、サービスは下記のアドレスからのアクセスをログインも含めてすべて拒否します。アクセスできなくなった場合の戻り方は2つです: 適用完了のメール（英語）にあるリセットURLを1時間以内に開くか、cybozu.comの場合はサイボウズドットコム ストア管理者がサイボウズドットコム ストアでIPアドレス制限を「すべて許可」に変更します。',
    lockoutPhraseLabel:
      'それでも保存するには、アクセスできなくなるアドレス「{{phrase}}」を入力してください（全角のままでも構いません）',
    lockoutConfirm: 'アクセスを失っても保存',
    lockoutCancel: 'キャンセルして編集を続ける',
    mergeNeeded:
      '編集中にサービス上のリストが変更されました。保存の前に、統合の内容を確認してください。',
  },
  preview: {
    heading: '誰が許可されるか',
    intro:
      'アドレスを1つ入力するか、複数（1行に1つ）貼り付けると、下書きとサービスで有効なリストでの結果を比べられます。',
    input: '確認するアドレス',
    check: '確認',
    address: 'アドレス',
    draft: '下書き',
    live: 'サービスで有効',
    matchedBy: '一致したエントリ',
    allowed: '許可',
    denied: '拒否',
    noLive: '未取得',
    change: '変化',
    loses: 'アクセスできなくなる',
    gains: 'アクセスできるようになる',
    same: '変化なし',
    entryRef: 'No.{{n}}',
    impactHeading: '最近のログインへの影響',
    impactIntro:
      'ログインのログ（CSVまたはテキスト）を読み込むと、下書きを保存した場合にアクセスできなくなるアドレスを確認できます。',
    loadLog: 'ログインのログを読み込む…',
    impactSummary:
      '{{lines}} 行、{{addresses}} 個のアドレスのうち、下書きでは {{denied}} 個が拒否されます。',
    losing_one: '{{count}} 個のアドレスがアクセスできなくなります',
    losing_other: '{{count}} 個のアドレスがアクセスできなくなります',
    gaining_one: '{{count}} 個のアドレスが新たにアクセスできるようになります',
    gaining_other: '{{count}} 個のアドレスが新たにアクセスできるようになります',
    topDenied: '拒否される回数の多いアドレス',
    count: 'ログイン回数',
    liveStatus: 'サービスで有効',
  },
  theme: { label: 'テーマ' },
  settings: {
    protectedHeading: '保護対象のアドレス',
    protectedIntro:
      'ほかの管理者や連携サーバーなど、常にアクセスできる必要があるアドレスです。保存のたびにあなた自身のアドレスと同じように確認し、アクセスできなくなる場合は、そのアドレスの入力を求めます。',
    none: '保護対象のアドレスはまだありません。',
    label: 'ラベル',
    labelPlaceholder: '例: 予備の管理者',
    newIp: '保護するアドレス',
    add: 'アドレスを保護',
    remove: '{{ip}} の保護を解除',
    saved: '保護対象のアドレスを保存しました。',
    invalidIp: '「{{ip}}」はIPv4アドレス1つではありません。203.0.113.25 のように入力してください。',
    alreadyProtected:
      '{{ip}} はすでに保護対象です。ラベルを変えるには、一度保護を解除してから追加し直してください。',
  },
  syncUi: syncJa,
  errors: {
    OFFLINE:
      'サービスに接続できません。下書きはこのコンピューターに保存されています。ネットワークを確認してから、もう一度お試しください。',
    TIMEOUT:
      'サービスから時間内に応答がありませんでした。ネットワークを確認してから、もう一度お試しください。',
    UNAUTHORIZED:
      'このプロファイルのログイン名またはパスワードでサービスにログインできませんでした。ブラウザーでログインできるか確かめてから、プロファイルを削除し、正しいログイン名とパスワードで追加し直してください。',
    KEYCHAIN_UNAVAILABLE:
      'OSの資格情報ストアを利用できないため、パスワードを保存できません（ファイルに書き込むことはありません）。資格情報ストアを使える状態にしてから（LinuxではGNOME Keyringなどを起動）、もう一度お試しください。',
    PASSWORD_REQUIRED:
      'OSの資格情報ストアからパスワードを取得できませんでした。このプロファイルのパスワードをもう一度入力してください。',
    IP_RESTRICTED:
      'このコンピューターのアドレスが有効なリストに含まれていないため、サービスがアクセスを拒否しています。適用完了のメール（英語）にあるリセットURLを開くか、cybozu.comの場合はサイボウズドットコム ストア管理者にIPアドレス制限を「すべて許可」にしてもらってください。',
    CONFIRMATION_REQUIRED:
      '入力したアドレスが一致しないため、何も送信していません。表示どおりに半角で入力してください。',
    LOCKOUT_CHANGED:
      '変更内容を確認した後にあなたのアドレスが変わったため、何も送信していません。もう一度変更内容を確認してください。',
    PLAN_STALE:
      '変更内容を確認した後にリストが変更されたため、何も送信していません。もう一度変更内容を確認してください。',
    NOTHING_TO_PUSH: '保存する変更はありません。',
  },
};
