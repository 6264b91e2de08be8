import { request } from 'node:http';
import type { Config } from '../../../shared/allowlist/model.ts';
import { RestrictionSchema } from '../../../shared/contract/service.ts';
import type { Restriction } from '../../../shared/contract/service.ts';

/** Login and password of the admin account every test service has. */
export const ADMIN = { login: 'admin', password: 'e2e-Secret-pw!' } as const;

type Call = { status: number; body: unknown; etag: string | undefined };

/**
 * One HTTP call to the reference service, optionally from another loopback source address (the
 * service sees the socket's peer address: tests act as "another admin" from 127.0.0.x).
 */
function call(
  baseUrl: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
  localAddress?: string,
): Promise<Call> {
  const auth = Buffer.from(`${ADMIN.login}:${ADMIN.password}`).toString('base64');
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      `${baseUrl}${path}`,
      {
        method,
        localAddress,
        headers: {
          'X-Cybozu-Authorization': auth,
          ...(payload
            ? {
                'content-type': 'application/json',
                'content-length': String(Buffer.byteLength(payload)),
              }
            : {}),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text ? (JSON.parse(text) as unknown) : null,
            etag: res.headers.etag,
          });
        });
      },
    );
    req.on('error', reject);
    if (payload) req.write(payload);
    req.end();
  });
}

/** The restriction as the service holds it (read as another admin when `from` is given). */
export async function readRestriction(baseUrl: string, from?: string): Promise<Restriction> {
  const r = await call(baseUrl, 'GET', '/v1/ip-restrictions.json', undefined, {}, from);
  if (r.status !== 200)
    throw new Error(`GET restriction: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return RestrictionSchema.parse(r.body);
}

/** Set the restriction directly (test set-up; another admin's change) and wait until APPLIED. */
export async function writeRestriction(
  baseUrl: string,
  config: Config,
  from?: string,
): Promise<string> {
  const current = await readRestriction(baseUrl, from);
  const r = await call(
    baseUrl,
    'PUT',
    '/v1/ip-restrictions.json',
    config,
    { 'If-Match': `"${current.revision}"` },
    from,
  );
  if (r.status !== 202)
    throw new Error(`PUT restriction: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  const revision = (r.body as { revision: string }).revision;
  for (let i = 0; i < 100; i++) {
    const now = await readRestriction(baseUrl, from);
    if (now.apply.state === 'APPLIED' && now.apply.revision === revision) return revision;
    await new Promise((res) => setTimeout(res, 50));
  }
  throw new Error('the service did not apply the revision in time');
}
