/**
 * `npm start`: build the app, then start it in Electron.
 *
 * When the Electron binary is missing (these development machines: ENVIRONMENT.md), say exactly
 * that and how to get it, before spending time on a build.
 */
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { findElectronBinary } from './electron-binary.ts';

const binary = findElectronBinary();
if (!binary.ok) {
  console.error(`npm start: ${binary.reason}`);
  console.error(binary.howTo);
  console.error(
    'Everything else works without it: npm test, npm run build, and the CLI (npx allowlist --help).',
  );
  process.exit(1);
}

const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);

const child = spawn(binary.path, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
