import type { Config } from '../../../shared/allowlist/model.ts';
import { startHarness, type Harness } from '../sync/harness.ts';
import { echo, type Fake } from '../../support/handoff-fakes.ts';

/**
 * A hostile tester's world for the cybozu.com hand-off: the real main-process handlers (real
 * store, real keychain under dbus, the real transport) called through the real invoker, with
 * loopback "what is my IP" endpoints (test/support/handoff-fakes.ts). The only stand-in is the
 * save dialog, which cannot open here: it keeps every file the app "saved", as the admin would
 * find it on disk.
 */
export type World = Harness & {
  files: { name: string; bytes: Uint8Array<ArrayBuffer> }[];
  fakes: Fake[];
  profileId: string;
  /** Point the app at these endpoints (loopback fakes). */
  endpoints(urls: string[]): Promise<void>;
  /** Endpoints that all answer `ip`. */
  agreeOn(ip: string): Promise<void>;
  close(): Promise<void>;
};

export async function startWorld(): Promise<World> {
  const files: { name: string; bytes: Uint8Array<ArrayBuffer> }[] = [];
  const h = await startHarness({
    deps: {
      dialogs: {
        openImportFile: async () => null,
        openLogFile: async () => null,
        saveFile: async (name, bytes) => {
          files.push({ name, bytes: new Uint8Array(bytes) });
          return { name };
        },
      },
    },
  });
  const fakes: Fake[] = [];
  const profile = await h.call('profiles:create', {
    fields: {
      name: 'Tenant',
      serviceUrl: 'https://example.cybozu.com',
      login: '',
      kind: 'cybozu-store',
    },
  });
  const world = Object.assign(h, {
    files,
    fakes,
    profileId: profile.id,
    async endpoints(urls: string[]) {
      await h.call('handoff:set-endpoints', { endpoints: urls });
    },
    async agreeOn(ip: string) {
      const a = await echo(ip);
      const b = await echo(ip);
      fakes.push(a, b);
      await world.endpoints([a.url, b.url]);
    },
    async close() {
      await Promise.all(fakes.map((f) => f.close()));
      await h.stop();
    },
  });
  return world;
}

/** The usual start: the endpoints agree on `ip` (the admin's address) and the list in force is `inForce`. */
export async function startWorldAt(ip: string, inForce: Config): Promise<World> {
  const w = await startWorld();
  await w.agreeOn(ip);
  await w.call('handoff:set-in-force', { profileId: w.profileId, config: inForce });
  return w;
}

/** A list of single addresses, each with the memo `m <address>`. */
export const list = (...ips: string[]): Config => ({
  mode: 'ALLOW_SPECIFIC',
  entries: ips.map((ip) => ({ ip, cidr: null, memo: `m ${ip}` })),
});

/** Plan the saved draft and make the file (with the phrase if given). */
export async function planAndPrepare(w: World, confirmation?: string) {
  const { plan } = await w.call('handoff:plan', { profileId: w.profileId });
  const prepared = await w.call('handoff:prepare', {
    profileId: w.profileId,
    planId: plan.planId,
    ...(confirmation === undefined ? {} : { confirmation }),
  });
  return { plan, prepared };
}

/** The error code a call failed with (throws when it did not fail). */
export async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (error) {
    return (error as { code?: string }).code ?? String(error);
  }
  throw new Error('expected the call to fail');
}
