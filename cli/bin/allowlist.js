#!/usr/bin/env node
import { enableCompileCache } from 'node:module';

// Cache compiled (and type-stripped) modules across runs: measured ~120 ms off every command's
// start-up (bench/impact.bench.ts). Honors NODE_DISABLE_COMPILE_CACHE; failures are ignored.
enableCompileCache?.();
const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
