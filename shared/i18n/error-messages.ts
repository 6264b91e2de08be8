/**
 * The sentences of the errors main sends over IPC (electron/ and host/): one English and one
 * Japanese text per text id. An error is a code plus parameters (shared/errors.ts); its text id
 * is the code itself, or a more precise id when one code has several causes (NOT_PULLED has
 * "never refreshed" and "another service"). Main never builds these sentences itself: AppError
 * takes its English message from here, and the renderer shows the one of the UI language.
 */
export const ERROR_MESSAGES = {
  // --- The IPC layer (electron/ipc/handle.ts) ---
  UNKNOWN_CHANNEL: {
    en: 'This request is not part of the app.',
    ja: 'このリクエストはアプリのものではありません。',
  },
  FORBIDDEN_SENDER: {
    en: 'Only the app window may make this request.',
    ja: 'このリクエストはアプリのウィンドウからのみ送信できます。',
  },
  /** The request's own fields and the contract's words (schemas are written in English). */
  INVALID_INPUT: {
    en: '{detail}',
    ja: '入力が正しくありません: {detail}',
  },
  INTERNAL: {
    en: 'Something went wrong in the app; nothing was sent.',
    ja: 'アプリで問題が発生しました。何も送信していません。',
  },
  INTERNAL_OUTPUT: {
    en: 'The app produced an unexpected answer.',
    ja: 'アプリが想定外の応答を返しました。',
  },
  // --- The service (electron/services/service-failure.ts) ---
  OFFLINE: {
    en: 'The service cannot be reached. Your draft is kept on this computer. Check the network, then try again.',
    ja: 'サービスに接続できません。下書きはこのコンピューターに保存されています。ネットワークを確認してから、もう一度お試しください。',
  },
  TIMEOUT: {
    en: 'The service did not answer in time. Check the network, then try again.',
    ja: 'サービスから時間内に応答がありませんでした。ネットワークを確認してから、もう一度お試しください。',
  },
  UNAUTHORIZED: {
    en: 'The service did not accept this profile’s login name or password. Check that they work in a browser, then enter the right password in Settings (or remove the profile and add it again).',
    ja: 'このプロファイルのログイン名またはパスワードでサービスにログインできませんでした。ブラウザーでログインできるか確かめてから、「設定」で正しいパスワードを入力してください（またはプロファイルを削除して、正しいログイン名とパスワードで追加し直してください）。',
  },
  THROTTLED: {
    en: 'Too many failed logins: the service asks to wait before trying again.',
    ja: 'ログインの失敗が多すぎるため、サービスがしばらく待つよう求めています。時間をおいてから、もう一度お試しください。',
  },
  THROTTLED_SECONDS: {
    en: 'Too many failed logins: the service asks to wait {retryAfterSeconds} seconds.',
    ja: 'ログインの失敗が多すぎるため、サービスが {retryAfterSeconds} 秒待つよう求めています。時間をおいてから、もう一度お試しください。',
  },
  IP_RESTRICTED: {
    en: 'The service refuses this computer’s address: the list in force does not allow it. Open the Reset URL in the completion e-mail, or, on cybozu.com, ask a cybozu.com Store Administrator to set the IP address restriction to “Allow all”.',
    ja: 'このコンピューターのアドレスが有効なリストに含まれていないため、サービスがアクセスを拒否しています。適用完了のメール（英語）にあるリセットURLを開くか、cybozu.comの場合はサイボウズドットコム ストア管理者にIPアドレス制限を「すべて許可」にしてもらってください。',
  },
  VALIDATION_FAILED: {
    en: 'The service refused the list: {detail}',
    ja: 'サービスがリストを受け付けませんでした: {detail}',
  },
  REVISION_CONFLICT: {
    en: 'Someone saved the list in the meantime; refresh from the service to merge.',
    ja: 'その間に別の人がリストを保存しました。サービスから再取得して統合してください。',
  },
  SERVICE_ERROR: {
    en: 'The service answered in a way the app cannot use: {detail}',
    ja: 'サービスの応答をアプリで扱えません: {detail}',
  },
  SAVE_OUTCOME_UNKNOWN: {
    en: '{detail} Refresh from the service before trying again; your draft is kept.',
    ja: '{detail} もう一度保存する前に、サービスから再取得してください。下書きは保存されています。',
  },
  SERVER_ERROR: {
    en: 'The service failed (HTTP {status}). Your draft is kept; try again later.',
    ja: 'サービスでエラーが発生しました（HTTP {status}）。下書きは保存されています。時間をおいてから、もう一度お試しください。',
  },
  // --- The OS credential store (electron/services/secrets.ts, electron/ipc/services.ts) ---
  KEYCHAIN_UNAVAILABLE: {
    en: 'The OS credential store is not available, so the password cannot be saved (it is never written to a file). Make the credential store available (on Linux, start GNOME Keyring or similar), then try again.',
    ja: 'OSの資格情報ストアを利用できないため、パスワードを保存できません（ファイルに書き込むことはありません）。資格情報ストアを使える状態にしてから（LinuxではGNOME Keyringなどを起動）、もう一度お試しください。',
  },
  KEYCHAIN_DELETE_FAILED: {
    en: 'The password could not be removed from the OS credential store.',
    ja: 'OSの資格情報ストアからパスワードを削除できませんでした。',
  },
  PASSWORD_REQUIRED: {
    en: 'The OS credential store did not return the password. Enter the password of this profile again.',
    ja: 'OSの資格情報ストアからパスワードを取得できませんでした。このプロファイルのパスワードをもう一度入力してください。',
  },
  PASSWORD_NOT_STORED: {
    en: 'No password is stored in the OS credential store for this profile and service address. Enter it again in Settings; your draft is kept.',
    ja: 'このプロファイルとサービスのアドレスのパスワードは、OSの資格情報ストアに保存されていません。「設定」でもう一度入力してください。下書きは保存されています。',
  },
  // --- Profiles (electron/services/profiles.ts) ---
  PROFILE_NOT_FOUND: {
    en: 'This profile no longer exists.',
    ja: 'このプロファイルはもう存在しません。',
  },
  URL_NOT_A_WEB_ADDRESS: {
    en: '"{url}" is not a web address. Enter the service URL, e.g. https://example.cybozu.com.',
    ja: '「{url}」はWebのアドレスではありません。https://example.cybozu.com のようにサービスのURLを入力してください。',
  },
  URL_NOT_HTTPS: {
    en: 'The service URL must start with https:// (plain http is accepted only for this computer).',
    ja: 'サービスのURLは https:// で始めてください（http:// はこのコンピューター上のサービスの場合のみ使えます）。',
  },
  URL_HAS_PATH: {
    en: 'The service URL must be the site address only, e.g. {origin} (without "{rest}"). The app adds the API path itself.',
    ja: 'サービスのURLにはサイトのアドレスだけを入力してください（例: {origin}、「{rest}」は不要）。APIのパスはアプリが付け加えます。',
  },
  LOGIN_HAS_COLON: {
    en: 'The login cannot contain ":" (the service reads everything after the first ":" as the password).',
    ja: 'ログイン名に「:」は使えません（サービスは最初の「:」より後ろをパスワードとして読みます）。',
  },
  LOGIN_NOT_PRINTABLE: {
    en: 'The login must be printable text, not empty.',
    ja: 'ログイン名には、空でない表示可能な文字を入力してください。',
  },
  PROTECTED_ADDRESS_INVALID: {
    en: 'Protected address {row} ("{input}"): {detail}',
    ja: '保護対象のアドレス {row}（「{input}」）: {detail}',
  },
  STORE_PROFILE_NO_LOGIN: {
    en: 'A cybozu.com profile saved on the cybozu.com Store has no login: the app never logs in to it.',
    ja: 'サイボウズドットコム ストアで保存するcybozu.comのプロファイルにログイン名はありません。アプリがログインすることはありません。',
  },
  STORE_PROFILE_NO_PASSWORD: {
    en: 'A cybozu.com profile saved on the cybozu.com Store needs no password: the app never logs in to it.',
    ja: 'サイボウズドットコム ストアで保存するcybozu.comのプロファイルにパスワードは不要です。アプリがログインすることはありません。',
  },
  STORE_PROFILE_NO_SERVICE: {
    en: 'This cybozu.com profile is saved by hand on the cybozu.com Store: the app has no service to call for it.',
    ja: 'このcybozu.comのプロファイルはサイボウズドットコム ストアで手作業で保存します。アプリが呼び出すサービスはありません。',
  },
  PROFILE_KIND_FIXED: {
    en: 'The kind of a profile cannot change. Add a new profile of the other kind instead.',
    ja: 'プロファイルの種類は変更できません。もう一方の種類のプロファイルを新しく追加してください。',
  },
  DEMO_NEEDS_NO_PASSWORD: {
    en: 'The demo profile needs no password.',
    ja: 'デモ用プロファイルにパスワードは不要です。',
  },
  // --- Save, plan and merge (electron/services/sync.ts, drafts.ts) ---
  NOT_PULLED: {
    en: 'There is no list from the service yet: refresh from the service first.',
    ja: 'サービスのリストをまだ取得していません。先にサービスから再取得してください。',
  },
  NOT_PULLED_SOURCE_CHANGED: {
    en: 'The service URL or login changed since the last refresh: refresh from this service first (your changes are kept and merged).',
    ja: '前回の取得の後にサービスのURLまたはログイン名が変わりました。先にこのサービスから再取得してください（変更は保持され、統合されます）。',
  },
  MERGE_PENDING: {
    en: 'The list changed on the service: resolve the merge conflicts first.',
    ja: 'サービスでリストが変更されました。先に統合の競合を解決してください。',
  },
  REVISION_NOT_IN_HISTORY: {
    en: 'This revision is not in the history.',
    ja: 'この版は履歴にありません。',
  },
  NO_MERGE: {
    en: 'There is no merge to resolve.',
    ja: '解決する統合はありません。',
  },
  UNRESOLVED_CONFLICTS: {
    en: 'Resolve every conflict first: {detail}',
    ja: '先にすべての競合を解決してください: {detail}',
  },
  PLAN_BLOCKED: {
    en: 'The list has errors the service would refuse; fix them first.',
    ja: 'リストにサービスが受け付けないエラーがあります。先に修正してください。',
  },
  NOTHING_TO_PUSH: {
    en: 'There are no changes to save.',
    ja: '保存する変更はありません。',
  },
  PLAN_STALE: {
    en: 'The list changed after this plan was made, so nothing was sent. Review the plan again.',
    ja: '変更内容を確認した後にリストが変更されたため、何も送信していません。もう一度変更内容を確認してください。',
  },
  PLAN_OUT_OF_DATE: {
    en: 'This plan is out of date, so nothing was sent. Review the new plan before saving.',
    ja: 'この変更内容は古くなっているため、何も送信していません。保存する前に新しい変更内容を確認してください。',
  },
  PLAN_SOURCE_CHANGED: {
    en: 'The service URL or login changed after the plan was made, so nothing was sent. Refresh from the service and review a new plan before saving.',
    ja: '変更内容を確認した後にサービスのURLまたはログイン名が変わったため、何も送信していません。サービスから再取得し、新しい変更内容を確認してから保存してください。',
  },
  PLAN_DRAFT_CHANGED: {
    en: 'The draft changed after the plan was made, so nothing was sent. Review the new plan before saving.',
    ja: '変更内容を確認した後に下書きが変わったため、何も送信していません。保存する前に新しい変更内容を確認してください。',
  },
  SAVE_IN_PROGRESS: {
    en: 'A save of this profile is already in progress. Wait for it to finish.',
    ja: 'このプロファイルの保存はすでに実行中です。終わるまでお待ちください。',
  },
  CONFIRMATION_REQUIRED: {
    en: 'The typed address does not match, so nothing was sent. Type it exactly as shown.',
    ja: '入力したアドレスが一致しないため、何も送信していません。表示どおりに半角で入力してください。',
  },
  LOCKOUT_CHANGED: {
    en: 'Your address changed after the plan was made (the service now sees {clientIp}, the plan had {was}), so nothing was sent. Review the plan again.',
    ja: '変更内容を確認した後にあなたのアドレスが変わった（サービスから見たアドレスは現在 {clientIp}、変更内容では {was}）ため、何も送信していません。もう一度変更内容を確認してください。',
  },
  PROTECTED_CHANGED: {
    en: 'The addresses that must keep access changed since the plan (protected addresses), and this list would not let all of them in. Review the new plan.',
    ja: '変更内容を確認した後に、アクセスを維持すべきアドレス（保護対象のアドレス）が変わり、このリストではそのすべてがアクセスできません。新しい変更内容を確認してください。',
  },
  // --- The cybozu.com hand-off (electron/services/handoff.ts) and its address check (egress.ts) ---
  HANDOFF_NOT_STORE: {
    en: 'This profile saves through the admin API, not on the cybozu.com Store.',
    ja: 'このプロファイルは管理APIで保存します。サイボウズドットコム ストアでは保存しません。',
  },
  HANDOFF_INVALID_ENTRY: {
    en: 'Entry {entry} ("{ip}"): {detail} The list in force on the cybozu.com Store holds only valid entries: check what you typed or imported.',
    ja: 'No.{entry}（「{ip}」）: {detail} サイボウズドットコム ストアで有効なリストには正しいエントリしか入りません。入力またはインポートした内容を確認してください。',
  },
  HANDOFF_INVALID_LIST: {
    en: '{detail} The list in force on the cybozu.com Store holds only valid entries: check what you typed or imported.',
    ja: '{detail} サイボウズドットコム ストアで有効なリストには正しいエントリしか入りません。入力またはインポートした内容を確認してください。',
  },
  HANDOFF_NOT_ENTERED: {
    en: 'Enter the list in force on the cybozu.com Store first: a plan compares your draft with it.',
    ja: '先にサイボウズドットコム ストアで有効なリストを入力してください。変更内容は下書きをそのリストと比べて作ります。',
  },
  HANDOFF_PLAN_OUT_OF_DATE: {
    en: 'This plan is out of date. Review the new plan first.',
    ja: 'この変更内容は古くなっています。先に新しい変更内容を確認してください。',
  },
  HANDOFF_DRAFT_CHANGED: {
    en: 'The draft changed after the plan was made. Review the new plan first.',
    ja: '変更内容を確認した後に下書きが変わりました。先に新しい変更内容を確認してください。',
  },
  HANDOFF_CHECKS_CHANGED: {
    en: 'The address-check endpoints or the protected addresses changed after the plan was made. Review the new plan first.',
    ja: '変更内容を確認した後に、アドレス確認サービスまたは保護対象のアドレスが変わりました。先に新しい変更内容を確認してください。',
  },
  HANDOFF_ADDRESS_CHANGED: {
    en: 'Your address changed since the plan (the address-check endpoints saw {was}, now {now}). Review the new plan first.',
    ja: '変更内容を確認した後にあなたのアドレスが変わりました（アドレス確認サービスの結果は {was}、現在は {now}）。先に新しい変更内容を確認してください。',
  },
  HANDOFF_ADDRESS_NOW_AGREED: {
    en: 'Your address changed since the plan (the address-check endpoints saw no agreed address, now {now}). Review the new plan first.',
    ja: '変更内容を確認した後にあなたのアドレスが変わりました（アドレス確認サービスの結果は一致していませんでしたが、現在は {now}）。先に新しい変更内容を確認してください。',
  },
  HANDOFF_ADDRESS_NO_LONGER_AGREED: {
    en: 'Your address changed since the plan (the address-check endpoints saw {was}, now no agreed address). Review the new plan first.',
    ja: '変更内容を確認した後にあなたのアドレスが変わりました（アドレス確認サービスの結果は {was} でしたが、現在は一致していません）。先に新しい変更内容を確認してください。',
  },
  HANDOFF_PLAN_BLOCKED: {
    en: 'The list has errors the cybozu.com Store would refuse; fix them first.',
    ja: 'リストにサイボウズドットコム ストアが受け付けないエラーがあります。先に修正してください。',
  },
  HANDOFF_NOTHING_TO_SAVE: {
    en: 'The draft equals the list in force: there is nothing to save.',
    ja: '下書きは有効なリストと同じです。保存するものはありません。',
  },
  HANDOFF_CONFIRMATION_REQUIRED: {
    en: 'This list removes access for an address that must keep it. Type "{phrase}" to make the file anyway.',
    ja: 'このリストでは、アクセスを維持すべきアドレスがアクセスできなくなります。それでもファイルを作成するには「{phrase}」と入力してください。',
  },
  HANDOFF_FILE_TOO_LARGE: {
    en: 'The file would be {megabytes} MB; the cybozu.com Store takes at most 10 MB. Merge entries (Merge tab) and try again.',
    ja: 'ファイルが {megabytes} MB になります。サイボウズドットコム ストアが受け付けるのは 10 MB までです。エントリを集約して（「集約」タブ）から、もう一度お試しください。',
  },
  HANDOFF_NO_PENDING_FILE: {
    en: 'No file is waiting to be saved on the cybozu.com Store.',
    ja: 'サイボウズドットコム ストアでの保存を待っているファイルはありません。',
  },
  HANDOFF_IN_FORCE_CHANGED: {
    en: 'The list in force changed after the file was made. Review a new plan and make the file again.',
    ja: 'ファイルを作成した後に有効なリストが変わりました。新しい変更内容を確認して、ファイルを作成し直してください。',
  },
  HANDOFF_NOT_FOLLOWED: {
    en: 'No save on the cybozu.com Store is being followed.',
    ja: '追跡しているサイボウズドットコム ストアでの保存はありません。',
  },
  EGRESS_NONE: {
    en: 'Name at least one address-check endpoint.',
    ja: 'アドレス確認サービスを1つ以上指定してください。',
  },
  EGRESS_TOO_MANY: {
    en: 'At most {max} address-check endpoints can be used.',
    ja: '使えるアドレス確認サービスは {max} 個までです。',
  },
  EGRESS_ENDPOINT_INVALID: {
    en: 'Endpoint {row}: {detail}',
    ja: 'アドレス確認サービス {row}: {detail}',
  },
  // --- The app's data folder (electron/services/errors.ts storeFailure) ---
  STORE_ENOTDIR: {
    en: "The draft could not be kept on this computer: a part of its path is a file, not a folder ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: パスの途中がフォルダーではなくファイルです（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_EEXIST: {
    en: "The draft could not be kept on this computer: a file is in the way where a folder should be ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: フォルダーがあるべき場所にファイルがあります（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_EISDIR: {
    en: "The draft could not be kept on this computer: a folder is in the way where a file should be ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: ファイルがあるべき場所にフォルダーがあります（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_EACCES: {
    en: "The draft could not be kept on this computer: the app may not write there ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: アプリにその場所への書き込み権限がありません（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_EPERM: {
    en: "The draft could not be kept on this computer: the app may not write there ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: アプリにその場所への書き込み権限がありません（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_EROFS: {
    en: "The draft could not be kept on this computer: the disk is read-only ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: ディスクが読み取り専用です（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  STORE_ENOSPC: {
    en: "The draft could not be kept on this computer: the disk is full ({path}). Fix the app's data folder and try again.",
    ja: '下書きをこのコンピューターに保存できませんでした: ディスクがいっぱいです（{path}）。アプリのデータフォルダーを修正してから、もう一度お試しください。',
  },
  // --- Files (electron/ipc/handlers/files.ts, electron/services/import-runner.ts, save-file.ts) ---
  IMPORT_STOPPED: {
    en: 'The import stopped unexpectedly; the draft is unchanged.',
    ja: 'インポートが予期せず停止しました。下書きは変わっていません。',
  },
  IMPORT_FILE_GONE: {
    en: 'That file is no longer open; choose it again.',
    ja: 'そのファイルはもう開かれていません。もう一度選んでください。',
  },
  EXPORT_FAILED: {
    en: 'The export failed: {detail}',
    ja: 'エクスポートできませんでした: {detail}',
  },
  EXPORT_NOT_WRITTEN: {
    en: '"{file}" could not be written ({reason}); nothing was changed on disk.',
    ja: '「{file}」を書き込めませんでした（{reason}）。ディスク上のファイルは変わっていません。',
  },
  DIALOGS_UNAVAILABLE: {
    en: 'File dialogs are not available here.',
    ja: 'ここではファイルのダイアログを使えません。',
  },
} as const satisfies Record<string, { en: string; ja: string }>;

export type ErrorTextId = keyof typeof ERROR_MESSAGES;
