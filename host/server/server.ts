import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { IPC_LIMITS, type IpcResult } from '../../shared/contract/ipc.ts';
import type { HandlerDeps, PickedFile } from '../../electron/ipc/deps.ts';
import { createInvoker } from '../../electron/ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../../electron/ipc/handlers.ts';
import { APP_ORIGIN, mimeType, resolveAppFile } from '../../electron/main/security.ts';
import {
  HOST_HEADERS,
  HOST_PATHS,
  MAX_JSON_BODY_BYTES,
  TOKEN_FRAGMENT,
  fileTooLargeError,
  type InvokeReply,
} from '../protocol.ts';
import { createBrowserFiles } from './browser-files.ts';
import { BROWSER_CSP } from './csp.ts';
import { allowedOrigins, checkRequest } from './gate.ts';
import { readBody } from './http-body.ts';
import { lockDataFolder } from '../../electron/core/data-lock.ts';
import { packageInfo } from './data-dir.ts';

/**
 * Browser mode: the built renderer and the main-process handlers (createHandlers, behind the
 * same sender-checked createInvoker) served to a browser from plain Node on 127.0.0.1, the way
 * `code serve-web` and Jupyter do it. Never imports electron.
 */

/** How browser mode is started (npm start: host/server/main.ts; tests: their own folders). */
export type BrowserHostOptions = {
  /** Profiles, drafts, history (the Electron app's folder by default: data-dir.ts). */
  dataDir: string;
  /** Built renderer (dist/renderer) and page bridge (dist/host-page). */
  rendererDir: string;
  pageDir: string;
  /** 0: any free port. */
  port?: number;
  /** Handler options for tests (poll interval, demo delay, keychain). */
  handlerDeps?: Partial<Omit<HandlerDeps, 'dataDir' | 'dialogs'>>;
  /** Log lines (never the token, inputs or secrets). */
  log?: (line: string) => void;
};

/** A running browser-mode server. */
export type BrowserHost = {
  port: number;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The URL to open, carrying the connection token in its fragment (print it once, never log it). */
  url: string;
  close(): Promise<void>;
};

const COMMON_HEADERS = {
  'Content-Security-Policy': BROWSER_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
} as const;

function send(
  res: ServerResponse,
  status: number,
  body: string | Uint8Array,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers });
  res.end(body);
}

function sendReply(res: ServerResponse, status: number, reply: InvokeReply): void {
  send(res, status, JSON.stringify(reply), { 'Content-Type': 'application/json; charset=utf-8' });
}

function failure(code: string, message: string): IpcResult<unknown> {
  return { ok: false, error: { code, message } };
}

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Every value of a header as received (Node joins or drops duplicates in `req.headers`). */
function rawValues(req: IncomingMessage, name: string): string[] {
  const values: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]!.toLowerCase() === name) values.push(req.rawHeaders[i + 1]!);
  }
  return values;
}

function decodeJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/** index.html with the page bridge loaded first (it defines window.allowlist). */
async function readIndex(rendererDir: string): Promise<string> {
  const html = await readFile(join(rendererDir, 'index.html'), 'utf8');
  const at = html.indexOf('<script type="module"');
  if (at < 0) throw new Error(`${rendererDir}/index.html has no module script: rebuild it.`);
  const tag = `<script type="module" src="${HOST_PATHS.bridge}"></script>\n    `;
  return html.slice(0, at) + tag + html.slice(at);
}

/**
 * Start browser mode on 127.0.0.1: a fresh connection token, the handlers over `dataDir`, the
 * renderer from `rendererDir`. Resolves once it listens; `close()` ends event streams, open
 * connections and the handlers (apply polling, imports, the demo service).
 */
export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const log = options.log ?? (() => {});
  const index = await readIndex(options.rendererDir).catch((error: unknown) => {
    throw new Error(
      `The renderer is not built (${error instanceof Error ? error.message : String(error)}); run npm run build.`,
    );
  });
  const bridge = await readFile(join(options.pageDir, 'bridge.js')).catch(() => {
    throw new Error(`${options.pageDir}/bridge.js is missing; run npm start -- --browser.`);
  });
  const token = randomBytes(32).toString('base64url');
  const files = createBrowserFiles();
  const events = new Set<ServerResponse>();
  // One running copy per data folder (also against the desktop app): a second one stops here.
  const unlock = lockDataFolder(options.dataDir);
  let created: CreatedHandlers;
  const server = createServer();
  try {
    created = await createHandlers({
      appInfo: { version: packageInfo().version },
      ...options.handlerDeps,
      dataDir: options.dataDir,
      dialogs: files.dialogs,
      ...(options.log ? { log: options.log } : {}),
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const origins = allowedOrigins(port);
  const invoke = createInvoker(created.handlers, {
    allowedOrigins: origins,
    emit: (event, payload) => {
      const frame = `data: ${JSON.stringify({ event, payload })}\n\n`;
      for (const res of events) res.write(frame);
    },
    log,
  });

  async function onInvoke(req: IncomingMessage, res: ServerResponse, path: string) {
    const channel = decodeURIComponent(path.slice(HOST_PATHS.invoke.length));
    const type = header(req, 'content-type') ?? '';
    let input: unknown;
    let picked: PickedFile | null = null;
    if (type.startsWith('application/json')) {
      const body = await readBody(req, MAX_JSON_BODY_BYTES);
      if (!body.ok) {
        return sendReply(res, 413, {
          result: failure('INVALID_INPUT', 'The request is too large.'),
        });
      }
      const parsed = decodeJson(new TextDecoder().decode(body.bytes));
      if (!parsed.ok) {
        return sendReply(res, 400, {
          result: failure('INVALID_INPUT', 'The request is not JSON.'),
        });
      }
      input = parsed.value;
    } else if (type === 'application/octet-stream') {
      const body = await readBody(req, IPC_LIMITS.maxImportBytes);
      if (!body.ok) {
        log(`browser host: refused an upload over the import limit (${channel})`);
        res.once('finish', () => req.destroy());
        return sendReply(res, 413, { result: { ok: false, error: fileTooLargeError(body.size) } });
      }
      const rawInput = decodeJson(decodeURIComponent(header(req, HOST_HEADERS.input) ?? '%7B%7D'));
      const name = decodeURIComponent(header(req, HOST_HEADERS.fileName) ?? '').slice(0, 500);
      const role = header(req, HOST_HEADERS.fileRole);
      const isObject = rawInput.ok && typeof rawInput.value === 'object' && rawInput.value !== null;
      if (!isObject || (role !== 'picked' && role !== 'input.bytes')) {
        return sendReply(res, 400, {
          result: failure('INVALID_INPUT', 'The upload is missing its input or role.'),
        });
      }
      input = rawInput.value;
      if (role === 'picked') picked = { name, bytes: body.bytes };
      else input = { ...(rawInput.value as object), bytes: body.bytes };
    } else {
      return sendReply(res, 415, {
        result: failure('INVALID_INPUT', 'Send JSON or the bytes of a file.'),
      });
    }
    // The sender is the page's origin (already checked by the gate): the invoker checks it again.
    const sender = { senderFrame: { url: `${header(req, 'origin')}/`, parent: null } };
    const { value, files: out } = await files.run(picked, () => invoke(channel, sender, input));
    sendReply(res, 200, {
      result: value,
      ...(out.download ? { download: out.download } : {}),
    });
  }

  function onEvents(res: ServerResponse) {
    res.writeHead(200, {
      ...COMMON_HEADERS,
      'Content-Type': 'text/event-stream; charset=utf-8',
      Connection: 'keep-alive',
    });
    res.write(': connected\n\n');
    events.add(res);
    res.on('close', () => events.delete(res));
  }

  function onDownload(res: ServerResponse, path: string) {
    const file = files.takeDownload(path.slice(HOST_PATHS.download.length));
    if (!file) return send(res, 404, 'This download has expired.');
    send(res, 200, file.bytes, {
      'Content-Type': 'application/octet-stream',
      'Content-Disposition': `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    });
  }

  async function onFile(res: ServerResponse, path: string) {
    if (path === '/' || path === '/index.html') {
      return send(res, 200, index, { 'Content-Type': 'text/html; charset=utf-8' });
    }
    if (path === HOST_PATHS.bridge) {
      return send(res, 200, bridge, { 'Content-Type': 'text/javascript; charset=utf-8' });
    }
    // The same path rules as the app:// protocol (no `..`, no encoded separators).
    const file = resolveAppFile(`${APP_ORIGIN}${path}`, options.rendererDir);
    if (!file) return send(res, 404, 'Not found');
    try {
      return send(res, 200, await readFile(file), { 'Content-Type': mimeType(file) });
    } catch {
      return send(res, 404, 'Not found');
    }
  }

  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const verdict = checkRequest(
      {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        hosts: rawValues(req, 'host'),
        origin: header(req, 'origin'),
        authorization: header(req, 'authorization'),
        secFetchSite: header(req, 'sec-fetch-site'),
      },
      { token, port },
    );
    if (!verdict.ok) {
      log(`browser host: refused ${req.method ?? '?'} (${verdict.status}: ${verdict.reason})`);
      return send(res, verdict.status, verdict.reason, { 'Content-Type': 'text/plain' });
    }
    const path = verdict.path;
    const handle = async () => {
      if (req.method === 'POST' && path.startsWith(HOST_PATHS.invoke))
        return onInvoke(req, res, path);
      if (req.method !== 'GET') return send(res, 405, 'Not allowed');
      if (path === HOST_PATHS.events) return onEvents(res);
      if (path.startsWith(HOST_PATHS.download)) return onDownload(res, path);
      return onFile(res, path);
    };
    handle().catch((error: unknown) => {
      log(`browser host: ${error instanceof Error ? error.name : 'error'} while answering`);
      if (!res.headersSent) send(res, 500, 'Internal error');
      else res.end();
    });
  });

  let closing: Promise<void> | null = null;
  return {
    port,
    origin: origins[0]!,
    url: `${origins[0]}/#${TOKEN_FRAGMENT}=${token}`,
    close() {
      closing ??= (async () => {
        for (const res of events) res.end();
        events.clear();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        server.closeAllConnections();
        await closed;
        files.clear();
        await created.dispose();
        unlock();
      })();
      return closing;
    },
  };
}
