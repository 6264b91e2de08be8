/**
 * Strings of the sync, merge, apply and recovery screens (English and Japanese).
 *
 * Merged into the i18n resources as `syncUi` (renderer/i18n/{en,ja}.ts). The Japanese object must
 * have exactly the English keys: `SyncStrings` makes a missing one a type error.
 */
export const syncEn = {
  state: {
    'never-pulled': 'Not read yet',
    'up-to-date': 'Up to date',
    'local-changes': 'Local changes',
    'remote-changed': 'Remote changed',
    offline: 'Offline',
    error: 'Service problem',
    checking: 'Checking…',
  },
  advice: {
    'never-pulled': 'Read the list from the service to start.',
    'up-to-date': 'The draft is the same as the list on the service.',
    'local-changes': 'Your changes are kept on this computer. Review and save when ready.',
    'remote-changed':
      'Someone saved a newer list on the service (revision {{revision}}). Refresh from the service to bring their changes in; where you both changed the same entry, you choose which to keep.',
    offline:
      'The service cannot be reached. Editing and Preview access still work, and your changes are kept on this computer; saving to the service needs the network.',
    error: 'The service answered with a problem: {{message}}',
  },
  checkNow: 'Check now',
  pullUpdated: 'The list was read from the service (revision {{revision}}).',
  pullUpToDate: 'Already up to date (revision {{revision}}).',
  pullMerged:
    'The service’s newer list (revision {{revision}}) was combined with your changes without conflicts. Review and save when ready.',
  combinedTitle: 'Combined with revision {{revision}} from the service: what each side did',
  combinedHint: 'No conflicts: both sides are now in your draft. Review and save when ready.',
  discarded:
    'Your changes were discarded. The editor shows the list on the service (revision {{revision}}).',
  discardedPullFailed:
    'Your changes were discarded, but the service’s list could not be read: {{message}} Refresh from the service when it can be reached.',
  pushMerged:
    'Not saved yet: someone saved a newer list on the service meanwhile. Their changes were combined with yours without conflicts; review the new plan.',
  pushUnconfirmed:
    'The service acknowledged revision {{revision}}, but reading the list back did not show what was sent, so the save is not confirmed (marked “unconfirmed” in the history). Your changes are kept as unsaved changes: refresh from the service to see what it holds, then review and save again.',
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
    mode: 'Mode → {{mode}}',
    more: '… and {{count}} more',
    conflictsHeading: 'Conflicts',
    conflictOf: 'Conflict {{n}} of {{total}}',
    noConflicts: 'No conflicts.',
    reason: {
      'changed-both': 'You both changed this entry.',
      'deleted-vs-changed': 'One side deleted this entry, the other changed it.',
      'added-both-different': 'You both added this network, differently.',
      mode: 'You both changed the mode, differently.',
      modeWhileEditing:
        'The mode changed on the service while you edited entries (a Reset URL turns the restriction off: “Allow all”). Decide whether your entries should be in force again.',
    },
    lostAccessTitle: 'The combined list removes access',
    lostAccessBody:
      'As combined now (your side in each conflict), the list would not let in the addresses below. Saving it would lock them out; the plan will ask you to confirm.',
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
    applying: 'Saved as revision {{revision}}. The service is applying it…',
    elapsed: 'Elapsed {{time}}',
    applied: 'Saved as revision {{revision}}, now in force.',
    verifying: 'Checking that you still have access…',
    verified: 'Saved as revision {{revision}}, now in force. Verified: you still have access.',
    offline:
      'Saved as revision {{revision}}, but the service cannot be reached to confirm it is in force.',
    error: 'Saved as revision {{revision}}, but checking it failed: {{message}}',
    checkAgain: 'Check again',
    progressLabel: 'Applying',
  },
  recovery: {
    title: 'You are locked out of the service',
    saved: 'Saved as revision {{revision}}, in force since {{time}}.',
    lead: 'This list does not allow your address {{ip}}, so the service now refuses every request from this computer.',
    howTitle: 'How to get back in',
    step1:
      'Open the e-mail the service sent to administrators when the list was applied (subject “IP address restriction applied”).',
    step2:
      'Open the Reset URL in that e-mail in a browser. It allows sign-ins from all addresses again; your entries are kept. It works once.',
    step3: 'Come back here and press “Check access again”.',
    timeLeftLabel: 'Time left to use the Reset URL',
    timeLeft: '{{time}} left',
    deadline: 'The Reset URL expires at {{time}}, one hour after the list was applied.',
    expired:
      'The one-hour window has passed: the Reset URL no longer works. Another administrator whose address is still allowed can change the list.',
    noDeadline: 'The Reset URL works for one hour after the list was applied.',
    checkAccess: 'Check access again',
    checking: 'Checking…',
    stillLocked: 'Still locked out (checked {{time}}).',
    backTitle: 'Access is back',
    backBody:
      'The service accepts this computer again. You can restore the list that was in force before the save (revision {{revision}}, {{time}}); it goes through the normal plan, and you confirm it before anything is sent.',
    backBodyNoHistory:
      'The service accepts this computer again. Refresh from the service to see the list in force.',
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
    'local-changes': 'ローカルに変更あり',
    'remote-changed': 'サービス側で変更あり',
    offline: 'オフライン',
    error: 'サービスの問題',
    checking: '確認中…',
  },
  advice: {
    'never-pulled': 'まずサービスからリストを読み込んでください。',
    'up-to-date': '下書きはサービス上のリストと同じです。',
    'local-changes':
      '変更はこのコンピューターに保存されています。準備ができたら確認して保存してください。',
    'remote-changed':
      'サービス上で新しいリスト（リビジョン {{revision}}）が保存されました。「サービスから再取得」で相手の変更を取り込んでください。同じエントリーを双方が変更した箇所は、どちらを残すか選べます。',
    offline:
      'サービスに接続できません。編集と「アクセスのプレビュー」はそのまま使えます。変更はこのコンピューターに保存されます。サービスへの保存にはネットワーク接続が必要です。',
    error: 'サービスが問題を返しました: {{message}}',
  },
  checkNow: '今すぐ確認',
  pullUpdated: 'サービスからリストを読み込みました（リビジョン {{revision}}）。',
  pullUpToDate: 'すでに最新です（リビジョン {{revision}}）。',
  pullMerged:
    'サービス上の新しいリスト（リビジョン {{revision}}）を、競合なくあなたの変更と統合しました。準備ができたら確認して保存してください。',
  combinedTitle: 'サービスのリビジョン {{revision}} と統合しました: 双方の変更',
  combinedHint:
    '競合はありません。双方の変更が下書きに入っています。準備ができたら確認して保存してください。',
  discarded:
    '変更を破棄しました。エディターにはサービス上のリスト（リビジョン {{revision}}）を表示しています。',
  discardedPullFailed:
    '変更を破棄しましたが、サービスのリストを読み込めませんでした: {{message}} 接続できるようになったら「サービスから更新」を押してください。',
  pushMerged:
    'まだ保存されていません。その間にサービス上で新しいリストが保存されました。相手の変更は競合なくあなたの変更と統合されました。新しい変更内容を確認してください。',
  pushUnconfirmed:
    'サービスはリビジョン {{revision}} として受け付けましたが、読み直したリストが送信した内容と一致しないため、保存を確認できません（履歴に「未確認」と表示）。変更は未保存の変更として残しています。サービスから更新して内容を確かめ、もう一度確認して保存してください。',
  merge: {
    title: 'サービス上のリストが変更されました',
    intro:
      '編集中に、サービス上でリビジョン {{remote}} が保存されました（下書きはリビジョン {{base}} から始まっています）。まだ何も送信していません。双方の変更を確認し、競合を解決してから変更内容を確認してください。',
    pushIntro:
      '保存は送信されませんでした。変更内容の作成後に、サービス上でリビジョン {{remote}} が保存されました（下書きはリビジョン {{base}} から始まっています）。何も上書きしていません。',
    sidesHeading: '双方の変更',
    base: '共通の起点（リビジョン {{revision}}）',
    baseSummary_one: '{{count}} 件、{{mode}}',
    baseSummary_other: '{{count}} 件、{{mode}}',
    mine: 'あなたの変更',
    theirs: '相手の変更（リビジョン {{revision}}）',
    noChanges: '変更なし。',
    mode: 'モード → {{mode}}',
    more: '… ほか {{count}} 件',
    conflictsHeading: '競合',
    conflictOf: '競合 {{n}} / {{total}}',
    noConflicts: '競合はありません。',
    reason: {
      'changed-both': '双方がこのエントリーを変更しました。',
      'deleted-vs-changed': '一方がこのエントリーを削除し、もう一方が変更しました。',
      'added-both-different': '双方がこのネットワークを異なる内容で追加しました。',
      mode: '双方がモードを異なる値に変更しました。',
      modeWhileEditing:
        'エントリーの編集中にサービス上でモードが変わりました（リセットURLを開くと制限が解除され「すべて許可」になります）。あなたのエントリーを再び有効にするかどうかを選んでください。',
    },
    lostAccessTitle: '統合後のリストではアクセスできなくなります',
    lostAccessBody:
      '現在の統合結果（競合はあなたの側）では、次のアドレスが許可されません。このまま保存すると締め出されます。変更内容の確認で確認入力を求めます。',
    lostSelf: '{{ip}}（サービスから見たあなたのアドレス）',
    lostProtected: '{{ip}}（保護アドレス: {{label}}）',
    sideBase: '変更前',
    sideMine: 'あなた',
    sideTheirs: '相手',
    deleted: '削除',
    absent: 'リストにない',
    choice: 'どちらを残しますか？',
    keepMine: '自分の変更を残す',
    takeTheirs: '相手の変更を採用',
    keepMineAll: 'すべて自分の変更を残す',
    takeTheirsAll: 'すべて相手の変更を採用',
    previous: '前の競合',
    next: '次の競合',
    chosen: '{{total}} 件中 {{done}} 件を決定済み',
    continue: 'この選択で変更内容を確認…',
    continueNoConflicts: '変更内容の確認へ…',
    decideAll: 'すべての競合でどちらを残すか選ぶと続行できます。',
    resolving: '選択を反映しています…',
    discardHint:
      'または統合をやめて、自分の変更を破棄し、サービス上のリストからやり直すこともできます。',
    discard: '自分の変更を破棄してサービスのリストを使う…',
    discardTitle: '変更を破棄しますか？',
    discardBody:
      '競合だけでなく、この下書きのすべての変更が破棄されます。その後、エディターにはサービス上の現在のリスト（リビジョン {{remote}} 以降）が表示されます。元に戻すことはできません。',
    discardNothingSent: 'サービスには何も送信しません。',
    discardCancel: 'キャンセル',
    discardConfirm: '変更を破棄',
    discarding: '破棄しています…',
  },
  apply: {
    applying: 'リビジョン {{revision}} として保存しました。サービスで適用しています…',
    elapsed: '経過 {{time}}',
    applied: 'リビジョン {{revision}} として保存し、適用されました。',
    verifying: 'アクセスできることを確認しています…',
    verified:
      'リビジョン {{revision}} として保存し、適用されました。確認済み: 引き続きアクセスできます。',
    offline:
      'リビジョン {{revision}} は保存されましたが、サービスに接続できないため適用を確認できません。',
    error: 'リビジョン {{revision}} は保存されましたが、確認に失敗しました: {{message}}',
    checkAgain: '再確認',
    progressLabel: '適用中',
  },
  recovery: {
    title: 'サービスからロックアウトされています',
    saved: 'リビジョン {{revision}} として保存し、{{time}} から適用されています。',
    lead: 'このリストはあなたのアドレス {{ip}} を許可していないため、サービスはこのコンピューターからのすべての要求を拒否しています。',
    howTitle: '復旧の手順',
    step1:
      'リストの適用時にサービスが管理者へ送ったメール（件名「IP address restriction applied」）を開きます。',
    step2:
      'メールにあるリセット URL をブラウザーで開きます。すべてのアドレスからのサインインが再び許可されます（エントリーは残ります）。使えるのは 1 回だけです。',
    step3: 'ここに戻り「アクセスを再確認」を押します。',
    timeLeftLabel: 'リセット URL の残り時間',
    timeLeft: '残り {{time}}',
    deadline: 'リセット URL の有効期限は {{time}} です（リストの適用から 1 時間）。',
    expired:
      '1 時間の有効期間が過ぎたため、リセット URL は使えません。アドレスが許可されている別の管理者がリストを変更できます。',
    noDeadline: 'リセット URL はリストの適用から 1 時間有効です。',
    checkAccess: 'アクセスを再確認',
    checking: '確認中…',
    stillLocked: 'まだロックアウトされています（{{time}} に確認）。',
    backTitle: 'アクセスが戻りました',
    backBody:
      'サービスはこのコンピューターを再び受け付けています。保存前に適用されていたリスト（リビジョン {{revision}}、{{time}}）に戻せます。通常の変更内容の確認を経て、送信前にあなたが確定します。',
    backBodyNoHistory:
      'サービスはこのコンピューターを再び受け付けています。「サービスから更新」で適用中のリストを確認してください。',
    previousTitle: 'リビジョン {{revision}}（保存前）',
    restore: 'リビジョン {{revision}} に戻す…',
    keep: '現在のリストのままにする',
    restoring: '準備しています…',
  },
};
