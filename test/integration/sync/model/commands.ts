import fc from 'fast-check';
import type { Config } from '../../../../shared/allowlist/model.ts';
import type { DraftView, PlanView } from '../../../../shared/contract/ipc.ts';
import { EMPTY } from './switchboard.ts';
import {
  checkCredentials,
  checkEdits,
  checkPullReport,
  checkSaves,
  freshEntry,
  value,
  violated,
  type Model,
} from './invariants.ts';
import { passwordOf, type TenantName, type World } from './world.ts';

/**
 * The commands of the model-based test: what two admins (and a third one) do. Each runs against
 * the real world, updates the model with what the admin did or chose, then checks the promises.
 */

type Cmd = fc.AsyncCommand<Model, World>;
const CALLERS = ['127.0.0.1', '127.0.0.2', '127.0.0.3'];
const PROTECTABLE = ['127.0.0.1', '127.0.0.2', '127.0.0.9', '192.0.2.77'];

/** App i stores this password for its profile (the call must succeed). */
async function setPassword(w: World, i: number, profileId: string, password: string) {
  value(
    await w.apps[i]!.call('profiles:set-password', { profileId, password }),
    'profiles:set-password',
  );
}

async function after(model: Model, world: World, push: Parameters<typeof checkSaves>[2] = null) {
  checkSaves(model, world, push);
  checkCredentials(world);
  await checkEdits(model, world);
}

async function draftOf(world: World, model: Model, i: number): Promise<DraftView> {
  const draft = value(
    await world.apps[i]!.call('draft:get', { profileId: model.apps[i]!.profileId }),
    'draft:get',
  );
  if (!draft) violated('draft:get failed');
  return draft;
}

async function working(world: World, model: Model, i: number): Promise<Config> {
  return (await draftOf(world, model, i)).working;
}

/**
 * "Discard my changes" on the merge screen (or any time): one call drops the edits and pulls.
 * The admin chose to drop every edit not yet saved to a service: the model forgets them.
 */
async function discardAndPull(world: World, model: Model, i: number, garbage: boolean) {
  const app = model.apps[i]!;
  const board = world.tenants[app.tenant].board;
  if (garbage) board.faults.add('get-garbage');
  const before = await draftOf(world, model, i);
  const out = value(
    await world.apps[i]!.call('sync:discard-and-pull', { profileId: app.profileId }),
    'sync:discard-and-pull',
  );
  board.faults.delete('get-garbage');
  if (!out) return;
  for (const [ip, memo] of app.mine) if (!model.pushed.has(`${ip} ${memo}`)) app.mine.delete(ip);
  // Discarded: nothing of the old working copy is left beyond the base.
  const baseList = before.base ? { mode: before.base.mode, entries: before.base.entries } : null;
  if (out.outcome === 'pull-failed') {
    if (out.sync.state !== 'offline' && out.sync.state !== 'error')
      violated(`discard-and-pull failed but says ${out.sync.state}`);
    if (out.draft.dirty || out.draft.merge)
      violated('the discard did not stand after a failed pull');
    return;
  }
  checkPullReport({ ...before, working: baseList ?? EMPTY, merge: null }, board.content, out);
  if (out.draft.merge) violated('a clean draft came back from a pull with a merge');
}

async function autosave(world: World, model: Model, i: number, next: Config): Promise<void> {
  const saved = await world.apps[i]!.call('draft:save', {
    profileId: model.apps[i]!.profileId,
    working: next,
  });
  if (!saved.ok) violated(`autosave refused: ${saved.error.code} ${saved.error.message}`);
}

type EditKind = 'add' | 'remove-mine' | 'remove-any' | 'mode' | 'add-caller';

/** One edit in the editor, autosaved. */
async function edit(world: World, model: Model, i: number, kind: EditKind, pick: number) {
  const app = model.apps[i]!;
  const w = await working(world, model, i);
  let next: Config;
  if (kind === 'add') {
    const entry = freshEntry(model, i + 1, `a${i}`);
    app.mine.set(entry.ip, entry.memo);
    next = { ...w, entries: [...w.entries, entry] };
  } else if (kind === 'add-caller') {
    const ip = CALLERS[pick % CALLERS.length]!;
    if (w.entries.some((e) => e.ip === ip)) return;
    const entry = { ip, cidr: null, memo: `caller-${++model.seq}` };
    app.mine.set(entry.ip, entry.memo);
    next = { ...w, entries: [...w.entries, entry] };
  } else if (kind === 'mode') {
    next = { ...w, mode: w.mode === 'ALLOW_ALL' ? 'ALLOW_SPECIFIC' : 'ALLOW_ALL' };
  } else {
    const pool =
      kind === 'remove-mine' ? w.entries.filter((e) => app.mine.get(e.ip) === e.memo) : w.entries;
    const gone = pool[pick % Math.max(1, pool.length)];
    if (!gone) return;
    if (app.mine.get(gone.ip) === gone.memo) app.mine.delete(gone.ip);
    next = { ...w, entries: w.entries.filter((e) => e !== gone) };
  }
  await autosave(world, model, i, next);
}

const cmd = (
  name: string,
  run: (model: Model, world: World) => Promise<void>,
  check: (model: Model) => boolean = () => true,
): Cmd => ({ check, run, toString: () => name });

/** Pull; a merge with conflicts is resolved with the admin's choices (seen, and chosen). */
async function pull(world: World, model: Model, i: number, garbage: boolean, local: boolean[]) {
  const app = model.apps[i]!;
  if (garbage) world.tenants[app.tenant].board.faults.add('get-garbage');
  const before = await draftOf(world, model, i);
  const pulled = value(
    await world.apps[i]!.call('sync:pull', { profileId: app.profileId }),
    'sync:pull',
  );
  world.tenants[app.tenant].board.faults.delete('get-garbage');
  // What the pull says changed on each side must be what the model says changed.
  if (pulled) checkPullReport(before, world.tenants[app.tenant].board.content, pulled);
  const merge = pulled?.draft.merge;
  if (!merge) return;
  const resolutions = merge.conflicts.map((c, n) => {
    const choice = (local[n % Math.max(1, local.length)] ?? true) ? 'local' : 'remote';
    if (choice === 'remote' && c.kind === 'entry' && c.local) app.mine.delete(c.local.ip);
    return { id: c.id, choice } as const;
  });
  value(
    await world.apps[i]!.call('merge:resolve', { profileId: app.profileId, resolutions }),
    'merge:resolve',
  );
}

type PushOptions = {
  /** The edit made just before "Review and save" (as an admin does), if any. */
  editFirst: EditKind | null;
  phrase: boolean;
  move: string | null;
  race: 'none' | 'before' | 'during';
  autosaveDuring: boolean;
  fault: 'none' | 'client-ip-empty' | 'put-html';
};

async function thirdWrite(world: World, model: Model, tenant: TenantName, kind: number) {
  const service = world.third(tenant);
  const now = await service.get();
  if (!now.ok) return;
  const entries = [...now.value.entries];
  if (kind % 3 === 0 || entries.length === 0) entries.push(freshEntry(model, 9, 'third'));
  else if (kind % 3 === 1) entries.splice(kind % entries.length, 1);
  else
    entries[kind % entries.length] = {
      ...entries[kind % entries.length]!,
      memo: `third-${++model.seq}`,
    };
  await service.put({ mode: now.value.mode, entries }, now.value.revision);
}

/** Review and save: plan, maybe things change, push with or without the plan's phrase. */
async function planPush(world: World, model: Model, i: number, o: PushOptions) {
  const app = model.apps[i]!;
  const board = world.tenants[app.tenant].board;
  const real = world.apps[i]!;
  if (o.editFirst) await edit(world, model, i, o.editFirst, model.seq);
  if (o.fault === 'client-ip-empty') board.faults.add('client-ip-empty');
  const plan: PlanView | null = value(
    await real.call('sync:plan', { profileId: app.profileId }),
    'sync:plan',
  );
  board.faults.delete('client-ip-empty');
  if (!plan) return after(model, world);
  if (o.move) real.network.localAddress = o.move;
  if (o.race === 'before') await thirdWrite(world, model, app.tenant, model.seq);
  if (o.fault === 'put-html') board.faults.add('put-html');
  const confirmation = o.phrase ? (plan.confirmationPhrase ?? undefined) : undefined;
  const gate = o.race === 'during' || o.autosaveDuring ? board.hold() : null;
  const pushing = real.call('sync:push', {
    profileId: app.profileId,
    planId: plan.planId,
    ...(confirmation !== undefined ? { confirmation } : {}),
  });
  if (gate) {
    // Wait for the PUT to be held, or for the push to end without one.
    let ended = false;
    void pushing.finally(() => (ended = true));
    while (!gate.held() && !ended) await new Promise((r) => setTimeout(r, 5));
    if (gate.held()) {
      if (o.autosaveDuring) await edit(world, model, i, 'add', 0);
      if (o.race === 'during') await thirdWrite(world, model, app.tenant, model.seq);
    }
    gate.release();
  }
  value(await pushing, 'sync:push');
  board.faults.delete('put-html');
  await real.created.services.tracker.stopAll();
  await after(model, world, { app: i, plan, confirmation });
}

const app = fc.integer({ min: 0, max: 1 });
const tenant = fc.constantFrom<TenantName>('S', 'T');

/** Every command, as arbitraries (editing, pulling and saving weigh more, as in real use). */
const all: fc.Arbitrary<Cmd>[] = [
  fc
    .tuple(
      app,
      fc.constantFrom<EditKind>(
        'add',
        'add',
        'remove-mine',
        'remove-any',
        'remove-any',
        'mode',
        'add-caller',
      ),
      fc.nat(50),
    )
    .map(([i, kind, pick]) =>
      cmd(`Edit(${i},${kind},${pick})`, async (m, w) => {
        await edit(w, m, i, kind, pick);
        await after(m, w);
      }),
    ),
  fc.tuple(app, fc.boolean(), fc.array(fc.boolean(), { maxLength: 4 })).map(([i, garbage, local]) =>
    cmd(
      `Pull(${i}${garbage ? ',garbage' : ''},${local.map((l) => (l ? 'L' : 'R')).join('')})`,
      async (m, w) => {
        await pull(w, m, i, garbage, local);
        await after(m, w);
      },
    ),
  ),
  fc
    .tuple(
      app,
      fc.record({
        editFirst: fc.constantFrom<EditKind | null>(
          'add',
          'remove-any',
          'add-caller',
          'mode',
          null,
        ),
        phrase: fc.boolean(),
        move: fc.option(fc.constantFrom(...CALLERS), { freq: 4 }),
        race: fc.constantFrom<PushOptions['race']>(
          'none',
          'none',
          'none',
          'none',
          'before',
          'during',
        ),
        autosaveDuring: fc.boolean(),
        fault: fc.constantFrom<PushOptions['fault']>(
          'none',
          'none',
          'none',
          'client-ip-empty',
          'put-html',
        ),
      }),
    )
    .map(([i, o]) => cmd(`PlanPush(${i},${JSON.stringify(o)})`, (m, w) => planPush(w, m, i, o))),
  fc.tuple(app, fc.boolean()).map(([i, garbage]) =>
    cmd(`DiscardAndPull(${i}${garbage ? ',garbage' : ''})`, async (m, w) => {
      await discardAndPull(w, m, i, garbage);
      await after(m, w);
    }),
  ),
  fc.tuple(tenant, fc.nat(30)).map(([t, kind]) =>
    cmd(`ThirdAdmin(${t},${kind % 3})`, async (m, w) => {
      await thirdWrite(w, m, t, kind);
      await after(m, w);
    }),
  ),
  fc.tuple(app, fc.constantFrom(true, true, false)).map(([i, now]) =>
    cmd(`ChangeUrl(${i},${now ? 'password' : 'no password'})`, async (m, w) => {
      const a = m.apps[i]!;
      const target: TenantName = a.tenant === 'S' ? 'T' : 'S';
      value(
        await w.apps[i]!.call('profiles:update', {
          profileId: a.profileId,
          fields: { serviceUrl: w.tenants[target].board.url },
        }),
        'profiles:update',
      );
      a.tenant = target;
      // Until the password is entered again, nothing may reach the new origin with the old one.
      value(await w.apps[i]!.call('sync:pull', { profileId: a.profileId }), 'sync:pull');
      if (now) await setPassword(w, i, a.profileId, passwordOf(target, a.login));
      // The workspace pulls from the new service (the merge brings the draft over).
      if (now) await pull(w, m, i, false, [true]);
      await after(m, w);
    }),
  ),
  fc.tuple(app, fc.constantFrom(true, true, false)).map(([i, now]) =>
    cmd(`ChangeLogin(${i},${now ? 'password' : 'no password'})`, async (m, w) => {
      const a = m.apps[i]!;
      a.login = a.login === 'admin' ? 'ops' : 'admin';
      value(
        await w.apps[i]!.call('profiles:update', {
          profileId: a.profileId,
          fields: { login: a.login },
        }),
        'profiles:update',
      );
      value(await w.apps[i]!.call('sync:status', { profileId: a.profileId }), 'sync:status');
      if (now) await setPassword(w, i, a.profileId, passwordOf(a.tenant, a.login));
      await after(m, w);
    }),
  ),
  app.map((i) =>
    cmd(`SetPassword(${i})`, async (m, w) => {
      const a = m.apps[i]!;
      await setPassword(w, i, a.profileId, passwordOf(a.tenant, a.login));
      await after(m, w);
    }),
  ),
  fc.tuple(app, fc.subarray(PROTECTABLE)).map(([i, ips]) =>
    cmd(`Protect(${i},${ips.join('+')})`, async (m, w) => {
      const a = m.apps[i]!;
      const list = ips.map((ip) => ({ ip, label: `p ${ip}` }));
      value(
        await w.apps[i]!.call('profiles:update', {
          profileId: a.profileId,
          fields: { protectedAddresses: list },
        }),
        'profiles:update',
      );
      a.protected = list;
      await after(m, w);
    }),
  ),
  fc.tuple(app, fc.constantFrom(...CALLERS)).map(([i, ip]) =>
    cmd(`MoveCaller(${i},${ip})`, async (m, w) => {
      w.apps[i]!.network.localAddress = ip;
      await after(m, w);
    }),
  ),
  fc.tuple(tenant, fc.boolean()).map(([t, keep]) =>
    cmd(`RestartService(${t},${keep ? 'with data' : 'data lost'})`, async (m, w) => {
      await w.restartTenant(t, keep);
      await after(m, w);
    }),
  ),
  tenant.map((t) =>
    cmd(`ResetUrl(${t})`, async (m, w) => {
      await w.openResetUrl(t);
      await after(m, w);
    }),
  ),
  app.map((i) =>
    cmd(`RestartApp(${i})`, async (m, w) => {
      await w.apps[i]!.restart();
      await after(m, w);
    }),
  ),
];

const [editing, pulling, saving, ...rest] = all;
const times = <T>(n: number, x: T): T[] => Array.from({ length: n }, () => x);
export const commands: fc.Arbitrary<Cmd>[] = [
  ...times(6, editing!),
  ...times(3, pulling!),
  ...times(5, saving!),
  ...rest,
];
