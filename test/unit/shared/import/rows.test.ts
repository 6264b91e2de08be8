import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatIPv4, networkOf } from '../../../../shared/ip/ipv4.ts';
import { parseIpInput, parseIPv4Strict } from '../../../../shared/ip/parse.ts';
import { importBytes } from '../../../../shared/import/index.ts';
import { plainNetwork } from '../../../../shared/import/rows.ts';
import { encode } from '../../support/make-files.ts';

describe('the fast path for plain rows agrees with the domain parser', () => {
  const octet = fc.oneof(
    fc.integer({ min: 0, max: 255 }).map(String),
    fc.constantFrom('00', '010', '256', '1e2', ' 1', '٣'),
  );
  const ip = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
  const prefix = fc.oneof(
    fc.integer({ min: 0, max: 33 }).map(String),
    fc.constantFrom('', '/24', '024', ' 24', '255.255.255.0', '-1'),
  );

  it('returns a network only when parseIpInput gives exactly that network and no warnings', () => {
    fc.assert(
      fc.property(ip, prefix, (ipText, prefixText) => {
        const fast = plainNetwork(ipText, prefixText);
        if (fast === null) return;
        const slow = parseIpInput(ipText, prefixText);
        expect(slow).toMatchObject({ ok: true, networks: [fast], warnings: [] });
      }),
      { numRuns: 3000 },
    );
  });

  it('takes exactly the rows the plain definition takes: a formatIPv4-canonical address and a 0-32 prefix without host bits', () => {
    const plainDefinition = (ipText: string, prefixText: string) => {
      const value = parseIPv4Strict(ipText);
      if (value === null || formatIPv4(value) !== ipText) return null;
      if (prefixText === '') return { ip: ipText, cidr: null };
      if (!/^(?:[0-9]|[12][0-9]|3[0-2])$/.test(prefixText)) return null;
      const cidr = Number(prefixText);
      return networkOf(value, cidr) === value ? { ip: ipText, cidr } : null;
    };
    fc.assert(
      fc.property(ip, prefix, (ipText, prefixText) => {
        expect(plainNetwork(ipText, prefixText)).toEqual(plainDefinition(ipText, prefixText));
      }),
      { numRuns: 3000 },
    );
  });

  it('takes the common cases', () => {
    expect(plainNetwork('192.0.2.0', '24')).toEqual({ ip: '192.0.2.0', cidr: 24 });
    expect(plainNetwork('192.0.2.8', '')).toEqual({ ip: '192.0.2.8', cidr: null });
    expect(plainNetwork('192.0.2.8', '24')).toBeNull(); // host bits: the parser warns
    expect(plainNetwork('010.0.2.8', '')).toBeNull(); // padded: the parser warns
  });
});

describe('list checks by row', () => {
  it('reports a memo over 1,000 characters once for its row, even when a range splits the row', async () => {
    const long = 'あ'.repeat(1001);
    const text = `IP,Memo\n192.0.2.1,ok\n10.0.0.1-10.0.0.2,${long}\n`;
    const result = await importBytes(encode(text, 'utf-8'));
    expect(
      result.problems.filter((p) => p.code === 'MEMO_TOO_LONG').map((p) => [p.row, p.severity]),
    ).toEqual([[3, 'error']]);
  });

  it('adds the full list validation by row on request', async () => {
    const text = 'IP,Memo\n198.51.100.0/24,a\n198.51.100.7,inside the first\n10.1.2.3,private\n';
    const plain = await importBytes(encode(text, 'utf-8'));
    expect(plain.problems).toEqual([]);
    const validated = await importBytes(encode(text, 'utf-8'), { validate: true });
    const codes = validated.problems.map((p) => `${p.row} ${p.code}`);
    expect(codes).toContain('3 COVERED_BY_ENTRY');
    expect(codes).toContain('4 NON_GLOBAL_ADDRESS');
  });
});
