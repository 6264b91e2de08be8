import { randomUUID } from 'node:crypto';
import { normalizeCallerAddress } from '../../shared/allowlist/lockout.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import type {
  AllowlistService,
  Restriction,
  ServiceResult,
} from '../../shared/contract/service.ts';
import type { PlanView } from '../../shared/contract/ipc.ts';
import { sameConfig, summarizeChanges } from '../../shared/sync/merge.ts';
import { buildPlan } from '../../shared/sync/plan.ts';
import { restrictionOffProblem } from '../../shared/sync/restriction-off.ts';
import { fingerprintOf } from './base-identity.ts';
import { serviceFailure } from './service-failure.ts';
import type { AppStore, SnapshotRecord } from './store.ts';

/**
 * Facts a push learns from the service and what it writes down: the caller's address, whether the
 * read-back confirms the save, the history items.
 */

/**
 * The plan of a draft against its base, as the admin reviews it: the diff and the lockout checks
 * (shared/sync/plan.ts), the warning when the base has the restriction turned off, and the
 * admin's address as far as it is known. One shape for the admin API's save (sync.ts) and the
 * cybozu.com Store's hand-off (handoff.ts); each decides where the address and the limit come from.
 */
export function planViewOf(input: {
  profileId: string;
  base: SnapshotRecord;
  working: Config;
  caller: { ip: string | null; error: string | null };
  protectedAddresses: ProtectedAddresses;
  maxEntries: number;
  createdAt: string;
}): PlanView {
  const { base, working, caller } = input;
  const core = buildPlan({
    base: base.config,
    working,
    clientIp: caller.ip,
    protectedAddresses: input.protectedAddresses,
    maxEntries: input.maxEntries,
  });
  const off = base.restrictionOff;
  const offProblem = off ? restrictionOffProblem(off, working) : null;
  return {
    planId: randomUUID(),
    profileId: input.profileId,
    baseRevision: base.revision,
    config: working,
    diff: core.diff,
    problems: offProblem ? [offProblem, ...core.problems] : core.problems,
    blockers: core.blockers,
    lockout: {
      clientIp: caller.ip,
      clientIpError: caller.error,
      checks: core.checks,
      excludesSomeone: core.excludesSomeone,
    },
    confirmationPhrase: core.confirmationPhrase,
    canPush: core.canPush,
    restrictionOff: offProblem && off ? off : null,
    createdAt: input.createdAt,
  };
}

type ProtectedAddresses = Parameters<typeof buildPlan>[0]['protectedAddresses'];

/** The caller's address, normalized; `error` says why it is unknown. */
export async function callerAddress(
  service: AllowlistService,
): Promise<{ ip: string | null; error: string | null }> {
  const result = await service.clientIp();
  if (!result.ok)
    return { ip: null, error: serviceFailure(result.error, 'checking your address').message };
  const ip = normalizeCallerAddress(result.value);
  if (ip === null)
    return {
      ip: null,
      error: `The service reported your address as "${result.value.slice(0, 60)}", which is not an IPv4 address, so the app cannot tell whether this list keeps you in.`,
    };
  return { ip, error: null };
}

/**
 * Why the save is not confirmed by the read-back after it, or null when it is: the service must
 * show the pushed list at the acknowledged revision, and that revision must be a new one.
 */
export function readBackProblem(
  revision: string,
  baseRevision: string,
  pushed: Config,
  readBack: ServiceResult<Restriction>,
  /** The pushed list shuts the caller out (confirmed with the phrase). */
  excludesCaller = false,
): string | null {
  if (revision === baseRevision)
    return `The service acknowledged the save with the revision it already had (${revision}), so it is not certain the list was saved.`;
  // Refused right after saving a list that shuts this caller out: that list is in force.
  if (!readBack.ok && readBack.error.kind === 'IP_RESTRICTED' && excludesCaller) return null;
  if (!readBack.ok)
    return `The list could not be read back after the save (${readBack.error.message}), so it is not certain it was saved as sent.`;
  const shown = fingerprintOf({ mode: readBack.value.mode, entries: readBack.value.entries });
  if (readBack.value.revision === revision && shown === fingerprintOf(pushed)) return null;
  return `The service acknowledged revision ${revision}, but reading it back shows ${readBack.value.revision === revision ? 'another list' : `revision ${readBack.value.revision}`}: it is not certain the list was saved as sent.`;
}

/**
 * Write the push into the history: the revision it replaced (once, as "pulled", so it can be
 * restored) and the pushed one, marked unconfirmed when the read-back did not show it. Returns
 * the id of the replaced revision's item (what a restore after a lockout brings back).
 */
export function recordPush(
  store: AppStore,
  now: string,
  input: {
    profileId: string;
    base: SnapshotRecord;
    pushed: Config;
    revision: string;
    confirmed: boolean;
  },
): string {
  const { profileId, base, pushed, revision, confirmed } = input;
  let previous = store
    .listHistory(profileId)
    .find((h) => h.revision === base.revision && sameConfig(h.config, base.config));
  if (!previous) {
    previous = {
      id: `rev-${base.revision}-${randomUUID().slice(0, 8)}`,
      profileId,
      revision: base.revision,
      previousRevision: null,
      pushedAt: base.pulledAt,
      config: base.config,
      summary: { added: 0, removed: 0, memoChanged: 0, modeChanged: false },
      source: 'pulled',
      confirmed: true,
    };
    store.addHistory(previous);
  }
  store.addHistory({
    id: `rev-${revision}-${randomUUID().slice(0, 8)}`,
    profileId,
    revision,
    previousRevision: base.revision,
    pushedAt: now,
    config: pushed,
    summary: summarizeChanges(base.config, pushed),
    source: 'pushed',
    confirmed,
  });
  return previous.id;
}
