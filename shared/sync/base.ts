import type { Config } from '../allowlist/model.ts';

/**
 * What a draft was made from: which service (origin), which account (login), which revision, and
 * which content (a fingerprint of the list).
 *
 * "Same revision" is not "same list": a service that lost its data starts counting again, a
 * corrected URL may point at another tenant at the same revision, a service may acknowledge a save
 * with the revision it already had. Two bases are the same only when all four parts are equal;
 * anything else means "changed remotely" and goes through the three-way merge.
 */
export type BaseIdentity = {
  origin: string;
  login: string;
  revision: string;
  fingerprint: string;
};

/**
 * The list in one canonical text: mode, then every entry's ip, prefix and memo in order. Equal
 * texts mean equal lists (the same test as `sameConfig`); the fingerprint is a hash of this.
 */
export function canonicalConfig(config: Config): string {
  return JSON.stringify([config.mode, config.entries.map((e) => [e.ip, e.cidr, e.memo])]);
}

/** True only when every part of both identities is known and equal. */
export function sameBase(
  a: Partial<BaseIdentity> | null | undefined,
  b: Partial<BaseIdentity> | null | undefined,
): boolean {
  if (!a || !b) return false;
  const parts = ['origin', 'login', 'revision', 'fingerprint'] as const;
  return parts.every((part) => a[part] !== undefined && a[part] === b[part]);
}

/** True when the base was pulled from this service and account (origin and login). */
export function sameSource(
  base: Partial<BaseIdentity> | null | undefined,
  source: { origin: string; login: string },
): boolean {
  return !!base && base.origin === source.origin && base.login === source.login;
}
