/**
 * English strings of the aggregation planner (merged into the app's resources by i18n/setup.ts).
 */
export const aggregateEn = {
  aggregate: {
    tab: 'Aggregate',
    heading: 'Aggregate entries',
    intro:
      'Exact merges join overlapping or adjacent networks: the same addresses in fewer entries. While the list is still over the target, the plan also merges networks into wider ones, choosing the merges that let in the fewest addresses in total: the plan is optimal, as no other way to reach the target lets in fewer. Each such merge lets in addresses that no entry allowed before, counted below. Accept the merges you want: they go into the draft as one edit you can undo.',
    overBanner: {
      service: 'The list has {{n}} entries; the service accepts at most {{max}}.',
      profile: 'The list has {{n}} entries; this profile’s limit is {{max}} (set in the profile).',
      default:
        'The list has {{n}} entries; the usual limit is {{max}} (the service’s own limit is known once the list is refreshed from it).',
    },
    openPlanner: 'Plan merges…',
    target: 'Target number of entries',
    targetHint: {
      service: 'The service accepts at most {{max}}.',
      profile: 'This profile’s limit is {{max}} (set in the profile).',
      default: 'The usual limit is {{max}}; the service’s own limit is not known yet.',
    },
    blockedCidr: 'Entry {{n}} has a CIDR that is not a number. Fix it on the Entries tab first.',
    nothing: 'Nothing to merge: no entries overlap or touch, and the list is within the target.',
    exactHeading: 'Exact merges ({{count}})',
    exactNone: 'No entries overlap or touch.',
    widenHeading: 'Merges that widen access ({{count}})',
    widenNone: 'None needed for this target.',
    entryNumber: '(entry {{n}})',
    colAccept: 'Accept',
    colReplaces: 'Replaces',
    colInto: 'Becomes',
    colExtra: 'Extra addresses admitted',
    acceptLabel: 'Accept the merge into {{network}}',
    extraNone: 'none (same addresses)',
    wideRow: 'Wider than a /16: lets in more than {{limit}} addresses no entry allowed before.',
    wideWarning_one:
      '{{count}} merge lets in more than {{limit}} extra addresses (more than a /16). Accept it only if that whole network should have access.',
    wideWarning_other:
      '{{count}} merges each let in more than {{limit}} extra addresses (more than a /16). Accept them only if those whole networks should have access.',
    selectAll: 'Select all',
    selectExact: 'Select exact merges only',
    selectNone: 'Clear selection',
    summary:
      'With {{accepted}} of {{total}} merges: {{entries}} entries (target {{target}}), {{extra}} extra addresses admitted.',
    fits: 'Within the target.',
    over: 'Still {{count}} over the target.',
    cannotFit:
      'Even every merge leaves {{entries}} entries, more than {{target}}. Remove entries or fix the ones with errors.',
    invalidKept_one:
      '{{count}} entry with errors is left as it is (fix it in the Entries tab); it still counts.',
    invalidKept_other:
      '{{count}} entries with errors are left as they are (fix them in the Entries tab); they still count.',
    apply_one: 'Apply {{count}} merge',
    apply_other: 'Apply {{count}} merges',
    applied:
      'Merged: {{before}} entries → {{after}}. The service is unchanged until you review and save; Undo in the Entries tab reverts the merge.',
  },
} as const;
