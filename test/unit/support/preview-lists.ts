import type { Config } from '../../../shared/allowlist/model.ts';

/** The list in force of the preview tests: an office /24 and a VPN address. */
export const LIVE: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '203.0.113.0', cidr: 24, memo: 'HQ' },
    { ip: '198.51.100.7', cidr: null, memo: 'VPN' },
  ],
};

/** The draft of the preview tests: half of the office, no VPN. */
export const DRAFT: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [{ ip: '203.0.113.0', cidr: 25, memo: 'HQ floor 1' }],
};
