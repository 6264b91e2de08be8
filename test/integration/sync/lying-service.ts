import type { Config } from '../../../shared/allowlist/model.ts';
import {
  readBody,
  refuseStaleRevision,
  remoteAddressOf,
  restrictionOf,
  sendJson,
  serve,
} from '../support/fake-service.ts';

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
  const puts: Config[] = [];
  /** `credentials`: X-Cybozu-Authorization headers received, decoded. */
  const served = await serve(async (req, res, path) => {
    if (req.method === 'GET' && path === '/v1/client-ip.json')
      return sendJson(res, 200, { ip: lies.clientIp ?? remoteAddressOf(req) });
    if (lies.refusing)
      return sendJson(res, 403, {
        code: 'IP_RESTRICTED',
        message: 'Your address is not allowed.',
        requestId: 'fake',
        clientIp: '127.0.0.1',
      });
    if (req.method === 'GET' && path === '/v1/ip-restrictions.json')
      return sendJson(res, 200, restrictionOf(state, lies.revisionText));
    if (req.method === 'PUT' && path === '/v1/ip-restrictions.json') {
      const body = JSON.parse(await readBody(req)) as Config;
      puts.push(body);
      if (lies.putGate) await lies.putGate;
      if (refuseStaleRevision(req, res, state)) return;
      const next = lies.ackSameRevision ? state.revision : String(Number(state.revision) + 1);
      if (!lies.dropPut) state.config = { mode: body.mode, entries: body.entries };
      if (!lies.dropPut) state.revision = next;
      if (lies.restrictAfterPut) lies.refusing = true;
      if (lies.putHtml) {
        res.writeHead(200, { 'Content-Type': 'text/html' });
        res.end('<html><body>Saved!</body></html>');
        return;
      }
      return sendJson(res, 202, { revision: next, apply: { state: 'APPLYING', revision: next } });
    }
    return false;
  });
  return {
    url: served.url,
    state,
    lies,
    credentials: served.credentials,
    puts,
    close: served.close,
  };
}

export type LyingService = Awaited<ReturnType<typeof startLyingService>>;
