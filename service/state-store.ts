import { readFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../shared/allowlist/model.ts';
import type { Config } from '../shared/allowlist/model.ts';
import { writeFileAtomic } from './atomic-file.ts';

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

/** The state of a service that never saved anything: allow all, revision "1", applied. */
export function initialState(now: number): StoredState {
  const config: Config = { mode: 'ALLOW_ALL', entries: [] };
  return {
    schemaVersion: 1,
    current: { revision: '1', config, savedAt: now, savedBy: null },
    applied: { revision: '1', config, appliedAt: now },
    resetTokens: [],
  };
}

/** The state file exists but cannot be used: the service refuses to start rather than lose it. */
export class StateFileError extends Error {
  override name = 'StateFileError';
}

/**
 * The service's state in `--data DIR/state.json`, written atomically after every change.
 *
 * Writes are serialized in call order; `persist()` resolves once the snapshot taken at call time
 * is on disk, so a response sent after it never describes state a restart would lose.
 */
export class StateStore {
  readonly path: string;
  state: StoredState;
  private chain: Promise<void> = Promise.resolve();

  private constructor(path: string, state: StoredState) {
    this.path = path;
    this.state = state;
  }

  /** Load the state from `dir` (created if missing), or start from the initial state. */
  static async open(dir: string, now: number): Promise<StateStore> {
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'state.json');
    let text: string | null = null;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
    if (text === null) {
      const store = new StateStore(path, initialState(now));
      await store.persist();
      return store;
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
    return new StateStore(path, parsed.data);
  }

  /** Write the current state; resolves when it is durably on disk. */
  persist(): Promise<void> {
    const snapshot = JSON.stringify(this.state, null, 2) + '\n';
    const next = this.chain.then(() => writeFileAtomic(this.path, snapshot));
    // Keep the chain alive after a failure; the caller still sees the rejection.
    this.chain = next.catch(() => undefined);
    return next;
  }

  /** Wait for every pending write. */
  async flush(): Promise<void> {
    await this.chain;
  }
}
