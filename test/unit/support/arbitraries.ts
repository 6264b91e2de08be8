import fc from 'fast-check';
import type { Entry } from '../../../shared/allowlist/model.ts';
import { formatIPv4 } from '../../../shared/ip/ipv4.ts';

/**
 * Entries clustered in a few /16s so that overlap, nesting and adjacency are common.
 */
export const clusteredEntry: fc.Arbitrary<Entry> = fc
  .tuple(
    fc.constantFrom(0x08080000, 0xc6336400, 0x0a000000, 0xffff0000),
    fc.nat(0xffff),
    fc.integer({ min: 14, max: 33 }),
    fc.string({ maxLength: 4 }),
  )
  .map(([base, low, prefix, memo]) => ({
    ip: formatIPv4(base + low),
    cidr: prefix === 33 ? null : prefix,
    memo,
  }));

export const entryList = (maxLength = 40): fc.Arbitrary<Entry[]> =>
  fc.array(clusteredEntry, { maxLength });

/** Addresses near the clusters, plus anything. */
export const address: fc.Arbitrary<number> = fc.oneof(
  fc
    .tuple(fc.constantFrom(0x08080000, 0xc6336400, 0x0a000000, 0xffff0000), fc.nat(0x1ffff))
    .map(([b, l]) => Math.min(b + l, 0xffffffff)),
  fc.nat(0xffffffff),
);
