import type { ApplyStatusView } from '../../shared/contract/ipc.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { applyStep } from './apply-phase.ts';

export { isLaterRevision } from './apply-phase.ts';
import { fingerprintOf } from './base-identity.ts';
import type { ApplyRecord } from './store.ts';

/**
 * Follows a pushed revision until APPLIED, then probes access.
 *
 * A 403 IP_RESTRICTED at any point means the new list is in force and excludes the admin:
 * "locked out", with the Reset URL window (one hour from the completion e-mail, sent when the
 * revision was applied) and the history item to restore once access is back.
 *
 * With `keep`, an `applying` or `locked-out` status is written to the store and read back after a
 * restart: `locked-out` is reported as it was (same deadline and restore item); `applying` resumes
 * following through `resume` once a service is at hand. `verified` clears it.
 */

/** Where the tracker keeps the status that must survive a restart (the app store). */
export type ApplyKeeper = {
  load(profileId: string): ApplyRecord | null;
  save(profileId: string, record: ApplyRecord | null): void;
};

export type ApplyTrackerDeps = {
  /** Default sink for status changes (each `start` may bring its own: the window that pushed). */
  emit?: (status: ApplyStatusView) => void;
  now?: () => Date;
  pollMs?: number;
  /** Give up following after this long (the status stays `applying`; probe again later). */
  maxFollowMs?: number;
  keep?: ApplyKeeper;
};

type Tracked = {
  status: ApplyStatusView;
  /** Fingerprint of the pushed list (kept across a restart; null when unknown): what the service must show. */
  expected: string | null;
  /** null: restored from the store, not followed since the restart. */
  service: AllowlistService | null;
  loop: Promise<ApplyStatusView> | null;
  stopped: boolean;
  emit: (status: ApplyStatusView) => void;
};

export function createApplyTracker(deps: ApplyTrackerDeps) {
  const now = (): Date => (deps.now ?? (() => new Date()))();
  const pollMs = deps.pollMs ?? 1000;
  const maxFollowMs = deps.maxFollowMs ?? 10 * 60 * 1000;
  const tracked = new Map<string, Tracked>();
  const defaultEmit = deps.emit ?? (() => {});

  const idle = (profileId: string): ApplyStatusView => ({
    profileId,
    phase: 'idle',
    revision: null,
    serviceState: null,
    pushedAt: null,
    appliedAt: null,
    clientIp: null,
    resetDeadline: null,
    restoreHistoryId: null,
    message: 'Nothing is being applied.',
  });

  /**
   * Write what a restart needs: `applying`/`locked-out` as they are; `verified` clears. Passing
   * phases (`offline`, `error`) keep the last record, so the lockout or follow-up is not lost.
   */
  const persist = (t: Tracked): void => {
    if (!deps.keep || t.stopped || tracked.get(t.status.profileId) !== t) return;
    const { status } = t;
    if (
      (status.phase === 'applying' || status.phase === 'locked-out') &&
      status.revision !== null &&
      status.pushedAt !== null
    ) {
      deps.keep.save(status.profileId, {
        ...status,
        phase: status.phase,
        revision: status.revision,
        pushedAt: status.pushedAt,
        ...(t.expected !== null ? { expected: t.expected } : {}),
      });
    } else if (status.phase === 'verified' || status.phase === 'idle') {
      deps.keep.save(status.profileId, null);
    }
  };

  const update = (t: Tracked, patch: Partial<ApplyStatusView>): ApplyStatusView => {
    const next = { ...t.status, ...patch };
    // What failed belongs to the error phase only.
    if (next.phase !== 'error') delete next.problem;
    t.status = next;
    persist(t);
    t.emit(t.status);
    return t.status;
  };

  /** The tracked status, restored from the store after a restart. */
  const lookup = (profileId: string): Tracked | null => {
    const known = tracked.get(profileId);
    if (known) return known;
    const record = deps.keep?.load(profileId) ?? null;
    if (!record) return null;
    const { expected, ...status } = record;
    const t: Tracked = {
      status,
      expected: expected ?? null,
      service: null,
      loop: null,
      stopped: false,
      emit: defaultEmit,
    };
    tracked.set(profileId, t);
    return t;
  };

  /** One look at the service (the transition is applyStep's); true when following can stop. */
  const check = async (t: Tracked, service: AllowlistService): Promise<boolean> => {
    const result = await service.get();
    const step = applyStep(t.status, result, { expected: t.expected, now: now() });
    // Once locked out, the pushed list no longer binds this follow-up: the Reset URL's "Allow all"
    // is the way back, and "Access is back" must stay so at the next look (restore comes next).
    if (step.patch.phase === 'locked-out') t.expected = null;
    update(t, step.patch);
    return step.done;
  };

  const follow = async (t: Tracked, service: AllowlistService): Promise<ApplyStatusView> => {
    const started = now().getTime();
    while (!t.stopped) {
      if (await check(t, service)) return t.status;
      if (now().getTime() - started > maxFollowMs) return t.status;
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
    return t.status;
  };

  return {
    /** Start following a pushed revision. */
    start(input: {
      profileId: string;
      revision: string;
      service: AllowlistService;
      restoreHistoryId: string | null;
      /** The pushed list: a service showing another one at this revision is an error. */
      pushed?: Config;
      emit?: (status: ApplyStatusView) => void;
    }): ApplyStatusView {
      const old = tracked.get(input.profileId);
      if (old) old.stopped = true;
      const t: Tracked = {
        status: {
          ...idle(input.profileId),
          phase: 'applying',
          revision: input.revision,
          serviceState: 'APPLYING',
          pushedAt: now().toISOString(),
          restoreHistoryId: input.restoreHistoryId,
          message: 'Saved. The service is applying the new list.',
        },
        expected: input.pushed ? fingerprintOf(input.pushed) : null,
        service: input.service,
        loop: null,
        stopped: false,
        emit: input.emit ?? defaultEmit,
      };
      tracked.set(input.profileId, t);
      persist(t);
      t.emit(t.status);
      t.loop = follow(t, input.service);
      return t.status;
    },
    /** The last status (after a restart: the one kept in the store, if any). */
    status(profileId: string): ApplyStatusView {
      return lookup(profileId)?.status ?? idle(profileId);
    },
    /** A status restored after a restart is still `applying` and nobody follows it yet. */
    needsResume(profileId: string): boolean {
      const t = lookup(profileId);
      return t !== null && t.service === null && t.status.phase === 'applying';
    },
    /** Follow a restored `applying` status again with this service (no-op otherwise). */
    resume(
      profileId: string,
      service: AllowlistService,
      emit?: (status: ApplyStatusView) => void,
    ): ApplyStatusView {
      const t = lookup(profileId);
      if (!t || t.service !== null || t.status.phase !== 'applying') return this.status(profileId);
      t.service = service;
      if (emit) t.emit = emit;
      t.loop = follow(t, service);
      return t.status;
    },
    /** Ask the service now (also after a lockout, to see whether access is back). */
    async probe(profileId: string, service: AllowlistService): Promise<ApplyStatusView> {
      const t = lookup(profileId);
      if (!t) {
        const fresh: Tracked = {
          status: idle(profileId),
          expected: null,
          service,
          loop: null,
          stopped: true,
          emit: defaultEmit,
        };
        const result = await service.get();
        if (result.ok)
          return update(fresh, {
            phase: 'verified',
            revision: result.value.revision,
            serviceState: result.value.apply.state,
            message: 'You have access.',
          });
        if (result.error.kind === 'IP_RESTRICTED')
          return update(fresh, {
            phase: 'locked-out',
            clientIp: result.error.clientIp,
            message: `The service refuses your address ${result.error.clientIp}. Use the Reset URL from the service's e-mail (valid one hour after the save).`,
          });
        return update(fresh, {
          phase:
            result.error.kind === 'OFFLINE' || result.error.kind === 'TIMEOUT'
              ? 'offline'
              : 'error',
          message: result.error.message,
        });
      }
      const restored = t.service === null;
      t.service = service;
      const done = await check(t, service);
      // Restored `applying` and not there yet: follow it from here on.
      if (restored && !done && !t.stopped) t.loop = follow(t, service);
      return t.status;
    },
    /** Resolves when the current follow loop ends (tests and shutdown). */
    async settled(profileId: string): Promise<ApplyStatusView> {
      const t = tracked.get(profileId);
      return t?.loop ? t.loop : this.status(profileId);
    },
    /** Stop following; resolves when the loops have ended (no request left in flight). */
    async stopAll(): Promise<void> {
      const loops: Promise<unknown>[] = [];
      for (const t of tracked.values()) {
        t.stopped = true;
        if (t.loop) loops.push(t.loop.catch(() => undefined));
      }
      await Promise.all(loops);
    },
  };
}

export type ApplyTracker = ReturnType<typeof createApplyTracker>;
