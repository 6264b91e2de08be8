import { readdir, readFile, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOST_PATHS } from '../../../host/protocol.ts';
import { standInBuild, startBrowserMode } from '../support/browser-mode-process.ts';

/**
 * Promise 5 against `npm start -- --browser` as a process: it listens on 127.0.0.1 only, and it
 * stops cleanly on SIGTERM / SIGINT while hostile clients hold connections open (an event
 * stream, a request whose headers never end, an upload that drips).
 */

let root: string;

beforeAll(async () => {
  root = await standInBuild('host-hostile-process-');
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function start(name: string) {
  const dataDir = join(root, `data-${name}`);
  return { ...startBrowserMode(root, dataDir), dataDir };
}

/** Sockets listening on `port` from /proc/net/tcp{,6}: their local addresses (hex). */
async function listeners(port: number): Promise<string[]> {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const out: string[] = [];
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    const text = await readFile(file, 'utf8').catch(() => '');
    for (const line of text.split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 4) continue;
      const [addr, p] = cols[1]!.split(':');
      if (p === hexPort && cols[3] === '0A')
        out.push(`${file.endsWith('6') ? 'tcp6' : 'tcp'} ${addr}`);
    }
  }
  return out;
}

/** The token from the printed URL's fragment, as the page's bridge sends it. */
function tokenOf(url: string): string {
  return new URLSearchParams(new URL(url).hash.slice(1)).get('token')!;
}

function hold(port: number, text: string): Socket {
  const s = connect(port, '127.0.0.1');
  s.on('error', () => {});
  s.write(text);
  return s;
}

describe('promise 5: the browser-mode process', () => {
  it('listens on 127.0.0.1 only (no IPv6, no wildcard address)', async () => {
    const run = start('listen');
    const url = await run.url;
    const port = Number(new URL(url).port);
    expect(await listeners(port)).toEqual(['tcp 0100007F']);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
  });

  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`${signal} with hostile connections held open: exits 0 by itself (held connections do not keep it alive) and the port is closed`, async () => {
      const run = start(signal);
      const url = await run.url;
      const port = Number(new URL(url).port);
      const auth = `Bearer ${tokenOf(url)}`;
      const sockets = [
        // An authenticated event stream.
        hold(
          port,
          `GET ${HOST_PATHS.events} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: ${auth}\r\n\r\n`,
        ),
        // Headers that never end (slowloris).
        hold(port, `GET / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nX-A: `),
        // An authenticated upload that drips.
        hold(
          port,
          `POST ${HOST_PATHS.invoke}import:bytes HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: ${auth}\r\nOrigin: http://127.0.0.1:${port}\r\nContent-Type: application/octet-stream\r\nx-allowlist-input: %7B%22jobId%22%3A%22j%22%2C%22fileName%22%3A%22a.csv%22%7D\r\nx-allowlist-file-role: input.bytes\r\nContent-Length: 1000000\r\n\r\nIP`,
        ),
        // An unauthenticated keep-alive connection, idle.
        hold(port, ''),
      ];
      await new Promise((ok) => setTimeout(ok, 300));
      run.child.kill(signal);
      // A hang guard, not a speed goal: a server kept alive by the held sockets never exits.
      const code = await Promise.race([
        run.exited,
        new Promise<string>((ok) => setTimeout(() => ok('timeout'), 25_000)),
      ]);
      for (const s of sockets) s.destroy();
      if (code === 'timeout') run.child.kill('SIGKILL');
      expect(code).toBe(0);
      const refused = await new Promise<boolean>((ok) => {
        const req = request({ host: '127.0.0.1', port, path: '/' }, () => ok(false));
        req.on('error', () => ok(true));
        req.end();
      });
      expect(refused).toBe(true);
      const token = tokenOf(url);
      const { stdout, stderr } = run.out();
      expect(stdout.split(token).length - 1).toBe(1);
      expect(stderr).not.toContain(token);
      for (const f of await readdir(run.dataDir, { recursive: true }).catch(() => [] as string[])) {
        const text = await readFile(join(run.dataDir, String(f)), 'latin1').catch(() => '');
        expect(text, String(f)).not.toContain(token);
      }
    });
  }
});
