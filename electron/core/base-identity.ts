import { createHash } from 'node:crypto';
import type { Config } from '../../shared/allowlist/model.ts';
import { canonicalConfig, type BaseIdentity } from '../../shared/sync/base.ts';
import type { ProfileRecord, SnapshotRecord } from './store.ts';

/**
 * The identity of a pulled or pushed list (shared/sync/base.ts): origin + login + revision +
 * fingerprint. The fingerprint is SHA-256 of the canonical text of the list.
 */

/** SHA-256 (hex) of the list's canonical text. */
export function fingerprintOf(config: Config): string {
  return createHash('sha256').update(canonicalConfig(config), 'utf8').digest('hex');
}

/**
 * Where a profile's lists come from. The demo profile's built-in service moves to a new port on
 * every start but keeps its data, so it is one fixed source.
 */
export function sourceOf(profile: ProfileRecord): { origin: string; login: string } {
  return profile.demo
    ? { origin: 'demo:built-in', login: 'demo' }
    : { origin: profile.serviceUrl, login: profile.login };
}

/** A snapshot of `config` at `revision` from the profile's service, with its identity. */
export function snapshotOf(
  profile: ProfileRecord,
  input: { revision: string; config: Config; maxEntries: number; pulledAt: string },
): SnapshotRecord {
  return { ...input, ...sourceOf(profile), fingerprint: fingerprintOf(input.config) };
}

/** The identity parts of a snapshot (old snapshots lack origin/login/fingerprint: never equal). */
export function identityOf(snapshot: SnapshotRecord): Partial<BaseIdentity> {
  return {
    origin: snapshot.origin,
    login: snapshot.login,
    revision: snapshot.revision,
    // Recomputed, not trusted from the file: a hand-edited draft cannot claim another content.
    fingerprint: fingerprintOf(snapshot.config),
  };
}
