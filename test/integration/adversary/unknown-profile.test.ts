import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FROM_APP, startHarness, type Harness } from '../sync/harness.ts';

/**
 * Promise 4 (a compromised renderer gets a clear error and nothing changes): every sync channel
 * asked about a profile id that does not exist. The real handlers behind the real invoker, the
 * real keychain and the real reference service (one real profile exists next to the made-up id).
 */

/** Every file of the data folder with its content. */
function filesOf(dir: string): string {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(`${path}\n${readFileSync(path, 'utf8')}`);
    }
  };
  walk(dir);
  return out.sort().join('\n');
}

let h: Harness | null = null;
afterEach(async () => {
  await h?.stop();
  h = null;
});

describe('a profile id that does not exist', () => {
  it('is refused as NOT_FOUND by every sync channel, and nothing is written', async () => {
    h = await startHarness();
    const profile = await h.call('profiles:create', {
      fields: { name: 'Tenant', serviceUrl: h.service.url, login: 'admin' },
      password: h.password,
    });
    await h.call('sync:pull', { profileId: profile.id });
    const before = filesOf(h.dataDir);
    const other = 'no-such-profile';
    const channels = [
      'draft:get',
      'sync:status',
      'sync:pull',
      'sync:discard-and-pull',
      'sync:plan',
      'apply:status',
      'apply:probe',
      'history:list',
    ] as const;
    const answers: Record<string, string> = {};
    for (const channel of channels) {
      const result = await h.invoke(channel, FROM_APP, { profileId: other });
      answers[channel] = result.ok ? 'answered as if it existed' : result.error.code;
    }
    expect(answers).toEqual(Object.fromEntries(channels.map((c) => [c, 'NOT_FOUND'])));
    expect(filesOf(h.dataDir)).toBe(before);
  });
});
