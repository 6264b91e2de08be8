import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_MEMO_LENGTH, type Config, type Entry } from '../../../../shared/allowlist/model.ts';
import { entryBlock, formatBlock } from '../../../../shared/allowlist/network.ts';
import { makeProblem } from '../../../../shared/allowlist/problem.ts';
import {
  BROAD_PREFIX_MAX,
  listProblems,
  overlapParams,
  overlapProblems,
  validateConfig,
  validateEntry,
} from '../../../../shared/allowlist/validate.ts';
import { blockSize, formatIPv4 } from '../../../../shared/ip/ipv4.ts';
import { parseIpInput, parseIPv4Strict } from '../../../../shared/ip/parse.ts';
import { classifyBlock } from '../../../../shared/ip/special.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });
const codes = (entry: Entry) =>
  validateEntry(entry).map((p) => `${p.severity}:${p.code}:${p.field}`);
const specific = (...entries: Entry[]): Config => ({ mode: 'ALLOW_SPECIFIC', entries });

describe('validateEntry', () => {
  it.each([
    [e('8.8.8.8'), []],
    [e('8.8.8.0', 24, 'office'), []],
    [e(''), ['error:IP_REQUIRED:ip']],
    [e('::1'), ['error:IPV6_NOT_SUPPORTED:ip']],
    [e('2001:db8::1', 64), ['error:IPV6_NOT_SUPPORTED:ip', 'error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('1.2.3'), ['error:IP_TOO_FEW_PARTS:ip']],
    [e('0x7f.0.0.1'), ['error:IP_NON_DECIMAL:ip']],
    [e('1.2.3.256'), ['error:IP_OCTET_OUT_OF_RANGE:ip']],
    [e('8.8.8.8', 33), ['error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('8.8.8.8', -1), ['error:PREFIX_OUT_OF_RANGE:cidr']],
    [e('8.8.8.8', 2.5), ['error:INVALID_PREFIX:cidr']],
    [e('8.8.8.0/24'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e('8.8.8.*'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e('8.8.8.1-8.8.8.9'), ['error:IP_NOT_SINGLE_ADDRESS:ip']],
    [e(' 8.8.8.8'), ['error:IP_NOT_NORMALIZED:ip']],
    [e('８.８.８.８'), ['error:IP_NOT_NORMALIZED:ip']],
    [e('008.8.8.8'), ['error:IP_ZERO_PADDED:ip']],
    [e('192.168.010.001'), ['error:IP_ZERO_PADDED:ip']],
    [e('8.8.8.77', 24), ['warning:HOST_BITS_SET:ip']],
    [e('10.0.0.1'), ['warning:NON_GLOBAL_ADDRESS:ip']],
    [e('8.0.0.0', 7), ['warning:OVERLY_BROAD:cidr']],
    [e('0.0.0.0', 0), ['warning:OVERLY_BROAD:cidr']],
    [e('8.0.0.0', 8), []],
    [e('8.8.8.8', null, 'x'.repeat(1000)), []],
    [e('8.8.8.8', null, 'x'.repeat(1001)), ['error:MEMO_TOO_LONG:memo']],
    [e('8.8.8.8', null, '😀'.repeat(1000)), []],
  ])('%j', (entry, expected) => {
    expect(codes(entry)).toEqual(expected);
  });

  it('names the non-global reason and offers the network for host bits', () => {
    expect(validateEntry(e('192.168.1.5', 16))).toMatchObject([
      { code: 'HOST_BITS_SET', params: { network: '192.168.0.0/16' } },
      { code: 'NON_GLOBAL_ADDRESS', params: { reason: 'private', block: '192.168.0.0/16' } },
    ]);
    for (const [ip, reason] of [
      ['127.0.0.1', 'loopback'],
      ['169.254.0.9', 'linkLocal'],
      ['100.64.1.1', 'carrierGradeNat'],
      ['198.51.100.7', 'documentation'],
      ['239.1.1.1', 'multicast'],
      ['250.0.0.1', 'reserved'],
    ] as const) {
      expect(validateEntry(e(ip))[0]?.params?.reason).toBe(reason);
    }
  });

  it('offers the converted form for a network typed into the address field', () => {
    expect(validateEntry(e('8.8.8.0/24'))[0]?.message).toContain('8.8.8.0 + CIDR 24');
  });
});

describe('validateConfig', () => {
  it('adds the entry index to entry problems', () => {
    const problems = validateConfig(specific(e('8.8.8.8'), e('::1'), e('1.1.1.1', 40)));
    expect(problems.map((p) => [p.index, p.code])).toEqual([
      [1, 'IPV6_NOT_SUPPORTED'],
      [2, 'PREFIX_OUT_OF_RANGE'],
    ]);
  });

  it('refuses ALLOW_SPECIFIC with no entries but not ALLOW_ALL', () => {
    expect(validateConfig(specific()).map((p) => p.code)).toEqual(['NO_ENTRIES']);
    expect(validateConfig({ mode: 'ALLOW_ALL', entries: [] })).toEqual([]);
  });

  it('refuses an unknown mode', () => {
    expect(
      validateConfig({ mode: 'ALLOW_NONE', entries: [e('8.8.8.8')] } as unknown as Config),
    ).toMatchObject([{ code: 'INVALID_MODE', severity: 'error', field: 'mode' }]);
  });

  it('limits the number of entries (default 1,000, parameter)', () => {
    const entries = Array.from({ length: 1001 }, (_, i) =>
      e(`8.${Math.floor(i / 256)}.${i % 256}.1`),
    );
    expect(validateConfig(specific(...entries)).map((p) => p.code)).toEqual(['TOO_MANY_ENTRIES']);
    expect(validateConfig(specific(...entries.slice(0, 1000)))).toEqual([]);
    expect(validateConfig(specific(...entries.slice(0, 3)), { maxEntries: 2 })).toMatchObject([
      { code: 'TOO_MANY_ENTRIES', params: { count: 3, max: 2 } },
    ]);
  });

  it('finds duplicates by network and names the first', () => {
    const problems = validateConfig(
      specific(e('8.8.8.8'), e('9.9.9.0', 24), e('8.8.8.8', 32), e('9.9.9.5', 24)),
    );
    expect(problems.map((p) => [p.index, p.code, p.params?.otherIndex])).toEqual([
      [2, 'DUPLICATE_ENTRY', 0],
      [3, 'HOST_BITS_SET', undefined],
      [3, 'DUPLICATE_ENTRY', 1],
    ]);
  });

  it('names the covering entry, whatever the order', () => {
    const problems = validateConfig(
      specific(e('8.8.8.8', null, 'Alice'), e('8.8.0.0', 16, 'Osaka office'), e('8.9.0.1')),
    );
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      code: 'COVERED_BY_ENTRY',
      severity: 'warning',
      index: 0,
      params: { otherIndex: 1, otherNetwork: '8.8.0.0/16' },
    });
    expect(problems[0]?.message).toBe(
      'Entry 1 (8.8.8.8) is already covered by entry 2 (8.8.0.0/16, "Osaka office").',
    );
  });

  it('names the entry each one repeats or is covered by, as a pairwise definition does (property)', () => {
    // Addresses in a small space, so that blocks often repeat and nest; some entries have no block.
    const entry = fc.record({
      ip: fc.oneof(
        { weight: 9, arbitrary: fc.nat(15).map((n) => `10.0.${n >> 2}.${(n & 3) * 64}`) },
        fc.constantFrom('not an address', '10.0.0.300'),
      ),
      cidr: fc.oneof(fc.constant(null), fc.integer({ min: 20, max: 32 }), fc.constant(40)),
      memo: fc.constantFrom('', 'a', 'b'),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 14 }), (entries) => {
        const blocks = entries.map((x) => entryBlock(x));
        const span = (i: number): readonly [number, number] | null => {
          const b = blocks[i];
          return b ? [b.start, b.start + blockSize(b.prefix) - 1] : null;
        };
        const expected = entries.flatMap((_, i) => {
          const own = span(i);
          if (!own) return [];
          const same = entries.findIndex((__, j) => {
            const other = span(j);
            return j < i && other !== null && other[0] === own[0] && other[1] === own[1];
          });
          if (same >= 0)
            return [
              makeProblem('DUPLICATE_ENTRY', 'warning', overlapParams(entries, i, same), {
                index: i,
                field: 'ip',
              }),
            ];
          // The outermost block holding this one (the first written of equal ones).
          let outer = -1;
          entries.forEach((__, j) => {
            const other = span(j);
            if (j === i || other === null || other[0] > own[0] || other[1] < own[1]) return;
            if (other[0] === own[0] && other[1] === own[1]) return;
            const best = outer < 0 ? null : span(outer);
            if (best === null || other[1] - other[0] > best[1] - best[0]) outer = j;
          });
          return outer < 0
            ? []
            : [
                makeProblem('COVERED_BY_ENTRY', 'warning', overlapParams(entries, i, outer), {
                  index: i,
                  field: 'ip',
                }),
              ];
        });
        expect(overlapProblems(entries)).toEqual(expected);
      }),
      { numRuns: 5000 },
    );
  });

  it('reports coverage against a naive pairwise oracle', () => {
    // Deterministic pseudo-random lists: compare to O(n^2) containment.
    let seed = 7;
    const rand = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 30; round += 1) {
      const entries = Array.from({ length: 25 }, () => {
        const prefix = 20 + rand(13);
        return e(`8.8.${rand(4)}.${rand(256)}`, prefix === 32 ? null : prefix);
      });
      const span = (x: Entry) => {
        const v = x.ip.split('.').reduce((a, o) => a * 256 + Number(o), 0);
        const size = 2 ** (32 - (x.cidr ?? 32));
        const start = v - (v % size);
        return [start, start + size - 1] as const;
      };
      const flagged = new Set(
        validateConfig(specific(...entries))
          .filter((p) => p.code === 'COVERED_BY_ENTRY' || p.code === 'DUPLICATE_ENTRY')
          .map((p) => p.index),
      );
      entries.forEach((x, i) => {
        const [s, t] = span(x);
        const contained = entries.some((y, j) => {
          if (j === i) return false;
          const [a, b] = span(y);
          const same = a === s && b === t;
          return a <= s && t <= b && (!same || j < i);
        });
        expect(flagged.has(i)).toBe(contained);
      });
    }
  });
});

/**
 * validateEntry by its definition (as it was written before its address fast path): the address
 * through parseIpInput, valid when it is one plain address in digits and dots without a padded
 * octet; the block through entryBlock.
 */
function referenceEntryProblems(entry: Entry): ReturnType<typeof validateEntry> {
  const problems: ReturnType<typeof validateEntry> = [];
  const ip = typeof entry.ip === 'string' ? entry.ip : '';
  const parsed = parseIpInput(ip);
  let ipValid = false;
  if (!parsed.ok) problems.push({ ...parsed.problem, field: 'ip' });
  else if (parsed.notation !== 'address') {
    const suggestion = parsed.networks
      .map((n) => (n.cidr === null ? n.ip : `${n.ip} + CIDR ${n.cidr}`))
      .join('; ');
    problems.push(
      makeProblem(
        'IP_NOT_SINGLE_ADDRESS',
        'error',
        { input: ip, notation: parsed.notation, suggestion },
        { field: 'ip' },
      ),
    );
  } else if (!/^[0-9.]+$/.test(ip)) {
    const suggestion = parsed.networks[0]?.ip ?? '';
    problems.push(
      makeProblem('IP_NOT_NORMALIZED', 'error', { input: ip, suggestion }, { field: 'ip' }),
    );
  } else if (parsed.warnings.some((w) => w.code === 'ZERO_PADDED_OCTET')) {
    const suggestion = parsed.networks[0]?.ip ?? '';
    problems.push(
      makeProblem('IP_ZERO_PADDED', 'error', { input: ip, suggestion }, { field: 'ip' }),
    );
  } else {
    ipValid = true;
    problems.push(...parsed.warnings);
  }
  const cidr: unknown = entry.cidr;
  let cidrValid = cidr === null;
  if (cidr !== null) {
    if (typeof cidr !== 'number' || !Number.isInteger(cidr))
      problems.push(
        makeProblem(
          'INVALID_PREFIX',
          'error',
          { input: ip, prefix: String(cidr) },
          { field: 'cidr' },
        ),
      );
    else if (cidr < 0 || cidr > 32)
      problems.push(
        makeProblem('PREFIX_OUT_OF_RANGE', 'error', { input: ip, prefix: cidr }, { field: 'cidr' }),
      );
    else cidrValid = true;
  }
  const length = [...(typeof entry.memo === 'string' ? entry.memo : '')].length;
  if (length > MAX_MEMO_LENGTH)
    problems.push(
      makeProblem('MEMO_TOO_LONG', 'error', { length, max: MAX_MEMO_LENGTH }, { field: 'memo' }),
    );
  const block = ipValid && cidrValid ? entryBlock(entry) : null;
  if (block && parsed.ok) {
    const prefix = entry.cidr ?? 32;
    const value = parsed.networks[0]?.ip ?? '';
    if (entry.cidr !== null && block.start !== parseIPv4Strict(ip))
      problems.push(
        makeProblem(
          'HOST_BITS_SET',
          'warning',
          { input: value, cidr: prefix, network: formatBlock(block) },
          { field: 'ip' },
        ),
      );
    const special = classifyBlock(block);
    const network = entry.cidr === null ? formatIPv4(block.start) : formatBlock(block);
    if (special)
      problems.push(
        makeProblem(
          'NON_GLOBAL_ADDRESS',
          'warning',
          { network, reason: special.reason, block: special.block },
          { field: 'ip' },
        ),
      );
    if (prefix <= BROAD_PREFIX_MAX)
      problems.push(
        makeProblem(
          'OVERLY_BROAD',
          'warning',
          { network, count: blockSize(prefix).toLocaleString('en-US') },
          { field: 'cidr' },
        ),
      );
  }
  return problems;
}

describe('validation parses each address once, with the same problems', () => {
  const octet = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 255 }).map(String) },
    fc.constantFrom('00', '010', '007', '256', '999', '', ' 1', '１', '0x1', '1e2'),
  );
  const ip = fc.oneof(
    { weight: 5, arbitrary: fc.tuple(octet, octet, octet, octet).map((o) => o.join('.')) },
    fc.tuple(octet, octet, octet).map((o) => o.join('.')),
    fc.tuple(octet, octet, octet, octet, octet).map((o) => o.join('.')),
    fc.constantFrom(
      '',
      '::1',
      '10.0.0.0/8',
      '8.8.8.8 255.255.255.0',
      '8.8.8.1-8.8.8.9',
      '8.8.8.*',
      '８.８.８.８',
      ' 8.8.8.8',
      '"8.8.8.8"',
      '8.8.8.8:80',
      '8.8.8.8.',
      '.8.8.8.8',
    ),
    fc.string({ unit: fc.constantFrom('0', '1', '2', '5', '9', '.', ' '), maxLength: 16 }),
  );
  const cidr = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    { weight: 4, arbitrary: fc.integer({ min: 0, max: 32 }) },
    fc.constantFrom(33, -1, 2.5, Number.NaN, '24' as unknown as number),
  );
  const memo = fc.oneof(
    { weight: 9, arbitrary: fc.string({ maxLength: 6 }) },
    fc.constantFrom('x'.repeat(1001), '😀'.repeat(1000), '😀'.repeat(1001)),
  );
  const entry = fc.record({ ip, cidr, memo });

  it('validateEntry: the same problems as its definition, for any entry', () => {
    fc.assert(
      fc.property(entry, (x) => {
        expect(validateEntry(x)).toEqual(referenceEntryProblems(x));
      }),
      { numRuns: 5000 },
    );
  });

  it('validateConfig: the list problems, each entry problem with its index, and the overlaps of entryBlock', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const config: Config = { mode: 'ALLOW_SPECIFIC', entries };
        const expected = [
          ...listProblems(config),
          ...entries.flatMap((x, index) => referenceEntryProblems(x).map((p) => ({ ...p, index }))),
          ...overlapProblems(entries),
        ].sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
        expect(validateConfig(config)).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});
