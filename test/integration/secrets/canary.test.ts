import { randomBytes } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type Harness } from '../sync/harness.ts';

async function allFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(join(entry.parentPath, entry.name));
  }
  return out;
}

describe('the password never leaves the keychain', () => {
  const canary = `CANARY-${randomBytes(12).toString('hex')}`;
  let h: Harness;
  let profileId = '';
  const answers: string[] = [];

  beforeAll(async () => {
    h = await startHarness({ password: canary });
  });
  afterAll(async () => {
    if (profileId) await h.call('profiles:remove', { profileId }).catch(() => {});
    await h.stop();
  });

  it('a full pull / edit / push leaves no trace of it in the data folder, logs, events or answers', async () => {
    const profile = await h.call('profiles:create', {
      fields: { name: 'Canary', serviceUrl: h.service.url, login: 'admin', protectedAddresses: [] },
      password: canary,
    });
    profileId = profile.id;
    answers.push(JSON.stringify(profile));
    answers.push(JSON.stringify(await h.call('profiles:list', {})));
    answers.push(JSON.stringify(await h.call('sync:pull', { profileId })));
    await h.call('draft:save', {
      profileId,
      working: { mode: 'ALLOW_SPECIFIC', entries: [{ ip: '127.0.0.1', cidr: null, memo: 'me' }] },
    });
    const plan = await h.call('sync:plan', { profileId });
    answers.push(JSON.stringify(plan));
    answers.push(JSON.stringify(await h.call('sync:push', { profileId, planId: plan.planId })));
    expect((await h.created.services.tracker.settled(profileId)).phase).toBe('verified');
    answers.push(JSON.stringify(await h.call('history:list', { profileId })));
    // A bad request that carries the password must not echo it either.
    answers.push(
      JSON.stringify(
        await h.invoke(
          'profiles:set-password',
          { senderFrame: { url: 'app://allowlist/', parent: null } },
          { profileId, password: canary, extra: canary },
        ),
      ),
    );

    const encoded = Buffer.from(`admin:${canary}`).toString('base64');
    const needles = [canary, encoded];
    const files = await allFiles(h.dataDir);
    expect(files.some((f) => f.endsWith(`${profileId}.json`))).toBe(true);
    for (const file of files) {
      const text = await readFile(file, 'latin1');
      for (const needle of needles)
        expect(text.includes(needle), `${file} holds the password`).toBe(false);
    }
    const logText = [...h.logs, JSON.stringify(h.events), ...answers].join('\n');
    expect(h.logs.length).toBeGreaterThan(0);
    for (const needle of needles) expect(logText.includes(needle)).toBe(false);
  });
});
