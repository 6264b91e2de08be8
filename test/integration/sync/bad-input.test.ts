import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { createHttpService } from '../../../electron/core/service-client.ts';
import { MAX_RESPONSE_BYTES } from '../../../electron/core/http-transport.ts';
import { startHarness, type Harness } from './harness.ts';
import { startLyingService, type LyingService } from './lying-service.ts';

/**
 * Bad input from every side (service answers, files in the data folder, the renderer, the admin)
 * is a clear error naming what is wrong; nothing is stored half-way or reinterpreted.
 */

let h: Harness;
let a: LyingService;
const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: '' })),
});

beforeEach(async () => {
  h = await startHarness();
  a = await startLyingService({ revision: '1', config: list('127.0.0.1') });
});
afterEach(async () => {
  const { profiles } = await h.call('profiles:list', {});
  for (const p of profiles) await h.call('profiles:remove', { profileId: p.id }).catch(() => {});
  await h.stop();
  await a.close();
});

const profileAt = async (url: string, name = 'T') =>
  (
    await h.call('profiles:create', {
      fields: { name, serviceUrl: url, login: 'admin', protectedAddresses: [] },
      password: 'pw',
    })
  ).id;

describe('service answers', () => {
  it('a revision with CR/LF is refused at pull, not stored to break every later save', async () => {
    const id = await profileAt(a.url);
    a.lies.revisionText = '1\r\nX-Injected: yes';
    await expect(h.call('sync:pull', { profileId: id })).rejects.toMatchObject({
      code: 'SERVICE_ERROR',
      message: expect.stringMatching(/revision the app cannot use/),
    });
    expect((await h.call('draft:get', { profileId: id })).base).toBeNull();
  });

  it('a list larger than the app can edit is refused at pull with the numbers, not pulled and stuck', async () => {
    const id = await profileAt(a.url);
    a.state.config = {
      mode: 'ALLOW_SPECIFIC',
      entries: Array.from({ length: 100_001 }, (_, i) => ({
        ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        cidr: null,
        memo: '',
      })),
    };
    await expect(h.call('sync:pull', { profileId: id })).rejects.toMatchObject({
      code: 'SERVICE_ERROR',
      message: expect.stringMatching(/100,001 entries; at most 100,000/),
    });
    expect((await h.call('draft:get', { profileId: id })).base).toBeNull();
  });

  it('an answer over the size cap is a bad answer read once, not "offline" downloaded again and again', async () => {
    let requests = 0;
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const send = (left: number): void => {
        if (left <= 0) return void res.end();
        if (res.write(chunk)) send(left - 1);
        else res.once('drain', () => send(left - 1));
      };
      send(MAX_RESPONSE_BYTES / chunk.length + 2);
    });
    server.on('clientError', () => undefined);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const client = createHttpService({
        baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        login: 'admin',
        getPassword: async () => 'pw',
        retries: 3,
        backoffMs: 1,
      });
      const result = await client.get();
      expect(result).toMatchObject({
        ok: false,
        error: { kind: 'BAD_RESPONSE', message: expect.stringMatching(/more than 32 MB/) },
      });
      expect(requests).toBe(1);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('the renderer', () => {
  it('refuses a draft past the size limits with a specific error (memo length, whole list)', async () => {
    const id = await profileAt(a.url);
    const longMemo = {
      mode: 'ALLOW_ALL' as const,
      entries: [{ ip: '10.0.0.1', cidr: null, memo: 'x'.repeat(10_001) }],
    };
    await expect(h.call('draft:save', { profileId: id, working: longMemo })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    const memo = 'y'.repeat(9_000);
    const huge = {
      mode: 'ALLOW_ALL' as const,
      entries: Array.from({ length: 4_000 }, () => ({ ip: '10.0.0.1', cidr: null, memo })),
    };
    await expect(h.call('draft:save', { profileId: id, working: huge })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringMatching(/too large: 35 MB of text, the limit is 32 MB/),
    });
    expect((await h.call('draft:get', { profileId: id })).working.entries).toEqual([]);
  });
});

describe('the data folder', () => {
  it('a draft file naming another profile never overwrites that profile’s draft', async () => {
    const p = await profileAt(a.url, 'P');
    const q = await profileAt(a.url, 'Q');
    await h.call('draft:save', { profileId: q, working: list('192.0.2.2') });
    const drafts = join(h.dataDir, 'drafts');
    copyFileSync(join(drafts, `${q}.json`), join(drafts, `${p}.json`));
    await h.restart();
    await h.call('draft:save', { profileId: p, working: list('192.0.2.1') });
    await h.restart();
    expect((await h.call('draft:get', { profileId: q })).working.entries[0]?.ip).toBe('192.0.2.2');
    expect((await h.call('draft:get', { profileId: p })).working.entries[0]?.ip).toBe('192.0.2.1');
  });

  it('one hand-edited profile id does not break the whole list', async () => {
    const p = await profileAt(a.url, 'Good');
    const file = join(h.dataDir, 'profiles.json');
    const doc = JSON.parse(readFileSync(file, 'utf8')) as { profiles: { id: string }[] };
    doc.profiles.push({ ...doc.profiles[0]!, id: '../not an id' });
    writeFileSync(file, JSON.stringify(doc));
    await h.restart();
    const { profiles } = await h.call('profiles:list', {});
    expect(profiles.map((x) => x.id)).toEqual([p]);
  });

  it('a "drafts" path that is a file is a store error naming the problem, not "something went wrong"', async () => {
    const p = await profileAt(a.url);
    rmSync(join(h.dataDir, 'drafts'), { recursive: true, force: true });
    writeFileSync(join(h.dataDir, 'drafts'), 'not a folder');
    await h.restart();
    await expect(
      h.call('draft:save', { profileId: p, working: list('192.0.2.1') }),
    ).rejects.toMatchObject({
      code: 'STORE_ERROR',
      message: expect.stringMatching(/draft could not be kept.*(file|folder)/),
    });
    rmSync(join(h.dataDir, 'drafts'));
  });

  it('temp files left by crashed writes are cleaned up, not piled up', async () => {
    const p = await profileAt(a.url);
    await h.call('draft:save', { profileId: p, working: list('192.0.2.1') });
    const drafts = join(h.dataDir, 'drafts');
    mkdirSync(drafts, { recursive: true });
    const leftovers = [`${p}.json.tmp-1a2b3c`, `${p}.last-good.json.tmp-4d5e6f`];
    const old = new Date(Date.now() - 3600_000);
    for (const name of leftovers) {
      writeFileSync(join(drafts, name), '{"half":');
      utimesSync(join(drafts, name), old, old);
    }
    await h.restart();
    await h.call('draft:get', { profileId: p });
    for (const name of leftovers) expect(existsSync(join(drafts, name)), name).toBe(false);
  });
});

describe('what the admin enters', () => {
  it('a login containing ":" is refused at entry', async () => {
    await expect(
      h.call('profiles:create', {
        fields: { name: 'X', serviceUrl: a.url, login: 'ad:min', protectedAddresses: [] },
        password: 'pw',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/":"/) });
  });

  it('a URL with a path is refused and says what to enter, not cut silently', async () => {
    await expect(
      h.call('profiles:create', {
        fields: {
          name: 'X',
          serviceUrl: 'https://example.cybozu.com/k/#/portal',
          login: 'admin',
          protectedAddresses: [],
        },
        password: 'pw',
      }),
    ).rejects.toMatchObject({
      code: 'INVALID_INPUT',
      message: expect.stringContaining('site address only, e.g. https://example.cybozu.com'),
    });
    const { profiles } = await h.call('profiles:list', {});
    expect(profiles).toEqual([]);
  });
});
