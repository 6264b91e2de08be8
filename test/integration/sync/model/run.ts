import fc from 'fast-check';
import { commands } from './commands.ts';
import { outcomes, type Model } from './invariants.ts';
import { passwordOf, startWorld, type World } from './world.ts';

/** Figures of a run: how many runs and steps, and how often each command ran. */
export type RunFigures = {
  runs: number;
  steps: number;
  perCommand: Record<string, number>;
  outcomes: Record<string, number>;
};

/** A fresh world with one profile per app at tenant S, and the model that mirrors it. */
async function setup(): Promise<{ model: Model; world: World }> {
  const world = await startWorld();
  // Both tenants start restricted to the callers and the third admin, so lockouts are possible.
  for (const tenant of ['S', 'T'] as const) {
    const third = world.third(tenant);
    const now = await third.get();
    if (!now.ok) throw new Error(`setup: ${now.error.message}`);
    const entries = ['127.0.0.1', '127.0.0.2', '127.0.0.3', '127.0.0.9'].map((ip) => ({
      ip,
      cidr: null,
      memo: `start ${ip}`,
    }));
    const put = await third.put({ mode: 'ALLOW_SPECIFIC', entries }, now.value.revision);
    if (!put.ok) throw new Error(`setup: ${put.error.message}`);
  }
  const apps: Model['apps'] = [];
  for (const app of world.apps) {
    const created = await app.call('profiles:create', {
      fields: {
        name: `App ${app.index}`,
        serviceUrl: world.tenants.S.board.url,
        login: 'admin',
        protectedAddresses: [],
      },
      password: passwordOf('S', 'admin'),
    });
    if (!created.ok) throw new Error(`setup: ${created.error.code} ${created.error.message}`);
    apps.push({
      profileId: created.value.id,
      tenant: 'S',
      login: 'admin',
      protected: [],
      mine: new Map(),
    });
  }
  for (const [i, app] of world.apps.entries()) {
    const pulled = await app.call('sync:pull', { profileId: apps[i]!.profileId });
    if (!pulled.ok) throw new Error(`setup pull: ${pulled.error.code} ${pulled.error.message}`);
  }
  return { model: { apps, pushed: new Set(), checked: { S: 0, T: 0 }, seq: 0 }, world };
}

/**
 * Run the model: `numRuns` sequences of up to `maxCommands` commands, each in a fresh world
 * (services, data folders, keychain items removed afterwards).
 */
export async function runModel(options: {
  numRuns: number;
  maxCommands: number;
  seed?: number;
  path?: string;
}): Promise<RunFigures> {
  const figures: RunFigures = { runs: 0, steps: 0, perCommand: {}, outcomes };
  await fc.assert(
    fc.asyncProperty(
      fc.commands(commands, { maxCommands: options.maxCommands, size: 'max' }),
      async (cmds) => {
        const { model, world } = await setup();
        figures.runs += 1;
        if (process.env.MODEL_TRACE) console.log(`run ${figures.runs}`);
        const counted = [...cmds].map((c) => ({
          check: (m: Model) => c.check(m),
          run: async (m: Model, w: World) => {
            figures.steps += 1;
            const name = c.toString().split('(')[0]!;
            figures.perCommand[name] = (figures.perCommand[name] ?? 0) + 1;
            const seen = JSON.stringify(outcomes);
            await c.run(m, w);
            if (process.env.MODEL_TRACE) {
              const was = JSON.parse(seen) as Record<string, number>;
              const delta = Object.entries(outcomes)
                .filter(([k, n]) => n !== (was[k] ?? 0) && !k.startsWith('draft:get'))
                .map(([k]) => k);
              console.log(`  ${c.toString()} -> ${delta.join(', ')}`);
            }
          },
          toString: () => c.toString(),
        }));
        try {
          await fc.asyncModelRun(() => ({ model, real: world }), counted);
        } finally {
          for (const [i, app] of model.apps.entries())
            await world.apps[i]!.call('profiles:remove', { profileId: app.profileId });
          await world.stop();
        }
      },
    ),
    {
      numRuns: options.numRuns,
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
      ...(options.path !== undefined ? { path: options.path } : {}),
      endOnFailure: true,
    },
  );
  return figures;
}
