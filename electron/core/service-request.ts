import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { z } from 'zod';
import type { ServiceError, ServiceResult } from '../../shared/contract/service.ts';
import { checkBaseUrl, sendOnce } from './http-transport.ts';
import type { RawResponse, Transport, TransportFailure } from './http-transport.ts';
import { mapErrorResponse, retryAfterSeconds } from './service-errors.ts';

/**
 * How the HTTP client talks to the service, apart from what it asks (service-client.ts): one
 * request with the login header and redirects within the origin, the answer parsed against a
 * schema, and the retry policy of idempotent GETs (backoff with jitter, Retry-After, a deadline).
 */

/** Options of the HTTP connector. */
export type HttpServiceOptions = {
  /** `https://…`, or `http://` to a loopback host. */
  baseUrl: string;
  login: string;
  /** Read from the secret store at call time; never cached or logged here. */
  getPassword: () => Promise<string>;
  /** Limit per HTTP request (default 10 s). */
  timeoutMs?: number;
  /** Limit per call, retries and the PUT re-read included (default 30 s). */
  deadlineMs?: number;
  /** Source address to bind (tests act as different callers with 127.0.0.x). */
  localAddress?: string;
  /** One line per request; carries the request id, never credentials. */
  log?: (line: string) => void;
  /** Extra attempts of an idempotent request (default 3). */
  retries?: number;
  /** First backoff step in ms (default 250), doubled per attempt with jitter. */
  backoffMs?: number;
  /** How one request is sent (default: plain Node, `sendOnce`; the app: Electron's `net`). */
  transport?: Transport;
};

type Attempt =
  | { ok: true; response: RawResponse; requestId: string }
  | { ok: false; error: ServiceError; sent: boolean };

const MAX_REDIRECTS = 5;
const RETRY_STATUS = new Set([429, 500, 502, 503, 504]);

function transportError(failure: TransportFailure, requestId: string): ServiceError {
  if (failure.kind === 'CERTIFICATE_REFUSED')
    return { kind: 'CERTIFICATE_REFUSED', message: failure.message };
  // Too big is an answer, not a network failure: never retried, never "offline".
  if (failure.kind === 'TOO_LARGE')
    return { kind: 'BAD_RESPONSE', message: failure.message, requestId };
  return { kind: failure.kind, message: failure.message, requestId };
}

/** The request machinery of one connector (see createHttpService for the policy). */
export function createServiceRequests(options: HttpServiceOptions) {
  const timeoutMs = options.timeoutMs ?? 10_000;
  const retries = options.retries ?? 3;
  const backoffMs = options.backoffMs ?? 250;
  const log = options.log ?? (() => undefined);
  const send = options.transport ?? sendOnce;

  /** One request, redirects within the origin followed. */
  async function attempt(
    method: 'GET' | 'PUT',
    path: string,
    deadline: number,
    extra: Record<string, string> = {},
    body?: Buffer,
  ): Promise<Attempt> {
    const base = checkBaseUrl(options.baseUrl);
    if (!base.ok)
      return { ok: false, error: { kind: 'INSECURE_URL', message: base.message }, sent: false };
    let url = new URL(base.url.pathname.replace(/\/$/, '') + path, base.url);
    const requestId = randomUUID();
    const password = await options.getPassword();
    const headers = {
      Accept: 'application/json',
      'X-Request-Id': requestId,
      'X-Cybozu-Authorization': Buffer.from(`${options.login}:${password}`, 'utf8').toString(
        'base64',
      ),
      ...extra,
    };
    for (let hop = 0; ; hop++) {
      const remaining = deadline - Date.now();
      if (remaining <= 0)
        return {
          ok: false,
          error: {
            kind: 'TIMEOUT',
            message: 'The service did not answer before the deadline.',
            requestId,
          },
          sent: false,
        };
      const started = Date.now();
      const outcome = await send(url, {
        method,
        headers,
        ...(body ? { body } : {}),
        timeoutMs: Math.min(timeoutMs, remaining),
        ...(options.localAddress ? { localAddress: options.localAddress } : {}),
      });
      const took = Date.now() - started;
      if (!outcome.ok) {
        log(
          `service ${method} ${url.pathname} failed after ${took}ms: ${outcome.failure.kind} ${outcome.failure.message} (request ${requestId})`,
        );
        return {
          ok: false,
          error: transportError(outcome.failure, requestId),
          sent: outcome.failure.sent,
        };
      }
      const { response } = outcome;
      log(
        `service ${method} ${url.pathname} -> ${response.status} in ${took}ms (request ${requestId})`,
      );
      const location = response.headers.location;
      if (response.status >= 300 && response.status < 400 && location) {
        let target: URL;
        try {
          target = new URL(location, url);
        } catch {
          return {
            ok: false,
            error: {
              kind: 'BAD_RESPONSE',
              message: `The service redirected to an invalid address.`,
              requestId,
            },
            sent: true,
          };
        }
        const methodKept = response.status === 307 || response.status === 308;
        if (
          target.origin !== url.origin ||
          hop >= MAX_REDIRECTS ||
          (method !== 'GET' && !methodKept)
        ) {
          log(
            `service ${method} ${url.pathname}: redirect to ${target.origin} not followed (request ${requestId})`,
          );
          return {
            ok: false,
            error: {
              kind: 'REDIRECT_REFUSED',
              message:
                target.origin !== url.origin
                  ? `The service redirected to another site (${target.origin}); the app does not follow it, to keep the password from leaving ${url.origin}.`
                  : 'The service redirected in a way the app does not follow.',
            },
            sent: true,
          };
        }
        url = target;
        continue;
      }
      return { ok: true, response, requestId };
    }
  }

  function parse<T>(schema: z.ZodType<T>, found: Extract<Attempt, { ok: true }>): ServiceResult<T> {
    const { response, requestId } = found;
    if (response.status < 200 || response.status >= 300)
      return { ok: false, error: mapErrorResponse(response, requestId) };
    let json: unknown;
    try {
      // Fatal decoding: a broken byte in a memo is refused, never turned into "\uFFFD" and saved back.
      json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(response.body));
    } catch {
      return {
        ok: false,
        error: {
          kind: 'BAD_RESPONSE',
          message: 'The service answered with something that is not UTF-8 JSON.',
          requestId,
        },
      };
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      return {
        ok: false,
        error: {
          kind: 'BAD_RESPONSE',
          message: 'The service answered in a shape the app does not know.',
          requestId,
        },
      };
    return { ok: true, value: parsed.data };
  }

  /** An idempotent GET with retries and backoff, honouring Retry-After, within the deadline. */
  async function getWithRetries<T>(
    path: string,
    schema: z.ZodType<T>,
    deadline: number,
  ): Promise<ServiceResult<T>> {
    for (let tryNo = 0; ; tryNo++) {
      const result = await attempt('GET', path, deadline);
      let wait: number | null = null;
      let error: ServiceError;
      if (result.ok) {
        const parsed = parse(schema, result);
        if (parsed.ok || !RETRY_STATUS.has(result.response.status)) return parsed;
        error = parsed.error;
        const after = retryAfterSeconds(result.response.headers['retry-after']);
        if (after !== null) wait = after * 1000;
      } else {
        error = result.error;
        if (error.kind !== 'OFFLINE' && error.kind !== 'TIMEOUT') return { ok: false, error };
      }
      wait ??= Math.round(backoffMs * 2 ** tryNo * (0.5 + Math.random() / 2));
      if (tryNo >= retries || Date.now() + wait >= deadline) return { ok: false, error };
      log(`service GET ${path}: retrying in ${wait}ms after ${error.kind}`);
      await sleep(wait);
    }
  }

  return { attempt, parse, getWithRetries };
}
