import type { Config } from '../../../shared/allowlist/model.ts';

/** The list in force of the preview tests: HQ's /24 and the VPN address. */
export const LIVE: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '203.0.113.0', cidr: 24, memo: 'HQ' },
    { ip: '198.51.100.7', cidr: null, memo: 'VPN' },
  ],
};

/** The draft of the preview tests: HQ narrowed to its first /25, the VPN gone. */
export const DRAFT: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [{ ip: '203.0.113.0', cidr: 25, memo: 'HQ floor 1' }],
};
