import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, outboxMails, raw, resetUrlOf, startTestService, waitFor } from './helpers.ts';

const R = '/v1/ip-restrictions.json';
const json = { 'X-Cybozu-Authorization': AUTH, 'Content-Type': 'application/json' };
const body = (entries: unknown[], mode = 'ALLOW_ALL') => JSON.stringify({ mode, entries });

let env: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  env = await startTestService({ applyDelayMs: 100, maxEntries: 5 });
});
afterAll(async () => env.stop());

/** Every response below is also validated against shared/contract/openapi.json by `raw`. */
describe('the contract over raw HTTP, checked against the OpenAPI document', () => {
  it('GET returns the restriction with ETag and X-Request-Id', async () => {
    const r = await raw(env.service, 'GET', R, { headers: { 'X-Cybozu-Authorization': AUTH } });
    expect(r.status).toBe(200);
    expect(r.headers.etag).toBe(`"${r.body.revision}"`);
    expect(r.body.limits).toEqual({ maxEntries: 5 });
  });

  it('adopts a well-formed X-Request-Id and replaces a malformed one', async () => {
    const mine = await raw(env.service, 'GET', R, {
      headers: { 'X-Cybozu-Authorization': AUTH, 'X-Request-Id': 'app-123' },
    });
    expect(mine.headers['x-request-id']).toBe('app-123');
    const bad = await raw(env.service, 'GET', R, {
      headers: { 'X-Cybozu-Authorization': AUTH, 'X-Request-Id': 'a b\tc' },
    });
    expect(bad.headers['x-request-id']).not.toBe('a b\tc');
    expect(bad.body.revision).toBeDefined();
  });

  it('401 without or with wrong credentials, with the request id in the body', async () => {
    const none = await raw(env.service, 'GET', R, { localAddress: '127.0.0.20' });
    expect(none.status).toBe(401);
    expect(none.body).toMatchObject({
      code: 'UNAUTHORIZED',
      requestId: none.headers['x-request-id'],
    });
    const wrong = await raw(env.service, 'GET', '/v1/client-ip.json', {
      localAddress: '127.0.0.20',
      headers: { 'X-Cybozu-Authorization': Buffer.from('admin:nope').toString('base64') },
    });
    expect(wrong.status).toBe(401);
  });

  it('429 TOO_MANY_ATTEMPTS with Retry-After after five failures from one address', async () => {
    const bad = { 'X-Cybozu-Authorization': Buffer.from('admin:bad').toString('base64') };
    for (let i = 0; i < 5; i++)
      expect(
        (await raw(env.service, 'GET', R, { localAddress: '127.0.0.21', headers: bad })).status,
      ).toBe(401);
    const r = await raw(env.service, 'GET', R, {
      localAddress: '127.0.0.21',
      headers: { 'X-Cybozu-Authorization': AUTH },
    });
    expect(r.status).toBe(429);
    expect(Number(r.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(r.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(r.body.code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('PUT without If-Match is 428, stale is 412 with currentRevision, fresh is 202', async () => {
    const current = (await raw(env.service, 'GET', R, { headers: json })).body.revision as string;
    const missing = await raw(env.service, 'PUT', R, { headers: json, body: body([]) });
    expect(missing.status).toBe(428);
    expect(missing.body.code).toBe('PRECONDITION_REQUIRED');
    const stale = await raw(env.service, 'PUT', R, {
      headers: { ...json, 'If-Match': '"0"' },
      body: body([]),
    });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ code: 'REVISION_MISMATCH', currentRevision: current });
    const ok = await raw(env.service, 'PUT', R, {
      headers: { ...json, 'If-Match': `"${current}"` },
      body: body([{ ip: '192.0.2.1', cidr: null, memo: 'x' }]),
    });
    expect(ok.status).toBe(202);
    expect(ok.body).toEqual({
      revision: String(Number(current) + 1),
      apply: { state: 'APPLYING', revision: String(Number(current) + 1) },
    });
    expect(ok.headers.etag).toBe(`"${ok.body.revision}"`);
  });

  it('400 VALIDATION_FAILED names index, field and code for each refused entry; nothing saved', async () => {
    const before = (await raw(env.service, 'GET', R, { headers: json })).body;
    const cases: [unknown[], string, [number | null, string | null, string][]][] = [
      [
        [
          { ip: '192.0.2.1', cidr: null, memo: '' },
          { ip: 'fe80::1', cidr: null, memo: '' },
        ],
        'ALLOW_SPECIFIC',
        [[1, 'ip', 'IPV6_NOT_SUPPORTED']],
      ],
      [
        [{ ip: '192.0.2.0', cidr: -1, memo: '' }],
        'ALLOW_SPECIFIC',
        [[0, 'cidr', 'PREFIX_OUT_OF_RANGE']],
      ],
      [[{ ip: '192.0.2.300', cidr: null, memo: '' }], 'ALLOW_SPECIFIC', [[0, 'ip', '']]],
      [
        [{ ip: '192.0.2.1', cidr: null, memo: 'é'.repeat(1001) }],
        'ALLOW_ALL',
        [[0, 'memo', 'MEMO_TOO_LONG']],
      ],
      [[{ ip: '192.0.2.1', cidr: 24.5, memo: '' }], 'ALLOW_ALL', [[0, 'cidr', 'INVALID_BODY']]],
      [[{ ip: '192.0.2.1', memo: '' }], 'ALLOW_ALL', [[0, 'cidr', 'INVALID_BODY']]],
      [[], 'ALLOW_SPECIFIC', [[null, null, '']]],
      [
        Array.from({ length: 6 }, (_, i) => ({ ip: `192.0.2.${i + 1}`, cidr: null, memo: '' })),
        'ALLOW_ALL',
        [[null, null, '']],
      ],
    ];
    for (const [entries, mode, expected] of cases) {
      const r = await raw(env.service, 'PUT', R, {
        headers: { ...json, 'If-Match': `"${before.revision}"` },
        body: body(entries, mode),
      });
      expect(r.status, JSON.stringify(entries).slice(0, 80)).toBe(400);
      expect(r.body.code).toBe('VALIDATION_FAILED');
      for (const [index, field, code] of expected) {
        const hit = r.body.errors.find(
          (e: { index?: number; field?: string; code: string }) =>
            (e.index ?? null) === index &&
            (field === null || e.field === field) &&
            (code === '' || e.code === code),
        );
        expect(
          hit,
          `${JSON.stringify(r.body.errors)} has [${index}, ${field}, ${code}]`,
        ).toBeTruthy();
      }
    }
    // Problems that are only warnings (zero-padded octets are refused as errors; host bits set is a warning) are accepted.
    const after = (await raw(env.service, 'GET', R, { headers: json })).body;
    expect(after.revision).toBe(before.revision);
  });

  it('accepts what is only a warning (host bits set) and a list that locks the caller out is not refused', async () => {
    const rev = (await raw(env.service, 'GET', R, { headers: json })).body.revision as string;
    const r = await raw(env.service, 'PUT', R, {
      headers: { ...json, 'If-Match': `"${rev}"` },
      body: body([{ ip: '192.0.2.77', cidr: 24, memo: 'host bits set' }], 'ALLOW_ALL'),
    });
    expect(r.status).toBe(202);
  });

  it('refuses non-JSON, bad JSON, unknown keys, oversize bodies, unknown paths and methods', async () => {
    const rev = (await raw(env.service, 'GET', R, { headers: json })).body.revision as string;
    const h = { ...json, 'If-Match': `"${rev}"` };
    expect(
      (
        await raw(env.service, 'PUT', R, {
          headers: { ...h, 'Content-Type': 'text/plain' },
          body: '{}',
        })
      ).status,
    ).toBe(415);
    const badJson = await raw(env.service, 'PUT', R, { headers: h, body: '{"mode":' });
    expect([badJson.status, badJson.body.code]).toEqual([400, 'INVALID_JSON']);
    const extra = await raw(env.service, 'PUT', R, {
      headers: h,
      body: JSON.stringify({ mode: 'ALLOW_ALL', entries: [], revision: '9' }),
    });
    expect([extra.status, extra.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    const huge = await raw(env.service, 'PUT', R, {
      headers: h,
      body: Buffer.alloc(2 * 1024 * 1024, 32),
    });
    expect(huge.status).toBe(413);
    const nf = await raw(env.service, 'GET', '/v1/nothing', { headers: json });
    expect([nf.status, nf.body.code]).toEqual([404, 'NOT_FOUND']);
    const del = await raw(env.service, 'DELETE', R, { headers: json });
    expect([del.status, del.headers.allow]).toEqual([405, 'GET, HEAD, PUT']);
    // Error bodies never carry a stack trace.
    for (const r of [badJson, extra, nf, del])
      expect(JSON.stringify(r.body)).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('client-ip echoes the socket address; X-Forwarded-For is ignored without --trust-proxy', async () => {
    const r = await raw(env.service, 'GET', '/v1/client-ip.json', {
      localAddress: '127.0.0.33',
      headers: { ...json, 'X-Forwarded-For': '203.0.113.7' },
    });
    expect([r.status, r.body]).toEqual([200, { ip: '127.0.0.33' }]);
  });

  it('honours the last X-Forwarded-For hop with --trust-proxy', async () => {
    const proxied = await startTestService({ trustProxy: true });
    try {
      const r = await raw(proxied.service, 'GET', '/v1/client-ip.json', {
        headers: { ...json, 'X-Forwarded-For': '198.51.100.1, 203.0.113.7' },
      });
      expect(r.body).toEqual({ ip: '203.0.113.7' });
    } finally {
      await proxied.stop();
    }
  });

  it('enforces the applied list per caller address on every authenticated endpoint; reset needs no login', async () => {
    const rev = (await raw(env.service, 'GET', R, { headers: json })).body.revision as string;
    const list = [{ ip: '127.0.0.0', cidr: 30, memo: 'loopback .0-.3' }];
    const put = await raw(env.service, 'PUT', R, {
      headers: { ...json, 'If-Match': `"${rev}"` },
      body: body(list, 'ALLOW_SPECIFIC'),
      localAddress: '127.0.0.2',
    });
    expect(put.status).toBe(202);
    await waitFor(async () =>
      (await raw(env.service, 'GET', R, { headers: json, localAddress: '127.0.0.2' })).body.apply
        ?.state === 'APPLIED'
        ? true
        : undefined,
    );
    for (const [address, allowed] of [
      ['127.0.0.2', true],
      ['127.0.0.3', true],
      ['127.0.0.4', false],
      ['127.0.1.2', false],
    ] as const) {
      for (const path of [R, '/v1/client-ip.json']) {
        const r = await raw(env.service, 'GET', path, { headers: json, localAddress: address });
        expect(r.status, `${address} ${path}`).toBe(allowed ? 200 : 403);
        if (!allowed) expect(r.body).toMatchObject({ code: 'IP_RESTRICTED', clientIp: address });
      }
      const w = await raw(env.service, 'PUT', R, {
        headers: { ...json, 'If-Match': '"999"' },
        body: body([]),
        localAddress: address,
      });
      expect(w.status, `${address} PUT`).toBe(allowed ? 412 : 403);
    }
    const mail = await waitFor(async () =>
      (await outboxMails(env.outbox)).find((m) => m.text.includes(`revision ${put.body.revision}`)),
    );
    const reset = await raw(env.service, 'GET', resetUrlOf(mail.text), {
      localAddress: '127.0.0.4',
      template: '/v1/ip-restrictions/reset',
    });
    expect(reset.status).toBe(200);
    expect(
      (await raw(env.service, 'GET', R, { headers: json, localAddress: '127.0.0.4' })).body,
    ).toMatchObject({ mode: 'ALLOW_ALL', entries: list });
    const unknown = await raw(env.service, 'GET', '/v1/ip-restrictions/reset?token=nope', {});
    expect([unknown.status, unknown.body.code]).toEqual([404, 'RESET_TOKEN_UNKNOWN']);
    const none = await raw(env.service, 'GET', '/v1/ip-restrictions/reset', {});
    expect(none.status).toBe(400);
  });
});

describe('the OpenAPI checker itself', () => {
  it('catches a body, a header and a status that do not match the document', async () => {
    const { conformanceProblems } = await import('./openapi-check.ts');
    const good = {
      mode: 'ALLOW_ALL',
      entries: [],
      revision: '1',
      apply: { state: 'APPLIED', revision: '1', appliedAt: '2026-11-24T09:00:00Z' },
      limits: { maxEntries: 1000 },
    };
    const headers = {
      'x-request-id': 'r1',
      etag: '"1"',
      'content-type': 'application/json; charset=utf-8',
    };
    expect(conformanceProblems('GET', R, { status: 200, headers, body: good })).toEqual([]);
    expect(
      conformanceProblems('GET', R, {
        status: 200,
        headers,
        body: { ...good, entries: [{ ip: '1.2.3.4', cidr: 33, memo: '' }] },
      }),
    ).not.toEqual([]);
    expect(
      conformanceProblems('GET', R, {
        status: 200,
        headers,
        body: { ...good, apply: { state: 'APPLIED', revision: '1' } },
      }),
    ).not.toEqual([]);
    expect(
      conformanceProblems('GET', R, { status: 200, headers: { etag: '"1"' }, body: good }),
    ).not.toEqual([]);
    expect(conformanceProblems('GET', R, { status: 418, headers, body: {} })).not.toEqual([]);
    expect(
      conformanceProblems('GET', R, {
        status: 200,
        headers: { ...headers, 'content-type': 'text/html' },
        body: good,
      }),
    ).not.toEqual([]);
    expect(conformanceProblems('HEAD', R, { status: 200, headers, body: '{}' })).not.toEqual([]);
    const notAllowed = { code: 'METHOD_NOT_ALLOWED', message: 'no', requestId: 'r1' };
    expect(conformanceProblems('DELETE', R, { status: 405, headers, body: notAllowed })).toEqual([
      '405 without an Allow header',
    ]);
    expect(
      conformanceProblems('PUT', R, {
        status: 202,
        headers,
        body: { revision: '2', apply: { state: 'APPLIED', revision: '2' } },
      }),
    ).not.toEqual([]);
  });
});
