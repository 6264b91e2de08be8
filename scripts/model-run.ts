/**
 * The long run of the model-based test (test/integration/sync/model.test.ts): random seeds, many
 * runs, inside a private D-Bus session with a throwaway gnome-keyring (as `npm test` does), and
 * its figures at the end (runs, steps, commands, outcomes).
 *
 *   npx node scripts/model-run.ts [--runs 300] [--commands 40] [--seed N]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { inKeyringSession } from './keyring-session.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '300' },
    commands: { type: 'string', default: '40' },
    seed: { type: 'string', default: 'random' },
  },
});
const keyringHome = mkdtempSync(join(tmpdir(), 'allowlist-model-keyring-'));
const started = Date.now();
const [session, ...sessionArgs] = inKeyringSession(keyringHome, [
  'npx',
  'vitest',
  'run',
  '--project',
  'integration',
  'test/integration/sync/model.test.ts',
]);
const result = spawnSync(session, sessionArgs, {
  stdio: 'inherit',
  env: {
    ...process.env,
    MODEL_RUNS: values.runs,
    MODEL_COMMANDS: values.commands,
    MODEL_SEED: values.seed,
    MODEL_FIGURES: '1',
  },
});
rmSync(keyringHome, { recursive: true, force: true });
console.log(`model-run: ${Math.round((Date.now() - started) / 1000)} s, exit ${result.status}`);
process.exit(result.status ?? 1);
