import type { Entry } from './model.ts';
import { blockSize, formatIPv4, networkOf, type Block } from '../ip/ipv4.ts';
import { parseIPv4Strict } from '../ip/parse.ts';

/**
 * The address block an entry covers, or null when the entry is not valid.
 *
 * A single address (cidr null) is a /32. Host bits are cleared: `10.0.0.5/24` covers 10.0.0.0/24,
 * as the service applies it. Only a plain dotted quad counts (what the service accepts).
 */
export function entryBlock(entry: Pick<Entry, 'ip' | 'cidr'>): Block | null {
  if (typeof entry.ip !== 'string') return null;
  const value = parseIPv4Strict(entry.ip);
  if (value === null) return null;
  const prefix = entry.cidr ?? 32;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return null;
  return { start: networkOf(value, prefix), prefix };
}

/** First and last address (inclusive) of a block. */
export function blockEnd(block: Block): number {
  return block.start + blockSize(block.prefix) - 1;
}

/** `a.b.c.d/n` for a block. */
export function formatBlock(block: Block): string {
  return `${formatIPv4(block.start)}/${block.prefix}`;
}

/** How an entry reads to a person: `ip` or `ip/cidr`, as written. */
export function entryLabel(entry: Pick<Entry, 'ip' | 'cidr'>): string {
  return entry.cidr === null ? String(entry.ip) : `${String(entry.ip)}/${String(entry.cidr)}`;
}
