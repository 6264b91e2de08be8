import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/**
 * One running copy of the app per data folder, across processes.
 *
 * Within one process the store's writes are atomic and a push re-reads the draft; two processes
 * on one folder (the desktop window and browser mode, or two browser-mode servers) would race
 * each other's read-modify-write of the same documents. The first copy holds a lock in the
 * folder: a directory made with `mkdir` (atomic: exactly one process creates it) holding the
 * owner's pid and host. A second copy gets `DataFolderInUseError` instead of starting. The lock
 * is removed on a clean stop and at process exit; a copy that crashed leaves one whose pid is no
 * longer running on this host, which the next start takes over: under a second `mkdir` guard
 * (`in-use.lock.takeover`), where it is judged dead again, so two copies starting together never
 * both take it over.
 *
 * Not proper-lockfile: it releases through signal-exit, which re-raises Ctrl+C before the app's
 * own graceful stop has run (browser mode must stop cleanly, exit 0), and a crashed copy's lock
 * would block the next start until it went stale.
 */

/** The lock's name inside the data folder. */
export const LOCK_NAME = 'in-use.lock';

type Owner = { pid: number; host: string };

export class DataFolderInUseError extends Error {
  readonly folder: string;
  constructor(folder: string) {
    super(
      `The data folder ${folder} is in use by another running copy of IP Allowlist Manager (the desktop app or browser mode). Close that copy first, or start this one with another data folder.`,
    );
    this.name = 'DataFolderInUseError';
    this.folder = folder;
  }
}

function ownerOf(lock: string): Owner | null {
  try {
    const parsed = JSON.parse(readFileSync(join(lock, 'owner.json'), 'utf8')) as Partial<Owner>;
    return typeof parsed.pid === 'number' && typeof parsed.host === 'string'
      ? { pid: parsed.pid, host: parsed.host }
      : null;
  } catch {
    return null;
  }
}

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it is someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A lock without its owner file this old was left by a copy that died while taking it. */
const OWNERLESS_MS = 10_000;

/** True when the lock was left by a copy that is gone (same host, pid no longer running). */
function leftover(lock: string): boolean {
  const owner = ownerOf(lock);
  if (!owner) {
    // No owner yet: another copy is taking it right now, unless that was long ago.
    try {
      return Date.now() - statSync(lock).mtimeMs > OWNERLESS_MS;
    } catch {
      return false;
    }
  }
  // Another host (a shared folder): its pid cannot be checked here.
  if (owner.host !== hostname()) return false;
  return owner.pid !== process.pid && !running(owner.pid);
}

/** Whoever takes over a crashed copy's lock holds this first (made with `mkdir`, like the lock). */
const TAKEOVER_SUFFIX = '.takeover';

/**
 * Remove a crashed copy's lock, judged again while holding the takeover guard: two copies that
 * both found the lock dead must not both take it over (the second would remove the lock the
 * first just made). Returns false when another copy is taking it over right now.
 */
function removeLeftover(lock: string): boolean {
  const guard = `${lock}${TAKEOVER_SUFFIX}`;
  try {
    mkdirSync(guard);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    // A guard this old was left by a copy that died while taking over: remove it and retry once.
    let old: boolean;
    try {
      old = Date.now() - statSync(guard).mtimeMs > OWNERLESS_MS;
    } catch {
      old = false;
    }
    if (!old) return false;
    rmSync(guard, { recursive: true, force: true });
    try {
      mkdirSync(guard);
    } catch {
      return false;
    }
  }
  try {
    // Judged again under the guard: it may be another copy's fresh lock by now.
    if (!leftover(lock)) return false;
    // Move it aside first (a rename is atomic), then remove it.
    const aside = `${lock}.stale-${process.pid}`;
    renameSync(lock, aside);
    rmSync(aside, { recursive: true, force: true });
    return true;
  } finally {
    rmSync(guard, { recursive: true, force: true });
  }
}

/**
 * Take the data folder (made when missing). Returns `release` (idempotent); throws
 * `DataFolderInUseError` while another running process holds it.
 */
export function lockDataFolder(folder: string): () => void {
  mkdirSync(folder, { recursive: true });
  const lock = join(folder, LOCK_NAME);
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      // A crashed copy's lock is taken over once; then the next mkdir says who has the folder.
      if (attempt > 0 || !leftover(lock) || !removeLeftover(lock))
        throw new DataFolderInUseError(folder);
    }
  }
  const owner: Owner = { pid: process.pid, host: hostname() };
  writeFileSync(join(lock, 'owner.json'), JSON.stringify(owner));
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own lock (never one another copy took over).
    if (ownerOf(lock)?.pid === process.pid) rmSync(lock, { recursive: true, force: true });
  };
  process.on('exit', release);
  return release;
}
