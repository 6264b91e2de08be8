import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import { classifyBlock } from '../../../../shared/ip/special.ts';
import {
  maskToPrefix,
  prefixToMask,
  rangeToBlocks,
  commonSupernet,
  formatIPv4,
} from '../../../../shared/ip/ipv4.ts';

const value = (s: string) =>
  ipaddr.IPv4.parse(s)
    .toByteArray()
    .reduce((a, o) => a * 256 + o, 0);
// ipaddr.js names several of our finer reasons 'reserved'.
const IPADDR_NAME: Record<string, string> = {
  documentation: 'reserved',
  benchmarking: 'reserved',
  protocolAssignments: 'reserved',
  relay6to4: 'reserved',
};

describe('classifyBlock', () => {
  it.each([
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['169.254.1.1', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['192.0.2.1', 'documentation'],
    ['198.51.100.1', 'documentation'],
    ['203.0.113.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['255.255.255.255', 'broadcast'],
    ['0.0.0.0', 'unspecified'],
    ['8.8.8.8', null],
    ['172.32.0.1', null],
    ['100.128.0.1', null],
  ])('%s -> %s', (ip, reason) => {
    expect(classifyBlock({ start: value(ip), prefix: 32 })?.reason ?? null).toBe(reason);
  });

  it('classifies networks only when wholly inside a special block', () => {
    expect(classifyBlock({ start: value('10.0.0.0'), prefix: 8 })).toEqual({
      reason: 'private',
      block: '10.0.0.0/8',
    });
    expect(classifyBlock({ start: value('10.0.0.0'), prefix: 7 })).toBeNull();
    expect(classifyBlock({ start: 0, prefix: 0 })).toBeNull();
  });

  it('agrees with ipaddr.js range() for every single address (property)', () => {
    const special = fc.constantFrom(
      '10',
      '127',
      '169.254',
      '100.64',
      '100.127',
      '192.0.0',
      '192.0.2',
      '198.18',
      '198.19',
      '224',
      '240',
      '255.255.255',
      '192.88.99',
      '192.175.48',
      '192.31.196',
      '192.52.193',
      '172.16',
      '172.31',
      '192.168',
      '0',
    );
    const addr = fc.oneof(
      fc.nat(0xffffffff),
      fc.tuple(special, fc.nat(0xffffffff)).map(([p, rest]) => {
        const parts = p.split('.').map(Number);
        const fill = parts.length;
        let v = parts.reduce((a, o) => a * 256 + o, 0);
        for (let i = fill; i < 4; i += 1) v = v * 256 + ((rest >>> (8 * i)) & 255);
        return v;
      }),
    );
    fc.assert(
      fc.property(addr, (v) => {
        const ours = classifyBlock({ start: v, prefix: 32 })?.reason ?? 'unicast';
        const theirs = ipaddr.IPv4.parse(formatIPv4(v)).range();
        expect(IPADDR_NAME[ours] ?? ours).toBe(theirs);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('classifyBlock of networks', () => {
  it('is the most specific special range of ipaddr.js that holds the whole block (property)', () => {
    type Range = [ipaddr.IPv4, number];
    const ranges = Object.entries(
      (ipaddr.IPv4.prototype as unknown as { SpecialRanges: Record<string, Range | Range[]> })
        .SpecialRanges,
    ).flatMap(([name, r]) =>
      (Array.isArray(r[0]) ? (r as Range[]) : [r as Range]).map(([a, prefix]) => ({
        name,
        start: value(a.toString()),
        prefix,
      })),
    );
    const near = fc
      .tuple(fc.constantFrom(...ranges), fc.nat(0xffffffff))
      .map(([r, rest]) => r.start + (rest % 2 ** (32 - r.prefix)));
    const block = fc
      .tuple(fc.oneof(near, fc.nat(0xffffffff)), fc.integer({ min: 0, max: 32 }))
      .map(([v, prefix]) => ({ start: v - (v % 2 ** (32 - prefix)), prefix }));
    fc.assert(
      fc.property(block, (b) => {
        const holding = ranges
          .filter(
            (r) => b.prefix >= r.prefix && b.start - (b.start % 2 ** (32 - r.prefix)) === r.start,
          )
          .sort((x, y) => y.prefix - x.prefix)[0];
        const ours = classifyBlock(b);
        expect(ours === null ? null : (IPADDR_NAME[ours.reason] ?? ours.reason)).toBe(
          holding?.name ?? null,
        );
        if (ours && holding)
          expect(ours.block).toBe(`${formatIPv4(holding.start)}/${holding.prefix}`);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ipv4 arithmetic', () => {
  it('maskToPrefix inverts prefixToMask and refuses holes', () => {
    for (let p = 0; p <= 32; p += 1) expect(maskToPrefix(prefixToMask(p))).toBe(p);
    expect(maskToPrefix(value('255.0.255.0'))).toBeNull();
    expect(maskToPrefix(value('0.0.0.255'))).toBeNull();
  });

  it('rangeToBlocks covers the whole space with one block', () => {
    expect(rangeToBlocks(0, 0xffffffff)).toEqual([{ start: 0, prefix: 0 }]);
  });

  it('commonSupernet contains both addresses and is the smallest (oracle: ipaddr.js match)', () => {
    fc.assert(
      fc.property(fc.nat(0xffffffff), fc.nat(0xffffffff), (a, b) => {
        const s = commonSupernet(a, b);
        const net = ipaddr.IPv4.parse(formatIPv4(s.start));
        expect(ipaddr.IPv4.parse(formatIPv4(a)).match(net, s.prefix)).toBe(true);
        expect(ipaddr.IPv4.parse(formatIPv4(b)).match(net, s.prefix)).toBe(true);
        if (s.prefix < 32) {
          const child = ipaddr.IPv4.networkAddressFromCIDR(`${formatIPv4(a)}/${s.prefix + 1}`);
          expect(ipaddr.IPv4.parse(formatIPv4(b)).match(child, s.prefix + 1)).toBe(false);
        }
      }),
    );
  });
});
