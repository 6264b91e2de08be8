import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../../shared/allowlist/model.ts';
import { analyzeLockout, lockoutProblems } from '../../../../shared/allowlist/lockout.ts';

const e = (ip: string, cidr: number | null = null, memo = ''): Entry => ({ ip, cidr, memo });

describe('analyzeLockout', () => {
  const config = { mode: 'ALLOW_SPECIFIC' as const, entries: [e('203.0.113.0', 25, 'office')] };

  it('tells which must-keep addresses would lose access', () => {
    const results = analyzeLockout(config, [
      { ip: '203.0.113.7', reason: 'self' },
      { ip: '203.0.113.200', reason: 'protected', label: 'VPN' },
      { ip: '203.0.113.0/25', reason: 'protected' },
      { ip: '203.0.113.0/24', reason: 'protected' },
      { ip: 'nonsense', reason: 'protected' },
    ]);
    expect(results.map((r) => r.allowed)).toEqual([true, false, true, false, false]);
    expect(results[4]?.error).toBe('INVALID_IP');
    const problems = lockoutProblems(results);
    expect(problems.map((p) => p.code)).toEqual([
      'PROTECTED_LOCKOUT',
      'PROTECTED_LOCKOUT',
      'PROTECTED_LOCKOUT',
    ]);
    expect(problems[0]?.message).toBe(
      'The protected address 203.0.113.200 (VPN) would lose access.',
    );
  });

  it('flags the admin themself, and nobody under ALLOW_ALL', () => {
    const self = [{ ip: '198.51.100.9', reason: 'self' as const }];
    expect(lockoutProblems(analyzeLockout(config, self))).toMatchObject([
      { code: 'SELF_LOCKOUT', severity: 'error' },
    ]);
    expect(analyzeLockout({ ...config, mode: 'ALLOW_ALL' }, self)[0]?.allowed).toBe(true);
  });
});
