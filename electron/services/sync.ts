import type { ErrorTextId } from '../../shared/i18n/error-messages.ts';
import type { ApplyStatusView, PlanView, PushOutcome } from '../../shared/contract/ipc.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import { entryLimit } from '../../shared/allowlist/model.ts';
import { sameBase, sameSource, type BaseIdentity } from '../../shared/sync/base.ts';
import { sameConfig } from '../../shared/sync/merge.ts';
import { confirmationPhraseFor, lockoutChecks } from '../../shared/sync/plan.ts';
import type { ApplyTracker } from './apply-tracker.ts';
import { identityOf, snapshotOf, sourceOf } from './base-identity.ts';
import { callerAddress, planViewOf, readBackProblem, recordPush } from './push-facts.ts';
import { statusOf, statusOfFailure, type Drafts, type ServiceFactory } from './drafts.ts';
import { AppError } from './errors.ts';
import { serviceFailure } from './service-failure.ts';
import type { AppStore, ProfileRecord } from './store.ts';
import { draftView } from './views.ts';

/**
 * Plan and push: the lockout guard lives here.
 *
 * A plan is remembered in main (by id) with the exact list it shows and the base it was made from
 * (origin + login + revision + fingerprint). A push re-checks everything against the facts at push
 * time: the profile (origin, login, protected addresses), the draft (still the planned list, still
 * the same base), the service's list (read right before the PUT: same identity, or it merges
 * instead), and the caller's address (asked again; anything that is not IPv4 is unknown). A list
 * that excludes the caller, an unknown caller or a protected address needs the phrase for exactly
 * that exclusion. After the PUT the list is read back: unless it shows the pushed list at the
 * acknowledged revision, the history item is "unconfirmed" and the admin is told. Edits autosaved
 * while the PUT was in flight are kept.
 */

export type SyncDeps = {
  store: AppStore;
  drafts: Drafts;
  serviceFor: ServiceFactory;
  tracker: ApplyTracker;
  now?: () => Date;
};

type StoredPlan = { view: PlanView; base: BaseIdentity; source: { origin: string; login: string } };

export function createSync(deps: SyncDeps) {
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const plans = new Map<string, StoredPlan>();

  const stale = (text: ErrorTextId): AppError => new AppError('PLAN_STALE', {}, text);

  const plan = async (profileId: string): Promise<PlanView> => {
    const profile = deps.drafts.profile(profileId);
    const draft = deps.drafts.load(profileId);
    if (!draft.base) throw new AppError('NOT_PULLED');
    if (!sameSource(draft.base, sourceOf(profile)))
      throw new AppError('NOT_PULLED', {}, 'NOT_PULLED_SOURCE_CHANGED');
    if (draft.merge) throw new AppError('MERGE_PENDING');
    let caller: { ip: string | null; error: string | null };
    try {
      caller = await callerAddress(await deps.serviceFor(profile));
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      caller = { ip: null, error: error.message };
    }
    const view = planViewOf({
      profileId,
      base: draft.base,
      working: draft.working,
      caller,
      protectedAddresses: profile.protectedAddresses,
      maxEntries: entryLimit(profile.maxEntries, draft.base.maxEntries).max,
      createdAt: now(),
    });
    plans.set(profileId, {
      view,
      base: identityOf(draft.base) as BaseIdentity,
      source: sourceOf(profile),
    });
    return view;
  };

  /** Checks that need no network: the plan is still the one for this draft, profile and base. */
  const checkPlanStillHolds = (profile: ProfileRecord, planId: string): StoredPlan => {
    const profileId = profile.id;
    const stored = plans.get(profileId);
    if (!stored || stored.view.planId !== planId) throw stale('PLAN_OUT_OF_DATE');
    const draft = deps.drafts.load(profileId);
    const source = sourceOf(profile);
    if (source.origin !== stored.source.origin || source.login !== stored.source.login) {
      plans.delete(profileId);
      throw stale('PLAN_SOURCE_CHANGED');
    }
    if (
      !draft.base ||
      draft.merge ||
      !sameBase(identityOf(draft.base), stored.base) ||
      !sameConfig(draft.working, stored.view.config)
    ) {
      plans.delete(profileId);
      throw stale('PLAN_DRAFT_CHANGED');
    }
    if (stored.view.blockers.length > 0) throw new AppError('PLAN_BLOCKED');
    if (!stored.view.canPush) throw new AppError('NOTHING_TO_PUSH');
    return stored;
  };

  /**
   * The phrase the list needs with these facts; throws unless `confirmation` is exactly it. A
   * phrase different from the plan's means the facts changed: the plan is dropped.
   */
  const checkConfirmation = (
    profile: ProfileRecord,
    stored: StoredPlan,
    clientIp: string | null,
    confirmation: string | undefined,
  ): void => {
    const checks = lockoutChecks(stored.view.config, clientIp, profile.protectedAddresses);
    const phrase = confirmationPhraseFor(checks);
    if (phrase === null || phrase === confirmation) return;
    if (phrase === stored.view.confirmationPhrase)
      throw new AppError('CONFIRMATION_REQUIRED', { phrase });
    plans.delete(profile.id);
    const was = stored.view.lockout.clientIp ?? 'unknown';
    const isNow = clientIp ?? 'unknown';
    throw new AppError(
      'LOCKOUT_CHANGED',
      { clientIp: isNow, was },
      isNow !== was ? 'LOCKOUT_CHANGED' : 'PROTECTED_CHANGED',
    );
  };

  /** Profiles with a push in flight: a plan is sent at most once, never twice in parallel. */
  const inFlight = new Set<string>();

  const push = async (
    profileId: string,
    planId: string,
    confirmation: string | undefined,
    emit?: (status: ApplyStatusView) => void,
  ): Promise<PushOutcome> => {
    if (inFlight.has(profileId)) throw stale('SAVE_IN_PROGRESS');
    inFlight.add(profileId);
    try {
      return await pushOnce(profileId, planId, confirmation, emit);
    } finally {
      inFlight.delete(profileId);
    }
  };

  const pushOnce = async (
    profileId: string,
    planId: string,
    confirmation: string | undefined,
    emit?: (status: ApplyStatusView) => void,
  ): Promise<PushOutcome> => {
    const profile = deps.drafts.profile(profileId);
    const stored = checkPlanStillHolds(profile, planId);
    // Before any service call: the plan's own facts with the protected addresses as they are now.
    checkConfirmation(profile, stored, stored.view.lockout.clientIp, confirmation);
    const before = deps.drafts.load(profileId);
    const base = before.base!;

    const service = await deps.serviceFor(profile);
    // The list right before the PUT: If-Match only compares revision numbers, and a service that
    // lost its data reuses them. Another content (or origin) means someone else's change: merge.
    const current = await service.get();
    if (!current.ok) throw serviceFailure(current.error, 'saving');
    const live = snapshotOf(profile, {
      revision: current.value.revision,
      config: { mode: current.value.mode, entries: current.value.entries },
      pulledAt: now(),
      maxEntries: current.value.limits.maxEntries,
    });
    if (!sameBase(identityOf(live), stored.base)) {
      plans.delete(profileId);
      const { draft } = await deps.drafts.remerge(profileId, live);
      return { status: 'remote-changed', draft: draftView(draft), sync: statusOf(draft, live) };
    }
    // The caller's address right before the PUT: it may have changed since the plan.
    const caller = await callerAddress(service);
    checkConfirmation(deps.drafts.profile(profileId), stored, caller.ip, confirmation);
    checkPlanStillHolds(deps.drafts.profile(profileId), planId);

    plans.delete(profileId);
    const put = await service.put(stored.view.config, stored.base.revision);
    if (!put.ok) {
      if (put.error.kind === 'REVISION_CONFLICT') {
        const { draft, remote } = await deps.drafts.remerge(profileId);
        return { status: 'remote-changed', draft: draftView(draft), sync: statusOf(draft, remote) };
      }
      throw serviceFailure(put.error, 'saving');
    }
    const revision = put.value.revision;
    const pushed = stored.view.config;
    // Read back: the service must show the pushed list at the acknowledged revision.
    const excludesCaller = lockoutChecks(pushed, caller.ip, []).some((c) => !c.allowed);
    const readBack = await service.get();
    const problem = readBackProblem(revision, base.revision, pushed, readBack, excludesCaller);
    const confirmed = problem === null;
    const restoreHistoryId = recordPush(deps.store, now(), {
      profileId,
      base,
      pushed,
      revision,
      confirmed,
    });
    // Re-read the draft: edits autosaved while the PUT was in flight stay in the working copy.
    const latest = deps.drafts.load(profileId);
    const working = sameConfig(latest.working, pushed) ? pushed : latest.working;
    const saved = deps.drafts.persist({
      ...latest,
      // Unconfirmed: keep the old base, marked so: the next pull asks about every change of ours
      // the service does not show (nothing is lost whether or not the save happened, and a
      // later change by someone else is never undone unseen).
      base: confirmed
        ? snapshotOf(profile, {
            revision,
            config: pushed,
            pulledAt: now(),
            maxEntries: base.maxEntries,
          })
        : latest.base && { ...latest.base, unconfirmed: true },
      working,
      updatedAt: now(),
    });
    const apply = deps.tracker.start({
      profileId,
      revision,
      service,
      restoreHistoryId,
      pushed,
      ...(emit ? { emit } : {}),
    });
    return {
      status: 'pushed',
      revision,
      apply,
      confirmed,
      message: problem && `${problem} Pull to see the list the service holds; your draft is kept.`,
      draft: draftView(saved),
      sync: readBack.ok
        ? statusOf(
            saved,
            snapshotOf(profile, {
              revision: readBack.value.revision,
              config: { mode: readBack.value.mode, entries: readBack.value.entries },
              pulledAt: now(),
              maxEntries: readBack.value.limits.maxEntries,
            }),
          )
        : statusOfFailure(serviceFailure(readBack.error, 'checking')),
    };
  };

  return {
    plan,
    push,
    /**
     * The apply status; after a restart during `applying`, following resumes here (events go to
     * `emit`). Without a usable service (no password yet) the kept status is returned as it is.
     */
    async status(
      profileId: string,
      emit?: (status: ApplyStatusView) => void,
    ): Promise<ApplyStatusView> {
      const profile = deps.drafts.profile(profileId);
      if (!deps.tracker.needsResume(profileId)) return deps.tracker.status(profileId);
      let service: AllowlistService;
      try {
        service = await deps.serviceFor(profile);
      } catch (error) {
        if (error instanceof AppError) return deps.tracker.status(profileId);
        throw error;
      }
      return deps.tracker.resume(profileId, service, emit);
    },
    async probe(profileId: string): Promise<ApplyStatusView> {
      const service = await deps.serviceFor(deps.drafts.profile(profileId));
      return deps.tracker.probe(profileId, service);
    },
    forget(profileId: string): void {
      plans.delete(profileId);
    },
  };
}

export type Sync = ReturnType<typeof createSync>;
