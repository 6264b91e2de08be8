import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/contract/ipc.ts';
import { FROM_APP } from '../sync/harness.ts';
import { startFake, type Fake } from '../support/fake-service.ts';
import { list, useFakeServiceWorld } from '../support/fake-service-world.ts';

const PASSWORD = 'S3cr3t-Canary-Pw-7f1c9a';
let evil: Fake;
const w = useFakeServiceWorld({ password: PASSWORD });
beforeEach(async () => {
  evil = await startFake({ revision: '1', config: list('127.0.0.1') });
});
afterEach(async () => {
  await evil.close();
});

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const p = join(dir, name);
    if ((await stat(p)).isDirectory()) out.push(...(await filesUnder(p)));
    else out.push(p);
  }
  return out;
}
const b64 = Buffer.from(`admin:${PASSWORD}`).toString('base64');
const leaks = (text: string) => text.includes(PASSWORD) || text.includes(b64);

/** Every channel with a profile id, as a compromised renderer would call them. */
async function callEverything(profileId: string): Promise<unknown[]> {
  const outs: unknown[] = [];
  for (const channel of CHANNEL_NAMES) {
    if (channel === 'profiles:remove' || channel === 'import:open' || channel === 'preview:impact')
      continue;
    outs.push(await w.h.invoke(channel, FROM_APP, { profileId }));
  }
  const plan = (await w.h.invoke('sync:plan', FROM_APP, { profileId })) as {
    ok: boolean;
    value?: { planId: string };
  };
  if (plan.ok)
    outs.push(await w.h.invoke('sync:push', FROM_APP, { profileId, planId: plan.value!.planId }));
  outs.push(await w.h.invoke('apply:probe', FROM_APP, { profileId }));
  outs.push(await w.h.invoke('sync:status', FROM_APP, { profileId }));
  return outs;
}

describe('promise 4: the password never leaves for another origin, IPC, logs or disk', () => {
  it('a cross-origin redirect (302 GET, 307 PUT) is not followed with the password', async () => {
    const id = await w.profileAt(w.a.url);
    w.a.hooks.override = (req, res) => {
      res.writeHead(req.method === 'PUT' ? 307 : 302, {
        Location: `${evil.url}${req.url ?? '/'}`,
      });
      res.end();
      return true;
    };
    await callEverything(id);
    // localhost at the same port is another origin too.
    w.a.hooks.override = (req, res) => {
      res.writeHead(302, { Location: `http://localhost:${w.a.port}${req.url ?? '/'}` });
      res.end();
      return true;
    };
    const before = w.a.credentials.length;
    await w.h.invoke('sync:pull', FROM_APP, { profileId: id });
    expect(w.a.credentials.length).toBe(before + 1);
    expect(evil.credentials.filter((c) => c.includes(PASSWORD))).toEqual([]);
    expect(evil.requests).toEqual([]);
  });

  it('a renderer that re-points the profile (URL, login, spelling tricks) never gets the password sent there', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.1', '192.0.2.2'));
    const plan = await w.h.call('sync:plan', { profileId: id });
    await w.h.invoke('profiles:update', FROM_APP, {
      profileId: id,
      fields: { serviceUrl: evil.url },
    });
    await callEverything(id);
    await w.h.invoke('sync:push', FROM_APP, { profileId: id, planId: plan.planId });
    // Back to A, then to evil with another spelling of the same host.
    await w.h.invoke('profiles:update', FROM_APP, {
      profileId: id,
      fields: { serviceUrl: w.a.url },
    });
    await w.h.invoke('profiles:update', FROM_APP, {
      profileId: id,
      fields: { serviceUrl: `http://2130706433:${evil.port}` },
    });
    await callEverything(id);
    await w.h.invoke('profiles:update', FROM_APP, {
      profileId: id,
      fields: { serviceUrl: `HTTP://127.0.0.1:${evil.port}/` },
    });
    await callEverything(id);
    expect(evil.credentials.filter((c) => c.includes(PASSWORD))).toEqual([]);
  });

  it('a URL changed while a pull is in flight: the rest of the pull goes nowhere new', async () => {
    const id = await w.pulledProfile();
    await w.saveDraft(id, list('127.0.0.1', '192.0.2.9'));
    w.otherAdminSaves(list('127.0.0.1', '203.0.113.1'), '2');
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const at = new Promise<void>((r) => (reached = r));
    w.a.hooks.beforeGet = async () => {
      reached();
      await held;
    };
    const pulling = w.h.invoke('sync:pull', FROM_APP, { profileId: id });
    await at;
    await w.h.invoke('profiles:update', FROM_APP, {
      profileId: id,
      fields: { serviceUrl: evil.url },
    });
    release();
    await pulling;
    await callEverything(id);
    expect(evil.credentials.filter((c) => c.includes(PASSWORD))).toEqual([]);
  });

  it('the password is in no IPC answer, event, log line or file in the data folder', async () => {
    const id = await w.profileAt(w.a.url);
    const outs: unknown[] = [];
    outs.push(await w.h.invoke('profiles:list', FROM_APP, {}));
    outs.push(...(await callEverything(id)));
    // Error paths: 401, HTML, garbage, a password that fails validation loudly.
    w.a.hooks.override = (req, res) => {
      res.writeHead(401, { 'Content-Type': 'text/html' });
      res.end(`<html>${req.headers['x-cybozu-authorization'] ?? ''}</html>`);
      return true;
    };
    outs.push(...(await callEverything(id)));
    w.a.hooks.override = undefined;
    outs.push(
      await w.h.invoke('profiles:set-password', FROM_APP, { profileId: id, password: PASSWORD }),
    );
    outs.push(
      await w.h.invoke('profiles:set-password', FROM_APP, {
        profileId: id,
        password: PASSWORD + 'x'.repeat(2000),
      }),
    );
    outs.push(
      await w.h.invoke('profiles:create', FROM_APP, {
        fields: { name: 'U', serviceUrl: `http://evil.example/${PASSWORD}`, login: 'a' },
        password: PASSWORD,
      }),
    );
    outs.push(
      await w.h.invoke('profiles:create', FROM_APP, { password: { [PASSWORD]: PASSWORD } }),
    );
    outs.push(...(await callEverything(id)));
    const text = JSON.stringify({ outs, events: w.h.events, logs: w.h.logs });
    const where = [PASSWORD, b64].flatMap((needle) =>
      [...text.matchAll(new RegExp(needle.replace(/[+/=]/g, '.'), 'g'))].map((m) =>
        text.slice(Math.max(0, m.index - 160), m.index + 40),
      ),
    );
    expect(where).toEqual([]);
    for (const file of await filesUnder(w.h.dataDir)) {
      const content = await readFile(file, 'latin1');
      expect({ file, leak: leaks(content) }).toEqual({ file, leak: false });
    }
  });
});
