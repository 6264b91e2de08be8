import { expect, it } from 'vitest';
import { runModel } from './model/run.ts';

/**
 * The safety promises under an adversary, model-based (model/invariants.ts): two app instances,
 * a third admin, two tenants behind restartable switchboards, faults, races, caller moves.
 * A fixed seed keeps CI reproducible; `npm run model-run` runs it long with random seeds.
 */
it('fixed-seed bounded run: no overwrite, no lockout without the phrase, no lost edit, no leak', async () => {
  const figures = await runModel({ numRuns: 4, maxCommands: 40, seed: 1010 });
  expect(figures.runs).toBe(4);
  expect(Object.keys(figures.perCommand).length).toBeGreaterThan(8);
}, 120_000);
