/**
 * `postinstall`, after install-electron.js: build the `allowlist` command's bundle (dist/cli,
 * `buildCli` in scripts/build.ts), which starts ~50 ms sooner than the sources. Never fails
 * `npm install` over it: without the bundle the command runs from its sources (cli/bin/bundle.js).
 * Plain JavaScript: it may run under an old system Node.
 */
import { spawnSync } from 'node:child_process';

const major = Number(process.versions.node.split('.')[0]);
const built =
  major >= 24 &&
  spawnSync(process.execPath, ['scripts/build.ts', '--cli-only'], { stdio: 'inherit' }).status ===
    0;
if (!built)
  console.log(
    'The allowlist command runs from its sources (its bundle was not built); `npm run build` builds it.',
  );
