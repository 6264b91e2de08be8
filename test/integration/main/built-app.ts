import { spawnSync } from 'node:child_process';

/**
 * Build dist/ exactly as `npm run build` does (scripts/build.ts: renderer, main, preload, worker).
 *
 * The smoke and packaging checks test what is built, never a stale dist/ left from earlier.
 */
export function buildApp(): void {
  const result = spawnSync(process.execPath, ['scripts/build.ts'], { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(`scripts/build.ts failed:\n${result.stdout}\n${result.stderr}`);
}
