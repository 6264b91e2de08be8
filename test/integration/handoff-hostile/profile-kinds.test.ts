import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from './support.ts';

/**
 * Promise 5: profiles written before kinds existed keep working as API profiles; a hand-edited
 * profiles.json with a bad kind is a clear error naming the profile and does not break the others.
 */
let w: World;
beforeEach(async () => {
  w = await startWorld();
});
afterEach(async () => {
  await w.close();
});

const file = () => join(w.dataDir, 'profiles.json');
type Doc = { profiles: Record<string, unknown>[]; settings: Record<string, unknown> };
const edit = (change: (doc: Doc) => void) => {
  const doc = JSON.parse(readFileSync(file(), 'utf8')) as Doc;
  change(doc);
  writeFileSync(file(), JSON.stringify(doc));
};

async function apiProfile(name: string) {
  return w.call('profiles:create', {
    fields: { name, serviceUrl: w.service.url, login: 'admin' },
    password: w.password,
  });
}

describe('profile kinds on disk', () => {
  it('a profile without a kind is an API profile and still pulls from its service', async () => {
    const api = await apiProfile('Old API');
    await w.created.dispose();
    edit((doc) => {
      for (const p of doc.profiles) if (p.id === api.id) delete p.kind;
    });
    await w.restart();
    const { profiles } = await w.call('profiles:list', {});
    expect(profiles.find((p) => p.id === api.id)?.kind).toBe('api');
    await w.call('sync:pull', { profileId: api.id });
  });

  it('a bad kind names that profile; the other profiles stay', async () => {
    const api = await apiProfile('Good API');
    await w.call('profiles:select', { profileId: w.profileId });
    await w.created.dispose();
    edit((doc) => {
      for (const p of doc.profiles) if (p.id === w.profileId) p.kind = 'cybozu';
    });
    await w.restart();
    const { profiles, selectedId } = await w.call('profiles:list', {});
    expect(selectedId).not.toBe(w.profileId);
    // The good profile is still there, and still works.
    expect(profiles.map((p) => p.name)).toContain('Good API');
    await w.call('sync:pull', { profileId: api.id });
    // The admin is told which profile was set aside, and why.
    const notices = await w.call('app:notices', {});
    const text = JSON.stringify(notices);
    expect(text).toContain('Tenant');
    expect(text).toContain('kind');
    expect(notices[0]?.code).toBe('PROFILE_SET_ASIDE');
  });

  it('a damaged part outside the profiles: the notice says where, not a "[" from the JSON dump', async () => {
    await w.created.dispose();
    edit((doc) => {
      doc.settings.locale = 'klingon';
    });
    await w.restart();
    const notices = await w.call('app:notices', {});
    expect(notices[0]?.code).toBe('STORE_RECOVERED');
    expect(notices[0]?.message).toContain('(settings.locale: ');
  });
});
