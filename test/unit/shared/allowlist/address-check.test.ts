import { describe, expect, it } from 'vitest';
import { checkAddresses } from '../../../../shared/allowlist/address-check.ts';
import { compileConfig, isAllowed } from '../../../../shared/allowlist/match.ts';
import type { Config } from '../../../../shared/allowlist/model.ts';
import { formatProblem } from '../../../../shared/i18n/messages.ts';
import { DRAFT as draft, LIVE as live } from '../../support/preview-lists.ts';

describe('address preview', () => {
  it('checks each address under the draft and the live list, naming the matching entry', () => {
    const [a, b, c] = checkAddresses(
      '203.0.113.5, 203.0.113.200\n203.0.113.0/24',
      compileConfig(draft),
      compileConfig(live),
    );
    expect(a).toMatchObject({
      ip: '203.0.113.5',
      draft: { allowed: true, matches: [0] },
      live: { allowed: true, matches: [0] },
    });
    expect(b).toMatchObject({ draft: { allowed: false, matches: [] }, live: { allowed: true } });
    expect(c).toMatchObject({ ip: null, draft: null });
    expect(c?.problem?.code).toBe('NOT_A_SINGLE_ADDRESS');
    expect(formatProblem(c!.problem!, 'en')).toBe(
      '"203.0.113.0/24" is a network, not one address: enter one address to check.',
    );
    expect(formatProblem(c!.problem!, 'ja')).toContain('「203.0.113.0/24」');
  });

  it('reads one address written as /32, refuses unreadable text with its parse problem, and lists at most max', () => {
    const checks = checkAddresses(
      '198.51.100.7/32; 999.1.1.1 192.0.2.1',
      compileConfig(live),
      null,
      2,
    );
    expect(checks).toHaveLength(2);
    expect(checks[0]).toMatchObject({ ip: '198.51.100.7', draft: { allowed: true, matches: [1] } });
    expect(checks[0]?.live).toBeNull();
    expect(checks[1]?.problem?.code).toBe('IP_OCTET_OUT_OF_RANGE');
  });

  it('"Allow all" lets every address in, with the entries that match still named', () => {
    const all: Config = { ...live, mode: 'ALLOW_ALL' };
    const [a, b] = checkAddresses('203.0.113.9 192.0.2.1', compileConfig(all), null);
    expect(a?.draft).toEqual({ allowed: true, matches: [0] });
    expect(b?.draft).toEqual({ allowed: true, matches: [] });
    expect(isAllowed(all, '192.0.2.1')).toBe(true);
    expect(compileConfig(all).allowsUint32(1)).toBe(true);
    expect(isAllowed(live, '192.0.2.1')).toBe(false);
  });
});
