import type { ApplyStatusView } from '../../shared/contract/ipc.ts';
import type { AllowlistService } from '../../shared/contract/service.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { fingerprintOf } from './base-identity.ts';
import { RESET_WINDOW_MS } from './service-failure.ts';
import type { ApplyRecord } from './store.ts';

/**
 * True when `revision` is known to come after `than`: both are strings of digits and the number
 * is larger. Compared exactly (BigInt): revisions are decimal strings that may exceed 2^53, where
 * Number() would round two different revisions to one. Anything else has no order (false).
 */
export function isLaterRevision(revision: string, than: string | null): boolean {
  if (than === null || !/^\d+$/.test(revision) || !/^\d+$/.test(than)) return false;
  return BigInt(revision) > BigInt(than);
}

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
  /** Fingerprint of the pushed list (null after a restart): what the service must show. */
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
      });
    } else if (status.phase === 'verified' || status.phase === 'idle') {
      deps.keep.save(status.profileId, null);
    }
  };

  const update = (t: Tracked, patch: Partial<ApplyStatusView>): ApplyStatusView => {
    t.status = { ...t.status, ...patch };
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
    const t: Tracked = {
      status: record,
      expected: null,
      service: null,
      loop: null,
      stopped: false,
      emit: defaultEmit,
    };
    tracked.set(profileId, t);
    return t;
  };

  /** One look at the service; returns true when following can stop. */
  const check = async (t: Tracked, service: AllowlistService): Promise<boolean> => {
    const result = await service.get();
    if (!result.ok) {
      const error = result.error;
      if (error.kind === 'IP_RESTRICTED') {
        const appliedAt = t.status.appliedAt ?? now().toISOString();
        // The e-mail went out when the revision was applied, somewhere between the save and this
        // first refusal. Without the service's own appliedAt, count the hour from the save: the
        // countdown may show less time than there is, never more.
        // A later refusal keeps the deadline set at the first one (appliedAt is that refusal's
        // time by now, which would move the window later than the e-mail's).
        const windowStart = t.status.appliedAt ?? t.status.pushedAt ?? appliedAt;
        update(t, {
          phase: 'locked-out',
          serviceState: 'APPLIED',
          appliedAt,
          clientIp: error.clientIp,
          resetDeadline:
            t.status.resetDeadline ??
            new Date(Date.parse(windowStart) + RESET_WINDOW_MS).toISOString(),
          message: `The service now refuses your address ${error.clientIp}: you are locked out. Open the Reset URL in the e-mail the service sent after the save; it works for one hour. Once access is back you can restore the previous revision.`,
        });
        return true;
      }
      if (error.kind === 'OFFLINE' || error.kind === 'TIMEOUT') {
        update(t, {
          phase: t.status.phase === 'verified' ? 'verified' : 'offline',
          message: 'The service cannot be reached right now; access could not be checked.',
        });
        return false;
      }
      update(t, { phase: 'error', message: error.message });
      return true;
    }
    const { apply } = result.value;
    const mine = t.status.revision;
    const shown = fingerprintOf({ mode: result.value.mode, entries: result.value.entries });
    if (t.expected !== null && result.value.revision === mine && shown !== t.expected) {
      // The service holds another list under the revision it acknowledged: never "verified".
      update(t, {
        phase: 'error',
        message: `The service shows another list at revision ${mine} than the one saved. Refresh from the service and review before saving again.`,
      });
      return true;
    }
    const appliedMine =
      apply.state === 'APPLIED' &&
      (apply.revision === mine || isLaterRevision(apply.revision, mine));
    if (!appliedMine) {
      update(t, {
        phase: 'applying',
        serviceState: apply.state,
        message: 'The service is applying the new list.',
      });
      return false;
    }
    // APPLIED and this GET was let through: the probe succeeded.
    update(t, {
      phase: 'verified',
      serviceState: 'APPLIED',
      appliedAt: apply.appliedAt ?? t.status.appliedAt ?? now().toISOString(),
      message:
        t.status.phase === 'locked-out'
          ? 'Access is back. You can restore the previous revision.'
          : 'Applied. Verified: you still have access.',
    });
    return true;
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
