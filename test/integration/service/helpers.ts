import { request } from 'node:http';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { startService } from '../../../service/server.ts';
import type { RunningService, StartOptions } from '../../../service/server.ts';
import { createHttpService } from '../../../electron/core/service-client.ts';
import type { HttpServiceOptions } from '../../../electron/core/service-client.ts';
import { conformanceProblems } from './openapi-check.ts';

export const ADMIN = { login: 'admin', password: 'pw' };
export const AUTH = Buffer.from('admin:pw').toString('base64');

/** A real service on loopback with fresh data and outbox folders; `stop()` removes them. */
export async function startTestService(options: Partial<StartOptions> = {}) {
  const root = await mkdtemp(join(tmpdir(), 'svc-test-'));
  const data = options.data ?? join(root, 'data');
  const outbox = options.outbox ?? join(root, 'outbox');
  const service = await startService({
    admins: [ADMIN],
    applyDelayMs: 200,
    ...options,
    data,
    outbox,
  });
  return {
    service,
    root,
    data,
    outbox,
    async stop() {
      await service.close();
      await rm(root, { recursive: true, force: true });
    },
  };
}

/** The HTTP client as the app uses it, acting from `localAddress`. */
export function clientFor(
  url: string,
  localAddress = '127.0.0.1',
  extra: Partial<HttpServiceOptions> = {},
) {
  const lines: string[] = [];
  const client = createHttpService({
    baseUrl: url,
    login: ADMIN.login,
    getPassword: async () => ADMIN.password,
    localAddress,
    log: (line) => lines.push(line),
    backoffMs: 20,
    ...extra,
  });
  return { client, lines };
}

export type RawResult = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  // Tests read fields of whatever came back; the OpenAPI check has already validated its shape.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
};

/**
 * A raw HTTP request (node:http, from `localAddress`), its response checked against the OpenAPI
 * document: every response a contract test sees is a conformance check too.
 */
export function raw(
  service: RunningService | string,
  method: string,
  path: string,
  init: {
    headers?: Record<string, string>;
    body?: string | Buffer;
    localAddress?: string;
    template?: string;
  } = {},
): Promise<RawResult> {
  const url = new URL(path, typeof service === 'string' ? service : service.url);
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        headers: init.headers ?? {},
        localAddress: init.localAddress ?? '127.0.0.1',
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* not JSON: the checker reports it */
          }
          const result = { status: res.statusCode ?? 0, headers: res.headers, body };
          const template = init.template ?? url.pathname;
          if (template.startsWith('/v1/')) {
            expect(
              conformanceProblems(method, template, result),
              `${method} ${template} ${result.status} vs openapi.json`,
            ).toEqual([]);
          }
          expect(res.headers['x-request-id'], 'every response carries X-Request-Id').toBeTruthy();
          resolve(result);
        });
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

/** Poll `check` until it returns a value (not undefined), up to `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs = 5000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error('waitFor: condition not met in time');
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The completion e-mails in the outbox, oldest first, as text. */
export async function outboxMails(outbox: string): Promise<{ name: string; text: string }[]> {
  let names: string[];
  try {
    names = (await readdir(outbox)).filter((n) => n.endsWith('.eml')).sort();
  } catch {
    return [];
  }
  return Promise.all(
    names.map(async (name) => ({ name, text: await readFile(join(outbox, name), 'utf8') })),
  );
}

/** Split an RFC 5322 message into headers (lower-cased names) and body; asserts CRLF framing. */
export function parseMail(text: string): { headers: Record<string, string>; body: string } {
  const split = text.indexOf('\r\n\r\n');
  expect(split, 'header and body are separated by an empty CRLF line').toBeGreaterThan(0);
  expect(text.replace(/\r\n/g, ''), 'no bare LF or CR').not.toMatch(/[\r\n]/);
  const headers: Record<string, string> = {};
  for (const line of text.slice(0, split).split('\r\n')) {
    const m = /^([!-9;-~]+):\s*(.*)$/.exec(line);
    expect(m, `header line "${line}"`).not.toBeNull();
    headers[m![1]!.toLowerCase()] = m![2]!;
  }
  return { headers, body: text.slice(split + 4) };
}

/** The Reset URL in a completion e-mail. */
export function resetUrlOf(text: string): string {
  const m = /^Reset URL: (\S+)$/m.exec(text);
  expect(m, 'the e-mail carries a Reset URL').not.toBeNull();
  return m![1]!;
}

/** The revision of a successful client GET (fails the test otherwise). */
export function revisionOf(
  result: { ok: true; value: { revision: string } } | { ok: false },
): string {
  expect(result, 'the GET succeeded').toMatchObject({ ok: true });
  return result.ok ? result.value.revision : '';
}

/** The revision the service gives the next change after `revision` (they count up by one). */
export function nextRev(revision: string, steps = 1): string {
  return String(Number(revision) + steps);
}

/**
 * `R(n)`: the n-th revision of a service that has not changed yet (`R(1)` is the one it starts
 * with; a new data folder starts at an unpredictable number, then they count up by one).
 */
export async function revisions(service: RunningService | string): Promise<(n: number) => string> {
  const r = await raw(service, 'GET', '/v1/ip-restrictions.json', {
    headers: { 'X-Cybozu-Authorization': AUTH },
  });
  const base = String(r.body.revision);
  return (n) => nextRev(base, n - 1);
}
