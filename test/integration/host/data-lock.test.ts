import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { standInBuild, startBrowserMode } from '../support/browser-mode-process.ts';

/**
 * Two running copies on one data folder, as two real processes (`npm start -- --browser`): the
 * second refuses to start with a sentence saying why (instead of racing the first one's writes),
 * and the folder is free again once the first stops (exit 0), or crashed. The desktop app takes
 * the same lock (electron/main/index.ts; its binary cannot run here).
 */

let root: string;
const started: ReturnType<typeof startBrowserMode>[] = [];

beforeAll(async () => {
  root = await standInBuild('data-lock-');
});
afterEach(() => {
  for (const run of started.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Start browser mode on `dataDir` and wait until it listens, or until it has exited. */
async function start(dataDir: string) {
  const run = startBrowserMode(root, dataDir);
  started.push(run);
  const url = await run.url.catch(() => null);
  return { ...run, listening: url, code: url === null ? await run.exited : null };
}

describe('one running copy per data folder', () => {
  it('a second copy on the same folder refuses to start and says why; another folder is fine', async () => {
    const folder = join(root, 'shared');
    const first = await start(folder);
    expect(first.listening).not.toBeNull();

    const second = await start(folder);
    expect(second.code).toBe(1);
    expect(second.out().stderr).toContain(
      `The data folder ${folder} is in use by another running copy of IP Allowlist Manager`,
    );
    // The first copy is untouched: it still answers.
    expect((await fetch(first.listening!)).status).toBe(200);

    // A copy on its own folder runs next to it.
    expect((await start(join(root, 'other'))).listening).not.toBeNull();
  });

  it('the folder is free once the first copy stops (Ctrl+C, exit 0), and after a crash', async () => {
    const folder = join(root, 'handover');
    const first = await start(folder);
    expect(first.listening).not.toBeNull();
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    const second = await start(folder);
    expect(second.listening).not.toBeNull();

    // A crash (SIGKILL) cannot remove the lock: its owner is gone, so the next copy takes it.
    second.child.kill('SIGKILL');
    await second.exited;
    expect((await start(folder)).listening).not.toBeNull();
  });
});
