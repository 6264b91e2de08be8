/**
 * Strings of the sync, merge, apply and recovery screens (English and Japanese).
 *
 * Merged into the i18n resources as `syncUi` (renderer/i18n/{en,ja}.ts). The Japanese object must
 * have exactly the English keys: `SyncStrings` makes a missing one a type error.
 */
export const syncEn = {
  state: {
    'never-pulled': 'Not refreshed yet',
    'up-to-date': 'Up to date',
    'local-changes': 'Draft changed',
    'remote-changed': 'Remote changed',
    offline: 'Offline',
    error: 'Service problem',
    checking: 'Checking…',
  },
  advice: {
    'never-pulled': 'Press “Refresh from service” to start from the list on the service.',
    'up-to-date': 'The draft is the same as the list on the service.',
    'local-changes':
      'Your draft is kept on this computer. When it is ready, press “Review and save…”.',
    'remote-changed':
      'Someone saved a newer list on the service (revision {{revision}}). Press “Refresh from service” to merge their changes into your draft; where you both changed the same entry, you choose which to keep.',
    offline:
      'The service cannot be reached. Editing and Preview access still work, and your changes are kept on this computer; saving to the service needs the network.',
    error: 'The service reported a problem: {{message}}',
  },
  checkNow: 'Check now',
  busy: {
    refresh:
      'Refreshing from the service: “Review and save…” is available again when the refresh has finished.',
    review: 'Preparing the plan: “Refresh from service” is available again once it is shown.',
    push: 'Saving to the service: “Refresh from service” is available again when saving has finished.',
  },
  pullUpdated: 'Refreshed from the service (revision {{revision}}).',
  pullUpToDate: 'Already up to date (revision {{revision}}).',
  pullMerged:
    'The service’s newer list (revision {{revision}}) was merged with your changes without conflicts. When the draft is ready, press “Review and save…”.',
  combinedTitle: 'Merged with revision {{revision}} from the service: what each side did',
  combinedHint:
    'No conflicts: both sides are now in your draft. When it is ready, press “Review and save…”.',
  combinedCounts:
    'On the service: {{remote}} since the list you started from. In your draft: {{local}}, all kept.',
  changeCount_one: '{{count}} change',
  changeCount_other: '{{count}} changes',
  discarded:
    'Your changes were discarded. The editor shows the list on the service (revision {{revision}}).',
  discardedPullFailed:
    'Your changes were discarded, but the list could not be refreshed from the service: {{message}} Press “Refresh from service” once the service can be reached.',
  pushMerged:
    'Not saved yet: someone saved a newer list on the service meanwhile. Their changes were merged with yours without conflicts; review the new plan.',
  editsKept_one:
    'While the list was being refreshed, saved or restored, you changed {{count}} entry (or the IP address restriction) that it changed too. Your version is kept in the draft; the other change was not taken. Check the difference in “Review and save…”.',
  editsKept_other:
    'While the list was being refreshed, saved or restored, you changed {{count}} entries (or the IP address restriction) that it changed too. Your versions are kept in the draft; the other changes were not taken. Check the differences in “Review and save…”.',
  pushUnconfirmed:
    'The service acknowledged revision {{revision}}, but reading the list back did not show what was sent, so the save is not confirmed (marked “unconfirmed” in the history). Your changes are kept in the draft: press “Refresh from service” to see what the service holds, then review and save again.',
  merge: {
    title: 'The list changed on the service',
    intro:
      'While you were editing, revision {{remote}} was saved on the service (your draft started from revision {{base}}). Nothing has been sent. Review what each side did, settle the conflicts, then review the plan.',
    pushIntro:
      'Your save was not sent: revision {{remote}} was saved on the service after your plan was made (your draft started from revision {{base}}). Nothing was overwritten.',
    sidesHeading: 'What each side did',
    base: 'Common start (revision {{revision}})',
    baseSummary_one: '{{count}} entry, {{mode}}',
    baseSummary_other: '{{count}} entries, {{mode}}',
    mine: 'Your changes',
    theirs: 'Their changes (revision {{revision}})',
    noChanges: 'No changes.',
    mode: 'IP address restriction → {{mode}}',
    more: '… and {{count}} more',
    conflictsHeading: 'Conflicts',
    conflictOf: 'Conflict {{n}} of {{total}}',
    noConflicts: 'No conflicts.',
    reason: {
      'changed-both': 'You both changed this entry.',
      'deleted-vs-changed': 'One side deleted this entry, the other changed it.',
      'added-both-different': 'You both added this network, differently.',
      'unconfirmed-save':
        'Your last save could not be confirmed, and the service does not show this change of yours: it was not saved, or someone changed it back since. Decide which should be in force.',
      mode: 'You both changed the mode, differently.',
      modeWhileEditing:
        'The IP address restriction changed on the service while you edited entries (a Reset URL turns it off: “Allow all IP addresses”). Decide whether your entries should be in force again.',
    },
    lostAccessTitle: 'The combined list removes access',
    lostAccessBody:
      'As combined now (your side in each conflict), the list would not let in the addresses below. Saving it would remove their access; the plan will ask you to confirm.',
    lostSelf: '{{ip}} (your address as the service sees it)',
    lostProtected: '{{ip}} (protected: {{label}})',
    sideBase: 'Before',
    sideMine: 'Yours',
    sideTheirs: 'Theirs',
    deleted: 'Deleted',
    absent: 'Not in the list',
    choice: 'Which to keep?',
    keepMine: 'Keep mine',
    takeTheirs: 'Take theirs',
    keepMineAll: 'Keep mine for all',
    takeTheirsAll: 'Take theirs for all',
    previous: 'Previous conflict',
    next: 'Next conflict',
    chosen: '{{done}} of {{total}} decided',
    continue: 'Use these choices and review the plan…',
    continueNoConflicts: 'Continue to the plan…',
    decideAll: 'Choose a side for every conflict to continue.',
    resolving: 'Applying choices…',
    discardHint:
      'Or leave the merge: throw your changes away and start again from the list on the service.',
    discard: 'Discard my changes and use the service’s list…',
    discardTitle: 'Discard your changes?',
    discardBody:
      'All your changes in this draft are thrown away, not only the conflicts. The editor then shows the list as it is on the service now (revision {{remote}} or newer). This cannot be undone.',
    discardNothingSent: 'Nothing is sent to the service.',
    discardCancel: 'Cancel',
    discardConfirm: 'Discard my changes',
    discarding: 'Discarding…',
  },
  apply: {
    applying: 'Saved as revision {{revision}}. Waiting for it to take effect on the service…',
    elapsed: 'Elapsed {{time}}',
    applied: 'Saved as revision {{revision}}, now in force.',
    verifying: 'Checking that you still have access…',
    verified: 'Saved as revision {{revision}}, now in force. Verified: you still have access.',
    offline:
      'Saved as revision {{revision}}, but the service cannot be reached to confirm it is in force. Press “Check again” once it can be reached.',
    error:
      'Saved as revision {{revision}}, but checking that it is in force failed: {{message}} Press “Check again”.',
    checkAgain: 'Check again',
    progressLabel: 'Taking effect',
  },
  recovery: {
    title: 'The service no longer accepts your address',
    saved: 'Saved as revision {{revision}}, in force since {{time}}.',
    lead: 'This list does not allow your address {{ip}}, so the service now refuses every request from this computer, logins included. There are two ways back.',
    howTitle: 'Way 1: the Reset URL in the completion e-mail',
    step1:
      'Open the completion e-mail the service sent to administrators when the list took effect (subject <subject>“IP address restriction applied”</subject>).',
    step2:
      'Open the Reset URL in that e-mail in a browser. It sets the IP address restriction back to “Allow all IP addresses”; your entries are kept. It works once, within one hour.',
    step3: 'Come back here and press “Check access again”.',
    storeTitle: 'Way 2 (cybozu.com): the cybozu.com Store',
    storeWay:
      'A cybozu.com Store Administrator logs in to the cybozu.com Store, opens Domains → “Security & Authentication”, changes “IP Address Restrictions” to “Allow all” and saves (cybozu.com help, article 020465). This works after the hour too.',
    timeLeftLabel: 'Time left to use the Reset URL',
    timeLeft: '{{time}} left',
    deadline: 'The Reset URL expires at {{time}}, one hour after the list took effect.',
    expired:
      'The hour has passed: the Reset URL no longer works. Use way 2, or ask another administrator whose address is still allowed to change the list.',
    noDeadline: 'The Reset URL works for one hour after the list took effect.',
    checkAccess: 'Check access again',
    checking: 'Checking…',
    stillLocked: 'The service still refuses this computer (checked {{time}}).',
    backTitle: 'Access is back',
    backBody:
      'The service accepts this computer again. You can restore the list that was in force before the save (revision {{revision}}, {{time}}); it goes through the normal plan, and you confirm it before anything is sent.',
    backBodyNoHistory:
      'The service accepts this computer again. Press “Refresh from service” to see the list in force.',
    previousTitle: 'Revision {{revision}}, before your save',
    restore: 'Restore revision {{revision}}…',
    keep: 'Keep the current list',
    restoring: 'Preparing…',
  },
} as const;

/** The shape both languages have. */
export type SyncStrings = DeepStringify<typeof syncEn>;
type DeepStringify<T> = { [K in keyof T]: T[K] extends string ? string : DeepStringify<T[K]> };

export const syncJa: SyncStrings = {
  state: {
    'never-pulled': '未取得',
    'up-to-date': '最新',
    'local-changes': '下書きに変更あり',
    'remote-changed': 'サービス側で変更あり',
    offline: 'オフライン',
    error: 'サービスの問題',
    checking: '確認中…',
  },
  advice: {
    'never-pulled': '「サービスから再取得」を押して、サービス上のリストを取得してください。',
    'up-to-date': '下書きはサービス上のリストと同じです。',
    'local-changes':
      '下書きはこのコンピューターに保存されています。準備ができたら「確認して保存…」を押してください。',
    'remote-changed':
      'サービス上で新しいリスト（リビジョン {{revision}}）が保存されました。「サービスから再取得」を押すと、サービス側の変更を下書きに統合します。同じエントリを双方が変更した箇所は、どちらを残すか選べます。',
    offline:
      'サービスに接続できません。編集と「アクセスのプレビュー」は引き続き使え、下書きはこのコンピューターに保存されます。サービスへの保存は、接続が戻ってから行ってください。',
    error: 'サービスから問題が返されました: {{message}}',
  },
  checkNow: '今すぐ確認',
  busy: {
    refresh: 'サービスから取得中です。取得が終わると「確認して保存…」を使えます。',
    review: '保存内容を準備中です。表示されると「サービスから再取得」を使えます。',
    push: 'サービスに保存中です。保存が終わると「サービスから再取得」を使えます。',
  },
  pullUpdated: 'サービスからリストを取得しました（リビジョン {{revision}}）。',
  pullUpToDate: 'すでに最新です（リビジョン {{revision}}）。',
  pullMerged:
    'サービス上の新しいリスト（リビジョン {{revision}}）を、競合なしで下書きに統合しました。準備ができたら「確認して保存…」を押してください。',
  combinedTitle: 'サービスのリビジョン {{revision}} と統合しました: 双方の変更',
  combinedHint:
    '競合はありません。双方の変更が下書きに入っています。準備ができたら「確認して保存…」を押してください。',
  combinedCounts:
    'サービス側: 元にしたリスト以降 {{remote}}。下書き側: {{local}}（すべて残っています）。',
  changeCount_one: '{{count}} 件の変更',
  changeCount_other: '{{count}} 件の変更',
  discarded:
    '下書きの変更を破棄しました。エディターにはサービス上のリスト（リビジョン {{revision}}）を表示しています。',
  discardedPullFailed:
    '下書きの変更を破棄しましたが、サービスからリストを取得できませんでした: {{message}} 接続できるようになったら「サービスから再取得」を押してください。',
  pushMerged:
    'まだ保存していません。編集中にサービス上で新しいリストが保存されたため、サービス側の変更を競合なしで下書きに統合しました。新しい変更内容を確認してください。',
  editsKept_one:
    'リストの取得・保存・復元の処理中に、その処理でも変更された {{count}} 件（またはIPアドレス制限）を編集しました。あなたの変更を下書きに残し、もう一方の変更は取り込んでいません。「確認して保存…」で違いを確認してください。',
  editsKept_other:
    'リストの取得・保存・復元の処理中に、その処理でも変更された {{count}} 件（またはIPアドレス制限）を編集しました。あなたの変更を下書きに残し、もう一方の変更は取り込んでいません。「確認して保存…」で違いを確認してください。',
  pushUnconfirmed:
    'サービスはリビジョン {{revision}} として受け付けましたが、読み直したリストが送信した内容と一致しないため、保存を確認できません（履歴に「未確認」と表示されます）。変更は下書きに残しています。「サービスから再取得」を押してサービス上の内容を確かめ、もう一度「確認して保存…」を押してください。',
  merge: {
    title: 'サービス上のリストが変更されました',
    intro:
      '編集中に、サービス上でリビジョン {{remote}} が保存されました（下書きはリビジョン {{base}} から始まっています）。まだ何も送信していません。双方の変更を確認し、競合を解決してから、変更内容を確認してください。',
    pushIntro:
      '保存は送信されませんでした。変更内容の確認後に、サービス上でリビジョン {{remote}} が保存されました（下書きはリビジョン {{base}} から始まっています）。何も上書きしていません。',
    sidesHeading: '双方の変更',
    base: '共通の起点（リビジョン {{revision}}）',
    baseSummary_one: '{{count}} 件、{{mode}}',
    baseSummary_other: '{{count}} 件、{{mode}}',
    mine: 'あなたの変更',
    theirs: 'サービス側の変更（リビジョン {{revision}}）',
    noChanges: '変更なし。',
    mode: 'IPアドレス制限 → {{mode}}',
    more: '…ほか {{count}} 件',
    conflictsHeading: '競合',
    conflictOf: '競合 {{n}} / {{total}}',
    noConflicts: '競合はありません。',
    reason: {
      'changed-both': 'このエントリを、あなたとサービス側の双方が変更しました。',
      'deleted-vs-changed': 'このエントリを、一方が削除し、もう一方が変更しました。',
      'added-both-different': 'このネットワークを、双方が異なる内容で追加しました。',
      'unconfirmed-save':
        '前回の保存を確認できず、サービス上にはあなたのこの変更がありません。保存されなかったか、その後に誰かが元に戻しました。どちらを有効にするか選んでください。',
      mode: 'IPアドレス制限の選択を、双方が異なる値に変更しました。',
      modeWhileEditing:
        'エントリの編集中に、サービス上でIPアドレス制限の選択が変わりました（リセットURLを開くと制限が解除され「すべてのIPアドレスを許可」になります）。あなたのエントリを再び有効にするかどうかを選んでください。',
    },
    lostAccessTitle: '統合後のリストではアクセスできなくなります',
    lostAccessBody:
      '現在の統合結果（競合はあなたの側）では、次のアドレスが許可されません。このまま保存すると、そのアドレスからはアクセスできなくなります。「変更内容の確認」で確認の入力を求めます。',
    lostSelf: '{{ip}}（サービスから見たあなたのアドレス）',
    lostProtected: '{{ip}}（保護対象: {{label}}）',
    sideBase: '変更前',
    sideMine: 'あなた',
    sideTheirs: 'サービス側',
    deleted: '削除',
    absent: 'リストにない',
    choice: 'どちらを残しますか？',
    keepMine: 'あなたの変更を残す',
    takeTheirs: 'サービス側の変更を採用',
    keepMineAll: 'すべてあなたの変更を残す',
    takeTheirsAll: 'すべてサービス側の変更を採用',
    previous: '前の競合',
    next: '次の競合',
    chosen: '{{total}} 件中 {{done}} 件を決定済み',
    continue: 'この選択で変更内容を確認…',
    continueNoConflicts: '変更内容の確認へ…',
    decideAll: 'すべての競合でどちらを残すか選ぶと、先に進めます。',
    resolving: '選択を下書きに反映しています…',
    discardHint:
      '統合をやめることもできます。その場合は下書きの変更を破棄し、サービス上のリストからやり直します。',
    discard: '下書きの変更を破棄してサービスのリストを使う…',
    discardTitle: '下書きの変更を破棄しますか？',
    discardBody:
      '競合だけでなく、この下書きのすべての変更を破棄します。その後、エディターにはサービス上の現在のリスト（リビジョン {{remote}} 以降）を表示します。元に戻すことはできません。',
    discardNothingSent: 'サービスには何も送信しません。',
    discardCancel: 'キャンセル',
    discardConfirm: '変更を破棄',
    discarding: '破棄しています…',
  },
  apply: {
    applying: 'リビジョン {{revision}} として保存しました。サービスで適用されるのを待っています…',
    elapsed: '経過 {{time}}',
    applied: 'リビジョン {{revision}} として保存し、適用されました。',
    verifying: '引き続きアクセスできるか確認しています…',
    verified:
      'リビジョン {{revision}} として保存し、適用されました。引き続きアクセスできることも確認しました。',
    offline:
      'リビジョン {{revision}} は保存しましたが、サービスに接続できないため適用を確認できません。接続が戻ったら「再確認」を押してください。',
    error:
      'リビジョン {{revision}} は保存しましたが、適用の確認に失敗しました: {{message}} 「再確認」を押してください。',
    checkAgain: '再確認',
    progressLabel: '適用待ち',
  },
  recovery: {
    title: 'サービスがこのコンピューターのアドレスを拒否しています',
    saved: 'リビジョン {{revision}} として保存し、{{time}} に適用されました。',
    lead: 'このリストはあなたのアドレス {{ip}} を許可していないため、サービスはこのコンピューターからのアクセスをログインも含めてすべて拒否しています。戻り方は2つあります。',
    howTitle: '方法1: 適用完了のメールのリセットURL',
    step1:
      'リストの適用時にサービスから管理者に届いた、適用完了のメールを開きます。メールは英語で、件名は<subject>「IP address restriction applied」</subject>で始まります。',
    step2:
      'メール本文の「Reset URL:」の行にあるリセットURLをブラウザーで開きます。IPアドレス制限が「すべてのIPアドレスを許可」に戻ります（エントリは残ります）。使えるのは適用から1時間以内に1回だけです。',
    step3: 'このアプリに戻り、「アクセスを再確認」を押します。',
    storeTitle: '方法2（cybozu.com）: サイボウズドットコム ストア',
    storeWay:
      'サイボウズドットコム ストア管理者がサイボウズドットコム ストアにログインし、「ドメイン管理」画面でIPアドレス制限を「すべて許可」に変更して保存します（cybozu.comヘルプ 記事番号:020465）。1時間を過ぎても使えます。',
    timeLeftLabel: 'リセットURLの残り時間',
    timeLeft: '残り {{time}}',
    deadline: 'リセットURLの有効期限: {{time}}（リストの適用から1時間）',
    expired:
      '適用から1時間が過ぎたため、リセットURLは使えません。方法2を使うか、アドレスが許可されている別の管理者にリストの変更を依頼してください。',
    noDeadline: 'リセットURLはリストの適用から1時間有効です。',
    checkAccess: 'アクセスを再確認',
    checking: '確認中…',
    stillLocked: 'まだアクセスを拒否されています（{{time}} に確認）。',
    backTitle: 'アクセスが戻りました',
    backBody:
      'サービスはこのコンピューターからのアクセスを再び受け付けています。保存前に有効だったリスト（リビジョン {{revision}}、{{time}}）に戻せます。戻す場合も通常どおり変更内容を確認し、送信前にあなたが確定します。',
    backBodyNoHistory:
      'サービスはこのコンピューターからのアクセスを再び受け付けています。「サービスから再取得」を押して、有効なリストを確認してください。',
    previousTitle: 'リビジョン {{revision}}（保存前）',
    restore: 'リビジョン {{revision}} に戻す…',
    keep: '現在のリストのままにする',
    restoring: '準備しています…',
  },
};
