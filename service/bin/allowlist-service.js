#!/usr/bin/env node
// Thin wrapper: the command lives in ../main.ts (run by Node 24, which strips the types). No
// static imports: an old Node must get as far as the version check.
const { requireNode24 } = await import('../../scripts/node-version.js');
requireNode24('allowlist-service', 'npx allowlist-service …');

const { main } = await import('../main.ts');
process.exitCode = await main(process.argv.slice(2));
