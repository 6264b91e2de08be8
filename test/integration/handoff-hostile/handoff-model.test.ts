import fc from 'fast-check';
import { command } from '../../support/fc-command.ts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { downEndpoint, echo, type Fake } from '../../support/handoff-fakes.ts';
import { list, startWorld, type World } from './support.ts';

/**
 * A stateful property of the hand-off (fast-check `fc.commands`, fixed seed, ~15 s) against the
 * real handlers, store and keychain and loopback "what is my IP" endpoints, with a restart among
 * the commands.
 *
 * Invariant 1 (never lock out silently): a file is made only from the latest plan whose facts
 * (list in force, draft, protected addresses, endpoints) are unchanged, and only with the phrase
 * when the list leaves out the admin's address, a protected address, or the address is unknown.
 * Invariant 4 ("Saved on the Store?" is truthful): confirming makes exactly the file's list the
 * list in force and the history's newest revision, keeps later edits, never shows a Reset URL
 * hour longer than an hour from now; cancelling moves nothing; a restart keeps the pending file.
 */

const ME = '198.51.100.7';
const OTHER = '203.0.113.5';
const CONFIGS: Config[] = [
  list(ME),
  list(ME, OTHER),
  list(OTHER),
  list('198.51.100.99'),
  list('10.0.0.5', OTHER),
  { mode: 'ALLOW_ALL', entries: [] },
];
type EgressKind = 'me' | 'other' | 'private' | 'down';

type Model = {
  inForce: Config | null;
  working: Config;
  protectedIps: string[];
  egress: EgressKind;
  pending: Config | null;
  /** A moment just after the first file waiting now was made (the Reset URL hour ends by +1 h). */
  firstMadeBy: number | null;
  /** The last plan: its id, list, and whether its facts changed since (stale). */
  plan: { id: string; config: Config; stale: boolean } | null;
};
type Real = { w: World; endpoints: Record<EgressKind, string[]> };

/** The list in force as the draft shows it. */
const inForceOf = (draft: { base: { mode: Config['mode']; entries: Config['entries'] } | null }) =>
  draft.base && { mode: draft.base.mode, entries: draft.base.entries };
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const stale = (m: Model) => {
  if (m.plan) m.plan.stale = true;
};

/** Whether this list needs the phrase with these facts (computed here, not by the app). */
function needsPhrase(m: Model, config: Config): boolean {
  if (config.mode === 'ALLOW_ALL') return false;
  const ips = config.entries.map((e) => e.ip);
  const known = m.egress === 'me' ? ME : m.egress === 'other' ? '198.51.100.99' : null;
  if (known === null || !ips.includes(known)) return true;
  return m.protectedIps.some((p) => !ips.includes(p));
}

const Edit = (config: Config) =>
  command<Model, Real>(`Edit(${JSON.stringify(config.entries.map((e) => e.ip))})`, async (m, r) => {
    await r.w.call('draft:save', { profileId: r.w.profileId, working: config });
    if (m.plan && !same(config, m.plan.config)) stale(m);
    m.working = config;
  });

const StateInForce = (config: Config) =>
  command<Model, Real>(`StateInForce(${config.mode} ${config.entries.length})`, async (m, r) => {
    const before = await r.w.call('draft:get', { profileId: r.w.profileId });
    await r.w.call('handoff:set-in-force', { profileId: r.w.profileId, config: config });
    if (!before.dirty) m.working = config;
    m.inForce = config;
    m.pending = null;
    m.firstMadeBy = null;
    stale(m);
  });

const SetEgress = (kind: EgressKind) =>
  command<Model, Real>(`SetEgress(${kind})`, async (m, r) => {
    await r.w.endpoints(r.endpoints[kind]);
    if (kind !== m.egress) stale(m);
    m.egress = kind;
  });

const Protect = (ips: string[]) =>
  command<Model, Real>(`Protect(${ips.join(',')})`, async (m, r) => {
    await r.w.call('profiles:update', {
      profileId: r.w.profileId,
      fields: { protectedAddresses: ips.map((ip) => ({ ip, label: 'p' })) },
    });
    if (!same(ips, m.protectedIps)) stale(m);
    m.protectedIps = ips;
  });

const Plan = () =>
  command<Model, Real>(
    'Plan',
    async (m, r) => {
      const { plan } = await r.w.call('handoff:plan', { profileId: r.w.profileId });
      expect(plan.config).toEqual(m.working);
      // Invariant 1: the plan asks for the phrase exactly when someone would lose access.
      expect(plan.confirmationPhrase !== null).toBe(needsPhrase(m, m.working));
      m.plan = { id: plan.planId, config: m.working, stale: false };
    },
    (m: Readonly<Model>) => m.inForce !== null,
  );

const Prepare = (withPhrase: boolean) =>
  command<Model, Real>(
    `Prepare(${withPhrase ? 'phrase' : 'no phrase'})`,
    async (m, r) => {
      const plan = m.plan!;
      const fresh = phraseOf(m);
      const files = r.w.files.length;
      let ok = true;
      try {
        await r.w.call('handoff:prepare', {
          profileId: r.w.profileId,
          planId: plan.id,
          ...(withPhrase && fresh !== null ? { confirmation: fresh } : {}),
        });
      } catch {
        ok = false;
      }
      const allowed =
        !plan.stale &&
        !same(plan.config, m.inForce) &&
        (withPhrase || !needsPhrase(m, plan.config));
      // Invariant 1, both ways: a file exactly when the latest plan holds with its phrase.
      expect(ok).toBe(allowed);
      if (!ok) {
        expect(r.w.files.length).toBe(files);
        if (plan.stale) m.plan = null;
        return;
      }
      if (plan.config.mode === 'ALLOW_SPECIFIC') {
        expect(r.w.files.length).toBe(files + 1);
        const text = new TextDecoder('shift_jis').decode(r.w.files.at(-1)!.bytes);
        for (const e of plan.config.entries) expect(text).toContain(`"${e.ip}"`);
      }
      m.pending = plan.config;
      m.firstMadeBy ??= Date.now();
    },
    (m: Readonly<Model>) => m.plan !== null,
  );

/** The phrase the plan the model holds needs now (computed here, not by the app). */
function phraseOf(m: Model): string | null {
  if (!m.plan) return null;
  const ips = m.plan.config.mode === 'ALLOW_ALL' ? null : m.plan.config.entries.map((e) => e.ip);
  if (ips === null) return null;
  const known = m.egress === 'me' ? ME : m.egress === 'other' ? '198.51.100.99' : null;
  const self = known === null ? ['unknown'] : ips.includes(known) ? [] : [known];
  const names = [...self, ...m.protectedIps.filter((p) => !ips.includes(p))];
  return names.length ? [...new Set(names)].join(', ') : null;
}

/** Plan, then make the file at once (the admin's usual path). */
const PlanPrepare = (withPhrase: boolean) =>
  command<Model, Real>(
    `PlanPrepare(${withPhrase ? 'phrase' : 'no phrase'})`,
    async (m, r) => {
      await Plan().run(m, r);
      await Prepare(withPhrase).run(m, r);
    },
    (m: Readonly<Model>) => m.inForce !== null,
  );

const Confirm = () =>
  command<Model, Real>('Confirm', async (m, r) => {
    let ok = true;
    try {
      await r.w.call('handoff:confirm', { profileId: r.w.profileId });
    } catch {
      ok = false;
    }
    expect(ok).toBe(m.pending !== null);
    if (!ok) return;
    const draft = await r.w.call('draft:get', { profileId: r.w.profileId });
    // Exactly the file's list is in force now, and the working copy keeps later edits.
    expect(inForceOf(draft)).toEqual(m.pending);
    expect(draft.working).toEqual(m.working);
    const history = await r.w.call('history:list', { profileId: r.w.profileId });
    const newest = history.find((h) => h.revision === draft.base?.revision);
    expect(newest?.config).toEqual(m.pending);
    const status = await r.w.call('handoff:status', { profileId: r.w.profileId });
    expect(status.pending).toBeNull();
    // Never more time than there is: the Store took one of the files made since, at the earliest.
    expect(Date.parse(status.saved!.resetDeadline)).toBeLessThanOrEqual(m.firstMadeBy! + 3_600_000);
    m.firstMadeBy = null;
    m.inForce = m.pending;
    m.pending = null;
    stale(m);
  });

const Cancel = () =>
  command<Model, Real>('Cancel', async (m, r) => {
    await r.w.call('handoff:cancel', { profileId: r.w.profileId });
    const draft = await r.w.call('draft:get', { profileId: r.w.profileId });
    expect(draft.working).toEqual(m.working);
    expect(inForceOf(draft)).toEqual(m.inForce);
    m.pending = null;
    m.firstMadeBy = null;
  });

const Restart = () =>
  command<Model, Real>('Restart', async (m, r) => {
    await r.w.restart();
    const status = await r.w.call('handoff:status', { profileId: r.w.profileId });
    // The file made before the restart is still waiting to be confirmed, as it was.
    expect(status.pending !== null).toBe(m.pending !== null);
    const draft = await r.w.call('draft:get', { profileId: r.w.profileId });
    expect(draft.working).toEqual(m.working);
    stale(m);
  });

let w: World;
let fakes: Fake[] = [];
let endpoints: Record<EgressKind, string[]>;
beforeAll(async () => {
  w = await startWorld();
  const make = async (ip: string) => {
    const f = await echo(ip);
    fakes.push(f);
    return f.url;
  };
  endpoints = {
    me: [await make(ME), await make(ME)],
    other: [await make('198.51.100.99')],
    private: [await make('10.0.0.5'), await make('10.0.0.5')],
    down: [await downEndpoint()],
  };
});
afterAll(async () => {
  await Promise.all(fakes.map((f) => f.close()));
  fakes = [];
  await w.close();
});

it('hand-off invariants hold over any sequence of admin steps', async () => {
  const config = fc.constantFrom(...CONFIGS);
  const commands = fc.commands(
    [
      config.map((c) => Edit(c)),
      config.map((c) => Edit(c)),
      config.map((c) => StateInForce(c)),
      fc.constantFrom<EgressKind>('me', 'other', 'private', 'down').map((k) => SetEgress(k)),
      fc.constantFrom<string[]>([], [OTHER]).map((ips) => Protect(ips)),
      fc.constant(Plan()),
      fc.boolean().map((b) => Prepare(b)),
      fc.boolean().map((b) => PlanPrepare(b)),
      fc.boolean().map((b) => PlanPrepare(b)),
      fc.boolean().map((b) => PlanPrepare(b)),
      fc.constant(Confirm()),
      fc.constant(Confirm()),
      fc.constant(Confirm()),
      fc.constant(Cancel()),
      fc.constant(Restart()),
    ],
    { maxCommands: 14, size: 'max' },
  );
  let run = 0;
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      // A fresh profile per run (the world, its service and keychain are shared).
      run += 1;
      const profile = await w.call('profiles:create', {
        fields: {
          name: `Run ${run}`,
          serviceUrl: 'https://example.cybozu.com',
          login: '',
          kind: 'cybozu-store',
        },
      });
      w.profileId = profile.id;
      await w.endpoints(endpoints.me);
      const model: Model = {
        inForce: null,
        working: { mode: 'ALLOW_SPECIFIC', entries: [] },
        protectedIps: [],
        egress: 'me',
        pending: null,
        firstMadeBy: null,
        plan: null,
      };
      // The admin starts by stating the list in force (what the Store holds now).
      await w.call('handoff:set-in-force', { profileId: profile.id, config: list(ME, OTHER) });
      model.inForce = list(ME, OTHER);
      model.working = list(ME, OTHER);
      await fc.asyncModelRun(() => ({ model, real: { w, endpoints } }), cmds);
    }),
    { seed: 20261202, numRuns: 150, interruptAfterTimeLimit: 15_000, endOnFailure: true },
  );
}, 60_000);
