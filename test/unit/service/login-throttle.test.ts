import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from '../../../service/login-throttle.ts';

describe('LoginThrottle', () => {
  it('lets five failures through, then asks to wait until the oldest leaves the minute', () => {
    const t = new LoginThrottle();
    const start = 1_000_000;
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(t.retryAfterSeconds('127.0.0.7', start + i * 1000)).toBeNull();
      t.recordFailure('127.0.0.7', start + i * 1000);
    }
    expect(t.retryAfterSeconds('127.0.0.7', start + 5000)).toBe(55);
    expect(t.retryAfterSeconds('127.0.0.8', start + 5000)).toBeNull();
    expect(t.retryAfterSeconds('127.0.0.7', start + WINDOW_MS - 1)).toBe(1);
    expect(t.retryAfterSeconds('127.0.0.7', start + WINDOW_MS)).toBeNull();
  });
});
