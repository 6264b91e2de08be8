import type { handoffEn } from './i18n-en.ts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

/**
 * Japanese strings of the hand-off (cybozu.com tenants saved on the cybozu.com Store). The Store's
 * screen names follow its Japanese help where the glossary has them (「ドメイン管理」); the others
 * carry the English label the Store shows in its English UI.
 */
export const handoffJa: Strings<typeof handoffEn> = {
  handoff: {
    kind: {
      label: 'リストの保存方法',
      api: '管理APIのあるサービス',
      apiHint: 'アプリがあなたのログイン名で、サービスの管理APIからリストを保存します。',
      store: 'cybozu.com（サイボウズドットコム ストアでアップロード）',
      storeHint:
        'cybozu.comにはIPアドレス制限の管理APIがないため、アプリがファイルを作って手順を案内し、あなたがサイボウズドットコム ストアで保存します。ログイン名とパスワードは入力も保存もしません。',
      urlHint: 'cybozu.comのアドレス（例: https://example.cybozu.com）',
    },
    inForce: {
      heading: 'サイボウズドットコム ストアで有効なリスト',
      intro:
        'cybozu.comのIPアドレス制限はアプリから取得できません。サイボウズドットコム ストアに表示されている今の有効なリスト（「ドメイン管理」→ Security & Authentication → IP Address Restrictions）を、入力するかファイルから読み込んでください。変更内容はこのリストと比べて表示されます。',
      typedLabel: '有効なエントリ（1行に1件: アドレス、CIDR、メモ。Excelからの貼り付けも可）',
      fromFile: 'ファイルからインポート…',
      parsed_one: '{{count}} 件のエントリを読み取りました。',
      parsed_other: '{{count}} 件のエントリを読み取りました。',
      use: '有効なリストとして使う',
      saving: '保存中…',
      stated: 'あなたが入力したリストです（サービスで確認したものではありません）',
      line: '有効なリスト: リビジョン {{revision}}、{{mode}}、{{count}} 件（{{time}} から）',
      restate: '有効なリストを入力し直す…',
      restateHint:
        'サイボウズドットコム ストアに表示されているリストがこれと違う場合（誰かがストアで変更した場合）は、そのリストを入力してください。下書きはそのまま残ります。',
      cancel: 'キャンセル',
    },
    egress: {
      heading: 'あなたのアドレス',
      agree: 'アドレス確認サービスから見たあなたのアドレス: {{ip}}',
      disagree:
        'アドレス確認サービスごとに違うアドレスが見えたため（{{ips}}）、あなたのアドレスは不明です。プロキシやスプリットトンネル（VPN）で通信の一部が別の経路を通ると、cybozu.comから見えるアドレスは判断できません。',
      ipv6Only:
        'アドレス確認サービスからはIPv6アドレス {{ip}} しか見えなかったため、あなたのアドレスは不明です。IPアドレス制限はIPv4アドレスのリストです。プロキシやスプリットトンネル（VPN）があると、cybozu.comからは別のアドレスが見えることがあります。',
      none: 'どのアドレス確認サービスからもパブリックIPアドレスが得られなかったため（オフライン、プロキシによる遮断、またはパブリックでないアドレスの応答）、あなたのアドレスは不明です。',
      /** Between the addresses of one list in a sentence. */
      separator: '、',
      answer: '{{url}}: {{ip}}',
      answerFailed: '{{url}}: 応答なし（{{message}}）',
      endpoints: 'アドレス確認サービス',
      endpointsHint:
        'あなたのIPv4アドレスを問い合わせる公開サービス（“what is my IP”）のURLを1行に1つ入力します。すべての結果が一致する必要があります。',
      saveEndpoints: 'アドレス確認サービスを保存',
      resetEndpoints: '既定に戻す',
      endpointsSaved: 'アドレス確認サービスを保存しました。',
      check: 'アドレスを確認',
    },
    plan: {
      intro:
        'サイボウズドットコム ストア用のファイルに入るリストです。ストアで保存するまで、{{service}} は変わりません。',
      confirm: 'サイボウズドットコム ストア用のファイルを作成',
    },
    refused: {
      title:
        '次のエントリはサイボウズドットコム ストアが受け付けないため、ファイルを作成していません:',
    },
    guide: {
      title: 'サイボウズドットコム ストアでリストを保存',
      fileReady:
        'ファイル {{file}} を用意しました（{{count}} 件、サイボウズドットコム ストアのCSV形式、Shift_JIS）。',
      allowAllReady:
        'この変更はIPアドレス制限をすべてのアドレスの許可にします。ファイルは不要です。',
      steps: '手順',
      step1:
        'サイボウズドットコム ストア（https://store.cybozu.com）にサイボウズドットコム ストア管理者としてログインします。',
      step2: '「ドメイン管理」を開きます。',
      step3: 'Security & Authentication を開きます。',
      step4: 'ドメイン {{domain}} を選びます。',
      step5: 'IP Address Restrictions の「変更」（Change）をクリックします。',
      step6: '「指定したIPアドレスのみ許可」（Allow specific IP addresses）を選びます。',
      step7: 'CSVファイル {{file}} をインポートします。',
      step8:
        'ストアに表示されたリストを確認して保存します。ストアからリセットURL（有効期限1時間）の入った適用完了のメールが送られます。',
      stepAllowAll: '「すべて許可」を選んで保存します。',
      question: 'サイボウズドットコム ストアで保存しましたか？',
      questionHint:
        'ストアで新しいリストが保存されてから答えてください。このアプリでの有効なリスト（リビジョン {{revision}}）になり、リセットURLの1時間が始まります。',
      yes: 'はい、ストアで保存しました',
      no: '保存していません（ファイルを破棄）',
      later: 'あとで答える',
      pending:
        'サイボウズドットコム ストア用のファイルが保存待ちです（{{file}}、{{time}} に作成）。',
      pendingAllowAll:
        'すべてのアドレスを許可する変更が、サイボウズドットコム ストアでの保存待ちです（{{time}} から）。',
      openGuide: 'ストアで保存しましたか？…',
    },
    saved: {
      line: 'サイボウズドットコム ストアでリビジョン {{revision}} として保存しました（{{time}}）。',
      resetLeft:
        'アクセスできなくなった場合、適用完了のメールにあるリセットURLは {{time}} ごろまで使えます（残り {{left}}）。',
      resetOver:
        'リセットURLの1時間は過ぎました。サイボウズドットコム ストア管理者は、ストアで引き続き制限を解除できます。',
      recovery: 'アクセスできなくなった場合の戻り方…',
      close: '閉じる',
      checkPage: 'このコンピューターからログインページを確認',
      checking: '確認中…',
      pageStatus: '{{url}} の応答: HTTP {{status}}',
      pageRedirect: '{{url}} の応答: HTTP {{status}}（転送先 {{location}}）',
      pageFailed: '{{url}} から応答がありません: {{message}}',
      pageJudge:
        'cybozu.comは拒否時のページを公開していないため、ステータスから判断するか、ブラウザーでページを開いて確認してください。',
    },
    recovery: {
      title: 'サイボウズドットコム ストアでの保存後にアクセスできなくなった場合',
      step3: 'このアプリに戻り、「アクセスが戻った」を押します。',
      accessBack: 'アクセスが戻った',
      accessBackHint:
        'cybozu.comに再びアクセスできるようになったら押してください。有効なリストは制限を解除した状態（「すべて許可」）になり、保存前のリストを復元できます。',
      back: 'リストに戻る',
    },
  },
};
