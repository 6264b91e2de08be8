import { readFile, mkdir, stat } from 'node:fs/promises';
import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../shared/allowlist/schemas.ts';
import type { Config } from '../shared/allowlist/model.ts';
import { writeFileAtomic } from '../node-shared/atomic-file.ts';

const ResetTokenSchema = z.object({
  /** sha256 of the token: the token itself is only in the e-mail. */
  hash: z.string(),
  revision: z.string(),
  expiresAt: z.number(),
  usedAt: z.number().nullable(),
});
export type ResetToken = z.infer<typeof ResetTokenSchema>;

const StoredStateSchema = z.object({
  schemaVersion: z.literal(1),
  current: z.object({
    revision: z.string(),
    config: ConfigSchema,
    savedAt: z.number(),
    savedBy: z.string().nullable(),
  }),
  applied: z.object({ revision: z.string(), config: ConfigSchema, appliedAt: z.number() }),
  resetTokens: z.array(ResetTokenSchema),
});

/** Everything the service remembers across restarts. Times are epoch milliseconds. */
export type StoredState = z.infer<typeof StoredStateSchema>;

/**
 * The first revision of a new data folder: the wall clock in milliseconds times 1,000, plus a
 * random 0-999.
 *
 * Revisions count up by one per change within a folder, so a service that lost its folder and
 * starts a new one never hands out a revision it used before with other content: it would have
 * had to save more than 1,000 revisions per millisecond, and a clock set back still has to hit
 * the same random offset. It stays a decimal string under 2^53 (until the year 2255), so clients
 * that compare revisions as numbers within one folder keep working.
 */
export function firstRevision(wallClockMs: number = Date.now()): string {
  return String(Math.floor(wallClockMs) * 1000 + randomInt(1000));
}

/** The next revision after `revision` (decimal, exact below 2^53). */
export function nextRevision(revision: string): string {
  return String(Number(revision) + 1);
}

/** The state of a service that never saved anything: allow all, a fresh revision, applied. */
export function initialState(now: number, revision: string = firstRevision()): StoredState {
  const config: Config = { mode: 'ALLOW_ALL', entries: [] };
  return {
    schemaVersion: 1,
    current: { revision, config, savedAt: now, savedBy: null },
    applied: { revision, config, appliedAt: now },
    resetTokens: [],
  };
}

/** Writes the state file durably (writeFileAtomic; tests wrap it to hold or fail a write). */
export type StateWriter = (path: string, content: string) => Promise<void>;

/** The state file exists but cannot be used: the service refuses to start rather than lose it. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/**
 * Create `dir` if missing; a path that is (or runs through) a file, or that the system refuses,
 * is a StateFileError naming the folder and the reason in one line.
 */
export async function ensureFolder(dir: string, what: string): Promise<void> {
  const existing = await stat(dir).catch(() => null);
  if (existing && !existing.isDirectory())
    throw new StateFileError(`${what} ${dir} is a file, not a folder; name a folder instead`);
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a part of the path is a file, not a folder'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : (error as Error).message;
    throw new StateFileError(`cannot create ${what} ${dir}: ${why}`);
  }
}

/**
 * The service's state in `--data DIR/state.json`, written atomically after every change.
 *
 * Changes go through `update()`, one at a time in call order: each is made on a copy, written
 * and fsynced, and only then becomes `state`. So nobody (a GET, the apply timer) ever sees a
 * state a crash could lose, and a change that cannot be written leaves no trace.
 */
export class StateStore {
  readonly path: string;
  private current: StoredState;
  private chain: Promise<void> = Promise.resolve();

  private readonly write: StateWriter;

  private constructor(path: string, state: StoredState, write: StateWriter) {
    this.path = path;
    this.current = state;
    this.write = write;
  }

  /** The durable state (read-only: change it with `update`). */
  get state(): Readonly<StoredState> {
    return this.current;
  }

  /** Load the state from `dir` (created if missing), or start from the initial state. */
  static async open(
    dir: string,
    now: number,
    write: StateWriter = writeFileAtomic,
  ): Promise<StateStore> {
    await ensureFolder(dir, 'the data folder (--data)');
    const path = join(dir, 'state.json');
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === null) {
      const state = initialState(now);
      await write(path, serialize(state));
      return new StateStore(path, state, write);
    }
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new StateFileError(
        `${path} is not valid JSON; move it aside to start from an empty state`,
      );
    }
    const parsed = StoredStateSchema.safeParse(json);
    if (!parsed.success) {
      throw new StateFileError(
        `${path} does not hold a state this service understands; move it aside to start from an empty state`,
      );
    }
    return new StateStore(path, parsed.data, write);
  }

  /**
   * Make a change durably: `change` edits a copy of the state (or throws to change nothing, e.g.
   * a 412), the copy is written, then it becomes the state. Resolves with `change`'s result once
   * on disk; rejects, leaving the state as it was, when the write fails.
   */
  update<T>(change: (draft: StoredState) => T): Promise<T> {
    const next = this.chain.then(async () => {
      const draft = structuredClone(this.current);
      const result = change(draft);
      await this.write(this.path, serialize(draft));
      this.current = draft;
      return result;
    });
    // Keep the chain alive after a failure; the caller still sees the rejection.
    this.chain = next.then(
      () => undefined,
      () => undefined,
    );
    return next;
  }

  /** Wait for every pending write. */
  async flush(): Promise<void> {
    await this.chain;
  }
}

function serialize(state: StoredState): string {
  return JSON.stringify(state, null, 2) + '\n';
}
