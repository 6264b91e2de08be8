import { randomUUID } from 'node:crypto';
import { ProfileIdSchema, type ProfileKind, type ProfileView } from '../../shared/contract/ipc.ts';
import { parseIpInput } from '../../shared/ip/parse.ts';
import { sourceOf } from './base-identity.ts';
import { AppError } from './errors.ts';
import { openSecret, sealSecret, type SecretStore } from './secrets.ts';
import type { AppStore, ProfileRecord } from './store.ts';
import { profileView } from './views.ts';

/**
 * Profiles: name, service URL, login, protected addresses, limit. The password goes to the
 * keychain and never comes back out; removing a profile removes its keychain item.
 *
 * A `cybozu-store` profile (a cybozu.com tenant, saved by hand on the cybozu.com Store) has no
 * login and no password: nothing is ever called with one, so none is asked for or stored.
 */

/** The kind of a stored profile (profiles written before kinds existed talk to the admin API). */
export function kindOf(profile: { kind?: ProfileKind | undefined }): ProfileKind {
  return profile.kind ?? 'api';
}

export type ProfileFields = {
  name: string;
  serviceUrl: string;
  login: string;
  kind?: ProfileKind | undefined;
  protectedAddresses?: { ip: string; label: string }[] | undefined;
  maxEntries?: number | null | undefined;
};

export type ProfilesDeps = { store: AppStore; secrets: SecretStore; now?: () => Date };

function checkUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new AppError('INVALID_INPUT', { url }, 'URL_NOT_A_WEB_ADDRESS');
  }
  const loopback = /^(127\.\d+\.\d+\.\d+|localhost|\[::1\])$/.test(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback)) {
    throw new AppError('INVALID_INPUT', {}, 'URL_NOT_HTTPS');
  }
  // Only the site: a path, query or login in the URL would be cut off silently otherwise.
  if (
    (parsed.pathname !== '/' && parsed.pathname !== '') ||
    parsed.search !== '' ||
    parsed.hash !== '' ||
    parsed.username !== '' ||
    parsed.password !== ''
  ) {
    throw new AppError(
      'INVALID_INPUT',
      { origin: parsed.origin, rest: url.slice(parsed.origin.length) },
      'URL_HAS_PATH',
    );
  }
  return parsed.origin;
}

/** A login the service can be signed in with (its header is login:password, so no ":"). */
function checkLogin(login: string): string {
  if (login.includes(':')) throw new AppError('INVALID_INPUT', {}, 'LOGIN_HAS_COLON');
  if (login.trim() === '' || [...login].some((c) => c.charCodeAt(0) < 32 || c === '\u007f'))
    throw new AppError('INVALID_INPUT', {}, 'LOGIN_NOT_PRINTABLE');
  return login;
}

/** Protected addresses as stored: each one an IPv4 address or network, else refused by row. */
function checkProtected(list: { ip: string; label: string }[]): { ip: string; label: string }[] {
  return list.map((address, index) => {
    const parsed = parseIpInput(address.ip);
    if (!parsed.ok)
      throw new AppError(
        'INVALID_INPUT',
        {
          row: index + 1,
          field: 'ip',
          problem: parsed.problem.code,
          input: address.ip.slice(0, 60),
          detail: parsed.problem.message,
        },
        'PROTECTED_ADDRESS_INVALID',
      );
    return { ip: address.ip.trim(), label: address.label };
  });
}

/** A cybozu.com Store profile given a login: refused rather than dropped unseen. */
function noLogin(): AppError {
  return new AppError('INVALID_INPUT', { field: 'login' }, 'STORE_PROFILE_NO_LOGIN');
}

export function createProfiles(deps: ProfilesDeps) {
  const now = (): string => (deps.now ?? (() => new Date()))().toISOString();

  const hasPassword = async (profile: ProfileRecord): Promise<boolean> => {
    if (profile.demo) return true;
    if (kindOf(profile) === 'cybozu-store') return false;
    try {
      return openSecret(sourceOf(profile), await deps.secrets.get(profile.id)) !== null;
    } catch {
      return false;
    }
  };
  const view = async (profile: ProfileRecord): Promise<ProfileView> =>
    profileView(profile, await hasPassword(profile));
  const get = (id: string): ProfileRecord => {
    const p = deps.store.getProfile(id);
    if (!p) throw new AppError('NOT_FOUND', {}, 'PROFILE_NOT_FOUND');
    return p;
  };

  return {
    async list(): Promise<{ profiles: ProfileView[]; selectedId: string | null }> {
      // A hand-edited profile with an id the app cannot use (it names files) is left out, so one
      // bad record does not break the whole list; the others stay usable.
      const usable = deps.store
        .listProfiles()
        .filter((p) => ProfileIdSchema.safeParse(p.id).success);
      const profiles = await Promise.all(usable.map(view));
      return { profiles, selectedId: deps.store.getSettings().selectedId };
    },
    async create(fields: ProfileFields, password: string | undefined): Promise<ProfileView> {
      const kind = fields.kind ?? 'api';
      if (kind === 'cybozu-store' && password !== undefined)
        throw new AppError('INVALID_INPUT', { field: 'password' }, 'STORE_PROFILE_NO_PASSWORD');
      if (kind === 'cybozu-store' && fields.login !== '') throw noLogin();
      const profile: ProfileRecord = {
        id: randomUUID(),
        name: fields.name,
        serviceUrl: checkUrl(fields.serviceUrl),
        login: kind === 'cybozu-store' ? '' : checkLogin(fields.login),
        protectedAddresses: checkProtected(fields.protectedAddresses ?? []),
        maxEntries: fields.maxEntries ?? null,
        demo: false,
        createdAt: now(),
        kind,
      };
      // Keychain first: no keychain means no profile half-made with a password nowhere.
      if (password !== undefined)
        await deps.secrets.set(profile.id, sealSecret(sourceOf(profile), password));
      deps.store.saveProfile(profile);
      deps.store.saveSettings({ ...deps.store.getSettings(), selectedId: profile.id });
      return view(profile);
    },
    async update(id: string, fields: Partial<ProfileFields>): Promise<ProfileView> {
      const old = get(id);
      if (fields.kind !== undefined && fields.kind !== kindOf(old))
        throw new AppError('INVALID_INPUT', { field: 'kind' }, 'PROFILE_KIND_FIXED');
      if (kindOf(old) === 'cybozu-store' && fields.login !== undefined && fields.login !== '')
        throw noLogin();
      const next: ProfileRecord = {
        ...old,
        ...(fields.name !== undefined ? { name: fields.name } : {}),
        ...(fields.serviceUrl !== undefined && !old.demo
          ? { serviceUrl: checkUrl(fields.serviceUrl) }
          : {}),
        ...(fields.login !== undefined && !old.demo && kindOf(old) === 'api'
          ? { login: checkLogin(fields.login) }
          : {}),
        ...(fields.protectedAddresses !== undefined
          ? { protectedAddresses: checkProtected(fields.protectedAddresses) }
          : {}),
        ...(fields.maxEntries !== undefined ? { maxEntries: fields.maxEntries } : {}),
      };
      const before = sourceOf(old);
      const after = sourceOf(next);
      if (before.origin !== after.origin || before.login !== after.login) {
        // The password belongs to the old site and login: remove it, the UI asks again. Even if
        // the keychain refuses, the sealed item no longer opens for the new origin.
        await deps.secrets.delete(id).catch(() => false);
      }
      deps.store.saveProfile(next);
      return view(next);
    },
    async remove(id: string): Promise<void> {
      const profile = get(id);
      if (!profile.demo && kindOf(profile) === 'api') await deps.secrets.delete(id);
      deps.store.removeProfile(id);
    },
    select(id: string): string {
      get(id);
      deps.store.saveSettings({ ...deps.store.getSettings(), selectedId: id });
      return id;
    },
    async setPassword(id: string, password: string): Promise<boolean> {
      const profile = get(id);
      if (profile.demo) throw new AppError('INVALID_INPUT', {}, 'DEMO_NEEDS_NO_PASSWORD');
      if (kindOf(profile) === 'cybozu-store')
        throw new AppError('INVALID_INPUT', { field: 'password' }, 'STORE_PROFILE_NO_PASSWORD');
      await deps.secrets.set(id, sealSecret(sourceOf(profile), password));
      return true;
    },
    /** Create or refresh the demo profile pointing at the running demo service. */
    ensureDemo(url: string, login: string): Promise<ProfileView> {
      const existing = deps.store.listProfiles().find((p) => p.demo);
      const profile: ProfileRecord = existing
        ? { ...existing, serviceUrl: url, login }
        : {
            id: 'demo',
            name: 'Demo (built-in service)',
            serviceUrl: url,
            login,
            protectedAddresses: [],
            maxEntries: null,
            demo: true,
            createdAt: now(),
            kind: 'api' as const,
          };
      deps.store.saveProfile(profile);
      deps.store.saveSettings({ ...deps.store.getSettings(), selectedId: profile.id });
      return view(profile);
    },
    get,
    hasPassword,
  };
}

export type Profiles = ReturnType<typeof createProfiles>;
