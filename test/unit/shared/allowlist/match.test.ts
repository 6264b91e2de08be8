import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ipaddr from 'ipaddr.js';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { compileMatcher, isAllowed } from '../../../../shared/allowlist/match.ts';
import { formatIPv4 } from '../../../../shared/ip/ipv4.ts';
import { address, entryList } from '../../support/arbitraries.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

/** Independent oracle: ipaddr.js `match` over every entry. */
function naiveMatches(entries: Entry[], ip: string): number[] {
  const addr = ipaddr.IPv4.parse(ip);
  const out: number[] = [];
  entries.forEach((entry, i) => {
    if (!ipaddr.IPv4.isValidFourPartDecimal(entry.ip)) return;
    if (addr.match(ipaddr.IPv4.parse(entry.ip), entry.cidr ?? 32)) out.push(i);
  });
  return out;
}

describe('compileMatcher', () => {
  it('answers allowed and which entries match', () => {
    const m = compileMatcher([
      e('192.0.2.0', 24, 'a'),
      e('192.0.2.8', null, 'b'),
      e('198.51.100.0', 25),
      e('not an ip'),
    ]);
    expect(m.matches('192.0.2.8')).toEqual([0, 1]);
    expect(m.matches('192.0.2.9')).toEqual([0]);
    expect(m.allows('198.51.100.127')).toBe(true);
    expect(m.allows('198.51.100.128')).toBe(false);
    expect(m.allows('0.0.0.0')).toBe(false);
    expect(m.allows('255.255.255.255')).toBe(false);
    expect(m.matches(0xc0000208)).toEqual([0, 1]);
    expect(() => m.allows('1.2.3')).toThrow(RangeError);
  });

  it('covers the whole space with /0 and nothing with no entries', () => {
    expect(compileMatcher([e('0.0.0.0', 0)]).allows('255.255.255.255')).toBe(true);
    expect(compileMatcher([]).allows('8.8.8.8')).toBe(false);
  });

  it('uses the network of an entry with host bits set', () => {
    expect(compileMatcher([e('192.0.2.77', 24)]).allows('192.0.2.1')).toBe(true);
  });

  it('agrees with a naive ipaddr.js match loop (property)', () => {
    fc.assert(
      fc.property(
        entryList(),
        fc.array(address, { minLength: 1, maxLength: 20 }),
        (entries, addresses) => {
          const m = compileMatcher(entries);
          const bulk = m.allowsMany(addresses);
          addresses.forEach((v, j) => {
            const ip = formatIPv4(v);
            const expected = naiveMatches(entries, ip);
            expect(m.matches(ip)).toEqual(expected);
            expect(m.allows(v)).toBe(expected.length > 0);
            expect(bulk[j]).toBe(expected.length > 0 ? 1 : 0);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('agrees with the naive loop at every edge of the entries and of their /16 buckets (property)', () => {
    fc.assert(
      fc.property(entryList(), (entries) => {
        const m = compileMatcher(entries);
        const edges = new Set<number>([0, 0xffffffff]);
        for (const entry of entries) {
          if (!ipaddr.IPv4.isValidFourPartDecimal(entry.ip)) continue;
          const prefix = entry.cidr ?? 32;
          if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) continue;
          const size = 2 ** (32 - prefix);
          const value = ipaddr.IPv4.parse(entry.ip)
            .toByteArray()
            .reduce((a, o) => a * 256 + o, 0);
          const start = value - (value % size);
          const end = start + size - 1;
          for (const v of [start, end, start & 0xffff0000, (end | 0xffff) >>> 0])
            for (const d of [-1, 0, 1])
              if (v + d >= 0 && v + d <= 0xffffffff) edges.add((v >>> 0) + d);
        }
        for (const v of edges) {
          const expected = naiveMatches(entries, formatIPv4(v)).length > 0;
          expect(m.allowsUint32(v), formatIPv4(v)).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('coversRange agrees with checking every address of small ranges', () => {
    fc.assert(
      fc.property(entryList(20), address, fc.nat(600), (entries, start, span) => {
        const end = Math.min(start + span, 0xffffffff);
        const m = compileMatcher(entries);
        let all = true;
        for (let v = start; v <= end && all; v += 1)
          all = naiveMatches(entries, formatIPv4(v)).length > 0;
        expect(m.coversRange(start, end)).toBe(all);
      }),
      { numRuns: 150 },
    );
  });
});

describe('isAllowed', () => {
  it('ALLOW_ALL allows everyone; ALLOW_SPECIFIC needs a match', () => {
    expect(isAllowed({ mode: 'ALLOW_ALL', entries: [] }, '8.8.8.8')).toBe(true);
    expect(isAllowed({ mode: 'ALLOW_SPECIFIC', entries: [e('8.8.8.0', 24)] }, '8.8.8.8')).toBe(
      true,
    );
    expect(isAllowed({ mode: 'ALLOW_SPECIFIC', entries: [e('8.8.8.0', 24)] }, '8.8.9.8')).toBe(
      false,
    );
  });
});
