#!/usr/bin/env node
// No static imports: an old Node must get as far as the version check.
const { requireNode24 } = await import('../../scripts/node-version.js');
requireNode24('allowlist', 'npx allowlist …');

// Cache compiled (and type-stripped) modules across runs: measured ~120 ms off every command's
// start-up (bench/impact.bench.ts). Honors NODE_DISABLE_COMPILE_CACHE; failures are ignored.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
// The bundle (dist/cli) when it was built from the files now on disk, else the sources: the same
// code, the bundle starting ~50 ms sooner (cli/bin/bundle.js).
const { freshBundle } = await import('./bundle.js');
const root = new URL('../..', import.meta.url).pathname;
const { main } = await import(freshBundle(root)?.href ?? '../main.ts');
process.exitCode = await main(process.argv.slice(2));
