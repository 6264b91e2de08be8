import { diffConfigs, type ConfigDiff } from '../allowlist/diff.ts';
import {
  analyzeLockout,
  lockoutProblems,
  type LockoutResult,
  type MustKeep,
} from '../allowlist/lockout.ts';
import type { Config, Problem } from '../allowlist/model.ts';
import { validateConfig } from '../allowlist/validate.ts';

/**
 * The plan of a push, as pure data: what changes, what is wrong, who would lose access.
 *
 * Main asks the service for the caller's address and hands it in; everything else is a function
 * of the draft and the profile.
 */

export type ProtectedAddressInput = { ip: string; label: string };

export type PlanInput = {
  base: Config;
  working: Config;
  /**
   * The caller's address as the service sees it (a dotted quad); null when it could not be asked
   * or was not an IPv4 address: then a restricting list needs the confirmation phrase.
   */
  clientIp: string | null;
  protectedAddresses: readonly ProtectedAddressInput[];
  maxEntries: number;
};

export type PlanCore = {
  diff: ConfigDiff;
  problems: Problem[];
  /** Errors that block a push whatever the admin confirms (the service would refuse them). */
  blockers: Problem[];
  checks: LockoutResult[];
  excludesSomeone: boolean;
  /** The phrase to type to push anyway, when the plan removes own or protected access. */
  confirmationPhrase: string | null;
  /** Nothing blocks and something changes. */
  canPush: boolean;
};

/** Stands for the caller's address when the service did not tell it (or not as IPv4). */
export const UNKNOWN_ADDRESS = 'unknown address';

/**
 * The addresses that must keep access: the caller first (UNKNOWN_ADDRESS when not known), then
 * the profile's protected ones.
 */
export function mustKeepList(
  clientIp: string | null,
  protectedAddresses: readonly ProtectedAddressInput[],
): MustKeep[] {
  const list: MustKeep[] = [{ ip: clientIp ?? UNKNOWN_ADDRESS, reason: 'self' }];
  for (const address of protectedAddresses) {
    list.push({
      ip: address.ip,
      reason: 'protected',
      ...(address.label ? { label: address.label } : {}),
    });
  }
  return list;
}

/**
 * The phrase the admin types to confirm a plan that excludes someone.
 *
 * The addresses that would lose access, the admin's own first (`127.0.0.1, 198.51.100.7`), or
 * `unknown` for a caller address the service did not prove: meaningful, so a confirmation typed
 * for one plan does not confirm a different exclusion, and digits and dots only in the usual
 * case, so a Japanese admin types it without switching the input method (typed full-width forms
 * count too: see {@link typedPhraseMatches}).
 */
export function confirmationPhraseFor(checks: readonly LockoutResult[]): string | null {
  const excluded = [
    ...checks.filter((c) => !c.allowed && c.reason === 'self'),
    ...checks.filter((c) => !c.allowed && c.reason !== 'self'),
  ];
  if (excluded.length === 0) return null;
  const names = [...new Set(excluded.map((c) => (c.ip === UNKNOWN_ADDRESS ? 'unknown' : c.ip)))];
  return names.join(', ');
}

/**
 * Whether what the admin typed is the phrase: full-width digits, dots and letters (an input
 * method left on) and the Japanese comma are read as their ASCII forms, spaces around commas
 * and at the ends do not count. Anything else must be exactly the phrase.
 */
export function typedPhraseMatches(typed: string, phrase: string): boolean {
  const canonical = typed
    .normalize('NFKC')
    .replace(/[、､]/g, ',')
    .trim()
    .replace(/\s*,\s*/g, ', ')
    .toLowerCase();
  return phrase !== '' && canonical === phrase;
}

/** The lockout checks of a list with the facts now: the caller's address and the protected ones. */
export function lockoutChecks(
  config: Config,
  clientIp: string | null,
  protectedAddresses: readonly ProtectedAddressInput[],
): LockoutResult[] {
  return analyzeLockout(config, mustKeepList(clientIp, protectedAddresses));
}

function hasChanges(diff: ConfigDiff): boolean {
  return (
    diff.modeChanged !== null ||
    diff.added.length > 0 ||
    diff.removed.length > 0 ||
    diff.memoChanged.length > 0 ||
    diff.rewritten.length > 0
  );
}

/** Build the plan core from the draft, the caller's address and the protected addresses. */
export function buildPlan(input: PlanInput): PlanCore {
  const diff = diffConfigs(input.base, input.working);
  const checks = lockoutChecks(input.working, input.clientIp, input.protectedAddresses);
  const problems = [
    ...validateConfig(input.working, { maxEntries: input.maxEntries }),
    ...lockoutProblems(checks),
  ];
  const blockers = problems.filter(
    (p) => p.severity === 'error' && p.code !== 'SELF_LOCKOUT' && p.code !== 'PROTECTED_LOCKOUT',
  );
  const excludesSomeone = checks.some((c) => !c.allowed);
  return {
    diff,
    problems,
    blockers,
    checks,
    excludesSomeone,
    confirmationPhrase: confirmationPhraseFor(checks),
    canPush: blockers.length === 0 && hasChanges(diff),
  };
}

/** True when the diff changes anything. */
export function planChangesSomething(diff: ConfigDiff): boolean {
  return hasChanges(diff);
}
