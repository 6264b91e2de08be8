import { describe, expect, it } from 'vitest';
import { checkBaseUrl, isLoopbackHost } from '../../../../electron/core/http-transport.ts';
import { mapErrorResponse, retryAfterSeconds } from '../../../../electron/core/service-errors.ts';
import { createHttpService } from '../../../../electron/core/service-client.ts';

const response = (status: number, body: unknown, headers: Record<string, string> = {}) => ({
  status,
  headers,
  body: Buffer.from(typeof body === 'string' ? body : JSON.stringify(body)),
});

describe('URL policy', () => {
  it.each([
    ['https://example.cybozu.com', true],
    ['http://127.0.0.1:8080', true],
    ['http://127.3.2.1', true],
    ['http://localhost:3000/base', true],
    ['http://[::1]:8080', true],
    ['http://example.cybozu.com', false],
    ['http://192.168.1.10', false],
    ['http://127.example.com', false],
    ['ftp://127.0.0.1', false],
    ['https://user:pw@example.com', false],
    ['not a url', false],
  ])('%s allowed: %s', (url, ok) => expect(checkBaseUrl(url).ok).toBe(ok));

  it('knows loopback hosts', () => {
    expect(isLoopbackHost('127.0.0.1')).toBe(true);
    expect(isLoopbackHost('[::1]')).toBe(true);
    expect(isLoopbackHost('128.0.0.1')).toBe(false);
  });

  it('refuses plain http to a remote host without connecting or reading the password', async () => {
    let asked = 0;
    const client = createHttpService({
      baseUrl: 'http://192.0.2.10',
      login: 'admin',
      getPassword: async () => {
        asked++;
        return 'pw';
      },
    });
    expect(await client.get()).toMatchObject({ ok: false, error: { kind: 'INSECURE_URL' } });
    expect(asked).toBe(0);
  });
});

describe('error mapping', () => {
  it.each([
    [
      response(401, { code: 'UNAUTHORIZED', message: 'no', requestId: 'r' }),
      { kind: 'UNAUTHORIZED', requestId: 'r' },
    ],
    [
      response(403, {
        code: 'IP_RESTRICTED',
        message: 'no',
        requestId: 'r',
        clientIp: '203.0.113.7',
      }),
      { kind: 'IP_RESTRICTED', clientIp: '203.0.113.7' },
    ],
    [
      response(412, {
        code: 'REVISION_MISMATCH',
        message: 'x',
        requestId: 'r',
        currentRevision: '9',
      }),
      { kind: 'REVISION_CONFLICT', currentRevision: '9' },
    ],
    [
      response(412, 'not json', { etag: '"11"' }),
      { kind: 'REVISION_CONFLICT', currentRevision: '11' },
    ],
    [
      response(400, {
        code: 'VALIDATION_FAILED',
        message: 'x',
        requestId: 'r',
        errors: [{ index: 3, field: 'ip', code: 'IPV6_NOT_SUPPORTED', message: 'm' }],
      }),
      {
        kind: 'VALIDATION',
        errors: [{ index: 3, field: 'ip', code: 'IPV6_NOT_SUPPORTED', message: 'm' }],
      },
    ],
    [
      response(428, { code: 'PRECONDITION_REQUIRED', message: 'x', requestId: 'r' }),
      { kind: 'PRECONDITION_REQUIRED' },
    ],
    [
      response(
        429,
        { code: 'TOO_MANY_ATTEMPTS', message: 'x', requestId: 'r' },
        { 'retry-after': '42' },
      ),
      { kind: 'THROTTLED', retryAfterSeconds: 42 },
    ],
    [
      response(502, '<html>bad gateway</html>', { 'x-request-id': 'gw' }),
      { kind: 'SERVER_ERROR', status: 502, requestId: 'gw' },
    ],
    [response(404, { code: 'NOT_FOUND', message: 'x', requestId: 'r' }), { kind: 'BAD_RESPONSE' }],
  ])('%#: maps to the typed kind', (raw, expected) => {
    expect(mapErrorResponse(raw, 'fallback')).toMatchObject(expected);
  });

  it('uses the request id it sent when the response carries none', () => {
    expect(mapErrorResponse(response(500, ''), 'mine')).toMatchObject({ requestId: 'mine' });
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(retryAfterSeconds('5')).toBe(5);
    expect(
      retryAfterSeconds(
        new Date(Date.UTC(2026, 0, 1, 0, 0, 30)).toUTCString(),
        Date.UTC(2026, 0, 1),
      ),
    ).toBe(30);
    expect(retryAfterSeconds('soon')).toBeNull();
    expect(retryAfterSeconds(undefined)).toBeNull();
  });
});
