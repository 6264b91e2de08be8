import { describe, expect, it } from 'vitest';
import {
  checkEgress,
  egressVerdict,
  parseEgressAnswer,
  type EgressAnswer,
  type EgressGet,
} from '../../../../shared/handoff/egress.ts';

const v4 = (url: string, ip: string): EgressAnswer => ({ url, ip, family: 'ipv4', error: null });
const v6 = (url: string, ip: string): EgressAnswer => ({ url, ip, family: 'ipv6', error: null });
const down = (url: string): EgressAnswer => ({ url, ip: null, family: null, error: 'down' });

describe('parseEgressAnswer', () => {
  it('reads one address, with or without a newline', () => {
    expect(parseEgressAnswer('203.0.113.7\n')).toEqual({
      ok: true,
      ip: '203.0.113.7',
      family: 'ipv4',
    });
    expect(parseEgressAnswer(' 2001:DB8:0::1 ')).toEqual({
      ok: true,
      ip: '2001:db8::1',
      family: 'ipv6',
    });
    // An IPv4-mapped IPv6 address is not what a "what is my IP" endpoint answers: unknown
    // (test/integration/handoff-hostile/egress-lockout.test.ts).
    expect(parseEgressAnswer('::ffff:203.0.113.7')).toMatchObject({ ok: false });
  });
  it('refuses anything that is not exactly one address', () => {
    for (const body of [
      '',
      '   ',
      '<html>blocked by proxy</html>',
      '203.0.113.7, 10.0.0.1',
      '203.0.113.07',
      'fe80::1%eth0',
      'x'.repeat(200),
    ])
      expect(parseEgressAnswer(body).ok, body).toBe(false);
  });
});

describe('egressVerdict', () => {
  it('agree only when every answer is the same IPv4 address (a down endpoint does not count)', () => {
    expect(
      egressVerdict([v4('a', '203.0.113.7'), v4('b', '203.0.113.7'), down('c')]),
    ).toMatchObject({
      verdict: 'agree',
      ip: '203.0.113.7',
      warning: null,
    });
  });
  it('two addresses, IPv6 only, or nothing: unknown, with a warning naming proxies and split tunnels', () => {
    const split = egressVerdict([v4('a', '203.0.113.7'), v4('b', '198.51.100.9')]);
    expect(split).toMatchObject({ verdict: 'disagree', ip: null });
    expect(split.warning).toMatch(/proxy or a split tunnel/);
    expect(egressVerdict([v4('a', '203.0.113.7'), v6('b', '2001:db8::1')]).verdict).toBe(
      'disagree',
    );
    expect(egressVerdict([v6('a', '2001:db8::1'), down('b')])).toMatchObject({
      verdict: 'ipv6-only',
      ip: null,
    });
    expect(egressVerdict([down('a'), down('b')])).toMatchObject({ verdict: 'none', ip: null });
    expect(egressVerdict([])).toMatchObject({ verdict: 'none', ip: null });
  });
});

describe('checkEgress', () => {
  it('asks every endpoint; a refusal, a bad status or a thrown getter is that endpoint’s error', async () => {
    const get: EgressGet = async (url) => {
      if (url === 'a') return { ok: true, status: 200, body: '203.0.113.7\n' };
      if (url === 'b') return { ok: true, status: 503, body: 'busy' };
      if (url === 'c') return { ok: false, message: 'Cannot reach c.' };
      throw new Error('boom');
    };
    const result = await checkEgress(get, ['a', 'b', 'c', 'd']);
    expect(result).toMatchObject({ verdict: 'agree', ip: '203.0.113.7' });
    expect(result.answers.map((a) => a.error)).toEqual([
      null,
      'It answered with HTTP status 503.',
      'Cannot reach c.',
      'boom',
    ]);
  });
});
