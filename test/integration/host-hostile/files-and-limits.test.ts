import { request } from 'node:http';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../electron/main/security.ts';
import { IPC_LIMITS } from '../../../shared/contract/ipc.ts';
import { HOST_HEADERS, HOST_PATHS } from '../../../host/protocol.ts';
import {
  SECRET_OUTSIDE,
  call,
  invoke,
  locale,
  login,
  pageJson,
  raw,
  statuses,
  useTarget,
} from './support.ts';

/** Promise 4: the same checks as the desktop app (handlers, uploads, downloads, files, CSP). */

const t = useTarget();

const BROWSER_CSP = CONTENT_SECURITY_POLICY.replace("connect-src 'none'", "connect-src 'self'");

describe('static files: path traversal', () => {
  it('no request target reads a file outside the renderer folder', async () => {
    const auth = await login(t);
    const targets = [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/..%2fsecret.txt',
      '/..%2Fsecret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/..\\secret.txt',
      '/../renderer-evil/x.txt',
      '/..%2frenderer-evil%2fx.txt',
      '/%252e%252e%252fsecret.txt',
      '/..%00/secret.txt',
      '/%c0%ae%c0%ae/secret.txt',
      '//../secret.txt',
      `/..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`,
      '/../../../../../../etc/passwd',
    ];
    for (const target of targets) {
      const answer = await raw(
        t.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer, target).not.toContain(SECRET_OUTSIDE);
      expect(answer, target).not.toContain('root:');
    }
    for (const target of [
      'http://127.0.0.1/../secret.txt',
      `http://127.0.0.1:${t.port}/..%2fsecret.txt`,
    ]) {
      const answer = await raw(
        t.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nAuthorization: ${auth}\r\nConnection: close\r\n\r\n`,
      );
      expect(answer, target).not.toContain(SECRET_OUTSIDE);
    }
  });

  it('a directory, an unknown file and a malformed escape are 404 (or 400), not an error page with details', async () => {
    const auth = await login(t);
    for (const path of ['/assets', '/assets/', '/nope.js', '/%E0%A4%A']) {
      const r = await call(t.port, 'GET', path, { authorization: auth });
      expect([400, 404], path).toContain(r.status);
      expect(r.text).not.toMatch(/EISDIR|ENOENT|\/tmp\//);
    }
  });
});

describe('the same CSP and headers on every answer', () => {
  it('every response (200, 401, 403, 404, 405, 413, 415, events) carries the desktop CSP and nosniff', async () => {
    const auth = await login(t);
    const replies = [
      await call(t.port, 'GET', '/', { authorization: auth }),
      await call(t.port, 'GET', `/?token=${t.token}`),
      await call(t.port, 'GET', '/'),
      await call(t.port, 'GET', HOST_PATHS.events),
      await call(t.port, 'GET', '/', { host: `127.0.0.1:${t.port}`, 'x-dup': '1' }),
      await call(t.port, 'GET', '/', { host: 'evil.example' }),
      await call(t.port, 'GET', '/nope', { authorization: auth }),
      await call(t.port, 'PUT', '/', { authorization: auth }),
      await call(t.port, 'GET', `${HOST_PATHS.invoke}app:info`, { authorization: auth }),
      await call(
        t.port,
        'POST',
        `${HOST_PATHS.invoke}app:info`,
        pageJson(t, auth, { 'content-type': 'text/plain' }),
        '{}',
      ),
      await call(
        t.port,
        'POST',
        `${HOST_PATHS.invoke}app:info`,
        pageJson(t, auth, { 'content-length': String(9 * 1024 * 1024) }),
      ).catch(() => null),
    ];
    for (const r of replies) {
      if (!r) continue;
      expect(r.headers['content-security-policy'], String(r.status)).toBe(BROWSER_CSP);
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['referrer-policy']).toBe('no-referrer');
    }
  });

  it('invoke answers are JSON that cannot run as a script (no JSONP): GET is refused, type is JSON', async () => {
    const auth = await login(t);
    const get = await call(t.port, 'GET', `${HOST_PATHS.invoke}app:info?callback=x`, {
      authorization: auth,
    });
    expect([404, 405]).toContain(get.status);
    expect(get.text).not.toContain('"ok"');
    const post = await call(
      t.port,
      'POST',
      `${HOST_PATHS.invoke}app:info?callback=x`,
      pageJson(t, auth),
      '{}',
    );
    expect(post.headers['content-type']).toMatch(/^application\/json/);
    expect(post.text.startsWith('{')).toBe(true);
    expect(post.headers['cross-origin-resource-policy']).toBe('same-origin');
  });
});

describe('handlers: only through the sender-checked invoker with validated input', () => {
  it('prototype names, encoded names and malformed escapes never reach a handler', async () => {
    const auth = await login(t);
    for (const channel of [
      '__proto__',
      'constructor',
      'hasOwnProperty',
      'toString',
      'app%3Ainfo%00',
      '%',
      'app:info/../app:set-locale',
    ]) {
      const r = await call(
        t.port,
        'POST',
        `${HOST_PATHS.invoke}${channel}`,
        pageJson(t, auth),
        '{}',
      );
      // A malformed escape may be a 500 "Internal error"; nothing else may come back.
      if (r.status === 500) expect(r.text).toBe('Internal error');
      const body = r.status === 200 ? JSON.parse(r.text) : null;
      if (body?.result?.ok) expect(channel).toBe('(no channel should succeed)');
    }
  });

  it('invalid input is refused by zod before the handler (locale stays)', async () => {
    const before = await locale(t);
    const auth = await login(t);
    for (const body of [
      '{"locale":"xx"}',
      '{"locale":["ja"]}',
      '[]',
      'null',
      '"ja"',
      '{"__proto__":{"locale":"ja"}}',
    ]) {
      const r = await call(
        t.port,
        'POST',
        `${HOST_PATHS.invoke}app:set-locale`,
        pageJson(t, auth),
        body,
      );
      expect(JSON.parse(r.text).result.ok, body).toBe(false);
    }
    expect(await locale(t)).toBe(before);
  });
});

function uploadHeaders(auth: string, _channel: string, role: string, input: object) {
  return {
    authorization: auth,
    origin: `http://127.0.0.1:${t.port}`,
    'content-type': 'application/octet-stream',
    [HOST_HEADERS.input]: encodeURIComponent(JSON.stringify(input)),
    [HOST_HEADERS.fileName]: 'offices.csv',
    [HOST_HEADERS.fileRole]: role,
  };
}

/** Stream `total` bytes chunked (no Content-Length); resolve with the status (or 'reset'). */
function chunkedUpload(headers: Record<string, string>, path: string, total: number) {
  return new Promise<{ status: number | 'reset'; sent: number; text: string }>((resolve) => {
    let sent = 0;
    let settled = false;
    const finish = (v: { status: number | 'reset'; text: string }) => {
      if (settled) return;
      settled = true;
      resolve({ ...v, sent });
    };
    const req = request(
      {
        host: '127.0.0.1',
        port: t.port,
        method: 'POST',
        path,
        agent: false,
        headers: { host: `127.0.0.1:${t.port}`, ...headers, 'transfer-encoding': 'chunked' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          finish({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
        );
        res.on('error', () => finish({ status: 'reset', text: '' }));
      },
    );
    req.on('error', () => finish({ status: 'reset', text: '' }));
    const chunk = Buffer.alloc(1024 * 1024, 0x41);
    const pump = () => {
      while (sent < total && !settled) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
      if (!settled) req.end();
    };
    pump();
  });
}

describe('uploads: the desktop limit (50 MB) and its error', () => {
  it('a chunked upload past 50 MB (no Content-Length) is refused with 413 and the desktop error', async () => {
    const auth = await login(t);
    const r = await chunkedUpload(
      uploadHeaders(auth, 'import:bytes', 'input.bytes', {
        jobId: 'job-big',
        fileName: 'big.csv',
      }),
      `${HOST_PATHS.invoke}import:bytes`,
      IPC_LIMITS.maxImportBytes + 4 * 1024 * 1024,
    );
    expect(r.status).toBe(413);
    expect(JSON.parse(r.text).result.error).toMatchObject({
      code: 'IMPORT_FAILED',
      params: { reason: 'FILE_TOO_LARGE' },
    });
  });

  it('a chunked JSON body past 8 MB is refused with 413', async () => {
    const auth = await login(t);
    const r = await chunkedUpload(
      pageJson(t, auth),
      `${HOST_PATHS.invoke}app:info`,
      12 * 1024 * 1024,
    );
    expect(r.status).toBe(413);
  });

  it('a log file past 50 MB for preview:impact (picked) is refused like the desktop dialog', async () => {
    const auth = await login(t);
    const r = await call(t.port, 'POST', `${HOST_PATHS.invoke}preview:impact`, {
      ...uploadHeaders(auth, 'preview:impact', 'picked', { profileId: 'demo' }),
      'content-length': String(IPC_LIMITS.maxImportBytes + 1),
    }).catch(() => ({ status: 0, text: '' }));
    expect(r.status).toBe(413);
  });

  it('an unauthenticated drip-fed body is refused before its body is read (no slowloris on the gate)', async () => {
    const started = Date.now();
    const answer = await new Promise<string>((resolve) => {
      const socket = connect(t.port, '127.0.0.1');
      let got = '';
      socket.on('data', (c: Buffer) => {
        got += c.toString('latin1');
        if (got.includes('\r\n\r\n')) {
          socket.destroy();
          resolve(got);
        }
      });
      socket.on('error', () => resolve(got));
      socket.write(
        `POST ${HOST_PATHS.invoke}import:bytes HTTP/1.1\r\nHost: 127.0.0.1:${t.port}\r\nOrigin: http://127.0.0.1:${t.port}\r\nContent-Type: application/octet-stream\r\nContent-Length: 1000000\r\n\r\n`,
      );
      const drip = setInterval(() => socket.writable && socket.write('A'), 100);
      socket.on('close', () => clearInterval(drip));
      setTimeout(() => {
        clearInterval(drip);
        socket.destroy();
        resolve(got);
      }, 3000);
    });
    expect(statuses(answer)[0]).toBe(401);
    expect(Date.now() - started).toBeLessThan(2500);
  });
});

describe('downloads: only what the app produced, once', () => {
  it('an export is downloadable once, only with the token, and a refused attempt does not use it up', async () => {
    const demo = await invoke(t, 'profiles:demo-start');
    expect(demo.result.ok).toBe(true);
    const pulled = await invoke(t, 'sync:pull', { profileId: 'demo' });
    expect(pulled.result.ok, JSON.stringify(pulled.result)).toBe(true);
    const out = await invoke(t, 'export:save', {
      profileId: 'demo',
      format: 'csv',
      source: 'base',
    });
    expect(out.result.ok, JSON.stringify(out.result)).toBe(true);
    expect(out.download?.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    const path = `${HOST_PATHS.download}${out.download!.id}`;
    const auth = await login(t);
    expect((await call(t.port, 'GET', path)).status).toBe(401);
    expect(
      (await call(t.port, 'GET', path, { authorization: auth, 'sec-fetch-site': 'same-site' }))
        .status,
    ).toBe(403);
    expect(
      (await call(t.port, 'GET', path, { authorization: auth, origin: 'http://evil.example' }))
        .status,
    ).toBe(403);
    const first = await call(t.port, 'GET', path, { authorization: auth });
    expect(first.status).toBe(200);
    expect(first.headers['content-disposition']).toMatch(/^attachment;/);
    expect((await call(t.port, 'GET', path, { authorization: auth })).status).toBe(404);
    for (const id of ['', '..', '../app.js', '%2e%2e%2fapp.js', '__proto__', 'constructor']) {
      const r = await call(t.port, 'GET', `${HOST_PATHS.download}${id}`, { authorization: auth });
      expect(r.status, id).toBe(404);
    }
  });
});
