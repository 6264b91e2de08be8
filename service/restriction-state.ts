import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../shared/allowlist/model.ts';
import type { Apply, PutAccepted, Restriction, ResetDone } from '../shared/contract/service.ts';
import type { StateStore, StoredState } from './state-store.ts';
import { nextRevision } from './state-store.ts';
import { sendCompletionMail } from './mailer.ts';
import { HttpError } from './http-io.ts';
import { describeIfMatch, ifMatchAllows } from './if-match.ts';
import type { IfMatch } from './if-match.ts';

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

/** First retry of a failed apply after this long, doubling up to APPLY_RETRY_MAX_MS. */
export const APPLY_RETRY_FIRST_MS = 1000;
export const APPLY_RETRY_MAX_MS = 60_000;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** The last failed attempt to apply the APPLYING revision (kept in memory: a restart retries). */
type ApplyFailure = { revision: string; reason: string; failedAt: number; retryAt: number };

/**
 * The restriction as the service holds it: the newest saved revision, the revision in force, the
 * apply timer and the Reset URL tokens. Every change is on disk before anyone can see it.
 */
export class RestrictionState {
  private readonly deps: RestrictionDeps;
  private applyTimer: NodeJS.Timeout | null = null;
  private failure: ApplyFailure | null = null;
  private failedAttempts = 0;
  private closed = false;
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
    const { current } = this.deps.store.state;
    return {
      mode: current.config.mode,
      entries: current.config.entries,
      revision: current.revision,
      apply: this.applyView(),
      limits: { maxEntries: this.deps.maxEntries },
    };
  }

  /** The config in force: the one the restriction is enforced with. */
  appliedConfig(): Config {
    return this.deps.store.state.applied.config;
  }

  /** Throw 412 REVISION_MISMATCH (with `currentRevision`) unless `ifMatch` allows a change now. */
  checkRevision(ifMatch: IfMatch, state: Readonly<StoredState> = this.deps.store.state): void {
    const current = state.current.revision;
    if (ifMatchAllows(ifMatch, current)) return;
    const weakOnly = !ifMatch.any && ifMatch.tags.every((t) => t.weak);
    throw new HttpError(
      412,
      'REVISION_MISMATCH',
      weakOnly
        ? `If-Match ${describeIfMatch(ifMatch)} names only weak tags, which never match a change; send the ETag of GET ("${current}").`
        : `The restriction changed since revision ${describeIfMatch(ifMatch)} was read; the current revision is ${current}.`,
      { currentRevision: current },
      { ETag: `"${current}"` },
    );
  }

  /**
   * Save a validated config as a new revision if `ifMatch` allows it (checked again in the same
   * serialized step that writes it, so two PUTs with one revision cannot both win).
   *
   * Throws 412 REVISION_MISMATCH with `currentRevision` otherwise; a failed write changes nothing.
   */
  async save(config: Config, ifMatch: IfMatch, login: string): Promise<PutAccepted> {
    const revision = await this.deps.store.update((draft) => {
      this.checkRevision(ifMatch, draft);
      const revision = nextRevision(draft.current.revision);
      draft.current = {
        revision,
        config: structuredClone(config),
        savedAt: this.deps.now(),
        savedBy: login,
      };
      return revision;
    });
    this.failure = null;
    this.failedAttempts = 0;
    this.scheduleApply(revision, this.deps.applyDelayMs);
    this.deps.log(
      `saved revision ${revision} by ${login} (${config.mode}, ${config.entries.length} entries)`,
    );
    return { revision, apply: { state: 'APPLYING', revision } };
  }

  /**
   * Use a Reset URL token: allow all (entries kept) as a new revision, in force at once.
   *
   * 404 for a token never issued, 410 for one used before or past its lifetime. A failed write
   * leaves the token usable and nothing changed.
   */
  async reset(token: string): Promise<ResetDone> {
    const hash = hashToken(token);
    const now = this.deps.now();
    const done = await this.deps.store.update((draft) => {
      const entry = draft.resetTokens.find((t) => t.hash === hash);
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
      if (entry.expiresAt <= now) {
        throw new HttpError(410, 'RESET_TOKEN_EXPIRED', 'This Reset URL has expired.');
      }
      entry.usedAt = now;
      const revision = nextRevision(draft.current.revision);
      const config: Config = { mode: 'ALLOW_ALL', entries: draft.current.config.entries };
      draft.current = { revision, config, savedAt: now, savedBy: null };
      draft.applied = { revision, config, appliedAt: now };
      return { revision, count: config.entries.length };
    });
    this.failure = null;
    this.deps.log(`reset to ALLOW_ALL as revision ${done.revision}`);
    return {
      message: `The IP address restriction was reset: all addresses are allowed (revision ${done.revision}, ${done.count} entries kept).`,
      revision: done.revision,
      mode: 'ALLOW_ALL',
      apply: { state: 'APPLIED', revision: done.revision, appliedAt: new Date(now).toISOString() },
    };
  }

  /** Stop the apply timer and wait for work in flight (mail, writes). */
  async close(): Promise<void> {
    this.closed = true;
    if (this.applyTimer) clearTimeout(this.applyTimer);
    this.applyTimer = null;
    await Promise.allSettled([...this.pendingWork]);
    await this.deps.store.flush();
  }

  private applyView(): Apply {
    const { current, applied } = this.deps.store.state;
    if (current.revision === applied.revision)
      return {
        state: 'APPLIED',
        revision: applied.revision,
        appliedAt: new Date(applied.appliedAt).toISOString(),
      };
    const failure = this.failure?.revision === current.revision ? this.failure : null;
    return failure
      ? {
          state: 'APPLYING',
          revision: current.revision,
          lastFailure: {
            reason: failure.reason,
            failedAt: new Date(failure.failedAt).toISOString(),
            retryAt: new Date(failure.retryAt).toISOString(),
          },
        }
      : { state: 'APPLYING', revision: current.revision };
  }

  private scheduleApply(revision: string, delayMs: number): void {
    if (this.applyTimer) clearTimeout(this.applyTimer);
    if (this.closed) return;
    this.applyTimer = setTimeout(() => {
      this.applyTimer = null;
      const work = this.apply(revision).then(
        () => {
          this.failedAttempts = 0;
          if (this.failure?.revision === revision) this.failure = null;
        },
        (error: unknown) => this.applyFailed(revision, error),
      );
      this.pendingWork.add(work);
      void work.finally(() => this.pendingWork.delete(work));
    }, delayMs);
  }

  /** Report the failure in `apply.lastFailure` and try again later (1 s, 2 s, … up to 60 s). */
  private applyFailed(revision: string, error: unknown): void {
    if (this.deps.store.state.current.revision !== revision) return; // superseded meanwhile
    const code = (error as NodeJS.ErrnoException).code;
    const delay = Math.min(APPLY_RETRY_MAX_MS, APPLY_RETRY_FIRST_MS * 2 ** this.failedAttempts);
    this.failedAttempts += 1;
    const now = this.deps.now();
    // The reason names the step and the system's code, not the service's file paths.
    this.failure = {
      revision,
      reason: `The completion e-mail or the state could not be written${code ? ` (${code})` : ''}; the revision is not in force yet and the service tries again.`,
      failedAt: now,
      retryAt: now + delay,
    };
    this.deps.log(
      `apply of revision ${revision} failed (attempt ${this.failedAttempts}): ${error instanceof Error ? error.message : String(error)}; retrying in ${delay}ms`,
    );
    this.scheduleApply(revision, delay);
  }

  private async apply(revision: string): Promise<void> {
    const { current } = this.deps.store.state;
    if (current.revision !== revision) return; // a newer save took over
    const { config, savedBy } = current;
    const now = this.deps.now();
    const token = randomBytes(32).toString('base64url');
    const expiresAt = now + this.deps.resetTtlS * 1000;
    const resetUrl = `${this.deps.baseUrl()}/v1/ip-restrictions/reset?token=${token}`;
    // The token is stored before the e-mail names it: every Reset URL ever e-mailed works, also
    // when a later step fails and the apply is retried with another e-mail.
    await this.deps.store.update((draft) => {
      // Tokens stay answerable (410) for a day after expiry, then are forgotten.
      draft.resetTokens = draft.resetTokens.filter((t) => t.expiresAt > now - 86_400_000);
      draft.resetTokens.push({ hash: hashToken(token), revision, expiresAt, usedAt: null });
    });
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
    await this.deps.store.update((draft) => {
      // A reset may have put a newer revision in force while the mail was written: keep it.
      if (Number(draft.applied.revision) < Number(revision))
        draft.applied = { revision, config, appliedAt: now };
    });
    this.deps.log(`applied revision ${revision}; completion e-mail ${path}`);
  }
}
