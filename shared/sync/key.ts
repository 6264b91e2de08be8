import type { Entry } from '../allowlist/model.ts';
import { formatIPv4, networkOf } from '../ip/ipv4.ts';

const QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/**
 * The network an entry stands for, as a merge key.
 *
 * A valid dotted quad with a prefix 0-32 keys as its network (`10.0.0.5/24` and `10.0.0.0/24`
 * are the same network; a single address is `/32`). Anything else (an entry the admin has not
 * fixed yet) keys by its exact text, so it is never confused with another entry: `010.1.1.1` is
 * not `10.1.1.1`.
 */
export function entryKey(entry: Pick<Entry, 'ip' | 'cidr'>): string {
  const ip = entry.ip.trim();
  const prefix = entry.cidr ?? 32;
  if (QUAD.test(ip) && Number.isInteger(prefix) && prefix >= 0 && prefix <= 32) {
    const value = ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
    return `${formatIPv4(networkOf(value, prefix))}/${prefix}`;
  }
  return `raw:${entry.ip}/${entry.cidr ?? ''}`;
}
