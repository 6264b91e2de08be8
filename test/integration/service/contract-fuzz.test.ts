import { rm } from 'node:fs/promises';
import fc from 'fast-check';
import { command } from '../../support/fc-command.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService } from '../../../service/server.ts';
import type { RunningService } from '../../../service/server.ts';
import { ADMIN, AUTH, raw, startTestService } from './helpers.ts';
import type { RawResult } from './helpers.ts';
import { invalidPutBody, validFor } from './schema-arbitrary.ts';
import { schemaValidator } from './openapi-check.ts';

/**
 * Property-based contract test: requests generated from shared/contract/openapi.json (valid and
 * broken), sent to the real service on loopback; every answer is checked against the document by
 * `raw` (status documented for the operation, required headers and their patterns, the body's
 * schema), and the outcome the document promises is asserted. Fixed seed, bounded runs;
 * CONTRACT_FUZZ_SCALE=10 runs ten times as many.
 */
const SCALE = Number(process.env.CONTRACT_FUZZ_SCALE ?? 1);
const SEED = 20_261_201;
/** Bounded by the run counts; the limit only stops a wedged run (the machine may be loaded). */
const FUZZ_TIMEOUT_MS = 180_000 * SCALE;
const R = '/v1/ip-restrictions.json';
const RESET = '/v1/ip-restrictions/reset';

// Nothing is ever applied (the delay is an hour), so the restriction in force stays ALLOW_ALL and
// every address may call: the properties are about the contract, the story tests do enforcement.
const APPLY_NEVER = 3_600_000;

const validBody = validFor('#/components/schemas/PutBody');
const putBodyValid = schemaValidator('#/components/schemas/PutBody');
const validPayload = (text: string) => {
  try {
    return putBodyValid(JSON.parse(text));
  } catch {
    return false;
  }
};
const body = (value: unknown) => JSON.stringify(value);

let env: Awaited<ReturnType<typeof startTestService>>;
beforeAll(async () => {
  env = await startTestService({ applyDelayMs: APPLY_NEVER });
});
afterAll(async () => env.stop());

/** A loopback address of its own for each unauthenticated try, so throttling stays out of the way. */
let nextAddress = 0;
const freshAddress = () => {
  nextAddress += 1;
  return `127.1.${Math.floor(nextAddress / 250) % 250}.${(nextAddress % 250) + 1}`;
};

const current = async () =>
  (await raw(env.service, 'GET', R, { headers: { 'X-Cybozu-Authorization': AUTH } })).headers
    .etag as string;

describe('requests generated from the OpenAPI document', () => {
  it(
    'a PUT: If-Match and the body decide, as the document says (valid 202, invalid 400, stale or weak 412)',
    async () => {
      const ifMatches = ['current', '*', 'list', 'stale', 'weak', '', 'none', 'bare'] as const;
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          validBody,
          invalidPutBody(),
          fc.constantFrom(...ifMatches),
          async (valid, good, bad, form) => {
            const etag = await current();
            const ifMatch = {
              current: etag,
              '*': '*',
              list: `"0", ${etag}`,
              stale: '"1"',
              weak: `W/${etag}`,
              '': '',
              none: undefined,
              bare: etag.replaceAll('"', ''),
            }[form];
            const r = await raw(env.service, 'PUT', R, {
              headers: {
                'X-Cybozu-Authorization': AUTH,
                'Content-Type': 'application/json',
                ...(ifMatch === undefined ? {} : { 'If-Match': ifMatch }),
              },
              body: body(valid ? good : bad),
            });
            const expected =
              form === '' || form === 'none'
                ? 428
                : form === 'bare'
                  ? 400
                  : !valid
                    ? [400, 412]
                    : form === 'stale' || form === 'weak'
                      ? 412
                      : 202;
            if (Array.isArray(expected))
              expect(expected, JSON.stringify(bad).slice(0, 200)).toContain(r.status);
            else expect(r.status, `${form} ${JSON.stringify(r.body).slice(0, 200)}`).toBe(expected);
            if (r.status === 202) expect(r.headers.etag).toBe(`"${r.body.revision}"`);
            else expect(await current()).toBe(etag);
            if (r.status === 400 && form !== 'bare') expect(r.body.code).toBe('VALIDATION_FAILED');
          },
        ),
        { seed: SEED, numRuns: 150 * SCALE },
      );
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'any mix of method, path, query, credentials, If-Match, content type and body gets a documented answer',
    async () => {
      // Mostly well-formed calls of the documented operations, so that each detail gets tried alone.
      const mostly = <T>(usual: T, ...others: T[]) =>
        fc.oneof(
          { arbitrary: fc.constant(usual), weight: 4 },
          { arbitrary: fc.constantFrom(...others), weight: 1 },
        );
      const request = fc.record({
        method: fc.oneof(
          { arbitrary: fc.constantFrom('GET', 'HEAD', 'PUT'), weight: 4 },
          { arbitrary: fc.constantFrom('POST', 'DELETE', 'PATCH', 'OPTIONS'), weight: 1 },
        ),
        path: fc.oneof(
          { arbitrary: fc.constantFrom(R, '/v1/client-ip.json', RESET), weight: 6 },
          { arbitrary: fc.constantFrom('/v1/other.json', '/'), weight: 1 },
        ),
        query: mostly('', '?dryRun=true', '?token=', '?token=abc', '?token=a&token=b'),
        auth: mostly('good', 'none', 'wrong'),
        ifMatch: fc.constantFrom('current', 'stale', 'weak', '*', '', 'bare', 'none'),
        type: mostly('application/json', 'application/json; charset=utf-8', 'text/plain', 'none'),
        payload: fc.oneof(
          { arbitrary: validBody.map(body), weight: 3 },
          { arbitrary: invalidPutBody().map(body), weight: 2 },
          { arbitrary: fc.constantFrom('{"mode":', ''), weight: 1 },
        ),
      });
      await fc.assert(
        fc.asyncProperty(request, async (q) => {
          const etag = await current();
          const headers: Record<string, string> = {};
          if (q.auth !== 'none')
            headers['X-Cybozu-Authorization'] =
              q.auth === 'good' ? AUTH : Buffer.from('admin:wrong').toString('base64');
          const ifMatch = {
            current: etag,
            stale: '"1"',
            weak: `W/${etag}`,
            '*': '*',
            '': '',
            bare: etag.replaceAll('"', ''),
            none: undefined,
          }[q.ifMatch];
          if (ifMatch !== undefined) headers['If-Match'] = ifMatch;
          if (q.type !== 'none') headers['Content-Type'] = q.type;
          const r = await raw(env.service, q.method, `${q.path}${q.query}`, {
            template: q.path,
            headers,
            body: q.method === 'PUT' || q.method === 'POST' ? q.payload : undefined,
            localAddress: q.auth === 'good' ? '127.0.0.1' : freshAddress(),
          });
          // Every answer is JSON with a request id (HEAD: the headers only).
          expect(r.headers['x-request-id']).toBeTruthy();
          if (q.method !== 'HEAD') expect(r.headers['content-type']).toMatch(/^application\/json/);
          // Outcomes the document states outright:
          const known = q.path === R || q.path === '/v1/client-ip.json' || q.path === RESET;
          if (!known) expect(r.status).toBe(404);
          const methods =
            q.path === RESET ? ['GET'] : q.path === R ? ['GET', 'HEAD', 'PUT'] : ['GET', 'HEAD'];
          if (known && !methods.includes(q.method))
            expect([r.status, r.headers.allow]).toEqual([405, methods.join(', ')]);
          if (known && methods.includes(q.method) && q.query === '?dryRun=true')
            expect(r.status).toBe(400);
          if (r.status === 202) expect(q.ifMatch === 'current' || q.ifMatch === '*').toBe(true);
          // A well-formed PUT: the If-Match alone decides (RFC 9110 §13.1.1, strong comparison).
          if (
            q.method === 'PUT' &&
            q.path === R &&
            q.query === '' &&
            q.auth === 'good' &&
            q.type !== 'text/plain' &&
            q.type !== 'none' &&
            validPayload(q.payload)
          ) {
            const expected = {
              current: 202,
              '*': 202,
              stale: 412,
              weak: 412,
              '': 428,
              none: 428,
              bare: 400,
            }[q.ifMatch];
            expect(r.status, `If-Match ${q.ifMatch}`).toBe(expected);
          }
          if (r.status !== 202 && q.path === R && q.method === 'PUT')
            expect(await current()).toBe(etag);
        }),
        { seed: SEED, numRuns: 250 * SCALE },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

/** What the test knows about the service: the current revision, its list, all revisions seen. */
type Model = { revision: string; list: string; seen: Map<string, string> };
type Real = { service: RunningService; data: string; outbox: string };

const get = (s: RunningService) =>
  raw(s, 'GET', R, { headers: { 'X-Cybozu-Authorization': AUTH } });
const putRaw = (s: RunningService, ifMatch: string, text: string, path = R) =>
  raw(s, 'PUT', path, {
    template: R,
    headers: {
      'X-Cybozu-Authorization': AUTH,
      'Content-Type': 'application/json',
      'If-Match': ifMatch,
    },
    body: text,
  });
const listOf = (r: RawResult) => JSON.stringify({ mode: r.body.mode, entries: r.body.entries });

/** A revision names one list forever: record it, or fail if it named another before. */
function remember(m: Model, revision: string, list: string): void {
  const before = m.seen.get(revision);
  expect(before ?? list, `revision ${revision} came back with another list`).toBe(list);
  m.seen.set(revision, list);
}

const Get = (method: 'GET' | 'HEAD') =>
  command<Model, Real>(method, async (m, r) => {
    const g = await raw(r.service, method, R, { headers: { 'X-Cybozu-Authorization': AUTH } });
    expect(g.status).toBe(200);
    expect(g.headers.etag).toBe(`"${m.revision}"`);
    if (method === 'GET') {
      expect(listOf(g)).toBe(m.list);
      remember(m, g.body.revision, listOf(g));
    }
  });

/** Follow the document's link: the ETag of the last answer is the If-Match of this PUT. */
const PutWithETag = (value: unknown, star: boolean) =>
  command<Model, Real>(
    `PUT ${star ? '*' : 'ETag'} ${JSON.stringify(value).slice(0, 60)}`,
    async (m, r) => {
      const p = await putRaw(r.service, star ? '*' : `"${m.revision}"`, body(value));
      expect(p.status).toBe(202);
      expect(m.seen.has(p.body.revision), 'a new revision is new').toBe(false);
      const list = JSON.stringify(value);
      remember(m, p.body.revision, list);
      m.revision = p.body.revision;
      m.list = list;
    },
  );

/** A PUT that must change nothing: stale or weak If-Match (412), a broken body or ?dryRun (400). */
const Refused = (how: 'stale' | 'weak' | 'invalid' | 'dryRun', value: unknown) =>
  command<Model, Real>(
    `refused ${how}`,
    async (m, r) => {
      const stale = [...m.seen.keys()].find((rev) => rev !== m.revision) ?? '0';
      const p =
        how === 'stale'
          ? await putRaw(r.service, `"${stale}"`, body(value))
          : how === 'weak'
            ? await putRaw(r.service, `W/"${m.revision}"`, body(value))
            : how === 'dryRun'
              ? await putRaw(r.service, `"${m.revision}"`, body(value), `${R}?dryRun=true`)
              : await putRaw(r.service, `"${m.revision}"`, body(value));
      if (how === 'stale' || how === 'weak') {
        expect([p.status, p.body.currentRevision, p.headers.etag]).toEqual([
          412,
          m.revision,
          `"${m.revision}"`,
        ]);
      } else {
        expect(p.status).toBe(400);
      }
      const g = await get(r.service);
      expect([g.body.revision, listOf(g)]).toEqual([m.revision, m.list]);
    },
    (m: Readonly<Model>) => how !== 'stale' || m.seen.size > 1,
  );

/** Restart on the same folder (nothing changes), or on a lost one (a new revision, never seen). */
const Restart = (loseData: boolean) =>
  command<Model, Real>(`restart${loseData ? ' without its data' : ''}`, async (m, r) => {
    await r.service.close();
    if (loseData) await rm(r.data, { recursive: true, force: true });
    r.service = await startService({
      admins: [ADMIN],
      applyDelayMs: APPLY_NEVER,
      data: r.data,
      outbox: r.outbox,
    });
    const g = await get(r.service);
    if (loseData) {
      expect(
        m.seen.has(g.body.revision),
        `revision ${g.body.revision} reused after losing the data`,
      ).toBe(false);
      m.list = JSON.stringify({ mode: 'ALLOW_ALL', entries: [] });
      m.revision = g.body.revision;
    }
    expect([g.body.revision, listOf(g)]).toEqual([m.revision, m.list]);
    remember(m, g.body.revision, listOf(g));
  });

describe('the stateful flow the document links: ETag -> If-Match', () => {
  it(
    'holds across saves, refusals, restarts and lost data folders',
    async () => {
      const commands = fc.commands(
        [
          fc.constantFrom('GET' as const, 'HEAD' as const).map((m) => Get(m)),
          fc.tuple(validBody, fc.boolean()).map(([v, star]) => PutWithETag(v, star)),
          fc
            .tuple(fc.constantFrom('stale' as const, 'weak' as const, 'dryRun' as const), validBody)
            .map(([how, v]) => Refused(how, v)),
          invalidPutBody().map((v) => Refused('invalid', v)),
          fc.boolean().map((lose) => Restart(lose)),
        ],
        { maxCommands: 12 },
      );
      await fc.assert(
        fc.asyncProperty(commands, async (cmds) => {
          const start = await startTestService({ applyDelayMs: APPLY_NEVER });
          const real: Real = { service: start.service, data: start.data, outbox: start.outbox };
          try {
            const g = await get(real.service);
            const model: Model = {
              revision: g.body.revision,
              list: listOf(g),
              seen: new Map([[g.body.revision, listOf(g)]]),
            };
            await fc.asyncModelRun(() => ({ model, real }), cmds);
          } finally {
            await real.service.close();
            await start.stop();
          }
        }),
        { seed: SEED, numRuns: 25 * SCALE },
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});
