/**
 * Runs first in `npm test`, `npm start` and the other npm scripts that run TypeScript: on a tree
 * where `npm install` has not run (no Node 24 in node_modules/.bin, so the system Node would fail
 * on `.ts` files), say so in one line instead of a stack trace. Plain JavaScript for any Node.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { requireNode24 } from './node-version.js';

const needed = [join('node_modules', '.bin', 'node'), join('node_modules', 'typescript')];
if (needed.some((path) => !existsSync(path))) {
  console.error(
    'The dependencies are not installed: run `npm install` first (it also brings Node 24).',
  );
  process.exit(1);
}
requireNode24('This npm script', 'npm test, npm start');
