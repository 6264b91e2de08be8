import type { Config, Problem } from './model.ts';
import { assertNever } from './model.ts';
import { compileMatcher } from './match.ts';
import { makeProblem } from './problem.ts';
import { blockSize } from '../ip/ipv4.ts';
import { parseIpInput, parseIPv4Strict } from '../ip/parse.ts';

/** An address (or network) that must keep access: the admin's own, or a protected one. */
export type MustKeep = { ip: string; reason: 'self' | 'protected'; label?: string };

/** Lockout verdict for one must-keep address; `error` when its text is not IPv4. */
export type LockoutResult = MustKeep & { allowed: boolean; error?: string };

/**
 * Which must-keep addresses the config would let in, and which would lose access.
 *
 * ALLOW_ALL lets everyone in (even an unparsable or unknown address). A must-keep network (`203.0.113.0/24`, a range) counts as allowed
 * only when every one of its addresses is covered. Unparsable text is reported as not allowed,
 * with the parse problem's code in `error`.
 */
export function analyzeLockout(config: Config, mustKeep: MustKeep[]): LockoutResult[] {
  const matcher = config.mode === 'ALLOW_ALL' ? null : compileMatcher(config.entries);
  return mustKeep.map((keep) => {
    // "Allow all" lets everyone in, also an address that could not be learned or read.
    if (matcher === null) return { ...keep, allowed: true };
    const parsed = parseIpInput(keep.ip);
    if (!parsed.ok) return { ...keep, allowed: false, error: parsed.problem.code };
    const allowed = parsed.networks.every((network) => {
      const start = parseIPv4Strict(network.ip) as number;
      const prefix = network.cidr ?? 32;
      const first = start - (start % blockSize(prefix));
      return matcher.coversRange(first, first + blockSize(prefix) - 1);
    });
    return { ...keep, allowed };
  });
}

/**
 * Errors for the must-keep addresses that would lose access (SELF_LOCKOUT, PROTECTED_LOCKOUT).
 */
export function lockoutProblems(results: LockoutResult[]): Problem[] {
  const problems: Problem[] = [];
  for (const result of results) {
    if (result.allowed) continue;
    const params: Record<string, string> = { ip: result.ip };
    if (result.label !== undefined) params.label = result.label;
    switch (result.reason) {
      case 'self':
        problems.push(makeProblem('SELF_LOCKOUT', 'error', params, { field: 'entries' }));
        break;
      case 'protected':
        problems.push(makeProblem('PROTECTED_LOCKOUT', 'error', params, { field: 'entries' }));
        break;
      default:
        assertNever(result.reason);
    }
  }
  return problems;
}

/**
 * The caller's address as the service reported it, as a dotted quad, or null when it is not one.
 *
 * Proven only when written canonically: a dotted quad of decimal octets without leading zeros,
 * or `::ffff:` + such a quad (that IPv4 address). Anything else (empty, spaces, IPv6, a host
 * name, `10.0.0.300`, zero-padded `010.0.0.1`, which some systems read as octal and the entry
 * rules call ambiguous) is unknown: the lockout check cannot be made, so a list that restricts
 * access needs the typed confirmation.
 */
export function normalizeCallerAddress(reported: string): string | null {
  const mapped = /^(?:::ffff:|0:0:0:0:0:ffff:)(.+)$/i.exec(reported);
  const candidate = mapped ? mapped[1]! : reported;
  const value = parseIPv4Strict(candidate);
  if (value === null) return null;
  const canonical = [24, 16, 8, 0].map((shift) => (value >>> shift) & 255).join('.');
  return canonical === candidate ? canonical : null;
}
