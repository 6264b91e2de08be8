/** Failed logins allowed per address within the window (docs/service-contract.md: five per minute). */
export const MAX_FAILURES = 5;
export const WINDOW_MS = 60_000;

/**
 * Login throttling per caller address: after MAX_FAILURES failed logins within WINDOW_MS, every
 * further attempt from that address is refused (429) until the oldest failure leaves the window.
 *
 * Kept in memory: a restart forgets it, as it should forget nothing else.
 */
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();

  /** Seconds the address must wait, or null when it may try. */
  retryAfterSeconds(address: string, now: number): number | null {
    const recent = this.recent(address, now);
    if (recent.length < MAX_FAILURES) return null;
    const oldest = recent[recent.length - MAX_FAILURES] ?? now;
    return Math.max(1, Math.ceil((oldest + WINDOW_MS - now) / 1000));
  }

  /** Count a failed login. */
  recordFailure(address: string, now: number): void {
    const recent = this.recent(address, now);
    recent.push(now);
    this.failures.set(address, recent);
  }

  private recent(address: string, now: number): number[] {
    const list = (this.failures.get(address) ?? []).filter((t) => t > now - WINDOW_MS);
    if (list.length === 0) this.failures.delete(address);
    else this.failures.set(address, list);
    return list;
  }
}
