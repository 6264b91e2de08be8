import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../node-shared/atomic-file.ts';
import { startService } from '../../../service/server.ts';
import { bodyLimitFor } from '../../../service/body-limit.ts';
import { ADMIN, AUTH, outboxMails, raw, startTestService, waitFor } from './helpers.ts';

const R = '/v1/ip-restrictions.json';
const auth = { 'X-Cybozu-Authorization': AUTH };
const list = (memo: string) =>
  JSON.stringify({ mode: 'ALLOW_ALL', entries: [{ ip: '192.0.2.1', cidr: null, memo }] });

let stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.reverse()) await stop();
  stops = [];
});

async function service(options: Parameters<typeof startTestService>[0] = {}) {
  const env = await startTestService(options);
  stops.push(() => env.stop());
  return env;
}
const get = (env: Awaited<ReturnType<typeof service>>) =>
  raw(env.service, 'GET', R, { headers: auth });
const put = (env: Awaited<ReturnType<typeof service>>, ifMatch: string, body: string) =>
  raw(env.service, 'PUT', R, {
    headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': ifMatch },
    body,
  });

describe('a change is visible only once it is on disk', () => {
  it('while the write of a PUT is in flight, GET shows the old revision; a second PUT on it gets 412', async () => {
    // A disk that takes its time cannot be caused on purpose: the test holds the real write.
    let hold: Promise<void> | null = null;
    let release = () => {};
    let writing = () => {};
    const started = new Promise<void>((resolve) => (writing = resolve));
    const env = await service({
      stateWriter: async (path, content) => {
        if (hold) {
          writing();
          await hold;
        }
        await writeFileAtomic(path, content);
      },
    });
    const before = await get(env);
    hold = new Promise<void>((resolve) => (release = resolve));
    const first = put(env, before.headers.etag as string, list('first'));
    await started;
    const during = await get(env);
    expect(during.body.revision).toBe(before.body.revision);
    expect(during.body.entries).toEqual(before.body.entries);
    const second = put(env, before.headers.etag as string, list('second'));
    release();
    hold = null;
    const [a, b] = [await first, await second];
    expect(a.status).toBe(202);
    expect([b.status, b.body.currentRevision]).toEqual([412, a.body.revision]);
    const after = await get(env);
    expect([after.body.revision, after.body.entries[0].memo]).toEqual([a.body.revision, 'first']);
    const onDisk = JSON.parse(await readFile(join(env.data, 'state.json'), 'utf8'));
    expect(onDisk.current).toMatchObject({
      revision: a.body.revision,
      config: { entries: [{ memo: 'first' }] },
    });
  });

  it('a write that fails (the data folder vanished) is a 500 and changes nothing', async () => {
    const env = await service();
    const before = await get(env);
    await rm(env.data, { recursive: true, force: true });
    const failed = await put(env, before.headers.etag as string, list('lost'));
    expect([failed.status, failed.body.code]).toEqual([500, 'INTERNAL_ERROR']);
    expect((await get(env)).body).toEqual(before.body);
    await mkdir(env.data);
    const saved = await put(env, before.headers.etag as string, list('kept'));
    expect(saved.body.revision).toBe(String(Number(before.body.revision) + 1));
  });
});

describe('revisions are never reused with other content', () => {
  it('across restarts that lose the data folder', async () => {
    const root = (await service()).root; // a folder removed after the test
    const dirs = { data: join(root, 'lost-data'), outbox: join(root, 'lost-outbox') };
    const seen = new Map<string, string>();
    for (let life = 0; life < 3; life++) {
      const s = await startService({ admins: [ADMIN], applyDelayMs: 3_600_000, ...dirs });
      try {
        const first = await raw(s, 'GET', R, { headers: auth });
        expect(seen.has(first.body.revision), `revision ${first.body.revision} again`).toBe(false);
        let etag = first.headers.etag as string;
        for (let i = 0; i < 2; i++) {
          const memo = `life ${life} save ${i}`;
          const saved = await raw(s, 'PUT', R, {
            headers: { ...auth, 'Content-Type': 'application/json', 'If-Match': etag },
            body: list(memo),
          });
          expect(saved.status).toBe(202);
          expect(seen.get(saved.body.revision) ?? memo).toBe(memo);
          seen.set(saved.body.revision, memo);
          etag = saved.headers.etag as string;
        }
      } finally {
        await s.close();
      }
      await rm(dirs.data, { recursive: true, force: true });
    }
    expect(seen.size).toBe(6);
  });
});

describe('a failed apply is retried and reported', () => {
  it('outbox not writable when the timer fires: APPLYING with lastFailure, then APPLIED once it is fixed', async () => {
    const env = await service({ applyDelayMs: 50 });
    const before = await get(env);
    await rm(env.outbox, { recursive: true, force: true });
    await writeFile(env.outbox, 'not a folder');
    const body = JSON.stringify({
      mode: 'ALLOW_SPECIFIC',
      entries: [{ ip: '127.0.0.1', cidr: null, memo: 'admin' }],
    });
    const saved = await put(env, before.headers.etag as string, body);
    expect(saved.status).toBe(202);
    const failing = await waitFor(async () => {
      const r = await get(env);
      return r.body.apply.lastFailure ? r : undefined;
    });
    expect(failing.body.apply).toMatchObject({ state: 'APPLYING', revision: saved.body.revision });
    expect(failing.body.apply.lastFailure.reason).toMatch(
      /could not be written \(E[A-Z]+\).*tries again/,
    );
    expect(Date.parse(failing.body.apply.lastFailure.retryAt)).toBeGreaterThan(
      Date.parse(failing.body.apply.lastFailure.failedAt),
    );
    // Not in force: another address still gets in.
    expect(
      (await raw(env.service, 'GET', R, { headers: auth, localAddress: '127.0.0.60' })).status,
    ).toBe(200);
    await rm(env.outbox);
    const applied = await waitFor(async () => {
      const r = await get(env);
      return r.body.apply.state === 'APPLIED' ? r : undefined;
    }, 30_000);
    expect(applied.body.apply.revision).toBe(saved.body.revision);
    expect(applied.body.apply.lastFailure).toBeUndefined();
    expect(await outboxMails(env.outbox)).toHaveLength(1);
    expect(
      (await raw(env.service, 'GET', R, { headers: auth, localAddress: '127.0.0.60' })).status,
    ).toBe(403);
  }, 60_000); // the retries come after 1 s, 2 s, 4 s, …
});

describe('the body limit', () => {
  it('takes a valid 1,000-entry list with 1,000-character memos, every string \\u-escaped and pretty-printed', async () => {
    const env = await service({ applyDelayMs: 3_600_000 });
    const entries = Array.from({ length: 1000 }, (_, i) => ({
      ip: `100.${100 + Math.floor(i / 100)}.${100 + (i % 100)}.255`,
      cidr: null,
      memo: '😀'.repeat(1000),
    }));
    const text = JSON.stringify({ mode: 'ALLOW_SPECIFIC', entries }, null, 2).replace(
      /"([^"]*)"/g,
      (_, inner: string) =>
        `"${Array.from({ length: inner.length }, (_, i) => `\\u${inner.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`,
    );
    const size = Buffer.byteLength(text);
    expect(size).toBeGreaterThan(12_000_000);
    expect(size).toBeLessThanOrEqual(bodyLimitFor(1000));
    const before = await get(env);
    const saved = await put(env, before.headers.etag as string, text);
    expect(saved.status, JSON.stringify(saved.body).slice(0, 300)).toBe(202);
    const now = await get(env);
    expect(now.body.entries).toEqual(entries);
    const over = await put(env, saved.headers.etag as string, ' '.repeat(bodyLimitFor(1000) + 1));
    expect([over.status, over.body.code]).toEqual([413, 'PAYLOAD_TOO_LARGE']);
  }, 120_000); // 25 MB over loopback and a 1,000-entry validation on a loaded machine
});
