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
        const counted = [...cmds].map((c) => ({
          check: (m: Model) => c.check(m),
          run: async (m: Model, w: World) => {
            figures.steps += 1;
            const name = c.toString().split('(')[0]!;
            figures.perCommand[name] = (figures.perCommand[name] ?? 0) + 1;
            await c.run(m, w);
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
