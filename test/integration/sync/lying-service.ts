import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../../../shared/allowlist/model.ts';

/**
 * A misbehaving admin service on loopback, in memory, for faults the reference service does not
 * (or no longer) produce: revisions reused with other content, a PUT acknowledged with the revision
 * it already had or acknowledged but not saved, a caller address that is not IPv4, HTML where JSON
 * belongs, a revision with CR/LF, a list over the limit. Everything else follows the contract
 * closely enough for the app's client. It records every credential it was sent.
 */
export type Lies = {
  /** Answer `client-ip` with this text (default: the real remote address). */
  clientIp?: string;
  /** Acknowledge a PUT without saving it. */
  dropPut?: boolean;
  /** Acknowledge a PUT with the revision it already had (and save the list under it). */
  ackSameRevision?: boolean;
  /** Answer a PUT 200 with an HTML page (after saving it). */
  putHtml?: boolean;
  /** Answer the GET with this revision text (a CR/LF revision). */
  revisionText?: string;
  /** After the next accepted PUT, refuse the caller (403 IP_RESTRICTED), as a list in force at once. */
  restrictAfterPut?: boolean;
  refusing?: boolean;
  /** Hold every PUT until this settles (a slow save). */
  putGate?: Promise<void>;
};

export async function startLyingService(initial: { revision: string; config: Config }) {
  const state = { revision: initial.revision, config: initial.config, maxEntries: 1000 };
  const lies: Lies = {};
  /** X-Cybozu-Authorization headers received, decoded. */
  const credentials: string[] = [];
  const puts: Config[] = [];
  const json = (res: ServerResponse, status: number, body: unknown, extra = {}) => {
    res.writeHead(status, { 'Content-Type': 'application/json', 'X-Request-Id': 'fake', ...extra });
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
      const path = (req.url ?? '').split('?')[0];
      const restriction = () => ({
        mode: state.config.mode,
        entries: state.config.entries,
        revision: lies.revisionText ?? state.revision,
        apply: { state: 'APPLIED', revision: state.revision, appliedAt: new Date().toISOString() },
        limits: { maxEntries: state.maxEntries },
      });
      if (req.method === 'GET' && path === '/v1/client-ip.json')
        return json(res, 200, {
          ip: lies.clientIp ?? (req.socket.remoteAddress ?? '').replace(/^::ffff:/, ''),
        });
      if (lies.refusing)
        return json(res, 403, {
          code: 'IP_RESTRICTED',
          message: 'Your address is not allowed.',
          requestId: 'fake',
          clientIp: '127.0.0.1',
        });
      if (req.method === 'GET' && path === '/v1/ip-restrictions.json')
        return json(res, 200, restriction());
      if (req.method === 'PUT' && path === '/v1/ip-restrictions.json') {
        const body = JSON.parse(await readBody(req)) as Config;
        puts.push(body);
        if (lies.putGate) await lies.putGate;
        const ifMatch = (req.headers['if-match'] ?? '').replace(/"/g, '');
        if (ifMatch !== state.revision)
          return json(res, 412, {
            code: 'REVISION_MISMATCH',
            message: 'changed',
            requestId: 'fake',
            currentRevision: state.revision,
          });
        const next = lies.ackSameRevision ? state.revision : String(Number(state.revision) + 1);
        if (!lies.dropPut) state.config = { mode: body.mode, entries: body.entries };
        if (!lies.dropPut) state.revision = next;
        if (lies.restrictAfterPut) lies.refusing = true;
        if (lies.putHtml) {
          res.writeHead(200, { 'Content-Type': 'text/html' });
          return res.end('<html><body>Saved!</body></html>');
        }
        return json(res, 202, { revision: next, apply: { state: 'APPLYING', revision: next } });
      }
      json(res, 404, { code: 'NOT_FOUND', message: 'no', requestId: 'fake' });
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    state,
    lies,
    credentials,
    puts,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type LyingService = Awaited<ReturnType<typeof startLyingService>>;
