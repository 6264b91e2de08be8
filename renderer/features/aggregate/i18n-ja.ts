import type { aggregateEn } from './i18n-en.ts';

type DeepStringify<T> = { [K in keyof T]: T[K] extends string ? string : DeepStringify<T[K]> };

/**
 * Japanese strings of the aggregation planner (same keys as the English ones).
 */
export const aggregateJa: DeepStringify<typeof aggregateEn> = {
  aggregate: {
    tab: '集約',
    heading: 'エントリの集約',
    intro:
      '完全な集約は、重なっているネットワークや隣接するネットワークをまとめます。許可されるアドレスは変わらず、エントリ数だけが減ります。それでも目標の件数を超える場合は、ネットワークをより広いネットワークにまとめる案も示します。この案は新たに許可されるアドレスの合計が最も少なくなるように選んだ最適な案で、目標の件数に収まる他のどの方法よりも少なくなります。その場合、これまでどのエントリも許可していなかったアドレスが許可されるため、その数を表示します。採用する集約を選んで反映すると、下書きに1回の編集として反映されます（「元に戻す」で取り消せます）。',
    overBanner: {
      service: 'エントリが {{n}} 件あります。サービスが受け付けるのは最大 {{max}} 件です。',
      profile:
        'エントリが {{n}} 件あります。このプロファイルの上限は {{max}} 件です（プロファイルで設定）。',
      default:
        'エントリが {{n}} 件あります。通常の上限は {{max}} 件です（サービス自身の上限は、サービスからリストを取得するとわかります）。',
    },
    openPlanner: '集約案を見る…',
    target: '目標のエントリ数',
    targetHint: {
      service: 'サービスの上限は {{max}} 件です。',
      profile: 'このプロファイルの上限は {{max}} 件です（プロファイルで設定）。',
      default: '通常の上限は {{max}} 件です。サービス自身の上限はまだわかりません。',
    },
    blockedCidr: 'No.{{n}} のCIDRが数値ではありません。先に「エントリ」タブで修正してください。',
    nothing: '集約できるエントリはありません。重なりや隣接はなく、エントリ数も目標以内です。',
    exactHeading: '完全な集約（{{count}} 件）',
    exactNone: '重なっているエントリや隣接するエントリはありません。',
    widenHeading: '許可範囲が広がる集約（{{count}} 件）',
    widenNone: 'この目標では不要です。',
    entryNumber: '（No.{{n}}）',
    colAccept: '採用',
    colReplaces: '置き換えるエントリ',
    colInto: '集約後',
    colExtra: '新たに許可されるアドレス数',
    acceptLabel: '{{network}} への集約を採用',
    extraNone: 'なし（同じアドレス）',
    wideRow:
      '/16 より広い範囲: これまでどのエントリも許可していなかった {{limit}} 個を超えるアドレスが許可されます。',
    wideWarning_one:
      '{{limit}} 個を超えるアドレス（/16 より広い範囲）を新たに許可する集約が {{count}} 件あります。そのネットワーク全体にアクセスを許可してよい場合にだけ採用してください。',
    wideWarning_other:
      '{{limit}} 個を超えるアドレス（/16 より広い範囲）を新たに許可する集約が {{count}} 件あります。そのネットワーク全体にアクセスを許可してよい場合にだけ採用してください。',
    selectAll: 'すべて選択',
    selectExact: '完全な集約のみ選択',
    selectNone: '選択を解除',
    summary:
      '{{total}} 件中 {{accepted}} 件の集約を採用すると: {{entries}} 件（目標 {{target}} 件）、新たに許可されるアドレス {{extra}} 個。',
    fits: '目標以内です。',
    over: 'まだ目標を {{count}} 件超えています。',
    cannotFit:
      'すべて集約しても {{entries}} 件残り、{{target}} 件を超えます。エントリを削除するか、エラーのあるエントリを修正してください。',
    invalidKept_one:
      'エラーのあるエントリ {{count}} 件はそのまま残り、件数に含まれます。「エントリ」タブで修正してください。',
    invalidKept_other:
      'エラーのあるエントリ {{count}} 件はそのまま残り、件数に含まれます。「エントリ」タブで修正してください。',
    apply_one: '{{count}} 件の集約を反映',
    apply_other: '{{count}} 件の集約を反映',
    applied:
      '集約しました: {{before}} 件 → {{after}} 件。「確認して保存…」で保存するまでサービスは変わりません。「エントリ」タブの「元に戻す」で取り消せます。',
  },
};
