import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../shared/allowlist/model.ts';
import type { Restriction, ResetDone } from '../shared/contract/service.ts';
import type { StateStore } from './state-store.ts';
import { sendCompletionMail } from './mailer.ts';
import { HttpError } from './http-io.ts';

/** What the restriction state needs from the running service. */
export type RestrictionDeps = {
  store: StateStore;
  maxEntries: number;
  applyDelayMs: number;
  resetTtlS: number;
  outbox: string;
  /** Base URL the Reset URL is built on (the service's own URL). */
  baseUrl: () => string;
  now: () => number;
  log: (line: string) => void;
};

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `"7"`, `W/"7"` or a bare `7` -> "7"; anything else -> null. */
export function parseIfMatch(header: string): string | null {
  const m = /^\s*(?:W\/)?"([^"]*)"\s*$/.exec(header) ?? /^\s*([0-9]+)\s*$/.exec(header);
  return m?.[1] ?? null;
}

/**
 * The restriction as the service holds it: the newest saved revision, the revision in force, the
 * apply timer and the Reset URL tokens. Every change is persisted before it is acknowledged.
 */
export class RestrictionState {
  private readonly deps: RestrictionDeps;
  private applyTimer: NodeJS.Timeout | null = null;
  private readonly pendingWork = new Set<Promise<unknown>>();

  constructor(deps: RestrictionDeps) {
    this.deps = deps;
    const { current, applied } = deps.store.state;
    if (current.revision !== applied.revision) {
      // Restarted while a revision was APPLYING: finish the delay it had left.
      const remaining = Math.max(0, current.savedAt + deps.applyDelayMs - deps.now());
      this.scheduleApply(current.revision, remaining);
    }
  }

  /** The `GET /v1/ip-restrictions.json` body. */
  view(): Restriction {
    const { current, applied } = this.deps.store.state;
    const apply: Restriction['apply'] =
      current.revision === applied.revision
        ? {
            state: 'APPLIED',
            revision: applied.revision,
            appliedAt: new Date(applied.appliedAt).toISOString(),
          }
        : { state: 'APPLYING', revision: current.revision };
    return {
      mode: current.config.mode,
      entries: current.config.entries,
      revision: current.revision,
      apply,
      limits: { maxEntries: this.deps.maxEntries },
    };
  }

  /** The config in force: the one the restriction is enforced with. */
  appliedConfig(): Config {
    return this.deps.store.state.applied.config;
  }

  /** Throw 412 REVISION_MISMATCH (with `currentRevision`) unless `ifMatch` names the newest revision. */
  checkRevision(ifMatch: string): void {
    const state = this.deps.store.state;
    if (parseIfMatch(ifMatch) !== state.current.revision) {
      throw new HttpError(
        412,
        'REVISION_MISMATCH',
        `The restriction changed since revision ${parseIfMatch(ifMatch) ?? ifMatch.trim()} was read; the current revision is ${state.current.revision}.`,
        { currentRevision: state.current.revision },
        { ETag: `"${state.current.revision}"` },
      );
    }
  }

  /**
   * Save a validated config as a new revision if `ifMatch` names the newest one.
   *
   * Throws 412 REVISION_MISMATCH with `currentRevision` otherwise.
   */
  async save(config: Config, ifMatch: string, login: string): Promise<Restriction> {
    this.checkRevision(ifMatch);
    const state = this.deps.store.state;
    const revision = String(Number(state.current.revision) + 1);
    const previous = state.current;
    state.current = {
      revision,
      config: structuredClone(config),
      savedAt: this.deps.now(),
      savedBy: login,
    };
    try {
      await this.deps.store.persist();
    } catch (error) {
      // Not on disk means not saved: the caller gets a 500 and the state stays as it was.
      if (state.current.revision === revision) state.current = previous;
      throw error;
    }
    this.scheduleApply(revision, this.deps.applyDelayMs);
    this.deps.log(
      `saved revision ${revision} by ${login} (${config.mode}, ${config.entries.length} entries)`,
    );
    return this.view();
  }

  /**
   * Use a Reset URL token: allow all (entries kept) as a new revision, in force at once.
   *
   * 404 for a token never issued, 410 for one used before or past its lifetime.
   */
  async reset(token: string): Promise<ResetDone> {
    const state = this.deps.store.state;
    const hash = hashToken(token);
    const entry = state.resetTokens.find((t) => t.hash === hash);
    if (!entry)
      throw new HttpError(
        404,
        'RESET_TOKEN_UNKNOWN',
        'This Reset URL is not one the service issued.',
      );
    if (entry.usedAt !== null) {
      throw new HttpError(
        410,
        'RESET_TOKEN_USED',
        'This Reset URL was already used; each works once.',
      );
    }
    const now = this.deps.now();
    if (entry.expiresAt <= now) {
      throw new HttpError(410, 'RESET_TOKEN_EXPIRED', 'This Reset URL has expired.');
    }
    const before = { current: state.current, applied: state.applied };
    entry.usedAt = now;
    const revision = String(Number(state.current.revision) + 1);
    const config: Config = { mode: 'ALLOW_ALL', entries: state.current.config.entries };
    state.current = { revision, config, savedAt: now, savedBy: null };
    state.applied = { revision, config, appliedAt: now };
    try {
      await this.deps.store.persist();
    } catch (error) {
      // Not on disk: the token stays usable and nothing changed.
      entry.usedAt = null;
      if (state.current.revision === revision) Object.assign(state, before);
      throw error;
    }
    this.deps.log(`reset to ALLOW_ALL as revision ${revision}`);
    const view = this.view();
    return {
      message: `The IP address restriction was reset: all addresses are allowed (revision ${revision}, ${config.entries.length} entries kept).`,
      revision,
      mode: config.mode,
      apply: view.apply,
    };
  }

  /** Stop the apply timer and wait for work in flight (mail, writes). */
  async close(): Promise<void> {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    await Promise.allSettled([...this.pendingWork]);
    await this.deps.store.flush();
  }

  private scheduleApply(revision: string, delayMs: number): void {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = setTimeout(() => {
      this.applyTimer = null;
      const work = this.apply(revision).catch((error: unknown) => {
        this.deps.log(
          `apply of revision ${revision} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      });
      this.pendingWork.add(work);
      void work.finally(() => this.pendingWork.delete(work));
    }, delayMs);
  }

  private async apply(revision: string): Promise<void> {
    const state = this.deps.store.state;
    if (state.current.revision !== revision) return; // a newer save took over
    const { config, savedBy } = state.current;
    const now = this.deps.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.deps.resetTtlS * 1000;
    // Tokens stay answerable (410) for a day after expiry, then are forgotten.
    state.resetTokens = state.resetTokens.filter((t) => t.expiresAt > now - 86_400_000);
    state.resetTokens.push({ hash: hashToken(token), revision, expiresAt, usedAt: null });
    const resetUrl = `${this.deps.baseUrl()}/v1/ip-restrictions/reset?token=${token}`;
    // The e-mail is written before the revision shows APPLIED: whoever sees APPLIED finds the mail.
    const path = await sendCompletionMail(this.deps.outbox, {
      to: `${(savedBy ?? 'admin').replace(/[^A-Za-z0-9._-]/g, '_')}@allowlist-service.invalid`,
      revision,
      mode: config.mode,
      entryCount: config.entries.length,
      appliedAt: new Date(now),
      resetUrl,
      resetExpiresAt: new Date(expiresAt),
    });
    // A reset may have put a newer revision in force while the mail was written: keep it.
    if (Number(state.applied.revision) < Number(revision))
      state.applied = { revision, config, appliedAt: now };
    await this.deps.store.persist();
    this.deps.log(`applied revision ${revision}; completion e-mail ${path}`);
  }
}
