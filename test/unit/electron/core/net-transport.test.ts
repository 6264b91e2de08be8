import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import {
  createNetTransport,
  netFailure,
  type NetRequestLike,
  type NetRequestOptions,
} from '../../../../electron/core/net-transport.ts';
import { createHttpService } from '../../../../electron/core/service-client.ts';

/**
 * The Electron `net` transport against a recording stand-in for net.request (the Electron binary
 * cannot run here; test/e2e/electron covers the real one). The stand-in answers like Chromium's
 * ClientRequest: 'response' with an IncomingMessage, 'redirect' in manual mode, 'error' with a
 * `net::ERR_…` message.
 */

type Script = (req: FakeRequest) => void;

class FakeRequest extends EventEmitter {
  readonly headers: Record<string, string> = {};
  body: Buffer | undefined;
  aborted = false;
  readonly options: NetRequestOptions;
  private readonly script: Script;
  constructor(options: NetRequestOptions, script: Script) {
    super();
    this.options = options;
    this.script = script;
  }
  setHeader(name: string, value: string): void {
    this.headers[name] = value;
  }
  end(body?: Buffer): void {
    this.body = body;
    setImmediate(() => this.script(this));
  }
  abort(): void {
    this.aborted = true;
  }
  respond(status: number, headers: Record<string, string | string[]>, body: string): void {
    const res = Object.assign(new EventEmitter(), { statusCode: status, headers });
    this.emit('response', res);
    res.emit('data', Buffer.from(body));
    res.emit('end');
  }
}

function fakeNet(script: Script) {
  const requests: FakeRequest[] = [];
  const request = (options: NetRequestOptions): NetRequestLike => {
    const req = new FakeRequest(options, script);
    requests.push(req);
    return req as unknown as NetRequestLike;
  };
  return { requests, transport: createNetTransport(request) };
}

const URL_ = new URL('https://allowlist.example.com/v1/ip-restrictions.json');
const init = { method: 'GET', headers: { Accept: 'application/json' }, timeoutMs: 5_000 };

describe('Electron net transport', () => {
  it('sends with manual redirects, no session credentials or cache, and reads the whole answer', async () => {
    const net = fakeNet((req) =>
      req.respond(200, { ETag: '"7"', 'X-Request-Id': 'r1' }, '{"a":1}'),
    );
    const outcome = await net.transport(URL_, init);
    expect(net.requests[0]!.options).toEqual({
      method: 'GET',
      url: URL_.href,
      redirect: 'manual',
      credentials: 'omit',
      cache: 'no-store',
    });
    expect(net.requests[0]!.headers).toEqual({ Accept: 'application/json' });
    expect(outcome).toEqual({
      ok: true,
      response: {
        status: 200,
        headers: { etag: '"7"', 'x-request-id': 'r1' },
        body: Buffer.from('{"a":1}'),
      },
    });
  });

  it('hands a redirect back to the client (status + location) and cancels the request', async () => {
    const net = fakeNet((req) =>
      req.emit('redirect', 302, 'GET', 'https://elsewhere.example/x', {
        Location: ['https://elsewhere.example/x'],
      }),
    );
    const outcome = await net.transport(URL_, init);
    expect(outcome).toMatchObject({
      ok: true,
      response: { status: 302, headers: { location: 'https://elsewhere.example/x' } },
    });
    expect(net.requests[0]!.aborted).toBe(true);
  });

  it('a timeout aborts the request and says so', async () => {
    const net = fakeNet(() => {});
    const outcome = await net.transport(URL_, { ...init, timeoutMs: 10 });
    expect(outcome).toMatchObject({ ok: false, failure: { kind: 'TIMEOUT', sent: true } });
    expect(net.requests[0]!.aborted).toBe(true);
  });

  it.each([
    ['net::ERR_CONNECTION_REFUSED', 'OFFLINE', false, /nothing is listening/],
    ['net::ERR_PROXY_CONNECTION_FAILED', 'OFFLINE', false, /proxy server cannot be reached/],
    ['net::ERR_TUNNEL_CONNECTION_FAILED', 'OFFLINE', false, /proxy server refused/],
    ['net::ERR_NAME_NOT_RESOLVED', 'OFFLINE', false, /does not resolve/],
    ['net::ERR_CONNECTION_RESET', 'OFFLINE', true, /connection was cut/],
    ['net::ERR_CERT_AUTHORITY_INVALID', 'CERTIFICATE_REFUSED', false, /not trusted/],
    ['net::ERR_TIMED_OUT', 'TIMEOUT', true, /did not answer/],
  ])('%s is %s (sent: %s)', (message, kind, sent, text) => {
    const failure = netFailure(new Error(message), true, URL_);
    expect(failure).toMatchObject({ kind, sent });
    expect(failure.message).toMatch(text);
  });

  it('under the service client: a cross-origin redirect of a PUT is refused, never followed', async () => {
    const net = fakeNet((req) =>
      req.emit(
        'redirect',
        307,
        req.options.method,
        'https://evil.example/v1/ip-restrictions.json',
        {},
      ),
    );
    const client = createHttpService({
      baseUrl: 'https://allowlist.example.com',
      login: 'admin',
      getPassword: async () => 'pw',
      transport: net.transport,
    });
    const result = await client.put({ mode: 'ALLOW_ALL', entries: [] }, '7');
    expect(result).toMatchObject({ ok: false, error: { kind: 'REDIRECT_REFUSED' } });
    expect(net.requests.map((r) => r.options.url)).toEqual([
      'https://allowlist.example.com/v1/ip-restrictions.json',
    ]);
  });

  it('under the service client: a PUT whose answer is lost is re-read with a GET, never resent', async () => {
    const net = fakeNet((req) => {
      if (req.options.method === 'PUT') req.emit('error', new Error('net::ERR_CONNECTION_RESET'));
      else
        req.respond(
          200,
          { etag: '"8"' },
          JSON.stringify({
            mode: 'ALLOW_ALL',
            entries: [],
            revision: '8',
            apply: { state: 'APPLYING', revision: '8' },
            limits: { maxEntries: 1000 },
          }),
        );
    });
    const client = createHttpService({
      baseUrl: 'https://allowlist.example.com',
      login: 'admin',
      getPassword: async () => 'pw',
      transport: net.transport,
      backoffMs: 1,
    });
    const result = await client.put({ mode: 'ALLOW_ALL', entries: [] }, '7');
    expect(net.requests.map((r) => r.options.method)).toEqual(['PUT', 'GET']);
    expect(result).toMatchObject({ ok: true, value: { revision: '8' } });
  });
});
