import type { Config } from '../../../shared/allowlist/model.ts';

/**
 * The list a test service starts with: the admin's own loopback address (the service sees the
 * app at 127.0.0.1), another admin's machine at 127.0.0.2, and two offices.
 */
export const OFFICE_LIST: Config = {
  mode: 'ALLOW_SPECIFIC',
  entries: [
    { ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' },
    { ip: '127.0.0.2', cidr: null, memo: 'Second admin' },
    { ip: '160.16.0.0', cidr: 16, memo: 'Osaka office' },
    { ip: '133.242.10.8', cidr: null, memo: 'Tokyo office gateway' },
  ],
};

/** A list of `count` distinct entries (count - 1 single addresses plus the admin's own). */
export function bigList(count: number): Config {
  const entries = [{ ip: '127.0.0.1', cidr: null, memo: 'Admin workstation' }];
  for (let i = 1; i < count; i++) {
    entries.push({ ip: `11.${(i >> 8) & 255}.${i & 255}.1`, cidr: null, memo: `Branch ${i}` });
  }
  return { mode: 'ALLOW_SPECIFIC', entries };
}
