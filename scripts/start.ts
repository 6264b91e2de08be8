/**
 * `npm start`: build the app, then start it in Electron.
 *
 * `npm start -- --browser`, or any machine where the Electron binary is missing: browser mode
 * (host/server), the same renderer and main-process handlers served on 127.0.0.1 for a browser.
 */
import { spawn } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { runBrowserMode } from '../host/server/main.ts';
import { findElectronBinary } from './electron-binary.ts';

const args = process.argv.slice(2);
const binary = findElectronBinary();

if (args.includes('--browser') || !binary.ok) {
  if (!binary.ok && !args.includes('--browser')) {
    console.log(`npm start: ${binary.reason}`);
    console.log('Starting browser mode instead. For the desktop window:');
    console.log(binary.howTo);
  }
  try {
    await runBrowserMode(args);
  } catch (error) {
    console.error(`npm start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
} else {
  const built = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);

  // Chromium refuses to run as root with its sandbox on; root here is a container or a CI box,
  // never a desktop user, so the window runs unsandboxed only then (the e2e spec does the same).
  const asRoot = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const child = spawn(binary.path, [...asRoot, '.', ...args], { stdio: 'inherit' });
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}
