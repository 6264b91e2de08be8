import type { ServerResponse } from 'node:http';
import { describe, expect, it } from 'vitest';
import { IPC_ERROR_CODES } from '../../../shared/contract/ipc.ts';
import { FROM_APP } from '../sync/harness.ts';
import { list, useFakeServiceWorld } from '../support/fake-service-world.ts';

const w = useFakeServiceWorld();

type Answer = (res: ServerResponse) => void;
const raw =
  (status: number, body: string | Buffer, headers: Record<string, string> = {}): Answer =>
  (res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(body);
  };
const odd: [string, Answer][] = [
  ['null', raw(200, 'null')],
  ['array', raw(200, '[]')],
  ['partial', raw(200, '{"mode":"ALLOW_ALL"}')],
  [
    'numbers',
    raw(
      200,
      JSON.stringify({
        mode: 'ALLOW_SPECIFIC',
        entries: [{ ip: 1, cidr: null, memo: '' }],
        revision: 2,
        apply: {},
        limits: { maxEntries: 1000 },
      }),
    ),
  ],
  ['BOM', raw(200, '\ufeff' + JSON.stringify({ ip: '127.0.0.1' }))],
  ['204', raw(204, '')],
  ['301 no location', raw(301, '')],
  ['304', raw(304, '')],
  ['418 html', raw(418, '<html>teapot</html>', { 'Content-Type': 'text/html' })],
  ['bad utf8', raw(200, Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]))],
  ['gzip lie', raw(200, '{}', { 'Content-Encoding': 'gzip' })],
  [
    'negative maxEntries',
    raw(
      200,
      JSON.stringify({
        mode: 'ALLOW_ALL',
        entries: [],
        revision: '2',
        apply: { state: 'APPLIED', revision: '2' },
        limits: { maxEntries: -5 },
      }),
    ),
  ],
  [
    'maxEntries 0',
    raw(
      200,
      JSON.stringify({
        mode: 'ALLOW_SPECIFIC',
        entries: [],
        revision: '2',
        apply: { state: 'APPLIED', revision: '2' },
        limits: { maxEntries: 0 },
      }),
    ),
  ],
  [
    'cut mid-body',
    (res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"mode":"ALL');
      setTimeout(() => res.destroy(), 20);
    },
  ],
  ['deep json', raw(200, '['.repeat(200_000) + ']'.repeat(200_000))],
];

describe('promise 5: odd answers from the service are clear errors, the draft untouched', () => {
  it('pull, status, plan and push against each odd answer: known codes, no INTERNAL, draft kept', async () => {
    const id = await w.pulledProfile();
    const working = list('127.0.0.1', '192.0.2.1', '192.0.2.2');
    await w.h.call('draft:save', { profileId: id, working });
    const bad: string[] = [];
    for (const [name, answer] of odd) {
      const plan = (await w.h.invoke('sync:plan', FROM_APP, { profileId: id })) as {
        ok: boolean;
        value?: { planId: string };
      };
      w.a.hooks.override = (_req, res) => (answer(res), true);
      const results = [
        await w.h.invoke('sync:pull', FROM_APP, { profileId: id }),
        await w.h.invoke('sync:status', FROM_APP, { profileId: id }),
        await w.h.invoke('sync:plan', FROM_APP, { profileId: id }),
        plan.ok
          ? await w.h.invoke('sync:push', FROM_APP, { profileId: id, planId: plan.value!.planId })
          : null,
      ] as ({ ok: boolean; error?: { code: string }; value?: unknown } | null)[];
      w.a.hooks.override = undefined;
      for (const [i, r] of results.entries()) {
        if (!r) continue;
        if (
          !r.ok &&
          (r.error!.code === 'INTERNAL' ||
            !(IPC_ERROR_CODES as readonly string[]).includes(r.error!.code))
        )
          bad.push(`${name} #${i}: ${r.error!.code}`);
      }
      const d = await w.h.call('draft:get', { profileId: id });
      if (JSON.stringify(d.working) !== JSON.stringify(working)) bad.push(`${name}: draft changed`);
      if (w.a.puts.length > 0) bad.push(`${name}: a PUT was sent`);
    }
    expect(bad).toEqual([]);
  });

  it('a slow drip answer ends in a timeout error, not a hang', async () => {
    const id = await w.profileAt(w.a.url);
    w.a.hooks.override = (_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const t = setInterval(() => res.write(' '), 200);
      res.on('close', () => clearInterval(t));
      return true;
    };
    const started = Date.now();
    const r = (await w.h.invoke('sync:pull', FROM_APP, { profileId: id })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(r.ok).toBe(false);
    expect(['TIMEOUT', 'OFFLINE', 'SERVICE_ERROR']).toContain(r.error!.code);
    expect(Date.now() - started).toBeLessThan(29_000);
  }, 40_000);
});
