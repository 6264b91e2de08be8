/**
 * The areas of `window.allowlist` that both hosts expose to the page (the Electron preload and
 * browser mode's page bridge), sorted: the contract's areas, and `on` for events. Written out, not
 * derived from the contract, so that an area added by mistake is noticed.
 */
export const EXPOSED_AREAS = [
  'app',
  'apply',
  'draft',
  'export',
  'handoff',
  'history',
  'import',
  'merge',
  'on',
  'preview',
  'profiles',
  'sync',
];
