import { request } from 'node:http';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security.ts';
import { IPC_LIMITS } from '../../../shared/contract/ipc.ts';
import { HOST_HEADERS, HOST_PATHS } from '../../../host/protocol.ts';
import { startBrowserHost, type BrowserHost } from '../../../host/server/server.ts';
import { call as httpCall } from '../support/http-call.ts';

/**
 * Browser mode's access checks over real HTTP against the real server (host/server), with the
 * real handlers behind it. The renderer files are a stand-in index.html and bridge.js (the checks
 * under test do not depend on what the page is; the e2e suite serves the real build).
 */

let host: BrowserHost;
let root: string;
let port: number;
let token: string;
const logs: string[] = [];

/**
 * A request from a page or a client on this machine; ECONNRESET is tolerated too (the server may
 * answer before the whole body is sent and close the socket under the write).
 */
const call = (
  method: string,
  path: string,
  headers: Record<string, string> = {},
  body?: Uint8Array | string,
) => httpCall(port, method, path, headers, body, ['EPIPE', 'ECONNRESET']);

/** The page's Authorization header (the bridge sends it with every API request). */
async function login(): Promise<string> {
  return `Bearer ${token}`;
}

const origin = () => `http://127.0.0.1:${port}`;
const json = (auth: string, extra: Record<string, string> = {}) => ({
  authorization: auth,
  origin: origin(),
  'content-type': 'application/json',
  ...extra,
});

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'browser-host-test-'));
  const rendererDir = join(root, 'renderer');
  const pageDir = join(root, 'page');
  await mkdir(rendererDir);
  await mkdir(pageDir);
  await writeFile(
    join(rendererDir, 'index.html'),
    '<!doctype html><html><head><script type="module" src="./app.js"></script></head></html>',
  );
  await writeFile(join(rendererDir, 'app.js'), 'export {};');
  await writeFile(join(pageDir, 'bridge.js'), 'export {};');
  host = await startBrowserHost({
    dataDir: join(root, 'data'),
    rendererDir,
    pageDir,
    log: (line) => logs.push(line),
  });
  port = host.port;
  token = new URLSearchParams(new URL(host.url).hash.slice(1)).get('token')!;
});

afterAll(async () => {
  await host.close();
  await rm(root, { recursive: true, force: true });
});

describe('browser mode: connection token', () => {
  it('is long and random, and the printed URL carries it in the fragment (never sent to a server)', () => {
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(host.url).toBe(`http://127.0.0.1:${port}/#token=${token}`);
  });

  it('the page’s static files are served without it (public, with the CSP), never with the token in them', async () => {
    const page = await call('GET', '/');
    expect(page.status).toBe(200);
    expect(page.text).not.toContain(token);
    expect(page.headers['set-cookie']).toBeUndefined();
    // The bridge is loaded before the renderer's own script.
    expect(page.text.indexOf(HOST_PATHS.bridge)).toBeLessThan(page.text.indexOf('./app.js'));
    expect((await call('GET', '/app.js')).status).toBe(200);
    expect((await call('GET', HOST_PATHS.bridge)).status).toBe(200);
  });

  it('no token: an invoke, the event channel and a download are refused with 401', async () => {
    const invoke = await call('POST', `${HOST_PATHS.invoke}app:info`, json(''), '{}');
    expect(invoke.status).toBe(401);
    expect(invoke.text).toContain('Open the URL');
    expect(invoke.text).not.toContain(token);
    expect((await call('GET', HOST_PATHS.events)).status).toBe(401);
    expect((await call('GET', `${HOST_PATHS.download}x`)).status).toBe(401);
  });

  it('only the Authorization header counts: not a cookie, the query, another scheme or a near miss', async () => {
    const path = `${HOST_PATHS.invoke}app:info`;
    for (const headers of [
      { cookie: `allowlist-token-${port}=${token}` } as Record<string, string>,
      { authorization: `Bearer ${token.slice(0, -1)}x` },
      { authorization: `Basic ${token}` },
      { authorization: token },
    ]) {
      const { authorization: _omit, ...base } = json('');
      const reply = await call('POST', path, { ...base, ...headers }, '{}');
      expect(reply.status).toBe(401);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    const { authorization: _none, ...noAuth } = json('');
    expect((await call('POST', `${path}?token=${token}`, noAuth, '{}')).status).toBe(401);
    const ok = await call('POST', path, json(await login()), '{}');
    expect(ok.status).toBe(200);
  });
});

describe('browser mode: Host and Origin', () => {
  it('a foreign Host header is refused even with the right token (DNS rebinding)', async () => {
    const auth = await login();
    for (const foreign of ['evil.example', `evil.example:${port}`, `127.0.0.1:${port + 1}`]) {
      expect((await call('GET', '/', { authorization: auth, host: foreign })).status).toBe(403);
      expect((await call('GET', `/?token=${token}`, { host: foreign })).status).toBe(403);
      const invoke = await call(
        'POST',
        `${HOST_PATHS.invoke}app:info`,
        json(auth, { host: foreign }),
        '{}',
      );
      expect(invoke.status).toBe(403);
    }
    expect(
      (await call('GET', '/', { authorization: auth, host: `localhost:${port}` })).status,
    ).toBe(200);
  });

  it('an invoke from a foreign Origin, or without one, is refused; from the page it runs', async () => {
    const auth = await login();
    const path = `${HOST_PATHS.invoke}app:info`;
    const foreign = await call('POST', path, json(auth, { origin: 'http://evil.example' }), '{}');
    expect(foreign.status).toBe(403);
    const nullOrigin = await call('POST', path, json(auth, { origin: 'null' }), '{}');
    expect(nullOrigin.status).toBe(403);
    const { origin: _omit, ...noOrigin } = json(auth);
    expect((await call('POST', path, noOrigin, '{}')).status).toBe(403);
    const crossSite = await call(
      'POST',
      path,
      json(auth, { 'sec-fetch-site': 'cross-site' }),
      '{}',
    );
    expect(crossSite.status).toBe(403);
    // Another port of 127.0.0.1 is the same site but not this origin.
    const otherPort = await call('GET', HOST_PATHS.events, {
      authorization: auth,
      'sec-fetch-site': 'same-site',
    });
    expect(otherPort.status).toBe(403);

    const ok = await call('POST', path, json(auth), '{}');
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.text).result).toMatchObject({ ok: true, value: { packaged: false } });
  });

  it('the event channel refuses a foreign Origin and streams to the page', async () => {
    const auth = await login();
    const foreign = await call('GET', HOST_PATHS.events, {
      authorization: auth,
      origin: 'http://evil.example',
    });
    expect(foreign.status).toBe(403);
    const status = await new Promise<{ status: number; type: string; first: string }>(
      (resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: HOST_PATHS.events,
            headers: { host: `127.0.0.1:${port}`, authorization: auth, origin: origin() },
          },
          (res) => {
            res.once('data', (chunk: Buffer) => {
              resolve({
                status: res.statusCode ?? 0,
                type: String(res.headers['content-type']),
                first: chunk.toString('utf8'),
              });
              req.destroy();
            });
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(status).toEqual({
      status: 200,
      type: 'text/event-stream; charset=utf-8',
      first: ': connected\n\n',
    });
  });

  it('the channel name goes through the sender-checked invoker: an unknown one is refused', async () => {
    const reply = await call('POST', `${HOST_PATHS.invoke}fs:read`, json(await login()), '{}');
    expect(JSON.parse(reply.text).result).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
  });

  it('sends the Electron window’s CSP (connect-src to itself only) and never a CORS header', async () => {
    const auth = await login();
    const page = await call('GET', '/', { authorization: auth });
    expect(page.headers['content-security-policy']).toBe(
      CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'"),
    );
    const preflight = await call('OPTIONS', `${HOST_PATHS.invoke}app:info`, {
      origin: 'http://evil.example',
      'access-control-request-method': 'POST',
    });
    expect(preflight.status).toBeGreaterThanOrEqual(400);
    for (const reply of [page, preflight]) {
      expect(Object.keys(reply.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });
});

describe('browser mode: uploads', () => {
  const upload = (auth: string, bytes: Uint8Array, role = 'input.bytes') =>
    call(
      'POST',
      `${HOST_PATHS.invoke}import:bytes`,
      {
        authorization: auth,
        origin: origin(),
        'content-type': 'application/octet-stream',
        [HOST_HEADERS.input]: encodeURIComponent(
          JSON.stringify({ jobId: 'job-1', fileName: 'offices.csv' }),
        ),
        [HOST_HEADERS.fileName]: 'offices.csv',
        [HOST_HEADERS.fileRole]: role,
      },
      bytes,
    );

  it('a file within the limit is imported by the real handler', async () => {
    const csv = new TextEncoder().encode('IP Address,CIDR,Memo\r\n192.0.2.8,,Tokyo\r\n');
    const reply = await upload(await login(), csv);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text).result).toMatchObject({
      ok: true,
      value: { fileName: 'offices.csv' },
    });
  });

  it('an upload over the import limit is refused with 413 and the desktop dialog’s error', async () => {
    const reply = await upload(await login(), new Uint8Array(IPC_LIMITS.maxImportBytes + 1));
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.text).result).toEqual({
      ok: false,
      error: {
        code: 'IMPORT_FAILED',
        message: 'The file is 50 MB; the import accepts files up to 50 MB.',
        params: { reason: 'FILE_TOO_LARGE', sizeMb: 50, limitMb: 50 },
      },
    });
  });

  it('an oversized JSON body is refused with 413', async () => {
    const big = JSON.stringify({ pad: 'x'.repeat(9 * 1024 * 1024) });
    const reply = await call('POST', `${HOST_PATHS.invoke}app:info`, json(await login()), big);
    expect(reply.status).toBe(413);
  });
});

describe('browser mode: logs', () => {
  it('never carry the token', () => {
    expect(logs.length).toBeGreaterThan(0);
    for (const line of logs) expect(line).not.toContain(token);
  });
});
