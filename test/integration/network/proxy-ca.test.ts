import { execFile } from 'node:child_process';
import { lookup } from 'node:dns/promises';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import { createServer as createTlsServer } from 'node:tls';
import { promisify } from 'node:util';
import { createProxy } from 'proxy';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestService } from '../service/helpers.ts';

/**
 * A company network under plain Node: an HTTP CONNECT proxy (the maintained `proxy` package) and
 * a private CA that only the OS certificate store knows (added with update-ca-certificates, as
 * an admin's IT department installs a TLS-inspecting CA). The service client reaches the
 * reference service over TLS through the proxy once, and only once, the CA is in the store.
 *
 * The reference service speaks plain HTTP; a TLS terminator in front of it (a few lines of
 * node:tls piping to it) plays the service's HTTPS front with a certificate from the private CA.
 * The host is this machine's name (not `localhost`: loopback names never use a proxy).
 * Needs root for the system store: skipped otherwise, saying so.
 */

const run = promisify(execFile);
const isRoot = process.getuid?.() === 0;
const canUpdate = existsSync('/usr/sbin/update-ca-certificates');
const skipReason = !isRoot
  ? 'not root: cannot add a CA to the system certificate store'
  : !canUpdate
    ? 'update-ca-certificates is missing (Debian: apt-get install ca-certificates)'
    : '';
if (skipReason) console.log(`proxy-ca test skipped: ${skipReason}`);

const host = hostname();
const caFile = `/usr/local/share/ca-certificates/allowlist-test-${process.pid}.crt`;
const connects: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];
let caPem = '';
let serviceUrl = '';
let proxyUrl = '';

// Trust comes from the OS store alone in the child: no NODE_EXTRA_CA_CERTS / SSL_CERT_* (some
// machines point them at the system bundle, which would hide whether the client reads the store).
const CA_ENV =
  /^(NODE_EXTRA_CA_CERTS|SSL_CERT_FILE|SSL_CERT_DIR|NODE_OPTIONS|NODE_USE_ENV_PROXY)$|_PROXY$/i;

async function child(
  env: Record<string, string>,
): Promise<{ ok: boolean; kind?: string; revision?: string }> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !CA_ENV.test(k)));
  const { stdout } = await run(process.execPath, ['test/integration/network/client-child.ts'], {
    env: { ...base, CHILD_SERVICE_URL: serviceUrl, ...env },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as {
    ok: boolean;
    kind?: string;
    revision?: string;
  };
}

describe.skipIf(Boolean(skipReason))(
  'service client behind a CONNECT proxy with a private CA',
  () => {
    beforeAll(async () => {
      const address = (await lookup(host, { family: 4 })).address;
      const ca = await generate([{ name: 'commonName', value: 'Allowlist Test Private CA' }], {
        keySize: 2048,
        extensions: [
          { name: 'basicConstraints', cA: true, critical: true },
          { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
        ],
      });
      caPem = ca.cert;
      const leaf = await generate([{ name: 'commonName', value: host }], {
        keySize: 2048,
        ca: { key: ca.private, cert: ca.cert },
        extensions: [{ name: 'subjectAltName', altNames: [{ type: 2, value: host }] }],
      });
      const svc = await startTestService();
      cleanups.push(() => svc.stop());
      const front = createTlsServer({ key: leaf.private, cert: leaf.cert }, (socket) => {
        const upstream = connect(svc.service.port, '127.0.0.1');
        socket.pipe(upstream).pipe(socket);
        socket.on('error', () => upstream.destroy());
        upstream.on('error', () => socket.destroy());
      });
      await new Promise<void>((r) => front.listen(0, address, r));
      cleanups.push(() => new Promise((r) => front.close(() => r())));
      serviceUrl = `https://${host}:${(front.address() as AddressInfo).port}`;
      const proxy = createProxy(createHttpServer());
      proxy.on('connect', (req: { url?: string }) => connects.push(req.url ?? ''));
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
      cleanups.push(() => new Promise((r) => proxy.close(() => r())));
      proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    }, 60_000);

    afterAll(async () => {
      if (existsSync(caFile)) {
        rmSync(caFile);
        await run('update-ca-certificates');
      }
      for (const c of cleanups.reverse()) await c();
    }, 60_000);

    it('refuses the service while only the private CA vouches for it (the tunnel went up through the proxy)', async () => {
      const result = await child({ HTTPS_PROXY: proxyUrl });
      expect(result).toMatchObject({ ok: false, kind: 'CERTIFICATE_REFUSED' });
      expect(connects).toContain(new URL(serviceUrl).host);
    });

    it('with the CA in the system store: reaches the service over TLS through the proxy', async () => {
      writeFileSync(caFile, caPem);
      await run('update-ca-certificates');
      const before = connects.length;
      const result = await child({ HTTPS_PROXY: proxyUrl });
      expect(result).toEqual({ ok: true, revision: expect.any(String) });
      expect(connects.slice(before)).toEqual([new URL(serviceUrl).host]);
    }, 60_000);

    it('NO_PROXY naming the host goes direct: the proxy sees nothing', async () => {
      const before = connects.length;
      const result = await child({ HTTPS_PROXY: proxyUrl, NO_PROXY: host });
      expect(result).toEqual({ ok: true, revision: expect.any(String) });
      expect(connects.length).toBe(before);
    });
  },
);
