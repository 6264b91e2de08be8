import type { Problem } from '../allowlist/model.ts';
import { makeProblem } from '../allowlist/problem.ts';
import { formatIPv4, maskToPrefix, networkOf, rangeToBlocks } from './ipv4.ts';

/**
 * Parsing of IPv4 addresses and networks as people write them.
 *
 * Hand-written on purpose: ipaddr.js's `parse` is lenient (it reads `0x7f.1`, `1.2.3` and octal
 * `010`), which the allowlist must refuse or read as decimal. Each part here is decimal or an
 * error, never reinterpreted.
 */

/** A network: `ip` a normalized dotted quad; `cidr` null for a single address without prefix. */
export type Network = { ip: string; cidr: number | null };

export type Notation = 'address' | 'cidr' | 'netmask' | 'range' | 'wildcard';

export type ParseOutcome =
  | { ok: true; networks: Network[]; warnings: Problem[]; notation: Notation }
  | { ok: false; problem: Problem };

type Failure = { ok: false; problem: Problem };
type Octets = { ok: true; value: number; padded: boolean };

const QUOTES =
  /^["'`\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f]+|["'`\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f]+$/g;
// Hyphen-like characters NFKC leaves alone, plus the wave dash used for ranges in Japanese text.
const DASHES = /[\u2010-\u2015\u2212\u301c~]/g;

/**
 * Clean what a person typed: NFKC (full-width digits and punctuation), dashes, quotes, spaces.
 */
export function normalizeInput(text: string): string {
  let s = text.normalize('NFKC').replace(DASHES, '-');
  let previous = '';
  while (previous !== s) {
    previous = s;
    s = s.trim().replace(QUOTES, '');
  }
  return s
    .replace(/\s+/g, ' ')
    .replace(/\s*([/\-*])\s*/g, '$1')
    .replace(/\s*\.\s*/g, '.');
}

/**
 * A plain dotted quad (four decimal parts of 1-3 digits, each 0-255) as uint32, else null.
 *
 * No spaces, no prefix, no hex/octal/short forms. Zero-padded parts (`010`) are decimal.
 */
export function parseIPv4Strict(text: string): number | null {
  const value = typeof text === 'string' ? dottedQuadValue(text) : -1;
  return value < 0 ? null : value;
}

/**
 * parseIPv4Strict's value, -1 for anything else: one pass, one test per character (a digit, or
 * a dot closing an octet of 1-3 digits worth at most 255). Hand-written (no regex, no null): it
 * is the hot path of string lookups in the matcher (bench/matcher.bench.ts).
 */
function dottedQuadValue(text: string): number {
  const length = text.length;
  if (length < 7 || length > 15) return -1;
  let value = 0;
  let octet = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d >= 0 && d <= 9) {
      octet = octet * 10 + d;
      if (++digits > 3) return -1;
    } else if (d === -2 /* . */ && digits > 0 && octet <= 255 && dots < 3) {
      value = value * 256 + octet;
      octet = 0;
      digits = 0;
      dots++;
    } else return -1;
  }
  if (dots !== 3 || digits === 0 || octet > 255) return -1;
  return value * 256 + octet;
}

/**
 * The address `text` written canonically (what formatIPv4 writes: four decimal octets 0-255, no
 * leading zero, nothing else), as uint32; else null. Allocates nothing: it is the one parse of
 * most addresses an import or a validation sees (parseIpInput's fast path, rows.ts, validate.ts).
 */
export function parseCanonicalIPv4(text: string): number | null {
  if (typeof text !== 'string') return null;
  const length = text.length;
  if (length < 7 || length > 15) return null;
  let value = 0;
  let i = 0;
  for (let part = 0; part < 4; part++) {
    if (part > 0) {
      if (text.charCodeAt(i) !== 46) return null;
      i++;
    }
    const start = i;
    let octet = 0;
    while (i < length && i - start < 4) {
      const d = text.charCodeAt(i) - 48;
      if (d < 0 || d > 9) break;
      octet = octet * 10 + d;
      i++;
    }
    const digits = i - start;
    if (digits === 0 || digits > 3 || octet > 255) return null;
    if (digits > 1 && text.charCodeAt(start) === 48) return null;
    value = value * 256 + octet;
  }
  return i === length ? value : null;
}

function fail(
  code: string,
  params: Record<string, string | number>,
  field: 'ip' | 'cidr' = 'ip',
): Failure {
  return { ok: false, problem: makeProblem(code, 'error', params, { field }) };
}

/** Four decimal parts to uint32, with a precise problem for each way it can be wrong. */
function parseOctets(text: string, input: string): Octets | Failure {
  const parts = text.split('.');
  for (const part of parts) {
    if (/^0x/i.test(part)) return fail('IP_NON_DECIMAL', { input, part });
  }
  for (const part of parts) {
    if (!/^\d+$/.test(part)) return fail('INVALID_IP', { input });
  }
  if (parts.length < 4) return fail('IP_TOO_FEW_PARTS', { input, parts: parts.length });
  if (parts.length > 4) return fail('IP_TOO_MANY_PARTS', { input, parts: parts.length });
  let value = 0;
  let padded = false;
  for (const part of parts) {
    const octet = Number(part);
    if (octet > 255)
      return fail('IP_OCTET_OUT_OF_RANGE', { input, octet: part.replace(/^0+(?=\d)/, '') });
    if (part.length > 1 && part.startsWith('0')) padded = true;
    value = value * 256 + octet;
  }
  return { ok: true, value, padded };
}

/** A prefix (`24`, `/24`) or a netmask (`255.255.255.0`) to a prefix length. */
function parsePrefix(
  raw: string,
  input: string,
): { ok: true; cidr: number; netmask: boolean } | Failure {
  const text = raw.replace(/^\//, '');
  if (/^\d+$/.test(text)) {
    const cidr = Number(text);
    if (cidr > 32)
      return fail('PREFIX_OUT_OF_RANGE', { input, prefix: text.replace(/^0+(?=\d)/, '') }, 'cidr');
    return { ok: true, cidr, netmask: false };
  }
  if (/^-\d+$/.test(text)) return fail('PREFIX_OUT_OF_RANGE', { input, prefix: text }, 'cidr');
  if (text.includes('.')) {
    const mask = parseOctets(text, text);
    if (!mask.ok) return fail('INVALID_PREFIX', { input, prefix: raw }, 'cidr');
    const cidr = maskToPrefix(mask.value);
    if (cidr === null)
      return fail('NETMASK_NOT_CONTIGUOUS', { input, mask: formatIPv4(mask.value) }, 'cidr');
    return { ok: true, cidr, netmask: true };
  }
  return fail('INVALID_PREFIX', { input, prefix: raw }, 'cidr');
}

function separatePrefix(prefix: string | number | null | undefined): string | null {
  if (prefix === null || prefix === undefined) return null;
  if (typeof prefix === 'number') return Number.isFinite(prefix) ? String(prefix) : 'NaN';
  const text = normalizeInput(prefix);
  return text === '' ? null : text;
}

function paddedWarning(input: string, parts: { value: number; padded: boolean }[]): Problem[] {
  if (!parts.some((p) => p.padded)) return [];
  const normalized = parts.map((p) => formatIPv4(p.value)).join(' - ');
  return [makeProblem('ZERO_PADDED_OCTET', 'warning', { input, normalized }, { field: 'ip' })];
}

function looksLikeIPv6(text: string): boolean {
  return /^[0-9a-f]*:[0-9a-f:.]*(%\w+)?(\/\d+)?$/i.test(text);
}

/**
 * Parse one address field as a person wrote it, with an optional separate prefix/netmask column.
 *
 * Accepts `a.b.c.d`, `a.b.c.d/n`, `a.b.c.d/255.255.255.0`, `a.b.c.d 255.255.255.0`, ranges
 * `a.b.c.d-e.f.g.h` and `a.b.c.d - h` (converted to the minimal CIDR set), wildcards `a.b.c.*`
 * and `a.b.*.*`, full-width characters, stray spaces and quotes. Refuses IPv6, hex/octal/short
 * forms, octets over 255, prefixes outside 0-32 and non-contiguous masks, each with its own code.
 * A network written with host bits set keeps its address and gets a HOST_BITS_SET warning.
 */
export function parseIpInput(text: string, prefix?: string | number | null): ParseOutcome {
  // Fast path for what most inputs are: a canonical dotted quad alone. For exactly these the
  // full path below returns this one address with no warnings; it costs NFKC and several
  // regexes, which dominated validating a 100,000-row import (bench/import.bench.ts).
  if (
    (prefix === undefined || prefix === null || prefix === '') &&
    parseCanonicalIPv4(text) !== null
  )
    return { ok: true, networks: [{ ip: text, cidr: null }], warnings: [], notation: 'address' };
  const input = typeof text === 'string' ? normalizeInput(text) : '';
  const extra = separatePrefix(prefix);
  if (input === '') return fail('IP_REQUIRED', {});

  if (input.includes(':')) {
    const port = /^(\d+\.\d+\.\d+\.\d+):(\d+)$/.exec(input);
    if (port) return fail('IP_WITH_PORT', { input, port: port[2] ?? '' });
    if (looksLikeIPv6(input)) return fail('IPV6_NOT_SUPPORTED', { input });
    return fail('INVALID_IP', { input });
  }

  const negative = /\/(-\d+)$/.exec(input);
  if (negative) return fail('PREFIX_OUT_OF_RANGE', { input, prefix: negative[1] ?? '' }, 'cidr');
  if (input.includes('-')) return parseRange(input, extra);
  if (input.includes('*')) return parseWildcard(input, extra);

  let address = input;
  let prefixText = extra;
  let notation: Notation = 'address';
  const slash = input.indexOf('/');
  const space = input.indexOf(' ');
  if (slash >= 0 || space >= 0) {
    const at = slash >= 0 ? slash : space;
    address = input.slice(0, at);
    const own = input.slice(at + 1);
    if (own === '' || own.includes('/') || own.includes(' ')) return fail('INVALID_IP', { input });
    if (extra !== null && extra.replace(/^\//, '') !== own) {
      const a = parsePrefix(own, input);
      const b = parsePrefix(extra, input);
      if (!a.ok) return a;
      if (!b.ok) return b;
      if (a.cidr !== b.cidr) return fail('PREFIX_CONFLICT', { input, prefix: extra }, 'cidr');
    }
    prefixText = own;
  }
  const parsed = parseOctets(address, input);
  if (!parsed.ok) return parsed;
  const warnings = paddedWarning(input, [parsed]);
  const ip = formatIPv4(parsed.value);
  if (prefixText === null) return { ok: true, networks: [{ ip, cidr: null }], warnings, notation };

  const p = parsePrefix(prefixText, input);
  if (!p.ok) return p;
  notation = p.netmask ? 'netmask' : 'cidr';
  const network = networkOf(parsed.value, p.cidr);
  if (network !== parsed.value) {
    warnings.push(
      makeProblem(
        'HOST_BITS_SET',
        'warning',
        { input: ip, cidr: p.cidr, network: `${formatIPv4(network)}/${p.cidr}` },
        { field: 'ip' },
      ),
    );
  }
  return { ok: true, networks: [{ ip, cidr: p.cidr }], warnings, notation };
}

function parseRange(input: string, extra: string | null): ParseOutcome {
  const dash = input.indexOf('-');
  const left = input.slice(0, dash);
  const right = input.slice(dash + 1);
  if (left === '' || right === '' || right.includes('-')) return fail('INVALID_IP', { input });
  if (extra !== null) return fail('PREFIX_CONFLICT', { input, prefix: extra }, 'cidr');
  const start = parseOctets(left, input);
  if (!start.ok) return start;
  let end: Octets | Failure;
  if (/^\d+$/.test(right)) {
    // `a.b.c.d - h`: the end shares the first three octets.
    const last = Number(right);
    if (last > 255)
      return fail('IP_OCTET_OUT_OF_RANGE', { input, octet: right.replace(/^0+(?=\d)/, '') });
    end = {
      ok: true,
      value: start.value - (start.value % 256) + last,
      padded: right.length > 1 && right.startsWith('0'),
    };
  } else {
    end = parseOctets(right, input);
  }
  if (!end.ok) return end;
  if (end.value < start.value) {
    return fail('INVALID_RANGE', {
      input,
      start: formatIPv4(start.value),
      end: formatIPv4(end.value),
    });
  }
  const warnings = paddedWarning(input, [start, end]);
  const blocks = rangeToBlocks(start.value, end.value);
  const networks = blocks.map((b) => ({ ip: formatIPv4(b.start), cidr: b.prefix }));
  if (networks.length > 1) {
    const list = networks.map((n) => `${n.ip}/${n.cidr}`);
    const shown = list.length > 8 ? [...list.slice(0, 8), `… (+${list.length - 8})`] : list;
    warnings.push(
      makeProblem(
        'RANGE_EXPANDED',
        'warning',
        { input, count: networks.length, networks: shown.join(', ') },
        { field: 'ip' },
      ),
    );
  }
  return { ok: true, networks, warnings, notation: 'range' };
}

function parseWildcard(input: string, extra: string | null): ParseOutcome {
  if (input.includes('/') || input.includes(' ')) return fail('INVALID_WILDCARD', { input });
  const parts = input.split('.');
  if (parts.length !== 4)
    return fail(parts.length < 4 ? 'IP_TOO_FEW_PARTS' : 'IP_TOO_MANY_PARTS', {
      input,
      parts: parts.length,
    });
  const firstStar = parts.indexOf('*');
  if (parts.slice(firstStar).some((p) => p !== '*')) return fail('INVALID_WILDCARD', { input });
  const fixed = parts.slice(0, firstStar);
  const base = parseOctets([...fixed, ...parts.slice(firstStar).map(() => '0')].join('.'), input);
  if (!base.ok) return base;
  const cidr = firstStar * 8;
  if (extra !== null) {
    const p = parsePrefix(extra, input);
    if (!p.ok) return p;
    if (p.cidr !== cidr) return fail('PREFIX_CONFLICT', { input, prefix: extra }, 'cidr');
  }
  const warnings = paddedWarning(input, [base]);
  return {
    ok: true,
    networks: [{ ip: formatIPv4(base.value), cidr }],
    warnings,
    notation: 'wildcard',
  };
}
