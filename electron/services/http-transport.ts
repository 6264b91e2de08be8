import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { IncomingHttpHeaders } from 'node:http';
import { isIPv4 } from 'node:net';

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

/** Largest response body read; anything bigger is cut off as a failure, never parsed. */
export const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;

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

function classify(
  error: NodeJS.ErrnoException,
  sent: boolean,
  timedOut: boolean,
  url: URL,
): TransportFailure {
  if (timedOut) return { kind: 'TIMEOUT', message: `${url.host} did not answer in time.`, sent };
  const code = error.code ?? '';
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

/**
 * Send one HTTP(S) request and read the whole response, without following redirects.
 *
 * Certificates are always verified (no option turns that off). A fresh connection per request
 * (no pooling): a stale kept-alive socket can never make a PUT's fate ambiguous.
 */
export function sendOnce(
  url: URL,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: Buffer;
    timeoutMs: number;
    localAddress?: string;
  },
): Promise<SendOutcome> {
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
      agent: false as const,
      ...(init.localAddress ? { localAddress: init.localAddress } : {}),
    };
    const req =
      url.protocol === 'https:'
        ? httpsRequest(url, { ...options, rejectUnauthorized: true })
        : httpRequest(url, options);
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
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > MAX_RESPONSE_BYTES) {
          finish({
            ok: false,
            failure: {
              kind: 'TOO_LARGE',
              message: `${url.host} answered with more than ${MAX_RESPONSE_BYTES / (1024 * 1024)} MB; the answer was not read.`,
              sent: true,
            },
          });
          req.destroy(new Error(`response larger than ${MAX_RESPONSE_BYTES} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () =>
        finish({
          ok: true,
          response: {
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks),
          },
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
