import { analyzeLockout } from '../../../../shared/allowlist/lockout.ts';
import type { Config } from '../../../../shared/allowlist/model.ts';
import type { DraftView, PlanView, PullResultView } from '../../../../shared/contract/ipc.ts';
import { IPC_ERROR_CODES, type IpcErrorCode } from '../../../../shared/contract/ipc-errors.ts';
import { canonicalConfig } from '../../../../shared/sync/base.ts';
import type { AcceptedPut } from './switchboard.ts';
import { keysOf, LOGINS, passwordOf, type Login, type TenantName, type World } from './world.ts';

/**
 * The model of the world (what the admins did and were shown) and the promises checked after
 * every step:
 *  1. no remote change is lost unless the admin saw it in a plan or merge and chose so;
 *  2. no PUT excludes the then-current caller or a protected address without the phrase for
 *     exactly that exclusion;
 *  3. every autosaved edit is in the working copy or in a pushed revision;
 *  4. the password went only to its own origin (and login);
 *  5. no call ends in an internal error or refuses the app's own well-formed input.
 */

export type AppModel = {
  profileId: string;
  tenant: TenantName;
  login: Login;
  protected: { ip: string; label: string }[];
  /** Entries this admin added and did not remove or give up in a merge: ip → memo. */
  mine: Map<string, string>;
};

export type Model = {
  apps: AppModel[];
  /** Every entry (ip + memo) that was in a list a service accepted. */
  pushed: Set<string>;
  /** How many accepted saves of each switchboard were already checked. */
  checked: Record<TenantName, number>;
  seq: number;
};

/** Codes of the contract a user cannot meet in this world (the app's own input is well-formed). */
const UNREACHABLE_CODES: readonly IpcErrorCode[] = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'KEYCHAIN_UNAVAILABLE',
  'UNRESOLVED_CONFLICTS',
  'IMPORT_FAILED',
  'IMPORT_CANCELED',
  'EXPORT_FAILED',
  'STORE_ERROR',
  'INTERNAL',
];

/** Error codes a user can meet in this world; anything else is a bug. */
export const EXPECTED_CODES: ReadonlySet<string> = new Set(
  IPC_ERROR_CODES.filter((code) => !UNREACHABLE_CODES.includes(code)),
);

export class Violation extends Error {}

export function violated(what: string): never {
  throw new Violation(what);
}

/** How the calls ended, by channel and outcome (figures of a run). */
export const outcomes: Record<string, number> = {};

/** The value of an IPC result; an expected error code gives null; anything else is a violation. */
export function value<T>(
  result: { ok: true; value: T } | { ok: false; error: { code: string; message: string } },
  what: string,
): T | null {
  const answer = result.ok && typeof result.value === 'object' ? result.value : null;
  const status =
    answer && 'outcome' in answer
      ? String(answer.outcome)
      : answer && 'status' in answer
        ? String(answer.status)
        : result.ok
          ? 'ok'
          : result.error.code;
  outcomes[`${what} ${status}`] = (outcomes[`${what} ${status}`] ?? 0) + 1;
  if (result.ok) return result.value;
  if (!EXPECTED_CODES.has(result.error.code))
    violated(`${what}: ${result.error.code} ${result.error.message}`);
  return null;
}

const tagOf = (e: { ip: string; memo: string }) => `${e.ip} ${e.memo}`;

/** Promise 2 for one accepted save of `confirmation`'s push. */
function checkLockout(put: AcceptedPut, app: AppModel, confirmation: string | undefined): void {
  const checks = analyzeLockout(put.body, [
    { ip: put.caller, reason: 'self' },
    ...app.protected.map((p) => ({ ip: p.ip, reason: 'protected' as const, label: p.label })),
  ]);
  for (const lost of checks.filter((c) => !c.allowed)) {
    const named =
      confirmation !== undefined &&
      (confirmation.includes(lost.ip) ||
        (lost.reason === 'self' && confirmation.includes('unknown address')));
    if (!named)
      violated(
        `PUT from ${put.caller} excludes ${lost.reason} ${lost.ip} with confirmation ${JSON.stringify(confirmation)}`,
      );
  }
}

/** Promise 1: everything the save removed or changed from the service's list was in the plan. */
function checkNothingLost(put: AcceptedPut, plan: PlanView): void {
  if (canonicalConfig(put.body) !== canonicalConfig(plan.config))
    violated('a PUT sent another list than the plan showed');
  const removed = keysOf({ mode: 'ALLOW_ALL', entries: plan.diff.removed });
  const changed = new Set(plan.diff.memoChanged.map((c) => `${c.before.ip} ${c.before.memo}`));
  for (const r of plan.diff.rewritten) removed.add(`${r.before.ip}/${r.before.cidr ?? 32}`);
  const after = new Set(put.body.entries.map(tagOf));
  const afterKeys = keysOf(put.body);
  for (const entry of put.before.entries) {
    const key = `${entry.ip}/${entry.cidr ?? 32}`;
    if (!afterKeys.has(key) && !removed.has(key))
      violated(`the save dropped ${key} ("${entry.memo}") without showing it in the plan`);
    if (afterKeys.has(key) && !after.has(tagOf(entry)) && !changed.has(tagOf(entry)))
      violated(`the save changed the memo of ${key} without showing it in the plan`);
  }
  if (put.before.mode !== put.body.mode && plan.diff.modeChanged?.to !== put.body.mode)
    violated(`the save changed the mode to ${put.body.mode} without showing it in the plan`);
}

/**
 * The saves accepted since the last check. `push`: the push command that ran (its app, plan and
 * confirmation); every app save must come from it, at most one.
 */
export function checkSaves(
  model: Model,
  world: World,
  push: { app: number; plan: PlanView; confirmation: string | undefined } | null,
): void {
  for (const tenant of ['S', 'T'] as const) {
    const board = world.tenants[tenant].board;
    const fresh = board.accepted.slice(model.checked[tenant]);
    model.checked[tenant] = board.accepted.length;
    for (const put of fresh) for (const e of put.body.entries) model.pushed.add(tagOf(e));
    const fromApps = fresh.filter((p) => p.caller !== '127.0.0.9');
    if (fromApps.length === 0) continue;
    if (!push) violated(`a save reached ${tenant} outside a push`);
    if (fromApps.length > 1) violated(`one push saved ${fromApps.length} times`);
    const app = model.apps[push.app]!;
    if (app.tenant !== tenant)
      violated(`app ${push.app} saved to ${tenant}, its profile is at ${app.tenant}`);
    checkLockout(fromApps[0]!, app, push.confirmation);
    checkNothingLost(fromApps[0]!, push.plan);
  }
}

/** Promise 4: every credential a switchboard saw is that tenant's own login:password. */
export function checkCredentials(world: World): void {
  for (const tenant of ['S', 'T'] as const) {
    const valid = new Set(LOGINS.map((login) => `${login}:${passwordOf(tenant, login)}`));
    for (const seen of world.tenants[tenant].board.credentials)
      if (!valid.has(seen)) violated(`${tenant} received a credential that is not its own`);
  }
}

/** Promise 3: every autosaved addition is in the working copy or was in an accepted save. */
export async function checkEdits(model: Model, world: World): Promise<void> {
  for (const [i, app] of model.apps.entries()) {
    const draft = value(
      await world.apps[i]!.call('draft:get', { profileId: app.profileId }),
      'draft:get',
    );
    if (!draft) violated('draft:get failed');
    const working = new Set(draft.working.entries.map(tagOf));
    for (const [ip, memo] of app.mine)
      if (!working.has(`${ip} ${memo}`) && !model.pushed.has(`${ip} ${memo}`))
        violated(`app ${i} lost its edit ${ip} "${memo}"`);
  }
}

/** What one side changed from `base`, counted by network key (the model's own count). */
function changedFrom(base: Config, side: Config) {
  const key = (e: { ip: string; cidr: number | null }) => `${e.ip}/${e.cidr ?? 32}`;
  const before = new Map(base.entries.map((e) => [key(e), e.memo]));
  const after = new Map(side.entries.map((e) => [key(e), e.memo]));
  let added = 0;
  let memoChanged = 0;
  for (const [k, memo] of after) {
    if (!before.has(k)) added += 1;
    else if (before.get(k) !== memo) memoChanged += 1;
  }
  const removed = [...before.keys()].filter((k) => !after.has(k)).length;
  return { added, removed, memoChanged, modeChanged: base.mode !== side.mode };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * A pull's report against the model: the service's changes are those from the draft's base to
 * what the service holds (`held`, as the switchboard saw it), the admin's are those from the
 * base to the working copy before the pull; the list it brought is `held`; the status fits.
 */
export function checkPullReport(before: DraftView, held: Config, pulled: PullResultView): void {
  const base: Config = before.base
    ? { mode: before.base.mode, entries: before.base.entries }
    : { mode: 'ALLOW_ALL', entries: [] };
  const { changes } = pulled;
  const wantRemote = changedFrom(base, held);
  const wantLocal = changedFrom(base, before.working);
  if (!same(changes.remote, wantRemote))
    violated(
      `pull reported remote ${JSON.stringify(changes.remote)}, the model says ${JSON.stringify(wantRemote)}`,
    );
  if (!same(changes.local, wantLocal))
    violated(
      `pull reported local ${JSON.stringify(changes.local)}, the model says ${JSON.stringify(wantLocal)}`,
    );
  if (!same(changes.mine, before.working)) violated('pull reported another working copy as mine');
  if (!same(changes.base?.config ?? null, before.base ? base : null))
    violated('pull reported another base than the draft had');
  const brought = pulled.draft.merge
    ? pulled.draft.merge.remote
    : pulled.draft.base && { mode: pulled.draft.base.mode, entries: pulled.draft.base.entries };
  if (!brought || canonicalConfig(brought) !== canonicalConfig(held))
    violated('pull brought another list than the service holds');
  const state =
    pulled.status === 'conflicts'
      ? 'remote-changed'
      : pulled.draft.dirty
        ? 'local-changes'
        : 'up-to-date';
  if (pulled.sync.state !== state)
    violated(
      `pull ended ${pulled.status} (dirty ${pulled.draft.dirty}) but says ${pulled.sync.state}`,
    );
}

/** An entry with a unique address and memo. */
export function freshEntry(model: Model, prefix: number, who: string): Config['entries'][number] {
  const n = ++model.seq;
  return { ip: `10.${prefix}.${(n >> 8) & 255}.${n & 255}`, cidr: null, memo: `${who}-${n}` };
}
