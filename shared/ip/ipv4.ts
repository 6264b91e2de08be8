/**
 * IPv4 arithmetic on unsigned 32-bit integers.
 *
 * Addresses are plain numbers 0..2^32-1 (never negative): `>>> 0` after every bitwise step.
 * Block sizes use arithmetic, not shifts, because `1 << 32` is 1 in JavaScript.
 */

/** Number of addresses in the whole IPv4 space. */
export const IPV4_SPACE = 4294967296;

/** Format a uint32 as a dotted quad (no padding). */
export function formatIPv4(value: number): string {
  return `${(value >>> 24) & 255}.${(value >>> 16) & 255}.${(value >>> 8) & 255}.${value & 255}`;
}

/** Netmask of a prefix length 0-32 as uint32. */
export function prefixToMask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** Number of addresses in a block of this prefix length. */
export function blockSize(prefix: number): number {
  return 2 ** (32 - prefix);
}

/** Network address of `value` under `prefix`. */
export function networkOf(value: number, prefix: number): number {
  return (value & prefixToMask(prefix)) >>> 0;
}

/** Last address of the block containing `value` under `prefix`. */
export function lastOf(value: number, prefix: number): number {
  return networkOf(value, prefix) + blockSize(prefix) - 1;
}

/**
 * Prefix length of a contiguous netmask, or null when the mask's 1 bits are not all leading.
 *
 * 255.255.255.0 -> 24; 255.0.255.0 -> null.
 */
export function maskToPrefix(mask: number): number | null {
  const inverted = ~mask >>> 0;
  // A contiguous mask's complement is 2^k - 1: adding one gives a power of two.
  if ((inverted & (inverted + 1)) !== 0) return null;
  let bits = 0;
  let rest = inverted;
  while (rest !== 0) {
    bits += 1;
    rest = rest >>> 1;
  }
  return 32 - bits;
}

/** A CIDR block as numbers. */
export type Block = { start: number; prefix: number };

/**
 * The minimal set of CIDR blocks covering exactly `start..end` (inclusive), in address order.
 *
 * Greedy: from `start`, take the largest aligned block that does not pass `end`.
 */
export function rangeToBlocks(start: number, end: number): Block[] {
  const blocks: Block[] = [];
  let current = start;
  while (current <= end) {
    let prefix = 32;
    // Grow while the larger block stays aligned at `current` and inside the range.
    while (prefix > 0) {
      const size = blockSize(prefix - 1);
      if (current % size !== 0 || current + size - 1 > end) break;
      prefix -= 1;
    }
    blocks.push({ start: current, prefix });
    current += blockSize(prefix);
  }
  return blocks;
}

/**
 * The smallest CIDR block containing both addresses.
 */
export function commonSupernet(a: number, b: number): Block {
  let prefix = 32;
  while (prefix > 0 && networkOf(a, prefix) !== networkOf(b, prefix)) prefix -= 1;
  return { start: networkOf(a, prefix), prefix };
}
