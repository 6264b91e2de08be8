import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileConfig } from '../../../../shared/allowlist/match.ts';
import type { Entry, Mode } from '../../../../shared/allowlist/model.ts';
import { formatIPv4 } from '../../../../shared/ip/ipv4.ts';
import { LogScanner, type Judged, type LogCounts } from '../../../../shared/log/scanner.ts';
import { summarizeCounts, TopCounts } from '../../../../shared/log/summary.ts';

/**
 * `allowlist impact`'s judging (LogCounts.judge, summarizeCounts) against a reference of its own:
 * membership by BigInt arithmetic on each entry as written (none of shared/allowlist's parsing,
 * merging or bucket index), counts in a plain Map, the top list by sorting everything.
 */

const QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** An entry's network as [network >> hostBits, hostBits], or null when the entry is invalid. */
function referenceBlock(entry: Entry): [bigint, bigint] | null {
  const m = typeof entry.ip === 'string' ? QUAD.exec(entry.ip) : null;
  if (m === null) return null;
  const octets = m.slice(1).map(Number);
  if (octets.some((o) => o > 255)) return null;
  const prefix = entry.cidr ?? 32;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  const value = octets.reduce((v, o) => (v << 8n) | BigInt(o), 0n);
  const hostBits = BigInt(32 - prefix);
  return [value >> hostBits, hostBits];
}

function referenceAllows(mode: Mode, entries: Entry[]): (address: number) => boolean {
  if (mode === 'ALLOW_ALL') return () => true;
  const blocks = entries.map(referenceBlock).filter((b) => b !== null);
  return (address) => blocks.some(([net, hostBits]) => BigInt(address) >> hostBits === net);
}

/** What impact must report for these counts: exact lines, distinct denied, the top `k`. */
function reference(counts: Map<number, number>, allows: (a: number) => boolean, k: number) {
  let allowed = 0;
  let denied = 0;
  const deniedPairs: [number, number][] = [];
  for (const [address, n] of counts) {
    if (allows(address)) allowed += n;
    else {
      denied += n;
      deniedPairs.push([address, n]);
    }
  }
  deniedPairs.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return {
    allowed,
    denied,
    uniqueDenied: deniedPairs.length,
    topDenied: deniedPairs
      .slice(0, Math.max(0, Math.min(k, deniedPairs.length)))
      .map(([a, count]) => ({ ip: formatIPv4(a), count })),
  };
}

/** Addresses at the edges: the ends of the space, of /16 buckets, of the networks entries make. */
const edgeAddress: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(
    0,
    1,
    0xff,
    0x100,
    0xffff,
    0x10000,
    0x7fffffff,
    0x80000000,
    0xc00002ff,
    0xc0000300,
    0xffff0000,
    0xfffffffe,
    0xffffffff,
  ),
  fc
    .tuple(
      fc.constantFrom(0, 0x0a0a0000, 0xc0000000, 0xffff0000, 0xffffff00),
      fc.integer({ min: -300, max: 0x20000 }),
    )
    .map(([base, d]) => Math.max(0, Math.min(0xffffffff, base + d))),
  fc.nat(0xffffffff),
);

/** Entries of every prefix (host bits set or not), /0 and /32, and invalid ones. */
const entry: fc.Arbitrary<Entry> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .tuple(
        edgeAddress,
        fc.oneof(fc.integer({ min: 0, max: 32 }), fc.constantFrom(null, 15, 16, 17, 31, 32)),
      )
      .map(([a, cidr]) => ({ ip: formatIPv4(a), cidr, memo: '' })),
  },
  fc.constantFrom<Entry>(
    { ip: '0.0.0.0', cidr: 0, memo: '' },
    { ip: '203.0.113.77', cidr: 0, memo: '' },
    { ip: '255.255.255.255', cidr: null, memo: '' },
    { ip: '1.2.3', cidr: 24, memo: '' },
    { ip: '1.2.3.4', cidr: 33, memo: '' },
    { ip: '1.2.3.4', cidr: -1, memo: '' },
    { ip: '1.2.3.4', cidr: 8.5, memo: '' },
    { ip: '256.0.0.1', cidr: 8, memo: '' },
    { ip: ' 10.0.0.1', cidr: 8, memo: '' },
  ),
);

const mode = fc.constantFrom<Mode>('ALLOW_SPECIFIC', 'ALLOW_SPECIFIC', 'ALLOW_ALL');

/** Counts at the module's histogram bin edges (1,023 is its last bin), huge ones, and ties. */
const lineCount = fc.oneof(
  fc.integer({ min: 1, max: 4 }),
  fc.constantFrom(1021, 1022, 1023, 1024, 1025, 2047, 65_536, 1e6, 0xfffffffe, 0xffffffff),
);

/** K around and past the number of denied addresses, and past what the module's u32 holds. */
const topK = fc.oneof(
  fc.integer({ min: 0, max: 90 }),
  fc.constantFrom(2 ** 31, 2 ** 32 - 1, 2 ** 32, 2 ** 32 + 1, 2 ** 40, Infinity),
);

const bytes = (text: string) => new TextEncoder().encode(text);

describe('judging a log against a list (an independent reference)', () => {
  it('counts, distinct denied and the top list are exact for any list, any counts and any K (property)', () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 14 }),
        mode,
        fc.uniqueArray(fc.tuple(edgeAddress, lineCount), {
          selector: (p) => p[0],
          minLength: 1,
          maxLength: 120,
        }),
        topK,
        (entries, m, pairs, k) => {
          // A table of these counts, added as a worker's table is (the lines would be billions).
          const scanner = new LogScanner();
          scanner.absorb(Uint32Array.from(pairs.flat()));
          const stats = summarizeCounts(scanner.end(), compileConfig({ mode: m, entries }), k);
          expect(stats).toMatchObject(reference(new Map(pairs), referenceAllows(m, entries), k));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('ranks many ties at a histogram bin edge by the lower address, whatever K (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(edgeAddress, { minLength: 1, maxLength: 300 }),
        fc.constantFrom(1022, 1023, 1024),
        fc.integer({ min: 0, max: 320 }),
        (addresses, n, k) => {
          const scanner = new LogScanner();
          // Half of the addresses one line fewer: the K-th may fall on either side of the tie.
          const pairs = addresses.map((a, i): [number, number] => [a, n - (i % 2)]);
          scanner.absorb(Uint32Array.from(pairs.flat()));
          const list = compileConfig({ mode: 'ALLOW_SPECIFIC', entries: [] });
          const stats = summarizeCounts(scanner.end(), list, k);
          expect(stats).toMatchObject(reference(new Map(pairs), () => false, k));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('counts lines scanned from text, a /0 and a /32 at both ends of the space', () => {
    const text =
      '0.0.0.0 a\n'.repeat(3) +
      '255.255.255.255 b\n'.repeat(1023) +
      '255.255.255.254 c\n'.repeat(1024) +
      '0.0.0.1 d\n'.repeat(1022) +
      'no address\n';
    const scanner = new LogScanner({ inputBytes: 4096 });
    scanner.push(bytes(text));
    const counts = scanner.end();
    const only = (entries: Entry[], k: number) =>
      summarizeCounts(counts, compileConfig({ mode: 'ALLOW_SPECIFIC', entries }), k);
    expect(only([{ ip: '203.0.113.77', cidr: 0, memo: '' }], 5)).toMatchObject({
      allowed: 3072,
      denied: 0,
      uniqueDenied: 0,
      topDenied: [],
    });
    expect(only([{ ip: '255.255.255.255', cidr: null, memo: '' }], 2)).toMatchObject({
      allowed: 1023,
      denied: 2049,
      uniqueDenied: 3,
      topDenied: [
        { ip: '255.255.255.254', count: 1024 },
        { ip: '0.0.0.1', count: 1022 },
      ],
    });
    expect(only([{ ip: '0.0.0.0', cidr: 32, memo: '' }], 3).topDenied).toEqual([
      { ip: '255.255.255.254', count: 1024 },
      { ip: '255.255.255.255', count: 1023 },
      { ip: '0.0.0.1', count: 1022 },
    ]);
  });
});

/**
 * The scanner as a state machine: lines pushed, the log ended, other tables absorbed, the counts
 * judged (and an old judging read again), the table read, handed off. Every answer is either the
 * model's exactly or a clear error; never another state's numbers.
 */
type Model = {
  counts: Map<number, number>;
  /** Lines with an address scanned by this scanner (not those of absorbed tables). */
  addresses: number;
  ended: boolean;
  spent: boolean;
  /** Counts taken by `end`: what they held, and whether an absorb has changed the table since. */
  taken: { counts: LogCounts; table: Map<number, number>; stale: boolean }[];
  /** Judgings: the top they must give, and whether a later judging or absorb wrote over them. */
  judged: { judged: Judged; k: number; top: [number, number][]; stale: boolean }[];
};
type Real = { scanner: LogScanner };

const pool = [0, 0xffffffff, 0xc0000201, 0xc0000301, 0x0a0affff, 0x0a0b0000, 0x08080808];
const logLines = fc.array(fc.tuple(fc.constantFrom(...pool), fc.constantFrom(1, 2, 1023, 1024)), {
  minLength: 1,
  maxLength: 4,
});
const textOf = (lines: [number, number][]) =>
  lines.map(([a, n]) => `${formatIPv4(a)} - - "GET /"\n`.repeat(n)).join('');
const addInto = (counts: Map<number, number>, lines: [number, number][]) => {
  for (const [a, n] of lines) counts.set(a, (counts.get(a) ?? 0) + n);
};
const tableOf = (c: LogCounts) => {
  const t = new Map<number, number>();
  c.table.forEach((k, n) => t.set(k, n));
  return t;
};
const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0]);
const topOf = (candidates: Uint32Array, k: number) => {
  const top = new TopCounts(k);
  for (let i = 0; i < candidates.length; i += 2)
    top.offer(candidates[i] as number, candidates[i + 1] as number);
  return top.items;
};

class Push implements fc.Command<Model, Real> {
  readonly lines: [number, number][];
  constructor(lines: [number, number][]) {
    this.lines = lines;
  }
  check = () => true;
  run(m: Model, r: Real) {
    if (m.ended) {
      expect(() => r.scanner.push(bytes(textOf(this.lines)))).toThrow(/log has ended/);
      return;
    }
    r.scanner.push(bytes(textOf(this.lines)));
    addInto(m.counts, this.lines);
    m.addresses += this.lines.reduce((s, [, n]) => s + n, 0);
  }
  toString = () => `push(${JSON.stringify(this.lines)})`;
}

class End implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real) {
    const counts = r.scanner.end();
    m.ended = true;
    expect(counts.addresses).toBe(m.addresses);
    m.taken.push({ counts, table: new Map(m.counts), stale: false });
  }
  toString = () => 'end()';
}

class Absorb implements fc.Command<Model, Real> {
  readonly lines: [number, number][];
  readonly packed: boolean;
  constructor(lines: [number, number][], packed: boolean) {
    this.lines = lines;
    this.packed = packed;
  }
  check = () => true;
  run(m: Model, r: Real) {
    const donor = new LogScanner();
    donor.push(bytes(textOf(this.lines)));
    const slots = this.packed ? donor.handOff() : donor.end().table.slotArray();
    if (m.spent) {
      expect(() => r.scanner.absorb(slots)).toThrow(/handed off/);
      return;
    }
    r.scanner.absorb(slots);
    // The table gains the lines; the scanner's own line counts do not (the caller adds those).
    addInto(m.counts, this.lines);
    m.ended = true;
    for (const t of m.taken) t.stale = true;
    for (const j of m.judged) j.stale = true;
  }
  toString = () => `absorb(${JSON.stringify(this.lines)}, ${this.packed ? 'packed' : 'slots'})`;
}

class Judge implements fc.Command<Model, Real> {
  readonly which: number;
  readonly entries: Entry[];
  readonly mode: Mode;
  readonly k: number;
  constructor(which: number, entries: Entry[], mode: Mode, k: number) {
    this.which = which;
    this.entries = entries;
    this.mode = mode;
    this.k = k;
  }
  check = (m: Readonly<Model>) => m.taken.length > 0;
  run(m: Model) {
    const taken = m.taken[this.which % m.taken.length]!;
    const list = compileConfig({ mode: this.mode, entries: this.entries });
    if (m.spent || taken.stale) {
      expect(() => taken.counts.judge(list.intervals(), this.k)).toThrow(
        m.spent ? /handed off/ : /changed \(another table was absorbed\)/,
      );
      return;
    }
    const judged = taken.counts.judge(list.intervals(), this.k);
    for (const j of m.judged) j.stale = true;
    const want = reference(taken.table, referenceAllows(this.mode, this.entries), this.k);
    expect(judged.allowedLines).toBe(want.allowed);
    expect(judged.deniedLines).toBe(want.denied);
    const tableLines = [...taken.table.values()].reduce((a, b) => a + b, 0);
    expect(judged.allowedLines + judged.deniedLines).toBe(tableLines);
    expect(judged.deniedAddresses).toBe(want.uniqueDenied);
    const top = want.topDenied.map(({ ip, count }): [number, number] => [
      [...taken.table.keys()].find((a) => formatIPv4(a) === ip)!,
      count,
    ]);
    expect(topOf(judged.topCandidates, this.k)).toEqual(top);
    m.judged.push({ judged, k: this.k, top, stale: false });
  }
  toString = () =>
    `judge(#${this.which}, ${this.mode}, ${JSON.stringify(this.entries)}, ${this.k})`;
}

class ReadJudged implements fc.Command<Model, Real> {
  readonly which: number;
  constructor(which: number) {
    this.which = which;
  }
  check = (m: Readonly<Model>) => m.judged.length > 0;
  run(m: Model) {
    const j = m.judged[this.which % m.judged.length]!;
    if (j.stale) expect(() => j.judged.topCandidates).toThrow(/written over/);
    else expect(topOf(j.judged.topCandidates, j.k)).toEqual(j.top);
  }
  toString = () => `readJudged(#${this.which})`;
}

class ReadTable implements fc.Command<Model, Real> {
  readonly which: number;
  constructor(which: number) {
    this.which = which;
  }
  check = (m: Readonly<Model>) => m.taken.length > 0;
  run(m: Model) {
    const taken = m.taken[this.which % m.taken.length]!;
    if (m.spent) {
      expect(() => tableOf(taken.counts)).toThrow(/handed off/);
      expect(() => taken.counts.table.size).toThrow(/handed off/);
    } else if (taken.stale) {
      expect(() => tableOf(taken.counts)).toThrow(/changed/);
      expect(() => taken.counts.table.size).toThrow(/changed/);
    } else {
      expect(sorted(tableOf(taken.counts))).toEqual(sorted(taken.table));
      expect(taken.counts.table.size).toBe(taken.table.size);
    }
  }
  toString = () => `readTable(#${this.which})`;
}

class HandOff implements fc.Command<Model, Real> {
  check = () => true;
  run(m: Model, r: Real) {
    if (m.spent) {
      expect(() => r.scanner.handOff()).toThrow(/handed off/);
      return;
    }
    const packed = r.scanner.handOff();
    const got = new Map<number, number>();
    for (let i = 0; i < packed.length; i += 2) {
      expect(got.has(packed[i] as number)).toBe(false);
      got.set(packed[i] as number, packed[i + 1] as number);
    }
    expect(sorted(got)).toEqual(sorted(m.counts));
    m.ended = true;
    m.spent = true;
  }
  toString = () => 'handOff()';
}

describe('the scanner, judged and handed off in any order (fast-check commands)', () => {
  it('answers exactly or refuses clearly; never another state of the table or judging', () => {
    const list = fc.array(entry, { maxLength: 6 });
    const commands = fc.commands(
      [
        logLines.map((l) => new Push(l)),
        fc.constant(new End()),
        fc.tuple(logLines, fc.boolean()).map(([l, p]) => new Absorb(l, p)),
        fc
          .tuple(fc.nat(5), list, mode, fc.integer({ min: 0, max: 8 }))
          .map(([w, e, md, k]) => new Judge(w, e, md, k)),
        fc.nat(5).map((w) => new ReadJudged(w)),
        fc.nat(5).map((w) => new ReadTable(w)),
        fc.constant(new HandOff()),
      ],
      { maxCommands: 14 },
    );
    fc.assert(
      fc.property(commands, (cmds) => {
        const model: Model = {
          counts: new Map(),
          addresses: 0,
          ended: false,
          spent: false,
          taken: [],
          judged: [],
        };
        fc.modelRun(
          () => ({ model, real: { scanner: new LogScanner({ inputBytes: 4096 }) } }),
          cmds,
        );
      }),
      { numRuns: 400 },
    );
  });
});
