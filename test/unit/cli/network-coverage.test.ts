import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { networkCoverage } from '../../../cli/network-coverage.ts';
import { compileMatcher } from '../../../shared/allowlist/match.ts';
import { entryBlock } from '../../../shared/allowlist/network.ts';
import { blockSize, formatIPv4, networkOf } from '../../../shared/ip/ipv4.ts';
import { parseIPv4Strict } from '../../../shared/ip/parse.ts';
import { address, entryList } from '../support/arbitraries.ts';

const network = fc
  .tuple(address, fc.integer({ min: 12, max: 32 }))
  .map(([a, prefix]) => ({ ip: formatIPv4(networkOf(a, prefix)), cidr: prefix }));

const blockOf = (text: string) => {
  const [ip, prefix] = text.split('/');
  return { start: parseIPv4Strict(ip ?? '') as number, prefix: Number(prefix) };
};

/**
 * `allowlist check NETWORK` answers an access question: the invariants are that the allowed and
 * denied parts split the network exactly, and that the matcher the service's rules follow agrees
 * with every part (sampled at both ends of each block).
 */
describe('networkCoverage', () => {
  it('property: allowed + denied parts are the network, and the matcher agrees with each', () => {
    fc.assert(
      fc.property(entryList(30), network, (entries, net) => {
        const c = networkCoverage([net], entries);
        const matcher = compileMatcher(entries);
        const total = blockSize(net.cidr);
        expect(c.totalAddresses).toBe(total);
        const sum = (parts: string[]) =>
          parts.reduce((n, p) => n + blockSize(blockOf(p).prefix), 0);
        expect(sum(c.allowedParts)).toBe(c.allowedAddresses);
        expect(sum(c.allowedParts) + sum(c.deniedParts)).toBe(total);
        expect(c.coverage).toBe(
          c.allowedAddresses === 0 ? 'none' : c.allowedAddresses === total ? 'all' : 'part',
        );
        for (const part of c.allowedParts) {
          const b = blockOf(part);
          for (const a of [b.start, b.start + blockSize(b.prefix) - 1])
            expect(matcher.matches(a).length).toBeGreaterThan(0);
        }
        for (const part of c.deniedParts) {
          const b = blockOf(part);
          for (const a of [b.start, b.start + blockSize(b.prefix) - 1])
            expect(matcher.matches(a)).toEqual([]);
        }
        // The entries named are exactly those overlapping the network.
        const start = parseIPv4Strict(net.ip) as number;
        const end = start + total - 1;
        const overlapping = entries.flatMap((e, i) => {
          const b = entryBlock(e);
          return b && b.start <= end && b.start + blockSize(b.prefix) - 1 >= start ? [i] : [];
        });
        expect(c.matchIndexes).toEqual(overlapping);
      }),
      { numRuns: 300 },
    );
  });

  it('a range given as several blocks is answered as one', () => {
    const c = networkCoverage(
      [
        { ip: '192.0.2.6', cidr: 31 },
        { ip: '192.0.2.8', cidr: 31 },
      ],
      [{ ip: '192.0.2.8', cidr: 30, memo: 'x' }],
    );
    expect(c).toEqual({
      coverage: 'part',
      totalAddresses: 4,
      allowedAddresses: 2,
      allowedParts: ['192.0.2.8/31'],
      deniedParts: ['192.0.2.6/31'],
      matchIndexes: [0],
    });
  });
});
