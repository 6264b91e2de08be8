import { blockSize, formatIPv4, type Block } from './ipv4.ts';

/**
 * Why an address block is not globally reachable.
 *
 * Names follow ipaddr.js `range()` where it has one; ipaddr.js lumps documentation, benchmarking,
 * protocol assignments, 6to4 relay and 240/4 into `reserved`, which we split so the warning can
 * say which (IANA IPv4 Special-Purpose Address Registry, RFC 6890).
 */
export type NonGlobalReason =
  | 'unspecified'
  | 'private'
  | 'loopback'
  | 'linkLocal'
  | 'carrierGradeNat'
  | 'documentation'
  | 'benchmarking'
  | 'protocolAssignments'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'as112'
  | 'amt'
  | 'relay6to4';

type SpecialBlock = { reason: NonGlobalReason; start: number; prefix: number };

const q = (a: number, b: number, c: number, d: number): number =>
  ((a << 24) | (b << 16) | (c << 8) | d) >>> 0;

/** Most specific first: a /32 inside a larger block wins (broadcast inside 240/4). */
const SPECIAL_BLOCKS: SpecialBlock[] = [
  { reason: 'broadcast', start: q(255, 255, 255, 255), prefix: 32 },
  { reason: 'documentation', start: q(192, 0, 2, 0), prefix: 24 }, // RFC 5737 TEST-NET-1
  { reason: 'documentation', start: q(198, 51, 100, 0), prefix: 24 }, // TEST-NET-2
  { reason: 'documentation', start: q(203, 0, 113, 0), prefix: 24 }, // TEST-NET-3
  { reason: 'protocolAssignments', start: q(192, 0, 0, 0), prefix: 24 }, // RFC 6890
  { reason: 'relay6to4', start: q(192, 88, 99, 0), prefix: 24 }, // RFC 7526
  { reason: 'as112', start: q(192, 175, 48, 0), prefix: 24 }, // RFC 7534
  { reason: 'as112', start: q(192, 31, 196, 0), prefix: 24 }, // RFC 7535
  { reason: 'amt', start: q(192, 52, 193, 0), prefix: 24 }, // RFC 7450
  { reason: 'benchmarking', start: q(198, 18, 0, 0), prefix: 15 }, // RFC 2544
  { reason: 'linkLocal', start: q(169, 254, 0, 0), prefix: 16 }, // RFC 3927
  { reason: 'private', start: q(192, 168, 0, 0), prefix: 16 }, // RFC 1918
  { reason: 'private', start: q(172, 16, 0, 0), prefix: 12 },
  { reason: 'carrierGradeNat', start: q(100, 64, 0, 0), prefix: 10 }, // RFC 6598
  { reason: 'private', start: q(10, 0, 0, 0), prefix: 8 },
  { reason: 'loopback', start: q(127, 0, 0, 0), prefix: 8 }, // RFC 1122
  { reason: 'unspecified', start: q(0, 0, 0, 0), prefix: 8 }, // "this network", RFC 791
  { reason: 'multicast', start: q(224, 0, 0, 0), prefix: 4 }, // RFC 5771
  { reason: 'reserved', start: q(240, 0, 0, 0), prefix: 4 }, // RFC 1112
];

// Last address of each special block, computed once: classifyBlock runs for every imported row.
const SPECIAL_ENDS = SPECIAL_BLOCKS.map((b) => b.start + blockSize(b.prefix) - 1);

// For each first octet, the special blocks (indexes, in SPECIAL_BLOCKS order) holding addresses
// that start with it. A block lies inside a special block only if its first address does, so
// most blocks are compared with none (measured: the scan of all 19 was ~15 ms per 100,000
// validated entries).
const BY_FIRST_OCTET: readonly (readonly number[])[] = Array.from({ length: 256 }, (_, octet) =>
  SPECIAL_BLOCKS.flatMap((b, i) =>
    b.start >>> 24 <= octet && octet <= (SPECIAL_ENDS[i] as number) >>> 24 ? [i] : [],
  ),
);

/** A non-global classification: the reason and the special block (as CIDR text). */
export type NonGlobal = { reason: NonGlobalReason; block: string };

/**
 * Classify a block: non-global when it lies entirely inside one special-purpose block.
 *
 * A block that merely contains special space (0.0.0.0/0) is not classified here; breadth is a
 * separate warning.
 */
export function classifyBlock(block: Block): NonGlobal | null {
  const end = block.start + blockSize(block.prefix) - 1;
  for (const i of BY_FIRST_OCTET[block.start >>> 24] ?? []) {
    const special = SPECIAL_BLOCKS[i] as (typeof SPECIAL_BLOCKS)[number];
    if (block.start >= special.start && end <= (SPECIAL_ENDS[i] as number)) {
      return { reason: special.reason, block: `${formatIPv4(special.start)}/${special.prefix}` };
    }
  }
  return null;
}
