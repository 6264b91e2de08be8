import * as realFs from 'node:fs';
import type * as Fs from 'node:fs';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, hostname } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';

/**
 * Promise 3 (never lose an edit): two copies on one data folder. A crashed copy left its lock;
 * two copies start at the same moment and both find it. Exactly one may take it over: a second
 * holder would race the first one's read-modify-write of the drafts.
 *
 * The real lock module on the real file system. Two processes cannot be paused at the one
 * instant that matters (after a copy judged the old lock dead, before it takes it over), so the
 * fs module is wrapped to run the other copy's whole start right then; nothing else is faked.
 */

const hook: { once: (() => void) | null } = { once: null };

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>();
  const readFileSync = ((...args: Parameters<typeof real.readFileSync>) => {
    const content = real.readFileSync(...args);
    const run = hook.once;
    if (run && String(args[0]).endsWith('owner.json')) {
      hook.once = null;
      run();
    }
    return content;
  }) as typeof real.readFileSync;
  return { ...real, default: { ...real, readFileSync }, readFileSync };
});

const { lockDataFolder, DataFolderInUseError, LOCK_NAME } =
  await import('../../../electron/core/data-lock.ts');

/** A pid that is not running here (the crashed copy's). */
function deadPid(): number {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

const folders: string[] = [];
afterEach(() => {
  hook.once = null;
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('taking over a crashed copy’s lock', () => {
  it('lets exactly one of two starting copies hold the folder', () => {
    const folder = mkdtempSync(join(tmpdir(), 'allowlist-lock-race-'));
    folders.push(folder);
    const lock = join(folder, LOCK_NAME);
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname() }));

    // The first copy judges the lock dead; right then the second copy starts and takes it over.
    let first: (() => void) | null = null;
    hook.once = () => {
      first = lockDataFolder(folder);
    };
    let second: (() => void) | Error;
    try {
      second = lockDataFolder(folder);
    } catch (error) {
      second = error as Error;
    }
    expect(first).not.toBeNull();
    // The copy that holds the folder still has its lock on disk…
    expect(realFs.existsSync(join(lock, 'owner.json'))).toBe(true);
    // …and the other one was told the folder is in use instead of starting as well.
    expect(second).toBeInstanceOf(DataFolderInUseError);
    first!();
    expect(realFs.existsSync(lock)).toBe(false);
  });

  it('still takes over a crashed copy’s lock when nobody else starts', () => {
    const folder = mkdtempSync(join(tmpdir(), 'allowlist-lock-race-'));
    folders.push(folder);
    const lock = join(folder, LOCK_NAME);
    mkdirSync(lock);
    writeFileSync(join(lock, 'owner.json'), JSON.stringify({ pid: deadPid(), host: hostname() }));
    const release = lockDataFolder(folder);
    expect(JSON.parse(realFs.readFileSync(join(lock, 'owner.json'), 'utf8')).pid).toBe(process.pid);
    expect(() => lockDataFolder(folder)).toThrow(DataFolderInUseError);
    release();
    expect(realFs.existsSync(lock)).toBe(false);
  });
});
