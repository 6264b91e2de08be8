import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUTH, raw, startTestService } from './helpers.ts';
import { conformanceProblems } from './openapi-check.ts';

const R = '/v1/ip-restrictions.json';
const auth = { 'X-Cybozu-Authorization': AUTH };

let env: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  env = await startTestService();
});
afterAll(async () => env.stop());

/** Send `bytes` as they are on a new connection; the parsed answer once the service closes it. */
function sendBytes(bytes: string | Buffer) {
  const { port } = env.service;
  return new Promise<{ status: number; headers: Record<string, string>; body: unknown }>(
    (resolve, reject) => {
      const socket = connect({ port, host: '127.0.0.1' });
      const chunks: Buffer[] = [];
      socket.on('data', (c: Buffer) => chunks.push(c));
      socket.on('error', reject);
      socket.on('end', () => {
        const text = Buffer.concat(chunks).toString('latin1');
        const split = text.indexOf('\r\n\r\n');
        const [statusLine, ...lines] = text.slice(0, split).split('\r\n');
        const headers: Record<string, string> = {};
        for (const line of lines) {
          const colon = line.indexOf(':');
          headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
        }
        let body: unknown = text.slice(split + 4);
        try {
          body = JSON.parse(body as string);
        } catch {
          /* the assertions say what is wrong */
        }
        resolve({
          status: Number(/^HTTP\/1\.1 (\d{3}) /.exec(statusLine ?? '')?.[1]),
          headers,
          body,
        });
      });
      socket.end(bytes);
    },
  );
}

describe('requests Node refuses before the handler are answered like every other error', () => {
  it.each([
    [
      'a control character in a header',
      `GET ${R} HTTP/1.1\r\nHost: x\r\nX-A: a\u0001b\r\n\r\n`,
      400,
      'BAD_REQUEST',
    ],
    ['an unknown method', `BREW ${R} HTTP/1.1\r\nHost: x\r\n\r\n`, 501, 'NOT_IMPLEMENTED'],
    ['a garbled request line', `GET ${R} HTTX/1.1\r\n\r\n`, 400, 'BAD_REQUEST'],
    [
      'headers over 16 KB',
      `GET ${R} HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(17_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
    [
      'a request target that is not a URL',
      'GET http://[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
      400,
      'BAD_REQUEST',
    ],
    [
      'CONNECT',
      'CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n',
      501,
      'NOT_IMPLEMENTED',
    ],
  ])(
    '%s: answered with the JSON error body, Content-Type and X-Request-Id',
    async (_, bytes, status, code) => {
      const r = await sendBytes(bytes);
      expect(r.status).toBe(status);
      expect(r.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(r.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
      expect(r.body).toMatchObject({ code, requestId: r.headers['x-request-id'] });
      expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength(JSON.stringify(r.body)));
      // The document's generic error response describes it.
      expect(conformanceProblems('BREW', '/not-in-the-document', r)).toEqual([]);
    },
  );
});

describe('HEAD, query parameters and If-Match', () => {
  it('HEAD answers what GET does, without the body', async () => {
    const get = await raw(env.service, 'GET', R, { headers: auth });
    const head = await raw(env.service, 'HEAD', R, { headers: auth });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
    expect(head.headers.etag).toBe(get.headers.etag);
    expect(head.headers['content-length']).toBe(get.headers['content-length']);
    expect((await raw(env.service, 'HEAD', '/v1/client-ip.json', { headers: auth })).status).toBe(
      200,
    );
    expect((await raw(env.service, 'HEAD', R, { localAddress: '127.0.0.40' })).status).toBe(401);
    // The Reset URL is GET only: HEAD must not use a token.
    const reset = await raw(env.service, 'HEAD', '/v1/ip-restrictions/reset?token=x', {});
    expect([reset.status, reset.headers.allow]).toEqual([405, 'GET']);
  });

  it('an unknown query parameter is 400 naming it, and a PUT with ?dryRun=true saves nothing', async () => {
    const before = await raw(env.service, 'GET', R, { headers: auth });
    const put = await raw(env.service, 'PUT', `${R}?dryRun=true`, {
      template: R,
      headers: {
        ...auth,
        'Content-Type': 'application/json',
        'If-Match': before.headers.etag as string,
      },
      body: JSON.stringify({
        mode: 'ALLOW_ALL',
        entries: [{ ip: '192.0.2.1', cidr: null, memo: 'x' }],
      }),
    });
    expect(put.status).toBe(400);
    expect(put.body).toMatchObject({ code: 'UNKNOWN_PARAMETER', parameter: 'dryRun' });
    expect(put.body.message).toContain('"dryRun"');
    const get = await raw(env.service, 'GET', `${R}?x=1`, { template: R, headers: auth });
    expect([get.status, get.body.parameter]).toEqual([400, 'x']);
    const twice = await raw(env.service, 'GET', '/v1/ip-restrictions/reset?token=a&token=b', {
      template: '/v1/ip-restrictions/reset',
    });
    expect([twice.status, twice.body.code]).toEqual([400, 'DUPLICATE_PARAMETER']);
    const empty = await raw(env.service, 'GET', '/v1/ip-restrictions/reset?token=', {
      template: '/v1/ip-restrictions/reset',
    });
    expect([empty.status, empty.body.code]).toEqual([400, 'RESET_TOKEN_MISSING']);
    expect((await raw(env.service, 'GET', R, { headers: auth })).body.revision).toBe(
      before.body.revision,
    );
  });

  it('If-Match: strong comparison, weak tags never match, * matches, lists, malformed is 400, empty is 428', async () => {
    const put = (ifMatch: string | undefined, memo: string) =>
      raw(env.service, 'PUT', R, {
        headers: {
          ...auth,
          'Content-Type': 'application/json',
          ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
        },
        body: JSON.stringify({
          mode: 'ALLOW_ALL',
          entries: [{ ip: '192.0.2.1', cidr: null, memo }],
        }),
      });
    const rev = (await raw(env.service, 'GET', R, { headers: auth })).body.revision as string;
    const weak = await put(`W/"${rev}"`, 'weak');
    expect([weak.status, weak.body.currentRevision]).toEqual([412, rev]);
    expect(weak.body.message).toMatch(/weak/);
    expect((await put(rev, 'bare')).body.code).toBe('INVALID_IF_MATCH');
    expect((await put('', 'empty')).status).toBe(428);
    expect((await put('   ', 'blank')).status).toBe(428);
    const listed = await put(`"0", "${rev}"`, 'listed');
    expect(listed.status).toBe(202);
    const star = await put('*', 'star');
    expect(star.status).toBe(202);
    expect(star.body.revision).toBe(String(Number(listed.body.revision) + 1));
    const now = await raw(env.service, 'GET', R, { headers: auth });
    expect(now.body.entries[0].memo).toBe('star');
  });
});
