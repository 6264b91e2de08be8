import {
  DEFAULT_MAX_ENTRIES,
  MAX_MEMO_LENGTH,
  MODES,
  type Config,
  type Entry,
  type Problem,
} from './model.ts';
import { makeProblem } from './problem.ts';
import { blockEnd, entryBlock, entryLabel, formatBlock } from './network.ts';
import { blockSize, formatIPv4 } from '../ip/ipv4.ts';
import { parseIpInput, parseIPv4Strict } from '../ip/parse.ts';
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
  const ip = typeof entry.ip === 'string' ? entry.ip : '';
  const parsed = parseIpInput(ip);
  let ipValid = false;
  if (!parsed.ok) {
    problems.push({ ...parsed.problem, field: 'ip' });
  } else if (parsed.notation !== 'address') {
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
    // The value sent to the service must be unambiguous: some systems read `010` as octal 8.
    // Importing a zero-padded address converts it visibly (ZERO_PADDED_OCTET warning); an entry
    // that still holds one is refused until written in plain decimal (a fix-it offers it).
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

  if (ipValid && cidrValid) {
    const block = entryBlock(entry);
    const value = parsed.ok ? parsed.networks[0] : undefined;
    const address = parseIPv4Strict(ip);
    if (block && value && address !== null) {
      const prefix = entry.cidr ?? 32;
      if (entry.cidr !== null && block.start !== address) {
        problems.push(
          makeProblem(
            'HOST_BITS_SET',
            'warning',
            { input: value.ip, cidr: prefix, network: formatBlock(block) },
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
  }
  return problems;
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
  entries.forEach((entry, index) => {
    for (const problem of validateEntry(entry)) problems.push({ ...problem, index });
  });
  problems.push(...overlapProblems(entries));
  // List-level problems first, then by entry; the sort is stable within an entry.
  return problems.sort((a, b) => (a.index ?? -1) - (b.index ?? -1));
}

/**
 * DUPLICATE_ENTRY and COVERED_BY_ENTRY warnings, in O(n log n).
 *
 * CIDR blocks are nested or disjoint, so a sweep in (start, larger first) order with a stack of
 * open blocks finds every container; the outermost one is named.
 */
export function overlapProblems(entries: Entry[]): Problem[] {
  const items: { index: number; start: number; end: number; prefix: number }[] = [];
  entries.forEach((entry, index) => {
    const block = entryBlock(entry);
    if (block)
      items.push({ index, start: block.start, end: blockEnd(block), prefix: block.prefix });
  });
  items.sort((a, b) => a.start - b.start || a.prefix - b.prefix || a.index - b.index);
  const problems: Problem[] = [];
  const stack: typeof items = [];
  for (const item of items) {
    while (stack.length > 0 && (stack[stack.length - 1]?.end ?? -1) < item.start) stack.pop();
    const outer = stack[0];
    const top = stack[stack.length - 1];
    if (top && top.start === item.start && top.prefix === item.prefix) {
      // Same block again: the first one written (lowest index, by the sort) is the original.
      const first = stack.find((s) => s.start === item.start && s.prefix === item.prefix) ?? top;
      problems.push(
        makeProblem('DUPLICATE_ENTRY', 'warning', overlapParams(entries, item.index, first.index), {
          index: item.index,
          field: 'ip',
        }),
      );
      continue;
    }
    if (outer) {
      problems.push(
        makeProblem(
          'COVERED_BY_ENTRY',
          'warning',
          overlapParams(entries, item.index, outer.index),
          {
            index: item.index,
            field: 'ip',
          },
        ),
      );
    }
    stack.push(item);
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
