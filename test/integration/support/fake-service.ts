import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../../shared/allowlist/model.ts';

/** A scriptable, misbehaving admin service on loopback (adversary tests: faults the reference service cannot be made to show). */
export type Hooks = {
  clientIp?: string;
  /** Called before answering client-ip (await it to hold the answer). */
  beforeClientIp?: () => Promise<void>;
  /** Called before answering a GET of the list. */
  beforeGet?: () => Promise<void>;
  /** Called before saving a PUT. */
  beforePut?: () => Promise<void>;
  /** Full override: return true when handled. */
  override?: (
    req: IncomingMessage,
    res: ServerResponse,
    body: string,
  ) => boolean | Promise<boolean>;
};

export async function startFake(initial: { revision: string; config: Config }) {
  const state = { revision: initial.revision, config: initial.config, maxEntries: 1000 };
  const hooks: Hooks = {};
  const credentials: string[] = [];
  const requests: { method: string; path: string }[] = [];
  const puts: Config[] = [];
  const seen = { clientIp: 0, get: 0, put: 0 };
  const json = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'fake' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage): Promise<string> =>
    new Promise((resolve) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    });
  const server = createServer((req, res) => {
    void (async () => {
      const auth = req.headers['x-cybozu-authorization'];
      if (typeof auth === 'string') credentials.push(Buffer.from(auth, 'base64').toString('utf8'));
      const path = (req.url ?? '').split('?')[0]!;
      requests.push({ method: req.method ?? '', path });
      const body = await readBody(req);
      if (hooks.override && (await hooks.override(req, res, body))) return;
      const restriction = () => ({
        mode: state.config.mode,
        entries: state.config.entries,
        revision: state.revision,
        apply: { state: 'APPLIED', revision: state.revision, appliedAt: new Date().toISOString() },
        limits: { maxEntries: state.maxEntries },
      });
      if (req.method === 'GET' && path === '/v1/client-ip.json') {
        seen.clientIp += 1;
        if (hooks.beforeClientIp) await hooks.beforeClientIp();
        return json(res, 200, {
          ip: hooks.clientIp ?? (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
        });
      }
      if (req.method === 'GET' && path === '/v1/ip-restrictions.json') {
        seen.get += 1;
        if (hooks.beforeGet) await hooks.beforeGet();
        return json(res, 200, restriction());
      }
      if (req.method === 'PUT' && path === '/v1/ip-restrictions.json') {
        seen.put += 1;
        const parsed = JSON.parse(body) as Config;
        puts.push(parsed);
        if (hooks.beforePut) await hooks.beforePut();
        const ifMatch = (req.headers['if-match'] ?? '').replace(/"/g, '');
        if (ifMatch !== state.revision)
          return json(res, 412, {
            code: 'REVISION_MISMATCH',
            message: 'changed',
            requestId: 'fake',
            currentRevision: state.revision,
          });
        state.config = { mode: parsed.mode, entries: parsed.entries };
        state.revision = String(Number(state.revision) + 1);
        return json(res, 202, {
          revision: state.revision,
          apply: { state: 'APPLYING', revision: state.revision },
        });
      }
      json(res, 404, { code: 'NOT_FOUND', message: 'no', requestId: 'fake' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    port,
    state,
    hooks,
    credentials,
    requests,
    puts,
    seen,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
export type Fake = Awaited<ReturnType<typeof startFake>>;

/** A gate: `wait` resolves once `open` is called; `reached` resolves when someone waits. */
export function gate() {
  let open!: () => void;
  let arrived!: () => void;
  const opened = new Promise<void>((r) => (open = r));
  const reached = new Promise<void>((r) => (arrived = r));
  return {
    wait: async () => {
      arrived();
      await opened;
    },
    reached,
    open: () => open(),
  };
}
