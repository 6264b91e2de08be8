#!/usr/bin/env node
// No static imports: an old Node must get as far as the version check.
const { requireNode24 } = await import('../../scripts/node-version.js');
requireNode24('allowlist', 'npx allowlist …');

// Cache compiled (and type-stripped) modules across runs: measured ~120 ms off every command's
// start-up (bench/impact.bench.ts). Honors NODE_DISABLE_COMPILE_CACHE; failures are ignored.
const { enableCompileCache } = await import('node:module');
enableCompileCache?.();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
