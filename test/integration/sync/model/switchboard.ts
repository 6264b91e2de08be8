import { createServer, request } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../../../shared/allowlist/model.ts';

/**
 * A loopback HTTP proxy in front of one real reference service: one stable origin while the
 * service behind it is restarted (with or without its data). It forwards each request from the
 * caller's own loopback address (so the service sees 127.0.0.x as the caller), records every
 * credential it carried, every save the service accepted (with the list held before it), and can
 * hold a PUT (a slow save) or misbehave once (a fault the service cannot be made to produce).
 */

/** One save the service accepted, as it went through. */
export type AcceptedPut = {
  caller: string;
  body: Config;
  before: Config;
  /** The answer was replaced by a fault (the app saw something else). */
  faulted: boolean;
};

export type Fault = 'client-ip-empty' | 'put-html' | 'get-garbage';

export const EMPTY: Config = { mode: 'ALLOW_ALL', entries: [] };

export async function startSwitchboard(name: string) {
  let upstream: string | null = null;
  /** What the service holds, as observed from the saves and resets that went through. */
  let content: Config = EMPTY;
  const credentials: string[] = [];
  const accepted: AcceptedPut[] = [];
  const faults = new Set<Fault>();
  let gate: { opened: Promise<void>; waiting: boolean } | null = null;

  const read = (req: IncomingMessage): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks)));
      req.on('error', reject);
    });

  const forward = (
    req: IncomingMessage,
    body: Buffer,
  ): Promise<{ status: number; headers: Record<string, string>; body: Buffer } | null> =>
    new Promise((resolve) => {
      if (upstream === null) return resolve(null);
      const caller = (req.socket.remoteAddress ?? '127.0.0.1').replace(/^::ffff:/, '');
      const up = request(
        new URL(req.url ?? '/', upstream),
        { method: req.method, headers: req.headers, agent: false, localAddress: caller },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => {
            const headers: Record<string, string> = {};
            for (const [k, v] of Object.entries(res.headers))
              if (typeof v === 'string') headers[k] = v;
            resolve({ status: res.statusCode ?? 502, headers, body: Buffer.concat(chunks) });
          });
          res.on('error', () => resolve(null));
        },
      );
      up.on('error', () => resolve(null));
      up.end(body);
    });

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const auth = req.headers['x-cybozu-authorization'];
    if (typeof auth === 'string') credentials.push(Buffer.from(auth, 'base64').toString('utf8'));
    const path = (req.url ?? '').split('?')[0];
    const body = await read(req);
    const caller = (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');
    if (req.method === 'GET' && path === '/v1/client-ip.json' && faults.delete('client-ip-empty')) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'sb' });
      return void res.end('{"ip":""}');
    }
    if (
      req.method === 'GET' &&
      path === '/v1/ip-restrictions.json' &&
      faults.delete('get-garbage')
    ) {
      res.writeHead(200, { 'Content-Type': 'application/json', 'X-Request-Id': 'sb' });
      return void res.end('{"mode":"ALLOW_ALL","entries":[{"ip":');
    }
    const isPut = req.method === 'PUT' && path === '/v1/ip-restrictions.json';
    // Only the apps' saves are held (the third admin, at 127.0.0.9, writes meanwhile).
    if (isPut && gate && caller !== '127.0.0.9') {
      gate.waiting = true;
      await gate.opened;
    }
    const before = content;
    const answer = await forward(req, body);
    if (!answer) return void res.destroy();
    if (isPut && answer.status >= 200 && answer.status < 300) {
      const sent = JSON.parse(body.toString('utf8')) as Config;
      content = { mode: sent.mode, entries: sent.entries };
      const faulted = faults.delete('put-html');
      accepted.push({ caller, body: content, before, faulted });
      if (faulted) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        return void res.end('<html><body>Saved</body></html>');
      }
    }
    if (req.method === 'GET' && path === '/v1/ip-restrictions/reset' && answer.status === 200)
      content = { ...content, mode: 'ALLOW_ALL' };
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    name,
    url,
    credentials,
    accepted,
    faults,
    get content() {
      return content;
    },
    /** Point at a (re)started service; `lostData`: it starts from the empty list again. */
    setUpstream(target: string | null, lostData = false) {
      upstream = target;
      if (lostData) content = EMPTY;
    },
    /** Hold the next PUTs until `release()`; `held()` says whether one is waiting. */
    hold() {
      let release = () => {};
      const opened = new Promise<void>((resolve) => (release = resolve));
      gate = { opened, waiting: false };
      const current = gate;
      return {
        held: () => current.waiting,
        release: () => {
          if (gate === current) gate = null;
          release();
        },
      };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Switchboard = Awaited<ReturnType<typeof startSwitchboard>>;
