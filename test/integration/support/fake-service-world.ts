import { afterEach, beforeEach } from 'vitest';
import type { Config } from '../../../shared/allowlist/model.ts';
import { startHarness, type Harness } from '../sync/harness.ts';
import { startFake, type Fake } from './fake-service.ts';

/** A list of single addresses, each with the memo `m <address>`. */
export const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` })),
});

/** The addresses of a list, in order. */
export const ips = (c: { entries: { ip: string }[] }) => c.entries.map((e) => e.ip);

/** What every test of the file gets, fresh for each test (read its fields inside the test). */
export type FakeServiceWorld = {
  /** The real handlers, store and keychain (test/integration/sync/harness.ts). */
  h: Harness;
  /** Service A: the scriptable fake, at revision 1 with the admin (127.0.0.1) and 192.0.2.1. */
  a: Fake;
  /** A profile for the service at `url` (login admin, the world's password unless given). */
  profileAt(url: string, options?: { login?: string; password?: string }): Promise<string>;
  /** The usual first step: a profile for A, pulled. */
  pulledProfile(): Promise<string>;
  /** The admin's edit, autosaved as the draft's working copy. */
  saveDraft(profileId: string, working: Config): Promise<unknown>;
  /** Another admin saves `config` on A, which then reports `revision`. */
  otherAdminSaves(config: Config, revision: string): void;
};

/**
 * The adversary tests' set-up, registered as beforeEach/afterEach of the calling file: a fresh
 * harness and service A for each test; afterwards every profile is removed (its keychain entry
 * with it), the harness stopped and A closed. `password`: the profiles' keychain password.
 */
export function useFakeServiceWorld(options: { password?: string } = {}): FakeServiceWorld {
  const password = options.password ?? 'pw-a';
  const world = {
    profileAt: async (url: string, o: { login?: string; password?: string } = {}) =>
      (
        await world.h.call('profiles:create', {
          fields: { name: 'T', serviceUrl: url, login: o.login ?? 'admin', protectedAddresses: [] },
          password: o.password ?? password,
        })
      ).id,
    pulledProfile: async () => {
      const id = await world.profileAt(world.a.url);
      await world.h.call('sync:pull', { profileId: id });
      return id;
    },
    saveDraft: (profileId: string, working: Config) =>
      world.h.call('draft:save', { profileId, working }),
    otherAdminSaves: (config: Config, revision: string) => {
      world.a.state.config = config;
      world.a.state.revision = revision;
    },
  } as FakeServiceWorld;
  beforeEach(async () => {
    world.h = await startHarness();
    world.a = await startFake({ revision: '1', config: list('127.0.0.1', '192.0.2.1') });
  });
  afterEach(async () => {
    const { h, a } = world;
    const { profiles } = await h.call('profiles:list', {});
    for (const p of profiles) await h.call('profiles:remove', { profileId: p.id }).catch(() => {});
    await h.stop();
    await a.close();
  });
  return world;
}
