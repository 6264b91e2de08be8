/**
 * `npm test`: build the `allowlist` bundle (dist/cli), then typecheck, lint, format check, unit,
 * integration and end-to-end tests, then one closing line.
 *
 * Integration and end-to-end tests use the real OS keychain. So that they never touch the
 * developer's own keyring, they run inside a private D-Bus session with a throwaway
 * gnome-keyring whose data lives in a temporary folder. The closing line is
 * `total: N passed, N failed, N skipped`, summed over the Vitest and Playwright runs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inKeyringSession } from './keyring-session.ts';

type Counts = { passed: number; failed: number; skipped: number };
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const resultsDir = mkdtempSync(join(tmpdir(), 'allowlist-test-results-'));

function run(label: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n=== ${label} ===`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (result.error) console.error(`test: could not start ${command}: ${result.error.message}`);
  return result.status ?? 1;
}

function vitest(project: string, wrap: (cmd: string[]) => string[]): number {
  const out = join(resultsDir, `${project}.json`);
  const cmd = wrap([
    'npx',
    'vitest',
    'run',
    '--project',
    project,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  const status = run(`vitest ${project}`, cmd[0]!, cmd.slice(1));
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    total.passed += report.numPassedTests;
    total.failed += report.numFailedTests;
    total.skipped += report.numPendingTests + report.numTodoTests;
  } else if (status !== 0) {
    total.failed += 1;
  }
  return status;
}

function playwright(wrap: (cmd: string[]) => string[]): number {
  const out = join(resultsDir, 'e2e.json');
  const cmd = wrap(['npm', 'run', '--silent', 'test:e2e']);
  const status = run('end-to-end (Playwright, Debian Chromium)', cmd[0]!, cmd.slice(1), {
    PLAYWRIGHT_JSON_OUTPUT_FILE: out,
  });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    };
    total.passed += report.stats.expected + report.stats.flaky;
    total.failed += report.stats.unexpected;
    total.skipped += report.stats.skipped;
  } else if (status !== 0) {
    total.failed += 1;
  }
  return status;
}

const statuses: number[] = [];
// The tests run the `allowlist` command as an admin does, so from its bundle: build it first.
statuses.push(
  run('build the allowlist bundle', process.execPath, ['scripts/build.ts', '--cli-only']),
);
statuses.push(run('typecheck (tsc -b)', 'npx', ['tsc', '-b']));
statuses.push(run('lint (eslint)', 'npx', ['eslint', '.', '--max-warnings', '0']));
statuses.push(run('format (prettier --check)', 'npx', ['prettier', '--check', '.']));
statuses.push(vitest('unit', (cmd) => cmd));

const haveKeyring =
  spawnSync('sh', ['-c', 'command -v dbus-run-session && command -v gnome-keyring-daemon'])
    .status === 0;
const keyringHome = mkdtempSync(join(tmpdir(), 'allowlist-keyring-'));
try {
  if (!haveKeyring) {
    console.error(
      'test: dbus-run-session and gnome-keyring-daemon are needed for the keychain tests.',
    );
    console.error('      Debian/Ubuntu: sudo apt-get install gnome-keyring dbus libsecret-1-dev');
    statuses.push(1);
    total.failed += 1;
  } else {
    const wrap = (cmd: string[]) => inKeyringSession(keyringHome, cmd);
    statuses.push(vitest('integration', wrap));
    // scripts/e2e.ts opens its own private keyring session.
    statuses.push(playwright((cmd) => cmd));
  }
} finally {
  rmSync(keyringHome, { recursive: true, force: true });
  rmSync(resultsDir, { recursive: true, force: true });
}

const failedSteps = statuses.filter((s) => s !== 0).length;
if (failedSteps > 0 && total.failed === 0) total.failed = failedSteps;
console.log(`\ntotal: ${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exitCode = failedSteps > 0 ? 1 : 0;
