import {
  DEFAULT_MAX_ENTRIES,
  MAX_MEMO_LENGTH,
  MODES,
  type Config,
  type Entry,
  type Problem,
} from './model.ts';
import { makeProblem } from './problem.ts';
import { entryBlock, entryLabel, formatBlock } from './network.ts';
import { blockSize, formatIPv4, networkOf } from '../ip/ipv4.ts';
import { parseCanonicalIPv4, parseIpInput, parseIPv4Strict } from '../ip/parse.ts';
import { classifyBlock } from '../ip/special.ts';

/** Prefixes up to this length (/0-/7, 16M+ addresses) draw an OVERLY_BROAD warning. */
export const BROAD_PREFIX_MAX = 7;

/**
 * Problems of one entry, without its index (validateConfig adds it).
 *
 * Errors: the address is not one plain IPv4 dotted quad (with the precise parse code, IPv6 its
 * own; zero-padded octets, which are ambiguous), a prefix outside 0-32, a memo over 1,000
 * characters. Warnings: host
 * bits set (with the network offered), non-global space (with the reason), /0-/7.
 */
export function validateEntry(entry: Entry): Problem[] {
  const problems: Problem[] = [];
  checkEntry(entry, problems);
  return problems;
}

/**
 * validateEntry's checks, pushed onto `problems`; returns the entry's address as written when it
 * is canonical (the only valid form), else null.
 *
 * A canonical address (parseCanonicalIPv4: what formatIPv4 writes) is valid with no problem, and
 * it is the only one that is: any other text gets its precise error from addressProblem. So the
 * address is parsed once, allocation-free, for the entries lists mostly hold (measured: three
 * parses per entry were ~110 ms of a 100,000-row import, bench/import.bench.ts).
 */
function checkEntry(entry: Entry, problems: Problem[]): number | null {
  const ip = typeof entry.ip === 'string' ? entry.ip : '';
  const address = parseCanonicalIPv4(ip);
  if (address === null) problems.push(addressProblem(ip));

  const cidr: unknown = entry.cidr;
  let cidrValid = cidr === null;
  if (cidr !== null) {
    if (typeof cidr !== 'number' || !Number.isInteger(cidr)) {
      problems.push(
        makeProblem(
          'INVALID_PREFIX',
          'error',
          { input: ip, prefix: String(cidr) },
          { field: 'cidr' },
        ),
      );
    } else if (cidr < 0 || cidr > 32) {
      problems.push(
        makeProblem('PREFIX_OUT_OF_RANGE', 'error', { input: ip, prefix: cidr }, { field: 'cidr' }),
      );
    } else {
      cidrValid = true;
    }
  }

  const memo = typeof entry.memo === 'string' ? entry.memo : '';
  // Code points, counted only when the UTF-16 length could exceed the limit (it is never less):
  // spreading every memo into an array was a measured share of validating a 100,000-row import.
  const memoLength = memo.length > MAX_MEMO_LENGTH ? [...memo].length : memo.length;
  if (memoLength > MAX_MEMO_LENGTH) {
    problems.push(
      makeProblem(
        'MEMO_TOO_LONG',
        'error',
        { length: memoLength, max: MAX_MEMO_LENGTH },
        { field: 'memo' },
      ),
    );
  }

  if (address !== null && cidrValid) {
    const prefix = entry.cidr ?? 32;
    const block = { start: networkOf(address, prefix), prefix };
    if (entry.cidr !== null && block.start !== address) {
      problems.push(
        makeProblem(
          'HOST_BITS_SET',
          'warning',
          { input: ip, cidr: prefix, network: formatBlock(block) },
          { field: 'ip' },
        ),
      );
    }
    const special = classifyBlock(block);
    // Formatted only for a problem that names it: most entries have none.
    const network =
      special || prefix <= BROAD_PREFIX_MAX
        ? entry.cidr === null
          ? formatIPv4(block.start)
          : formatBlock(block)
        : '';
    if (special) {
      problems.push(
        makeProblem(
          'NON_GLOBAL_ADDRESS',
          'warning',
          { network, reason: special.reason, block: special.block },
          { field: 'ip' },
        ),
      );
    }
    if (prefix <= BROAD_PREFIX_MAX) {
      problems.push(
        makeProblem(
          'OVERLY_BROAD',
          'warning',
          { network, count: blockSize(prefix).toLocaleString('en-US') },
          { field: 'cidr' },
        ),
      );
    }
  }
  return address;
}

/** Why an address that is not canonical (parseCanonicalIPv4 gave null) is refused. */
function addressProblem(ip: string): Problem {
  const parsed = parseIpInput(ip);
  if (!parsed.ok) return { ...parsed.problem, field: 'ip' };
  if (parsed.notation !== 'address') {
    const suggestion = parsed.networks
      .map((n) => (n.cidr === null ? n.ip : `${n.ip} + CIDR ${n.cidr}`))
      .join('; ');
    return makeProblem(
      'IP_NOT_SINGLE_ADDRESS',
      'error',
      { input: ip, notation: parsed.notation, suggestion },
      { field: 'ip' },
    );
  }
  const suggestion = parsed.networks[0]?.ip ?? '';
  // Digits and dots only, four decimal octets 0-255 and not canonical: a zero-padded octet. The
  // value sent to the service must be unambiguous: some systems read `010` as octal 8. Importing
  // a zero-padded address converts it visibly (ZERO_PADDED_OCTET warning); an entry that still
  // holds one is refused until written in plain decimal (a fix-it offers it).
  if (/^[0-9.]+$/.test(ip))
    return makeProblem('IP_ZERO_PADDED', 'error', { input: ip, suggestion }, { field: 'ip' });
  return makeProblem('IP_NOT_NORMALIZED', 'error', { input: ip, suggestion }, { field: 'ip' });
}

/**
 * The list-level problems of a config (no `index`): unknown mode, ALLOW_SPECIFIC with no entries,
 * more entries than `maxEntries` (default 1,000, the service's documented limit; see entryLimit).
 * The one home of these rules: validateConfig, the editor's incremental validator and the import
 * all call it.
 */
export function listProblems(
  config: { mode: unknown; entries: readonly unknown[] | unknown },
  options: { maxEntries?: number } = {},
): Problem[] {
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  const problems: Problem[] = [];
  if (!(MODES as readonly unknown[]).includes(config.mode)) {
    problems.push(
      makeProblem('INVALID_MODE', 'error', { mode: String(config.mode) }, { field: 'mode' }),
    );
  }
  const count = Array.isArray(config.entries) ? config.entries.length : 0;
  if (config.mode === 'ALLOW_SPECIFIC' && count === 0) {
    problems.push(makeProblem('NO_ENTRIES', 'error', {}, { field: 'entries' }));
  }
  if (count > maxEntries) {
    problems.push(
      makeProblem('TOO_MANY_ENTRIES', 'error', { count, max: maxEntries }, { field: 'entries' }),
    );
  }
  return problems;
}

/**
 * Every problem of a config: entry problems (with `index` and `field`) and list-level ones
 * (listProblems), duplicates and entries covered by another (naming the covering entry).
 * Duplicates/coverage compare the address blocks entries cover.
 */
export function validateConfig(config: Config, options: { maxEntries?: number } = {}): Problem[] {
  const problems = listProblems(config, options);
  const entries = Array.isArray(config.entries) ? config.entries : [];
  const blocks = new EntryBlocks(entries.length);
  const own: Problem[] = [];
  for (let index = 0; index < entries.length; index++) {
    const entry = entries[index] as Entry;
    const canonical = checkEntry(entry, own);
    // Emptied only when filled: setting an array's length is a call into the runtime, and most
    // entries have no problem.
    if (own.length > 0) {
      for (const problem of own) problems.push({ ...problem, index });
      own.length = 0;
    }
    // entryBlock's block, from the address already parsed when it was canonical.
    blocks.set(index, canonical ?? parseIPv4Strict(entry.ip), entry.cidr);
  }
  problems.push(...overlapsOf(entries, blocks));
  // List-level problems first, then by entry; the sort is stable within an entry.
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

/** The block of each entry (entryBlock's, in typed arrays: no object per entry); -1: none. */
class EntryBlocks {
  readonly start: Float64Array;
  /** The block's last address. */
  readonly end: Float64Array;
  readonly prefix: Int8Array;
  constructor(length: number) {
    this.start = new Float64Array(length).fill(-1);
    this.end = new Float64Array(length);
    this.prefix = new Int8Array(length);
  }
  /** Entry `index` at `address` (parseIPv4Strict's value) with `cidr`, as entryBlock decides. */
  set(index: number, address: number | null, cidr: unknown): void {
    if (address === null) return;
    const prefix = cidr ?? 32;
    if (typeof prefix !== 'number' || !Number.isInteger(prefix) || prefix < 0 || prefix > 32)
      return;
    const start = networkOf(address, prefix);
    this.start[index] = start;
    this.end[index] = start + blockSize(prefix) - 1;
    this.prefix[index] = prefix;
  }
}

/**
 * DUPLICATE_ENTRY and COVERED_BY_ENTRY warnings, in O(n log n).
 *
 * CIDR blocks are nested or disjoint, so a sweep in (start, larger first) order with a stack of
 * open blocks finds every container; the outermost one is named.
 */
export function overlapProblems(entries: Entry[]): Problem[] {
  const blocks = new EntryBlocks(entries.length);
  entries.forEach((entry, index) => {
    const block = entryBlock(entry);
    if (block) blocks.set(index, block.start, block.prefix);
  });
  return overlapsOf(entries, blocks);
}

function overlapsOf(entries: readonly Entry[], blocks: EntryBlocks): Problem[] {
  const { start, end, prefix } = blocks;
  const before = (a: number, b: number) =>
    (start[a] as number) - (start[b] as number) ||
    (prefix[a] as number) - (prefix[b] as number) ||
    a - b;
  // Entry indexes in typed arrays (the order of the sweep, and its stack of open blocks): no
  // array grown by push for 100,000 entries.
  const all = new Int32Array(entries.length);
  let count = 0;
  let sorted = true;
  for (let i = 0; i < entries.length; i++) {
    if ((start[i] as number) < 0) continue;
    if (sorted && count > 0) sorted = before(all[count - 1] as number, i) < 0;
    all[count++] = i;
  }
  const order = all.subarray(0, count);
  // Most lists are written in address order already: then there is nothing to sort.
  if (!sorted) order.sort(before);
  const problems: Problem[] = [];
  const stack = new Int32Array(count);
  let depth = 0;
  for (let k = 0; k < count; k++) {
    const item = order[k] as number;
    while (depth > 0 && (end[stack[depth - 1] as number] as number) < (start[item] as number))
      depth--;
    const top = depth > 0 ? (stack[depth - 1] as number) : -1;
    if (top >= 0 && start[top] === start[item] && prefix[top] === prefix[item]) {
      // Same block again: the original is the first one written (lowest index, by the sort),
      // the one open on the stack (a repeat is never pushed).
      problems.push(
        makeProblem('DUPLICATE_ENTRY', 'warning', overlapParams(entries, item, top), {
          index: item,
          field: 'ip',
        }),
      );
      continue;
    }
    if (depth > 0) {
      problems.push(
        makeProblem(
          'COVERED_BY_ENTRY',
          'warning',
          overlapParams(entries, item, stack[0] as number),
          { index: item, field: 'ip' },
        ),
      );
    }
    stack[depth++] = item;
  }
  return problems.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
}

/** Params of DUPLICATE_ENTRY / COVERED_BY_ENTRY: the entry and the other one it repeats. */
export function overlapParams(
  entries: readonly Entry[],
  index: number,
  otherIndex: number,
): Record<string, string | number> {
  const entry = entries[index] as Entry;
  const other = entries[otherIndex] as Entry;
  return {
    network: entryLabel(entry),
    otherIndex,
    otherNetwork: entryLabel(other),
    otherMemo: typeof other.memo === 'string' ? other.memo : '',
  };
}
