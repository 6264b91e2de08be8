import { randomUUID } from 'node:crypto';
import { analyzeLockout } from '../../shared/allowlist/lockout.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import type { ApplyStatusView, DraftView, PlanView } from '../../shared/contract/ipc.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import { sameConfig, summarizeChanges } from '../../shared/sync/merge.ts';
import { buildPlan, confirmationPhraseFor, mustKeepList } from '../../shared/sync/plan.ts';
import type { ApplyTracker } from './apply-tracker.ts';
import type { Drafts, ServiceFactory } from './drafts.ts';
import { AppError } from './errors.ts';
import { serviceFailure } from './service-failure.ts';
import type { AppStore } from './store.ts';
import { draftView } from './views.ts';

/**
 * Plan and push: the lockout guard lives here.
 *
 * A plan is remembered in main (by id) with the exact list it shows; a push sends that list only
 * when the draft still equals it. A plan that excludes the admin's own address or a protected one
 * needs the typed confirmation phrase; without it the push is refused before any service call.
 * Right before the PUT the caller's address is asked again: if it changed into an excluded one,
 * the push stops. A 412 merges again, never overwrites.
 */

export type SyncDeps = {
  store: AppStore;
  drafts: Drafts;
  serviceFor: ServiceFactory;
  tracker: ApplyTracker;
  now?: () => Date;
};

type StoredPlan = PlanView;

export type PushOutcome =
  | { status: 'pushed'; revision: string; apply: ApplyStatusView }
  | { status: 'remote-changed'; draft: DraftView };

export function createSync(deps: SyncDeps) {
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const plans = new Map<string, StoredPlan>();

  const plan = async (profileId: string): Promise<PlanView> => {
    const profile = deps.drafts.profile(profileId);
    const draft = deps.drafts.load(profileId);
    if (!draft.base)
      throw new AppError(
        'NOT_PULLED',
        'Pull the list from the service first: a plan compares your draft with the live list.',
      );
    if (draft.merge)
      throw new AppError(
        'MERGE_PENDING',
        'The list changed on the service: resolve the merge conflicts first.',
      );
    let clientIp: string | null = null;
    let clientIpError: string | null = null;
    try {
      const service = await deps.serviceFor(profile);
      const result = await service.clientIp();
      if (result.ok) clientIp = result.value;
      else clientIpError = serviceFailure(result.error, 'checking your address').message;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      clientIpError = error.message;
    }
    const core = buildPlan({
      base: draft.base.config,
      working: draft.working,
      clientIp,
      protectedAddresses: profile.protectedAddresses,
      maxEntries: profile.maxEntries ?? draft.base.maxEntries,
    });
    const view: PlanView = {
      planId: randomUUID(),
      profileId,
      baseRevision: draft.base.revision,
      config: draft.working,
      diff: core.diff,
      problems: core.problems,
      blockers: core.blockers,
      lockout: {
        clientIp,
        clientIpError,
        checks: core.checks,
        excludesSomeone: core.excludesSomeone,
      },
      confirmationPhrase: core.confirmationPhrase,
      canPush: core.canPush,
      createdAt: now(),
    };
    plans.set(profileId, view);
    return view;
  };

  const recordHistory = (
    profileId: string,
    base: { revision: string; config: Config; pulledAt: string },
    pushed: Config,
    revision: string,
  ): string | null => {
    const history = deps.store.listHistory(profileId);
    let previous = history.find((h) => h.revision === base.revision);
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
      };
      deps.store.addHistory(previous);
    }
    deps.store.addHistory({
      id: `rev-${revision}-${randomUUID().slice(0, 8)}`,
      profileId,
      revision,
      previousRevision: base.revision,
      pushedAt: now(),
      config: pushed,
      summary: summarizeChanges(base.config, pushed),
      source: 'pushed',
    });
    return previous.id;
  };

  const push = async (
    profileId: string,
    planId: string,
    confirmation: string | undefined,
    emit?: (status: ApplyStatusView) => void,
  ): Promise<PushOutcome> => {
    const profile = deps.drafts.profile(profileId);
    const stored = plans.get(profileId);
    const draft = deps.drafts.load(profileId);
    if (!stored || stored.planId !== planId)
      throw new AppError(
        'PLAN_STALE',
        'This plan is out of date. Review the new plan before saving.',
      );
    if (
      !draft.base ||
      draft.merge ||
      draft.base.revision !== stored.baseRevision ||
      !sameConfig(draft.working, stored.config)
    ) {
      plans.delete(profileId);
      throw new AppError(
        'PLAN_STALE',
        'The draft changed after the plan was made. Review the new plan before saving.',
      );
    }
    if (stored.blockers.length > 0)
      throw new AppError(
        'PLAN_BLOCKED',
        'The list has errors the service would refuse; fix them first.',
      );
    if (!stored.canPush)
      throw new AppError(
        'NOTHING_TO_PUSH',
        'The draft equals the live list: there is nothing to save.',
      );
    if (stored.lockout.excludesSomeone && confirmation !== stored.confirmationPhrase) {
      throw new AppError(
        'CONFIRMATION_REQUIRED',
        `This list removes access for an address that must keep it. Type "${stored.confirmationPhrase}" to save anyway.`,
        { phrase: stored.confirmationPhrase ?? '' },
      );
    }

    const service = await deps.serviceFor(profile);
    // Re-check the caller's address right before the PUT: it may have changed since the plan.
    const ip = await service.clientIp();
    if (!ip.ok) throw serviceFailure(ip.error, 'saving');
    if (ip.value !== stored.lockout.clientIp) {
      const checks = analyzeLockout(
        stored.config,
        mustKeepList(ip.value, profile.protectedAddresses),
      );
      const phrase = confirmationPhraseFor(checks);
      if (phrase !== null && phrase !== confirmation) {
        plans.delete(profileId);
        throw new AppError(
          'LOCKOUT_CHANGED',
          `Your address as the service sees it is now ${ip.value} (it was ${stored.lockout.clientIp ?? 'unknown'} in the plan), and this list would not let it in. Review the new plan.`,
          { clientIp: ip.value },
        );
      }
    }

    const put = await service.put(stored.config, stored.baseRevision);
    plans.delete(profileId);
    if (!put.ok) {
      if (put.error.kind === 'REVISION_CONFLICT') {
        const { draft: merged } = await deps.drafts.remerge(profileId);
        return { status: 'remote-changed', draft: draftView(merged) };
      }
      throw serviceFailure(put.error, 'saving');
    }
    const revision = put.value.revision;
    const restoreHistoryId = recordHistory(profileId, draft.base, stored.config, revision);
    deps.drafts.persist({
      ...draft,
      base: { revision, config: stored.config, pulledAt: now(), maxEntries: draft.base.maxEntries },
      working: stored.config,
      merge: null,
      updatedAt: now(),
    });
    const apply = deps.tracker.start({
      profileId,
      revision,
      service,
      restoreHistoryId,
      ...(emit ? { emit } : {}),
    });
    return { status: 'pushed', revision, apply };
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
