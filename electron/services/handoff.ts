import { DEFAULT_MAX_ENTRIES, type Config } from '../../shared/allowlist/model.ts';
import { validateConfig } from '../../shared/allowlist/validate.ts';
import type { EgressView, HandoffStatusView } from '../../shared/contract/handoff-schemas.ts';
import type { DraftView, PlanView } from '../../shared/contract/ipc.ts';
import {
  exportEntries,
  leftOutEntries,
  refusedEntries,
  STORE_CSV_MAX_BYTES,
} from '../../shared/export/index.ts';
import { sameBase, type BaseIdentity } from '../../shared/sync/base.ts';
import { sameConfig } from '../../shared/sync/merge.ts';
import { confirmationPhraseFor, lockoutChecks } from '../../shared/sync/plan.ts';
import { restrictionOffAfter } from '../../shared/sync/restriction-off.ts';
import type { Dialogs } from '../ipc/deps.ts';
import { identityOf, snapshotOf } from './base-identity.ts';
import type { Drafts } from './drafts.ts';
import { AppError } from './errors.ts';
import { kindOf } from './profiles.ts';
import { planViewOf, recordPush } from './push-facts.ts';
import { RESET_WINDOW_MS } from './service-failure.ts';
import type { AppStore, ProfileRecord, SnapshotRecord } from './store.ts';
import { draftView, isDirty } from './views.ts';

/**
 * The guided hand-off of a cybozu.com tenant: its IP address restriction has no admin API, so the
 * admin saves the list on the cybozu.com Store by uploading the app's CSV.
 *
 * The list in force (the draft's base) is the one the admin last confirmed as saved on the Store;
 * the first one is stated by the admin (typed or imported) and marked so. The plan is the API
 * profiles' plan (shared/sync/plan.ts) with the admin's address from the egress check instead of
 * the service. "Prepare" re-checks the plan and the lockout phrase, writes the Store's CSV
 * (shared/export `cybozu-csv`, refusing per entry what it cannot hold) and remembers it as pending;
 * "confirm" (the admin says it is saved on the Store) records the revision in the history, makes it
 * the list in force and starts the Reset URL hour.
 */

export type HandoffDeps = {
  store: AppStore;
  drafts: Drafts;
  /** The admin's address now (electron/services/egress.ts with the settings' endpoints). */
  egress: () => Promise<EgressView>;
  /** The address-check endpoints `egress` asks now: a plan made with others is out of date. */
  endpoints: () => readonly string[];
  dialogs: Pick<Dialogs, 'saveFile'>;
  now?: () => Date;
};

/**
 * A plan and the facts its lockout verdict rests on: the list in force, the endpoints that told
 * the admin's address (and what they said), the protected addresses. Any of them changed: the
 * plan is out of date and makes no file.
 */
type StoredPlan = {
  view: PlanView;
  base: BaseIdentity;
  egress: EgressView;
  endpoints: string;
  protectedAddresses: string;
};

/** The protected addresses as a plan compares them (order and labels count: the plan shows them). */
const protectedKey = (p: ProfileRecord): string => JSON.stringify(p.protectedAddresses);

/** The next revision of a hand-off profile: its own count (the Store shows none). */
function nextRevision(base: SnapshotRecord | null): string {
  const n = base ? Number(base.revision) : 0;
  return String(Number.isSafeInteger(n) && n >= 0 ? n + 1 : 1);
}

/** The file name offered for a profile's CSV: its host, so two tenants' files differ. */
function fileNameFor(profile: ProfileRecord): string {
  const host = new URL(profile.serviceUrl).hostname.replace(/[^A-Za-z0-9.-]/g, '_');
  return `ip-address-restriction-${host}.csv`;
}

export function createHandoff(deps: HandoffDeps) {
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();
  const plans = new Map<string, StoredPlan>();

  const profile = (id: string): ProfileRecord => {
    const p = deps.drafts.profile(id);
    if (kindOf(p) !== 'cybozu-store') throw new AppError('INVALID_INPUT', {}, 'HANDOFF_NOT_STORE');
    return p;
  };
  const limitOf = (p: ProfileRecord): number => p.maxEntries ?? DEFAULT_MAX_ENTRIES;

  const status = (profileId: string): HandoffStatusView => {
    profile(profileId);
    const base = deps.drafts.load(profileId).base;
    const doc = deps.store.getHandoff(profileId);
    return {
      profileId,
      inForce: base && {
        revision: base.revision,
        stated: base.stated === true,
        since: base.pulledAt,
        mode: base.config.mode,
        entries: base.config.entries.length,
      },
      pending: doc.pending && {
        preparedAt: doc.pending.preparedAt,
        fileName: doc.pending.fileName,
        mode: doc.pending.config.mode,
        entries: doc.pending.config.entries.length,
      },
      saved: doc.saved,
    };
  };

  /** Make `config` the list in force (base); the working copy follows unless it has edits. */
  const setBase = (p: ProfileRecord, config: Config, extra: Partial<SnapshotRecord>) => {
    const draft = deps.drafts.load(p.id);
    const base: SnapshotRecord = {
      ...snapshotOf(p, {
        revision: nextRevision(draft.base),
        config,
        pulledAt: now(),
        maxEntries: limitOf(p),
      }),
      ...extra,
    };
    const working = isDirty(draft) ? draft.working : config;
    plans.delete(p.id);
    return deps.drafts.persist({ ...draft, base, working, merge: null, updatedAt: now() });
  };

  return {
    status,
    /** The profile, refused unless it is a hand-off profile. */
    profileOf: profile,

    /** The admin states the list in force now (typed or imported): the plan's starting point. */
    setInForce(profileId: string, config: Config): { draft: DraftView; status: HandoffStatusView } {
      const p = profile(profileId);
      // The Store holds only lists it accepted: an error here is a typo or a wrong file. (Its
      // size is not checked: the Store's own limit may be larger than the profile's.)
      const error = validateConfig(config, { maxEntries: Number.MAX_SAFE_INTEGER }).find(
        (p) => p.severity === 'error',
      );
      if (error) {
        const entry = error.index === undefined ? undefined : config.entries[error.index];
        const params = {
          field: error.field ?? 'entries',
          problem: error.code,
          detail: error.message,
        };
        throw entry && error.index !== undefined
          ? new AppError(
              'INVALID_INPUT',
              {
                ...params,
                index: error.index,
                entry: error.index + 1,
                ip: entry.ip.slice(0, 60),
              },
              'HANDOFF_INVALID_ENTRY',
            )
          : new AppError(
              'INVALID_INPUT',
              { ...params, ...(error.index === undefined ? {} : { index: error.index }) },
              'HANDOFF_INVALID_LIST',
            );
      }
      const draft = setBase(p, config, { stated: true });
      deps.store.saveHandoff(profileId, { ...deps.store.getHandoff(profileId), pending: null });
      return { draft: draftView(draft), status: status(profileId) };
    },

    /** The plan against the list in force, with the admin's address from the egress check. */
    async plan(profileId: string): Promise<{ plan: PlanView; egress: EgressView }> {
      const p = profile(profileId);
      const draft = deps.drafts.load(profileId);
      if (!draft.base) throw new AppError('NOT_PULLED', {}, 'HANDOFF_NOT_ENTERED');
      const endpoints = JSON.stringify(deps.endpoints());
      const egress = await deps.egress();
      const view = planViewOf({
        profileId,
        base: draft.base,
        working: draft.working,
        caller: { ip: egress.ip, error: egress.warning },
        protectedAddresses: p.protectedAddresses,
        maxEntries: limitOf(p),
        createdAt: now(),
      });
      plans.set(profileId, {
        view,
        base: identityOf(draft.base) as BaseIdentity,
        egress,
        endpoints,
        protectedAddresses: protectedKey(p),
      });
      return { plan: view, egress };
    },

    /**
     * The plan still holds and is confirmed: write the Store's CSV (a save dialog, or a download
     * in browser mode). Nothing is written when the Store would not take an entry.
     */
    async prepare(profileId: string, planId: string, confirmation: string | undefined) {
      const p = profile(profileId);
      const stored = plans.get(profileId);
      if (!stored || stored.view.planId !== planId)
        throw new AppError('PLAN_STALE', {}, 'HANDOFF_PLAN_OUT_OF_DATE');
      const draft = deps.drafts.load(profileId);
      if (
        !draft.base ||
        !sameBase(identityOf(draft.base), stored.base) ||
        !sameConfig(draft.working, stored.view.config)
      ) {
        plans.delete(profileId);
        throw new AppError('PLAN_STALE', {}, 'HANDOFF_DRAFT_CHANGED');
      }
      if (
        stored.endpoints !== JSON.stringify(deps.endpoints()) ||
        stored.protectedAddresses !== protectedKey(p)
      ) {
        plans.delete(profileId);
        throw new AppError('PLAN_STALE', {}, 'HANDOFF_CHECKS_CHANGED');
      }
      // The admin's address now: another network or a VPN since the plan makes its verdict wrong.
      const egressNow = await deps.egress();
      if (egressNow.ip !== stored.egress.ip) {
        plans.delete(profileId);
        const [was, isNow] = [stored.egress.ip, egressNow.ip];
        throw new AppError(
          'PLAN_STALE',
          { ...(was === null ? {} : { was }), ...(isNow === null ? {} : { now: isNow }) },
          was === null
            ? 'HANDOFF_ADDRESS_NOW_AGREED'
            : isNow === null
              ? 'HANDOFF_ADDRESS_NO_LONGER_AGREED'
              : 'HANDOFF_ADDRESS_CHANGED',
        );
      }
      if (stored.view.blockers.length > 0)
        throw new AppError('PLAN_BLOCKED', {}, 'HANDOFF_PLAN_BLOCKED');
      if (!stored.view.canPush)
        throw new AppError('NOTHING_TO_PUSH', {}, 'HANDOFF_NOTHING_TO_SAVE');
      const checks = lockoutChecks(stored.view.config, stored.egress.ip, p.protectedAddresses);
      const phrase = confirmationPhraseFor(checks);
      if (phrase !== null && phrase !== confirmation) {
        if (phrase !== stored.view.confirmationPhrase) {
          plans.delete(profileId);
          throw new AppError(
            'LOCKOUT_CHANGED',
            { clientIp: stored.egress.ip ?? 'unknown' },
            'PROTECTED_CHANGED',
          );
        }
        throw new AppError('CONFIRMATION_REQUIRED', { phrase }, 'HANDOFF_CONFIRMATION_REQUIRED');
      }
      const config = stored.view.config;
      let fileName: string | null = null;
      if (config.mode === 'ALLOW_SPECIFIC') {
        const out = await exportEntries(config.entries, 'cybozu-csv', { refuseFormulas: true });
        const leftOut = leftOutEntries(out.problems);
        if (refusedEntries(leftOut, {}).length > 0)
          return {
            status: 'refused' as const,
            leftOut: leftOut.map((l) => ({ index: l.index, reason: l.reason })),
            problems: out.problems,
          };
        if (out.bytes.byteLength > STORE_CSV_MAX_BYTES)
          throw new AppError(
            'EXPORT_FAILED',
            { megabytes: Math.ceil(out.bytes.byteLength / 1048576) },
            'HANDOFF_FILE_TOO_LARGE',
          );
        const saved = await deps.dialogs.saveFile(fileNameFor(p), out.bytes);
        if (!saved) return { status: 'canceled' as const };
        fileName = saved.name;
      }
      const doc = deps.store.getHandoff(profileId);
      // A file made while another waits: the Store may have taken the earlier one.
      const earlier =
        doc.pending && doc.pending.baseRevision === stored.view.baseRevision
          ? (doc.pending.firstPreparedAt ?? doc.pending.preparedAt)
          : null;
      deps.store.saveHandoff(profileId, {
        ...doc,
        pending: {
          planId,
          config,
          baseRevision: stored.view.baseRevision,
          preparedAt: now(),
          ...(earlier === null ? {} : { firstPreparedAt: earlier }),
          fileName,
        },
      });
      return {
        status: 'ready' as const,
        fileName,
        mode: config.mode,
        entries: config.entries.length,
      };
    },

    /** Forget the file made for the Store (the admin did not save it there). */
    cancel(profileId: string): HandoffStatusView {
      profile(profileId);
      deps.store.saveHandoff(profileId, { ...deps.store.getHandoff(profileId), pending: null });
      return status(profileId);
    },

    /**
     * "Saved on the Store": the pending list becomes the list in force, the revision goes into the
     * history, and the Reset URL hour starts (counted from when the file was made, the first one
     * if several were made meanwhile: the e-mail cannot be older, so the countdown may show less
     * time than there is, never more).
     */
    confirm(profileId: string): { draft: DraftView; status: HandoffStatusView } {
      const p = profile(profileId);
      const doc = deps.store.getHandoff(profileId);
      const pending = doc.pending;
      if (!pending) throw new AppError('NOT_FOUND', {}, 'HANDOFF_NO_PENDING_FILE');
      const before = deps.drafts.load(profileId);
      if (!before.base || before.base.revision !== pending.baseRevision) {
        deps.store.saveHandoff(profileId, { ...doc, pending: null });
        throw new AppError('PLAN_STALE', {}, 'HANDOFF_IN_FORCE_CHANGED');
      }
      const revision = nextRevision(before.base);
      const restoreHistoryId = recordPush(deps.store, now(), {
        profileId,
        base: before.base,
        pushed: pending.config,
        revision,
        confirmed: true,
      });
      const base = snapshotOf(p, {
        revision,
        config: pending.config,
        pulledAt: now(),
        maxEntries: limitOf(p),
      });
      // Edits made after the file was made stay in the working copy.
      const working = sameConfig(before.working, pending.config) ? pending.config : before.working;
      const draft = deps.drafts.persist({
        ...before,
        base,
        working,
        merge: null,
        updatedAt: now(),
      });
      plans.delete(profileId);
      deps.store.saveHandoff(profileId, {
        pending: null,
        saved: {
          revision,
          savedAt: now(),
          resetDeadline: new Date(
            Date.parse(pending.firstPreparedAt ?? pending.preparedAt) + RESET_WINDOW_MS,
          ).toISOString(),
          restoreHistoryId,
          phase: 'saved',
        },
      });
      return { draft: draftView(draft), status: status(profileId) };
    },

    /**
     * Access is back because a cybozu.com Store Administrator set "Allow all" on the Store: that
     * is the list in force now, marked so that the plan says the restriction stays off and the
     * editor offers to turn it back on; the history offers the list from before the save.
     */
    accessBack(profileId: string): { draft: DraftView; status: HandoffStatusView } {
      const p = profile(profileId);
      const doc = deps.store.getHandoff(profileId);
      if (!doc.saved) throw new AppError('NOT_FOUND', {}, 'HANDOFF_NOT_FOLLOWED');
      const before = deps.drafts.load(profileId);
      const allowAll: Config = { mode: 'ALLOW_ALL', entries: before.base?.config.entries ?? [] };
      const restrictionOff = restrictionOffAfter(before.base, allowAll);
      const draft = setBase(p, allowAll, restrictionOff ? { restrictionOff } : {});
      deps.store.saveHandoff(profileId, { ...doc, saved: { ...doc.saved, phase: 'access-back' } });
      return { draft: draftView(draft), status: status(profileId) };
    },

    /** Stop following the last save (the admin closed the recovery or restored). */
    dismiss(profileId: string): HandoffStatusView {
      profile(profileId);
      deps.store.saveHandoff(profileId, { ...deps.store.getHandoff(profileId), saved: null });
      return status(profileId);
    },

    forget(profileId: string): void {
      plans.delete(profileId);
    },
  };
}

export type Handoff = ReturnType<typeof createHandoff>;
