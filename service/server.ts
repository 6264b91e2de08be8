import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isIPv4, isIP } from 'node:net';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { compileMatcher } from '../shared/allowlist/match.ts';
import type { Config } from '../shared/allowlist/model.ts';
import { DEFAULT_OPTIONS } from './options.ts';
import type { ServiceOptions } from './options.ts';
import { StateStore, ensureFolder } from './state-store.ts';
import type { StateWriter } from './state-store.ts';
import { RestrictionState } from './restriction-state.ts';
import { HttpError, sendError, sendJson, writeRawError } from './http-io.ts';
import { bodyLimitFor } from './body-limit.ts';
import { clientErrorAnswer, refuseUnknownParameters } from './request-checks.ts';
import { LoginThrottle } from './login-throttle.ts';
import { authenticate } from './auth.ts';
import { handlePut } from './put-handler.ts';

/** A running reference service. */
export type RunningService = {
  /** Base URL, e.g. `http://127.0.0.1:43117` (no trailing slash). */
  url: string;
  port: number;
  /** Folder holding state.json. */
  dataDir: string;
  /** Folder the completion e-mails are written to. */
  outboxDir: string;
  /** Stop accepting, finish writes in flight, close connections. */
  close(): Promise<void>;
};

/** Options for `startService`: the CLI's options, most optional. */
export type StartOptions = Partial<Omit<ServiceOptions, 'admins'>> &
  Pick<ServiceOptions, 'admins'> & {
    /**
     * Tests only: wraps the durable write of the state file, to hold a write in flight or fail
     * it (a slow or failing disk cannot be caused on purpose here).
     */
    stateWriter?: StateWriter;
  };

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
const RESTRICTIONS = '/v1/ip-restrictions.json';
const CLIENT_IP = '/v1/client-ip.json';
const RESET = '/v1/ip-restrictions/reset';

/**
 * An IPv4-mapped IPv6 address in any spelling (`::ffff:192.0.2.1`, `0:0:0:0:0:ffff:c000:201`) as
 * the IPv4 address it is (the contract: a mapped form is the same address, for the caller's
 * address and for enforcement alike); any other address as it is.
 */
function unmappedAddress(address: string): string {
  if (isIP(address) !== 6) return address;
  let canonical: string;
  try {
    // WHATWG URL writes an IPv6 address in its one canonical form: `[::ffff:c000:201]`.
    canonical = new URL(`http://[${address}]/`).hostname;
  } catch {
    return address; // e.g. a zone id (`fe80::1%eth0`): not a mapped address
  }
  const mapped = /^\[::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})\]$/.exec(canonical);
  if (!mapped) return address;
  const high = parseInt(mapped[1]!, 16);
  const low = parseInt(mapped[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** The caller's address: the socket's peer, or X-Forwarded-For's last hop with --trust-proxy. */
function callerAddress(req: IncomingMessage, trustProxy: boolean): string {
  if (trustProxy) {
    const header = req.headers['x-forwarded-for'];
    const value = Array.isArray(header) ? header.join(',') : header;
    // The last hop was added by the trusted proxy; earlier ones are whatever the caller sent.
    const last = value?.split(',').at(-1)?.trim();
    if (last && isIP(last)) return unmappedAddress(last);
  }
  return unmappedAddress(req.socket.remoteAddress ?? '');
}

/**
 * Start the reference admin service in this process (tests, the app's demo profile, the CLI).
 *
 * Listens on `options.host`:`options.port` (0 = any free port); `data` and `outbox` default to
 * fresh temporary folders. Resolves once listening.
 */
export async function startService(options: StartOptions): Promise<RunningService> {
  const opts = { ...DEFAULT_OPTIONS, ...options };
  if (opts.admins.length === 0) throw new Error('startService needs at least one admin account');
  const now = opts.now ?? Date.now;
  const log = opts.log ?? (() => undefined);
  const temp =
    opts.data === undefined || opts.outbox === undefined
      ? await mkdtemp(join(tmpdir(), 'allowlist-service-'))
      : null;
  const dataDir = opts.data ?? join(temp ?? '', 'data');
  const outboxDir = opts.outbox ?? join(temp ?? '', 'outbox');
  const store = await StateStore.open(dataDir, now(), opts.stateWriter);
  // A bad outbox would only show when the first revision applies: refuse it now.
  await ensureFolder(outboxDir, 'the outbox folder (--outbox)');
  // Room for a valid maxEntries-entry list however a JSON encoder writes it (body-limit.ts).
  const bodyLimit = opts.bodyLimitBytes ?? bodyLimitFor(opts.maxEntries);
  const throttle = new LoginThrottle();
  let baseUrl = '';
  const restriction = new RestrictionState({
    store,
    maxEntries: opts.maxEntries,
    applyDelayMs: opts.applyDelayMs,
    resetTtlS: opts.resetTtlS,
    outbox: outboxDir,
    baseUrl: () => baseUrl,
    now,
    log,
  });

  // The compiled matcher of the config in force, rebuilt only when that config changes.
  let compiled: { config: Config; matcher: ReturnType<typeof compileMatcher> } | null = null;
  function allowedNow(applied: Config, ip: string): boolean {
    if (applied.mode === 'ALLOW_ALL') return true;
    if (!isIPv4(ip)) return false; // entries are IPv4: an IPv6 caller is covered by none
    if (compiled?.config !== applied)
      compiled = { config: applied, matcher: compileMatcher(applied.entries) };
    return compiled.matcher.allows(ip);
  }

  async function route(
    req: IncomingMessage,
    res: ServerResponse,
    requestId: string,
    ip: string,
  ): Promise<void> {
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://service.invalid');
    } catch {
      throw new HttpError(400, 'BAD_REQUEST', 'The request target is not a valid path.');
    }
    const method = req.method ?? 'GET';
    const allow = (methods: string) => {
      if (!methods.split(', ').includes(method)) {
        throw new HttpError(
          405,
          'METHOD_NOT_ALLOWED',
          `${method} is not supported on ${url.pathname}.`,
          {},
          { Allow: methods },
        );
      }
    };
    if (url.pathname === RESET) {
      // GET only: HEAD must be safe, and a GET here uses the token (link checkers probe with HEAD).
      allow('GET');
      refuseUnknownParameters(url, ['token']);
      const token = url.searchParams.get('token');
      if (!token)
        throw new HttpError(
          400,
          'RESET_TOKEN_MISSING',
          'The Reset URL has no token (an empty token counts as none).',
        );
      const done = await restriction.reset(token);
      sendJson(res, 200, done, requestId, { ETag: `"${done.revision}"` });
      return;
    }
    if (url.pathname !== RESTRICTIONS && url.pathname !== CLIENT_IP) {
      throw new HttpError(404, 'NOT_FOUND', `There is no resource at ${url.pathname}.`);
    }
    // HEAD is GET without the body (RFC 9110 §9.3.2); Node leaves the body out by itself.
    allow(url.pathname === RESTRICTIONS ? 'GET, HEAD, PUT' : 'GET, HEAD');
    refuseUnknownParameters(url, []);
    const login = authenticate(req, ip, opts.admins, throttle, now());
    // Enforcement of the revision in force, on every authenticated endpoint.
    if (!allowedNow(restriction.appliedConfig(), ip)) {
      throw new HttpError(
        403,
        'IP_RESTRICTED',
        `Access from ${ip} is not allowed by the IP address restriction.`,
        { clientIp: ip },
      );
    }
    if (url.pathname === CLIENT_IP) {
      sendJson(res, 200, { ip }, requestId);
    } else if (method === 'GET' || method === 'HEAD') {
      const view = restriction.view();
      sendJson(res, 200, view, requestId, { ETag: `"${view.revision}"` });
    } else {
      const accepted = await handlePut(req, restriction, login, {
        bodyLimit,
        maxEntries: opts.maxEntries,
      });
      sendJson(res, 202, { revision: accepted.revision, apply: accepted.apply }, requestId, {
        ETag: `"${accepted.revision}"`,
      });
    }
  }

  const server = createServer((req, res) => {
    const started = performance.now();
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    const ip = callerAddress(req, opts.trustProxy);
    route(req, res, requestId, ip)
      .catch((error: unknown) => {
        if (error instanceof HttpError) {
          sendError(res, error, requestId);
          return;
        }
        // The detail stays in the service's log; the caller gets the request id to quote.
        log(
          `error ${requestId}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
        );
        if (!res.headersSent)
          sendError(
            res,
            new HttpError(500, 'INTERNAL_ERROR', 'The service failed to handle the request.'),
            requestId,
          );
        else res.destroy();
      })
      .finally(() => {
        const path = (req.url ?? '').split('?')[0]; // never log the query: it may carry a reset token
        log(
          `${req.method} ${path} ${res.statusCode} ${Math.round(performance.now() - started)}ms ip=${ip} id=${requestId}`,
        );
      });
  });
  server.headersTimeout = 10_000;
  server.requestTimeout = 30_000;
  // What Node's parser refuses never reaches the handler: answer it like any other error.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const answer = socket.writable ? clientErrorAnswer(error.code) : null;
    if (answer === null) {
      socket.destroy();
      return;
    }
    const requestId = randomUUID();
    writeRawError(socket, answer, requestId);
    log(
      `refused a malformed request: ${error.code ?? error.message} ${answer.status} id=${requestId}`,
    );
  });
  // CONNECT (a proxy tunnel) is not a request for a resource of this service.
  server.on('connect', (req: IncomingMessage, socket: Duplex) => {
    const incoming = req.headers['x-request-id'];
    const requestId =
      typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    writeRawError(
      socket,
      new HttpError(
        501,
        'NOT_IMPLEMENTED',
        'CONNECT is not supported: this service is not a proxy.',
      ),
      requestId,
    );
    log(`CONNECT 501 ip=${callerAddress(req, opts.trustProxy)} id=${requestId}`);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  baseUrl = `http://${host}:${address.port}`;

  let closing: Promise<void> | null = null;
  return {
    url: baseUrl,
    port: address.port,
    dataDir,
    outboxDir,
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeIdleConnections();
        const force = setTimeout(() => server.closeAllConnections(), 2000);
        await closed;
        clearTimeout(force);
        await restriction.close();
      })();
      return closing;
    },
  };
}
