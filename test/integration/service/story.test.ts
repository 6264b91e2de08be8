import { afterEach, describe, expect, it } from 'vitest';
import {
  clientFor,
  outboxMails,
  parseMail,
  raw,
  resetUrlOf,
  revisions,
  startTestService,
  waitFor,
} from './helpers.ts';
import type { Entry } from '../../../shared/allowlist/model.ts';

/** A PUT of `entries` (ALLOW_SPECIFIC) that the service must refuse as VALIDATION: its errors. */
async function refusedPut(
  client: ReturnType<typeof clientFor>['client'],
  entries: Entry[],
  revision: string,
) {
  const bad = await client.put({ mode: 'ALLOW_SPECIFIC', entries }, revision);
  expect(bad.ok).toBe(false);
  if (bad.ok || bad.error.kind !== 'VALIDATION')
    throw new Error(`expected VALIDATION, got ${JSON.stringify(bad)}`);
  return bad.error.errors;
}

let env: Awaited<ReturnType<typeof startTestService>> | null = null;
afterEach(async () => {
  await env?.stop();
  env = null;
});

describe('save, apply, lockout and reset through the HTTP client', () => {
  it('walks the whole story: save, APPLYING, APPLIED, e-mail, enforcement, lockout, Reset URL', async () => {
    env = await startTestService({ applyDelayMs: 300 });
    const R = await revisions(env.service.url);
    const { url } = env.service;
    const admin = clientFor(url, '127.0.0.2');
    const colleague = clientFor(url, '127.0.0.3');

    const first = await admin.client.get();
    expect(first).toMatchObject({
      ok: true,
      value: { mode: 'ALLOW_ALL', entries: [], revision: R(1), apply: { state: 'APPLIED' } },
    });
    expect(await admin.client.clientIp()).toEqual({ ok: true, value: '127.0.0.2' });

    // Save a list that keeps the admin (127.0.0.2) and nobody else.
    const office = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [
        { ip: '127.0.0.2', cidr: null, memo: 'Admin desk' },
        { ip: '198.51.100.0', cidr: 24, memo: 'Osaka office' },
      ],
    };
    const saved = await admin.client.put(office, R(1));
    expect(saved).toEqual({
      ok: true,
      value: { revision: R(2), apply: { state: 'APPLYING', revision: R(2) } },
    });

    // Until it applies, the old ALLOW_ALL is in force: the colleague still gets in and sees APPLYING.
    const during = await colleague.client.get();
    expect(during).toMatchObject({
      ok: true,
      value: {
        revision: R(2),
        apply: { state: 'APPLYING', revision: R(2) },
        entries: office.entries,
      },
    });

    await waitFor(async () => {
      const r = await admin.client.get();
      return r.ok && r.value.apply.state === 'APPLIED' ? r : undefined;
    });
    const denied = await colleague.client.get();
    expect(denied).toMatchObject({
      ok: false,
      error: { kind: 'IP_RESTRICTED', clientIp: '127.0.0.3' },
    });
    expect(await colleague.client.clientIp()).toMatchObject({
      ok: false,
      error: { kind: 'IP_RESTRICTED', clientIp: '127.0.0.3' },
    });

    // The completion e-mail: an RFC 5322 message with a Reset URL.
    const mails = await outboxMails(env.outbox);
    expect(mails).toHaveLength(1);
    const mail = parseMail(mails[0]!.text);
    expect(mail.headers.subject).toContain(`revision ${R(2)}`);
    expect(mail.headers.from).toMatch(/<[^@>]+@[^>]+>/);
    expect(mail.headers.to).toMatch(/^admin@/);
    expect(mail.headers['message-id']).toMatch(/^<[^@>]+@[^>]+>$/);
    expect(Number.isNaN(Date.parse(mail.headers.date!))).toBe(false);
    expect(resetUrlOf(mail.body).startsWith(`${url}/v1/ip-restrictions/reset?token=`)).toBe(true);

    // The admin now saves a list that locks everyone out, themselves included: the service accepts it.
    const lockout = {
      mode: 'ALLOW_SPECIFIC' as const,
      entries: [{ ip: '10.0.0.0', cidr: 8, memo: 'Wrong range' }],
    };
    expect(await admin.client.put(lockout, R(2))).toMatchObject({
      ok: true,
      value: { revision: R(3) },
    });
    await waitFor(async () => {
      const r = await admin.client.get();
      return !r.ok && r.error.kind === 'IP_RESTRICTED' ? r : undefined;
    });
    const lockedMail = await waitFor(async () =>
      (await outboxMails(env!.outbox)).find((m) => m.text.includes(`revision ${R(3)}`)),
    );

    // Recovery: the Reset URL from the newest e-mail, opened from any address, without a login.
    const resetUrl = resetUrlOf(lockedMail.text);
    const reset = await raw(url, 'GET', resetUrl, {
      localAddress: '127.0.0.9',
      template: '/v1/ip-restrictions/reset',
    });
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({
      mode: 'ALLOW_ALL',
      revision: R(4),
      apply: { state: 'APPLIED', revision: R(4) },
    });

    const after = await admin.client.get();
    expect(after).toMatchObject({
      ok: true,
      value: {
        mode: 'ALLOW_ALL',
        entries: lockout.entries,
        revision: R(4),
        apply: { state: 'APPLIED' },
      },
    });
    expect(await colleague.client.get()).toMatchObject({ ok: true });

    // Once only.
    const again = await raw(url, 'GET', resetUrl, { template: '/v1/ip-restrictions/reset' });
    expect(again.status).toBe(410);
    expect(again.body.code).toBe('RESET_TOKEN_USED');
    // The log lines carry request ids and never the password or its encoding.
    const log = admin.lines.join('\n');
    expect(log).toMatch(/request [0-9a-f-]{36}/);
    expect(log).not.toContain('pw');
    expect(log).not.toContain(Buffer.from('admin:pw').toString('base64'));
  });

  it('refuses an expired Reset URL with 410', async () => {
    let clock = Date.now();
    env = await startTestService({ applyDelayMs: 50, resetTtlS: 60, now: () => clock });
    const R = await revisions(env.service.url);
    const { url } = env.service;
    const admin = clientFor(url, '127.0.0.2');
    expect(
      await admin.client.put(
        { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '192.0.2.8', cidr: null, memo: '' }] },
        R(1),
      ),
    ).toMatchObject({ ok: true });
    const mail = await waitFor(async () => (await outboxMails(env!.outbox))[0]);
    clock += 61_000;
    const expired = await raw(url, 'GET', resetUrlOf(mail.text), {
      template: '/v1/ip-restrictions/reset',
    });
    expect(expired.status).toBe(410);
    expect(expired.body.code).toBe('RESET_TOKEN_EXPIRED');
    // Still locked: an expired URL changed nothing.
    expect(await admin.client.get()).toMatchObject({ ok: false, error: { kind: 'IP_RESTRICTED' } });
  });

  it('reports a conflict when someone saved in between, with the current revision', async () => {
    env = await startTestService();
    const R = await revisions(env.service.url);
    const a = clientFor(env.service.url, '127.0.0.2').client;
    const b = clientFor(env.service.url, '127.0.0.3').client;
    const readA = await a.get();
    const readB = await b.get();
    expect(readA.ok && readB.ok).toBe(true);
    expect(
      await a.put(
        { mode: 'ALLOW_ALL', entries: [{ ip: '192.0.2.1', cidr: null, memo: 'A' }] },
        R(1),
      ),
    ).toMatchObject({ ok: true });
    const late = await b.put(
      { mode: 'ALLOW_ALL', entries: [{ ip: '192.0.2.2', cidr: null, memo: 'B' }] },
      R(1),
    );
    expect(late).toMatchObject({
      ok: false,
      error: { kind: 'REVISION_CONFLICT', currentRevision: R(2) },
    });
    const now = await b.get();
    expect(now).toMatchObject({ ok: true, value: { entries: [{ memo: 'A' }] } });
  });

  it('refuses a zero-padded address instead of guessing decimal or octal', async () => {
    env = await startTestService();
    const R = await revisions(env.service.url);
    const a = clientFor(env.service.url).client;
    const errors = await refusedPut(
      a,
      [
        { ip: '192.0.2.1', cidr: null, memo: 'fine' },
        { ip: '010.1.1.1', cidr: null, memo: 'padded' },
      ],
      R(1),
    );
    expect(errors.map((e) => [e.index, e.field, e.code])).toEqual([[1, 'ip', 'IP_ZERO_PADDED']]);
    expect(await a.get()).toMatchObject({ ok: true, value: { revision: R(1), entries: [] } });
  });

  it('maps validation errors with the entry index and field, and saves nothing', async () => {
    env = await startTestService({ maxEntries: 3 });
    const R = await revisions(env.service.url);
    const a = clientFor(env.service.url).client;
    const errors = await refusedPut(
      a,
      [
        { ip: '192.0.2.1', cidr: null, memo: 'fine' },
        { ip: '2001:db8::1', cidr: null, memo: 'v6' },
        { ip: '192.0.2.0', cidr: 33, memo: 'prefix' },
        { ip: '192.0.2.9', cidr: null, memo: 'x'.repeat(1001) },
      ],
      R(1),
    );
    const items = errors.map((e) => [e.index ?? null, e.field ?? null, e.code]);
    expect(items).toEqual(
      expect.arrayContaining([
        [1, 'ip', 'IPV6_NOT_SUPPORTED'],
        [2, 'cidr', 'PREFIX_OUT_OF_RANGE'],
        [3, 'memo', 'MEMO_TOO_LONG'],
      ]),
    );
    expect(
      items.some(
        ([index, , code]) => index === null && /TOO_MANY|MAX_ENTRIES|LIMIT/.test(String(code)),
      ),
    ).toBe(true);
    expect(await a.get()).toMatchObject({ ok: true, value: { revision: R(1), entries: [] } });
  });

  it('throttles five failed logins per address with 429 and Retry-After, other addresses unaffected', async () => {
    env = await startTestService();
    const wrong = clientFor(env.service.url, '127.0.0.7', {
      getPassword: async () => 'guess',
      retries: 0,
    }).client;
    for (let i = 0; i < 5; i++)
      expect(await wrong.get()).toMatchObject({ ok: false, error: { kind: 'UNAUTHORIZED' } });
    // Even the right password is refused from that address now; the client does not wait a minute.
    const right = clientFor(env.service.url, '127.0.0.7', { deadlineMs: 3000 }).client;
    const throttled = await right.get();
    expect(throttled).toMatchObject({ ok: false, error: { kind: 'THROTTLED' } });
    if (!throttled.ok && throttled.error.kind === 'THROTTLED') {
      expect(throttled.error.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(throttled.error.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
    expect(await clientFor(env.service.url, '127.0.0.8').client.get()).toMatchObject({ ok: true });
  });
});
