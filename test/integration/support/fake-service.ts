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

type ServiceState = { revision: string; config: Config; maxEntries: number };

/** The pieces the loopback fakes are built from (this one and sync/lying-service.ts). */
export function sendJson(res: ServerResponse, status: number, body: unknown, extra = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'fake', ...extra });
  res.end(JSON.stringify(body));
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
  });
}

/** The GET answer for this state (`revision`: the text to show, default the state's). */
export function restrictionOf(state: ServiceState, revision = state.revision) {
  return {
    mode: state.config.mode,
    entries: state.config.entries,
    revision,
    apply: { state: 'APPLIED', revision: state.revision, appliedAt: new Date().toISOString() },
    limits: { maxEntries: state.maxEntries },
  };
}

/** Answers 412 (and returns true) when the PUT's If-Match is not the state's revision. */
export function refuseStaleRevision(
  req: IncomingMessage,
  res: ServerResponse,
  state: ServiceState,
) {
  const ifMatch = (req.headers['if-match'] ?? '').replace(/"/g, '');
  if (ifMatch === state.revision) return false;
  sendJson(res, 412, {
    code: 'REVISION_MISMATCH',
    message: 'changed',
    requestId: 'fake',
    currentRevision: state.revision,
  });
  return true;
}

/** The caller's address as the socket sees it (IPv4, without the IPv6-mapped prefix). */
export const remoteAddressOf = (req: IncomingMessage): string =>
  (req.socket.remoteAddress ?? '').replace(/^::ffff:/, '');

/**
 * Serve `handle` on loopback (a free port), recording every X-Cybozu-Authorization credential
 * received, decoded; a request `handle` does not answer gets 404.
 */
export async function serve(
  handle: (req: IncomingMessage, res: ServerResponse, path: string) => Promise<void | boolean>,
) {
  const credentials: string[] = [];
  const server = createServer((req, res) => {
    void (async () => {
      const auth = req.headers['x-cybozu-authorization'];
      if (typeof auth === 'string') credentials.push(Buffer.from(auth, 'base64').toString('utf8'));
      const path = (req.url ?? '').split('?')[0]!;
      if ((await handle(req, res, path)) === false)
        sendJson(res, 404, { code: 'NOT_FOUND', message: 'no', requestId: 'fake' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    credentials,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function startFake(initial: { revision: string; config: Config }) {
  const state: ServiceState = { ...initial, maxEntries: 1000 };
  const hooks: Hooks = {};
  const requests: { method: string; path: string }[] = [];
  const puts: Config[] = [];
  const seen = { clientIp: 0, get: 0, put: 0 };
  const served = await serve(async (req, res, path) => {
    requests.push({ method: req.method ?? '', path });
    const body = await readBody(req);
    if (hooks.override && (await hooks.override(req, res, body))) return;
    if (req.method === 'GET' && path === '/v1/client-ip.json') {
      seen.clientIp += 1;
      if (hooks.beforeClientIp) await hooks.beforeClientIp();
      return sendJson(res, 200, { ip: hooks.clientIp ?? remoteAddressOf(req) });
    }
    if (req.method === 'GET' && path === '/v1/ip-restrictions.json') {
      seen.get += 1;
      if (hooks.beforeGet) await hooks.beforeGet();
      return sendJson(res, 200, restrictionOf(state));
    }
    if (req.method === 'PUT' && path === '/v1/ip-restrictions.json') {
      seen.put += 1;
      const parsed = JSON.parse(body) as Config;
      puts.push(parsed);
      if (hooks.beforePut) await hooks.beforePut();
      if (refuseStaleRevision(req, res, state)) return;
      state.config = { mode: parsed.mode, entries: parsed.entries };
      state.revision = String(Number(state.revision) + 1);
      return sendJson(res, 202, {
        revision: state.revision,
        apply: { state: 'APPLYING', revision: state.revision },
      });
    }
    return false;
  });
  return { ...served, state, hooks, requests, puts, seen };
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
