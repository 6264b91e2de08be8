import type { IncomingHttpHeaders } from 'node:http';
import {
  responseBody,
  type SendOutcome,
  type Transport,
  type TransportFailure,
} from './http-transport.ts';

/**
 * The app's transport: Electron's `net` (Chromium's network stack), so service calls use the
 * system proxy settings, PAC/WPAD, proxy authentication (NTLM, Kerberos) and the OS certificate
 * store, as a browser on that machine does. The `node:https` transport sees none of those, and
 * the disabled NODE_OPTIONS fuse also blocks NODE_EXTRA_CA_CERTS.
 *
 * No electron import: main passes `net.request`; the unit test passes a recording stand-in (the
 * Electron binary cannot run here). Redirects are not followed here (`redirect: 'manual'`): the
 * service client decides (same origin only), as with the Node transport.
 */

/** The parts of Electron's ClientRequest options this transport sets. */
export type NetRequestOptions = {
  method: string;
  url: string;
  redirect: 'manual';
  credentials: 'omit';
  cache: 'no-store';
};

/** The parts of Electron's IncomingMessage this transport reads. */
export type NetResponseLike = {
  statusCode: number;
  headers: Record<string, string | string[]>;
  on(event: 'data', listener: (chunk: Buffer) => void): unknown;
  on(event: 'end' | 'aborted', listener: () => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
};

/** The parts of Electron's ClientRequest this transport uses. */
export type NetRequestLike = {
  setHeader(name: string, value: string): void;
  on(event: 'response', listener: (response: NetResponseLike) => void): unknown;
  on(
    event: 'redirect',
    listener: (
      statusCode: number,
      method: string,
      redirectUrl: string,
      headers: Record<string, string[]>,
    ) => void,
  ): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  end(body?: Buffer): void;
  abort(): void;
};

// Chromium net errors raised before the request could leave (nothing was sent).
const NOT_SENT = new Set([
  'ERR_NAME_NOT_RESOLVED',
  'ERR_NAME_RESOLUTION_FAILED',
  'ERR_CONNECTION_REFUSED',
  'ERR_ADDRESS_UNREACHABLE',
  'ERR_INTERNET_DISCONNECTED',
  'ERR_CONNECTION_TIMED_OUT',
  'ERR_PROXY_CONNECTION_FAILED',
  'ERR_TUNNEL_CONNECTION_FAILED',
  'ERR_MANDATORY_PROXY_CONFIGURATION_FAILED',
  'ERR_PROXY_AUTH_UNSUPPORTED',
  'ERR_NETWORK_CHANGED',
]);

const REASONS: Record<string, string> = {
  ERR_NAME_NOT_RESOLVED: 'the name does not resolve',
  ERR_NAME_RESOLUTION_FAILED: 'the name does not resolve',
  ERR_CONNECTION_REFUSED: 'nothing is listening there',
  ERR_INTERNET_DISCONNECTED: 'this computer is offline',
  ERR_CONNECTION_RESET: 'the connection was cut',
  ERR_CONNECTION_CLOSED: 'the connection was cut',
  ERR_EMPTY_RESPONSE: 'the connection was cut',
  ERR_PROXY_CONNECTION_FAILED: 'the proxy server cannot be reached',
  ERR_TUNNEL_CONNECTION_FAILED: 'the proxy server refused the connection',
  ERR_MANDATORY_PROXY_CONFIGURATION_FAILED: 'the proxy configuration (PAC) cannot be loaded',
};

/**
 * What a Chromium net error (`net::ERR_…`) means for the client.
 *
 * `ended`: the whole request had been handed to the network stack. Unless the error says the
 * connection never came up, the request may have reached the service (`sent`): a PUT is then
 * re-read, never resent.
 */
export function netFailure(error: Error, ended: boolean, url: URL): TransportFailure {
  const code = /ERR_[A-Z0-9_]+/.exec(error.message)?.[0] ?? '';
  if (/^ERR_(CERT_|SSL_|BAD_SSL_|PROXY_CERTIFICATE)/.test(code)) {
    return {
      kind: 'CERTIFICATE_REFUSED',
      message: `The certificate of ${url.host} is not trusted (${code}); the connection was refused.`,
      sent: false,
    };
  }
  if (code === 'ERR_TIMED_OUT')
    return { kind: 'TIMEOUT', message: `${url.host} did not answer in time.`, sent: ended };
  return {
    kind: 'OFFLINE',
    message: `Cannot reach ${url.host}: ${REASONS[code] ?? (code || error.message)}.`,
    sent: ended && !NOT_SENT.has(code),
  };
}

/** Electron's header records (lower-case names) as Node's IncomingHttpHeaders. */
function lowerCased(headers: Record<string, string | string[]>): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    const key = name.toLowerCase();
    // set-cookie stays a list (as in Node); others joined, as Node joins repeated headers.
    out[key] =
      key === 'set-cookie' ? [value].flat() : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The transport over Electron's `net.request`. */
export function createNetTransport(
  request: (options: NetRequestOptions) => NetRequestLike,
): Transport {
  return (url, init) =>
    new Promise<SendOutcome>((resolve) => {
      let settled = false;
      let ended = false;
      const finish = (outcome: SendOutcome) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        resolve(outcome);
      };
      // No cookies, no cached answers, no HTTP auth from the session: the client sends its own.
      const req = request({
        method: init.method,
        url: url.href,
        redirect: 'manual',
        credentials: 'omit',
        cache: 'no-store',
      });
      const timer = setTimeout(() => {
        req.abort();
        finish({
          ok: false,
          failure: { kind: 'TIMEOUT', message: `${url.host} did not answer in time.`, sent: ended },
        });
      }, init.timeoutMs);
      // Content-Length comes from the body given to end().
      for (const [name, value] of Object.entries(init.headers)) req.setHeader(name, value);
      req.on('error', (error) => finish({ ok: false, failure: netFailure(error, ended, url) }));
      req.on('redirect', (statusCode, _method, redirectUrl, headers) => {
        // Not following synchronously cancels the request (Electron's manual mode); the client
        // decides whether the target is followed, with a new request.
        finish({
          ok: true,
          response: {
            status: statusCode,
            headers: { ...lowerCased(headers), location: redirectUrl },
            body: Buffer.alloc(0),
          },
        });
        req.abort();
      });
      req.on('response', (res) => {
        const body = responseBody(url);
        res.on('data', (chunk) => {
          const tooLarge = body.add(chunk);
          if (!tooLarge) return;
          req.abort();
          finish({ ok: false, failure: tooLarge });
        });
        res.on('end', () =>
          finish({
            ok: true,
            response: {
              status: res.statusCode,
              headers: lowerCased(res.headers),
              body: body.read(),
            },
          }),
        );
        const cut = () =>
          finish({
            ok: false,
            failure: {
              kind: 'OFFLINE',
              message: `Cannot reach ${url.host}: the connection was cut.`,
              sent: true,
            },
          });
        res.on('aborted', cut);
        res.on('error', cut);
      });
      req.end(init.body);
      ended = true;
    });
}
