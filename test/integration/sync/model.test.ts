import { expect, it } from 'vitest';
import { runModel } from './model/run.ts';

/**
 * The safety promises under an adversary, model-based (model/invariants.ts): two app instances,
 * a third admin, two tenants behind restartable switchboards, faults, races, caller moves.
 *
 * By default a fixed-seed bounded run (reproducible in CI: 10 runs, about 12 s here). The long
 * run: `npx node scripts/model-run.ts --runs 300` (MODEL_RUNS / MODEL_COMMANDS / MODEL_SEED).
 */
const runs = Number(process.env.MODEL_RUNS ?? 10);
const maxCommands = Number(process.env.MODEL_COMMANDS ?? 40);
const seed =
  process.env.MODEL_SEED === 'random' ? undefined : Number(process.env.MODEL_SEED ?? 1010);

it(
  'no overwrite, no lockout without the phrase, no lost edit, no leak',
  async () => {
    const figures = await runModel({
      numRuns: runs,
      maxCommands,
      ...(seed !== undefined ? { seed } : {}),
    });
    if (process.env.MODEL_FIGURES) console.log(`model figures: ${JSON.stringify(figures)}`);
    expect(figures.runs).toBe(runs);
    expect(Object.keys(figures.perCommand).length).toBeGreaterThan(8);
  },
  Math.max(120_000, runs * 60_000),
);
