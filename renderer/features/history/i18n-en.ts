/**
 * English strings of the history screen (merged into the app's resources by i18n/setup.ts).
 */
export const historyEn = {
  history: {
    heading: 'Revisions saved to the service',
    intro:
      'Every revision saved to the service, newest first. Compare one with your draft, or restore it: restoring puts it in the draft, and the service changes only after you review and save.',
    empty: 'No revisions yet. They appear here after the first save to the service.',
    tableLabel: 'Revisions',
    colRevision: 'Revision',
    colTime: 'Saved at',
    colSummary: 'Changes',
    colEntries: 'Entries',
    colActions: 'Actions',
    live: 'On the service now',
    sourcePulled: 'Before the first save from this app',
    summaryNone: 'No changes',
    summaryAdded: '{{count}} added',
    summaryRemoved: '{{count}} removed',
    summaryMemo_one: '{{count}} memo changed',
    summaryMemo_other: '{{count}} memos changed',
    summaryMode: 'mode changed',
    entries_one: '{{count}} entry',
    entries_other: '{{count}} entries',
    compare: 'Compare',
    compareLabel: 'Compare revision {{revision}} with the draft',
    restore: 'Restore',
    restoreLabel: 'Restore revision {{revision}} into the draft',
    diffHeading: 'Revision {{revision}} compared with your draft',
    diffIntro: 'What restoring this revision would change in your draft:',
    diffSame: 'This revision is the same as your draft.',
    diffMode: 'IP address restriction: {{from}} → {{to}}',
    diffAdded: 'Would be added ({{count}})',
    diffRemoved: 'Would be removed ({{count}})',
    diffMemo: 'Memo differs ({{count}})',
    diffRewritten: 'Written differently ({{count}})',
    diffUnchanged_one: '{{count}} entry is the same in both.',
    diffUnchanged_other: '{{count}} entries are the same in both.',
    closeDiff: 'Close comparison',
    restored:
      'Revision {{revision}} is now your draft. The service is unchanged: press “Review and save…” to save it to the service (Undo on the Entries tab reverts the restore).',
  },
} as const;
