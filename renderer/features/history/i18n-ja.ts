import type { historyEn } from './i18n-en.ts';

type DeepStringify<T> = { [K in keyof T]: T[K] extends string ? string : DeepStringify<T[K]> };

/**
 * Japanese strings of the history screen (same keys as the English ones).
 */
export const historyJa: DeepStringify<typeof historyEn> = {
  history: {
    heading: 'サービスに保存したリビジョン',
    intro:
      'サービスに保存したすべてのリビジョンです（新しい順）。下書きと比較したり、下書きに復元したりできます。復元しても、変更内容を確認して保存するまでサービスは変わりません。',
    empty: 'リビジョンはまだありません。サービスに初めて保存すると、ここに表示されます。',
    tableLabel: 'リビジョン',
    colRevision: 'リビジョン',
    colTime: '保存日時',
    colSummary: '変更内容',
    colEntries: 'エントリ',
    colActions: '操作',
    live: '現在サービスで有効',
    unconfirmed: '未確認: 保存後に読み直したリストが一致しませんでした',
    sourcePulled: 'このアプリで初めて保存する前の状態',
    summaryNone: '変更なし',
    summaryAdded: '追加 {{count}} 件',
    summaryRemoved: '削除 {{count}} 件',
    summaryMemo_one: 'メモ変更 {{count}} 件',
    summaryMemo_other: 'メモ変更 {{count}} 件',
    summaryMode: 'IPアドレス制限の変更',
    entries_one: '{{count}} 件',
    entries_other: '{{count}} 件',
    compare: '比較',
    compareLabel: 'リビジョン {{revision}} を下書きと比較',
    restore: '復元',
    restoreLabel: 'リビジョン {{revision}} を下書きに復元',
    diffHeading: 'リビジョン {{revision}} と下書きの比較',
    diffIntro: 'このリビジョンを復元すると、下書きは次のように変わります:',
    diffSame: 'このリビジョンは下書きと同じです。',
    diffMode: 'IPアドレス制限: {{from}} → {{to}}',
    diffAdded: '追加されるエントリ（{{count}} 件）',
    diffRemoved: '削除されるエントリ（{{count}} 件）',
    diffMemo: 'メモが異なるエントリ（{{count}} 件）',
    diffRewritten: '表記が異なるエントリ（{{count}} 件）',
    diffUnchanged_one: '{{count}} 件のエントリは両方で同じです。',
    diffUnchanged_other: '{{count}} 件のエントリは両方で同じです。',
    closeDiff: '比較を閉じる',
    restored:
      'リビジョン {{revision}} を下書きに復元しました。サービスはまだ変わっていません。サービスに保存するには「確認して保存…」を押してください（「エントリ」タブの「元に戻す」で復元を取り消せます）。',
  },
};
