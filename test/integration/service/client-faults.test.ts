import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createTcpServer } from 'node:net';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { generate } from 'selfsigned';
import { clientFor, nextRev, revisionOf, startTestService } from './helpers.ts';
import { cuttingProxy, forward, listen, recordingServer, shut } from './fault-servers.ts';

const BIN = fileURLToPath(new URL('../../../service/bin/allowlist-service.js', import.meta.url));
const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The real service as a separate process, so it can be killed with SIGKILL. */
async function serviceProcess(
  data: string,
  port = 0,
): Promise<{ child: ChildProcess; port: number }> {
  const child = spawn(
    process.execPath,
    [
      BIN,
      '--port',
      String(port),
      '--admin',
      'admin:pw',
      '--data',
      data,
      '--outbox',
      `${data}-outbox`,
      '--apply-delay-ms',
      '60000',
    ],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /^listening on (\S+)$/m.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`service exited ${code}`)));
  });
  cleanups.push(async () => child.kill('SIGKILL'));
  return { child, port: Number(new URL(url).port) };
}

const LIST = {
  mode: 'ALLOW_ALL' as const,
  entries: [{ ip: '192.0.2.1', cidr: null, memo: 'new' }],
};

describe('the service killed mid-request', () => {
  async function setUp(cut: 'request' | 'response', restart: boolean) {
    const data = await mkdtemp(join(tmpdir(), 'svc-kill-'));
    cleanups.push(() => rm(data, { recursive: true, force: true }));
    let current: Promise<number | null> = serviceProcess(data).then((s) => {
      first = s;
      return s.port;
    });
    let first: { child: ChildProcess; port: number } | null = null;
    let armed = false;
    const kill = () => {
      if (!armed) return false;
      armed = false;
      const port = first!.port;
      first!.child.kill('SIGKILL');
      // Bring the service back on the same port and data (or not): connections wait for it.
      current = restart
        ? new Promise<void>((r) => first!.child.once('exit', () => r())).then(() =>
            serviceProcess(data, port).then((s) => s.port),
          )
        : Promise.resolve(null);
      return true;
    };
    const proxy = cuttingProxy({
      upstream: () => current,
      ...(cut === 'request' ? { onRequestBytes: kill } : { onResponseBytes: kill }),
    });
    const url = await listen(proxy.server);
    cleanups.push(() => shut(proxy.server, proxy.sockets));
    const { client, lines } = clientFor(url, '127.0.0.1', {
      backoffMs: 100,
      retries: 4,
      deadlineMs: 15_000,
    });
    const arm = () => {
      armed = true;
    };
    return { client, lines, arm };
  }

  it('PUT answered but the answer lost: the re-read finds it saved and reports success', async () => {
    const { client, lines, arm } = await setUp('response', true);
    const rev = revisionOf(await client.get());
    arm();
    const result = await client.put(LIST, rev);
    expect(result).toMatchObject({ ok: true, value: { revision: nextRev(rev) } });
    expect(lines.join('\n')).toMatch(/re-reading/);
    expect(lines.filter((l) => /PUT .* -> /.test(l))).toEqual([]); // no second PUT was sent
    expect(await client.get()).toMatchObject({
      ok: true,
      value: { revision: nextRev(rev), entries: LIST.entries },
    });
  });

  it('killed before handling the PUT: the re-read shows nothing was saved', async () => {
    const { client, arm } = await setUp('request', true);
    const rev = revisionOf(await client.get());
    arm();
    const result = await client.put(LIST, rev);
    expect(result).toMatchObject({ ok: false, error: { kind: 'OFFLINE' } });
    if (!result.ok) expect(result.error.message).toMatch(/nothing was saved/);
    expect(await client.get()).toMatchObject({ ok: true, value: { revision: rev, entries: [] } });
  });

  it('killed and not back: the outcome is reported as unknown, not as a failure', async () => {
    const { client, arm } = await setUp('response', false);
    const rev = revisionOf(await client.get());
    arm();
    expect(await client.put(LIST, rev)).toMatchObject({
      ok: false,
      error: { kind: 'SAVE_OUTCOME_UNKNOWN' },
    });
  });

  it('a GET cut off mid-answer is retried and succeeds once the service is back', async () => {
    const { client, arm } = await setUp('response', true);
    const rev = revisionOf(await client.get());
    arm();
    expect(await client.get()).toMatchObject({ ok: true, value: { revision: rev } });
  });
});

describe('transport faults against the client', () => {
  it('a response slower than the timeout: TIMEOUT; GETs retried, a PUT sent once', async () => {
    const slow = recordingServer(() => undefined); // never answers
    const url = await listen(slow.server);
    cleanups.push(() => shut(slow.server));
    const { client } = clientFor(url, '127.0.0.1', {
      timeoutMs: 200,
      retries: 1,
      deadlineMs: 5000,
    });
    expect(await client.get()).toMatchObject({ ok: false, error: { kind: 'TIMEOUT' } });
    expect(slow.seen.map((s) => s.method)).toEqual(['GET', 'GET']);
    slow.seen.length = 0;
    expect(await client.put(LIST, '1')).toMatchObject({
      ok: false,
      error: { kind: 'SAVE_OUTCOME_UNKNOWN' },
    });
    expect(slow.seen.filter((s) => s.method === 'PUT')).toHaveLength(1);
  });

  it('5xx then success on GET (Retry-After honoured); a PUT answered 503 is not retried', async () => {
    const env = await startTestService();
    cleanups.push(() => env.stop());
    const front = recordingServer((req, res, seen) => {
      const n = seen.length;
      if (req.method === 'GET' && n === 1) {
        res.writeHead(503, {
          'Retry-After': '1',
          'X-Request-Id': 'front-1',
          'Content-Type': 'application/json',
        });
        return res.end('{"code":"UNAVAILABLE","message":"busy","requestId":"front-1"}');
      }
      if (req.method === 'GET' && n === 2) {
        res.writeHead(500, { 'X-Request-Id': 'front-2' });
        return res.end('oops');
      }
      if (req.method === 'PUT') {
        req.resume();
        res.writeHead(503, { 'X-Request-Id': 'front-put', 'Content-Type': 'application/json' });
        return res.end('{"code":"UNAVAILABLE","message":"busy","requestId":"front-put"}');
      }
      forward(req, res, env.service.url);
    });
    const url = await listen(front.server);
    cleanups.push(() => shut(front.server));
    const { client } = clientFor(url, '127.0.0.1', { backoffMs: 50 });
    const rev = revisionOf(await client.get());
    expect(front.seen.map((s) => s.method)).toEqual(['GET', 'GET', 'GET']);
    expect(front.seen[1]!.at - front.seen[0]!.at).toBeGreaterThanOrEqual(950);
    front.seen.length = 0;
    const put = await client.put(LIST, rev);
    expect(put).toMatchObject({
      ok: false,
      error: { kind: 'SERVER_ERROR', status: 503, requestId: 'front-put' },
    });
    expect(front.seen.map((s) => s.method)).toEqual(['PUT']);
  });

  it('a redirect to another origin is not followed: the other host receives nothing', async () => {
    const other = createTcpServer((s) => {
      otherConnections++;
      s.destroy();
    });
    let otherConnections = 0;
    const otherUrl = await listen(other, '127.0.0.5');
    cleanups.push(() => shut(other));
    const env = await startTestService();
    cleanups.push(() => env.stop());
    const front = recordingServer((req, res) => {
      if (req.url?.startsWith('/moved/')) {
        res.writeHead(301, { Location: req.url.slice('/moved'.length) });
        return res.end();
      }
      if (req.url?.startsWith('/away/')) {
        res.writeHead(307, { Location: `${otherUrl}${req.url.slice('/away'.length)}` });
        return res.end();
      }
      forward(req, res, env.service.url);
    });
    const url = await listen(front.server);
    cleanups.push(() => shut(front.server));
    const rev = revisionOf(await clientFor(env.service.url).client.get());
    const away = clientFor(`${url}/away`).client;
    expect(await away.get()).toMatchObject({ ok: false, error: { kind: 'REDIRECT_REFUSED' } });
    expect(await away.put(LIST, rev)).toMatchObject({
      ok: false,
      error: { kind: 'REDIRECT_REFUSED' },
    });
    expect(otherConnections).toBe(0);
    // Within the same origin a GET redirect is followed.
    expect(await clientFor(`${url}/moved`).client.get()).toMatchObject({
      ok: true,
      value: { revision: rev },
    });
  });

  it('an answer that is not valid UTF-8 is refused, not read with replacement characters', async () => {
    const body = Buffer.concat([
      Buffer.from('{"mode":"ALLOW_SPECIFIC","entries":[{"ip":"192.0.2.1","cidr":null,"memo":"T'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from(
        'kyo"}],"revision":"3","apply":{"state":"APPLIED","revision":"3"},"limits":{"maxEntries":1000}}',
      ),
    ]);
    const front = recordingServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const url = await listen(front.server);
    cleanups.push(() => shut(front.server));
    expect(await clientFor(url).client.get()).toMatchObject({
      ok: false,
      error: { kind: 'BAD_RESPONSE' },
    });
  });

  it('a self-signed https endpoint is refused before any request is sent', async () => {
    const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
      keySize: 2048,
      extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
    });
    let requests = 0;
    const server = createHttpsServer({ key: pems.private, cert: pems.cert }, (_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    cleanups.push(() => shut(server));
    const port = (server.address() as { port: number }).port;
    const { client, lines } = clientFor(`https://127.0.0.1:${port}`, '127.0.0.1', { retries: 2 });
    const result = await client.get();
    expect(result).toMatchObject({ ok: false, error: { kind: 'CERTIFICATE_REFUSED' } });
    expect(requests).toBe(0);
    expect(lines.filter((l) => /retrying/.test(l))).toEqual([]); // a bad certificate is not retried
  });
});
