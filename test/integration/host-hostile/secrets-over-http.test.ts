import { request } from 'node:http';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HOST_PATHS } from '../../../host/protocol.ts';
import { call, invoke, login, pageJson, useTarget } from './support.ts';

/**
 * Promise 4: the admin's keychain password never comes back over HTTP (answers, errors, the
 * event stream), nor lands in the logs or the data folder, whatever the page sends.
 */

const PASSWORD = 'Pw-Marker-7f3a9c!';
const t = useTarget();

describe('the password stays in the keychain', () => {
  it('never appears in any answer, error, event, log line or data file', async () => {
    const auth = await login(t);
    const frames: string[] = [];
    const stream = request({
      host: '127.0.0.1',
      port: t.port,
      path: HOST_PATHS.events,
      agent: false,
      headers: { host: `127.0.0.1:${t.port}`, authorization: auth },
    });
    stream.on('response', (res) => res.on('data', (c: Buffer) => frames.push(c.toString())));
    stream.on('error', () => {});
    stream.end();
    const texts: string[] = [];
    const send = async (channel: string, body: string) => {
      const r = await call(
        t.port,
        'POST',
        `${HOST_PATHS.invoke}${channel}`,
        pageJson(t, auth),
        body,
      );
      texts.push(r.text);
      return r;
    };
    await send('profiles:demo-start', '{}');
    await send('profiles:set-password', JSON.stringify({ profileId: 'demo', password: PASSWORD }));
    // Invalid inputs that carry the password: the error must not echo it.
    await send(
      'profiles:set-password',
      JSON.stringify({ profileId: 'demo', password: PASSWORD, extra: PASSWORD }),
    );
    await send('profiles:set-password', JSON.stringify({ profileId: '../x', password: PASSWORD }));
    await send(
      'profiles:set-password',
      JSON.stringify({ profileId: 'demo', password: [PASSWORD] }),
    );
    await send(
      'profiles:create',
      JSON.stringify({ fields: { name: PASSWORD }, password: PASSWORD }),
    );
    for (const channel of ['profiles:list', 'app:info', 'app:notices']) await send(channel, '{}');
    for (const channel of [
      'draft:get',
      'sync:status',
      'sync:pull',
      'apply:status',
      'history:list',
      'sync:discard-and-pull',
    ]) {
      await send(channel, JSON.stringify({ profileId: 'demo' }));
    }
    await new Promise((ok) => setTimeout(ok, 300));
    stream.destroy();
    for (const text of [...texts, ...frames, ...t.logs]) expect(text).not.toContain(PASSWORD);
    const files = await readdir(t.dataDir, { recursive: true }).catch(() => [] as string[]);
    for (const f of files) {
      const text = await readFile(join(t.dataDir, String(f)), 'latin1').catch(() => '');
      expect(text, String(f)).not.toContain(PASSWORD);
    }
    // And it was really stored (in the stand-in keychain only).
    expect((await invoke(t, 'profiles:list')).result.value.profiles[0].hasPassword).toBe(true);
  });
});
