import { Agent as HttpAgent, request as httpRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { isIPv4 } from 'node:net';
import { getCACertificates } from 'node:tls';

/**
 * The transport seam of the service client (service-client.ts): one request, one whole response,
 * no redirect followed. Two implementations: `sendOnce` here (plain Node: CLI, tests, browser
 * mode) and the app's, through Electron's `net` (net-transport.ts: the system proxy settings, PAC
 * and the OS certificate store, as Chromium sees them). The client keeps its own rules on top:
 * redirects within the origin, timeouts, retries of GETs, and never resending a PUT.
 */

/** A response as received (body fully read, capped). */
export type RawResponse = { status: number; headers: IncomingHttpHeaders; body: Buffer };

/** Why no response came back. `sent`: the whole request had been written before the failure. */
export type TransportFailure = {
  /** TOO_LARGE: the answer exceeded MAX_RESPONSE_BYTES (the service is there; not "offline"). */
  kind: 'OFFLINE' | 'TIMEOUT' | 'CERTIFICATE_REFUSED' | 'TOO_LARGE';
  message: string;
  sent: boolean;
};

export type SendOutcome =
  { ok: true; response: RawResponse } | { ok: false; failure: TransportFailure };

/** One request as the service client describes it. */
export type SendInit = {
  method: string;
  headers: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** Source address to bind (tests act as different callers; Node transport only). */
  localAddress?: string;
};

/** Send one request and read the whole response, without following redirects. Never throws. */
export type Transport = (url: URL, init: SendInit) => Promise<SendOutcome>;

/** Largest response body read; anything bigger is cut off as a failure, never parsed. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

/**
 * An answer's body, read up to MAX_RESPONSE_BYTES (both transports, this one and net-transport.ts):
 * `add` returns the TOO_LARGE failure once the answer is over the limit (stop reading then).
 */
export function responseBody(url: URL) {
  const chunks: Buffer[] = [];
  let size = 0;
  return {
    add(chunk: Buffer): TransportFailure | null {
      size += chunk.length;
      if (size <= MAX_RESPONSE_BYTES) {
        chunks.push(chunk);
        return null;
      }
      return {
        kind: 'TOO_LARGE',
        message: `${url.host} answered with more than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB; the answer was not read.`,
        sent: true,
      };
    },
    read: (): Buffer => Buffer.concat(chunks),
  };
}

/** Hosts where plain http is acceptable: the traffic never leaves the machine. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host === '::1') return true;
  return isIPv4(host) && host.startsWith('127.');
}

/**
 * Check a base URL: https, or http to a loopback host only. Returns the URL or a sentence saying
 * what is wrong with it.
 */
export function checkBaseUrl(
  text: string,
): { ok: true; url: URL } | { ok: false; message: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `"${text}" is not a URL.` };
  }
  if (url.username || url.password)
    return { ok: false, message: 'The service URL must not contain a login or password.' };
  if (url.protocol === 'https:') return { ok: true, url };
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return { ok: true, url };
  if (url.protocol === 'http:') {
    return {
      ok: false,
      message: `Plain http is only allowed to this computer (loopback); use https://${url.host}${url.pathname}.`,
    };
  }
  return { ok: false, message: `The service URL must start with https:// (got ${url.protocol}).` };
}

const TLS_CODES = /CERT|SELF_SIGNED|TLS|SSL|UNABLE_TO_VERIFY|UNABLE_TO_GET_ISSUER/;

let trustedCas: string[] | null = null;
/**
 * Node's bundled roots plus the OS store (a company's TLS-inspecting private CA is installed
 * there), read once per process. NODE_EXTRA_CA_CERTS stays honoured (part of 'default').
 */
function trustedCertificates(): string[] {
  trustedCas ??= [...new Set([...getCACertificates('default'), ...getCACertificates('system')])];
  return trustedCas;
}

function classify(
  error: NodeJS.ErrnoException,
  sent: boolean,
  timedOut: boolean,
  url: URL,
): TransportFailure {
  if (timedOut) return { kind: 'TIMEOUT', message: `${url.host} did not answer in time.`, sent };
  const code = error.code ?? '';
  if (code === 'ERR_PROXY_TUNNEL') {
    return {
      kind: 'OFFLINE',
      message: `Cannot reach ${url.host} through the proxy: ${error.message}.`,
      sent: false,
    };
  }
  if (TLS_CODES.test(code) || /certificate/i.test(error.message)) {
    return {
      kind: 'CERTIFICATE_REFUSED',
      message: `The certificate of ${url.host} is not trusted (${code || error.message}); the connection was refused.`,
      sent: false,
    };
  }
  const reason =
    code === 'ECONNREFUSED'
      ? 'nothing is listening there'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'the name does not resolve'
        : code === 'ECONNRESET' || code === 'EPIPE'
          ? 'the connection was cut'
          : code || error.message;
  return { kind: 'OFFLINE', message: `Cannot reach ${url.host}: ${reason}.`, sent };
}

/** Options of the plain-Node transport. */
export type NodeTransportOptions = {
  /**
   * Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read (default process.env), through Node's
   * built-in proxy support (an Agent with `proxyEnv`, HTTP CONNECT for https). Loopback hosts
   * never go through a proxy (as in Chromium): the demo service must work behind any proxy.
   */
  env?: NodeJS.ProcessEnv;
};

/**
 * The plain-Node transport: node:http(s), certificates always verified against Node's roots and
 * the OS store (no option turns that off), the environment's proxy. A fresh connection per
 * request (no pooling): a stale kept-alive socket can never make a PUT's fate ambiguous.
 */
export function createNodeTransport(transportOptions: NodeTransportOptions = {}): Transport {
  return (url, init) => sendWithNode(url, init, transportOptions.env ?? process.env);
}

/** The plain-Node transport with the process's environment (the default of the service client). */
export const sendOnce: Transport = createNodeTransport();

function sendWithNode(url: URL, init: SendInit, env: NodeJS.ProcessEnv): Promise<SendOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let sent = false;
    let timedOut = false;
    const finish = (outcome: SendOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(outcome);
    };
    const options = {
      method: init.method,
      headers: {
        ...init.headers,
        ...(init.body ? { 'Content-Length': String(init.body.length) } : {}),
      },
      ...(init.localAddress ? { localAddress: init.localAddress } : {}),
    };
    // A new agent per request without keep-alive: one connection, closed after the answer.
    const proxyEnv = isLoopbackHost(url.hostname) ? undefined : env;
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, {
            ...options,
            rejectUnauthorized: true,
            agent: new HttpsAgent({ keepAlive: false, proxyEnv, ca: trustedCertificates() }),
          })
        : httpRequest(url, { ...options, agent: new HttpAgent({ keepAlive: false, proxyEnv }) });
    const timer = setTimeout(() => {
      timedOut = true;
      req.destroy(new Error('timeout'));
    }, init.timeoutMs);
    req.on('finish', () => {
      sent = true;
    });
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ ok: false, failure: classify(error, sent, timedOut, url) }),
    );
    req.on('response', (res) => {
      const body = responseBody(url);
      res.on('data', (chunk: Buffer) => {
        const tooLarge = body.add(chunk);
        if (!tooLarge) return;
        finish({ ok: false, failure: tooLarge });
        req.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`));
      });
      res.on('end', () =>
        finish({
          ok: true,
          response: { status: res.statusCode ?? 0, headers: res.headers, body: body.read() },
        }),
      );
      res.on('error', (error: NodeJS.ErrnoException) =>
        finish({ ok: false, failure: classify(error, true, timedOut, url) }),
      );
      res.on('close', () => {
        if (!res.complete) {
          const cut = Object.assign(new Error('response cut short'), { code: 'ECONNRESET' });
          finish({ ok: false, failure: classify(cut, true, timedOut, url) });
        }
      });
    });
    req.end(init.body);
  });
}
