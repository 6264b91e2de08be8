import { z } from 'zod';
import { AppError } from './errors.ts';

/**
 * Passwords in the OS keychain (keytar), one item per profile.
 *
 * Service name `ip-allowlist-manager`, account = profile id; the item's text is the password
 * sealed with the origin and login it belongs to (`sealSecret`). There is no fallback: without a
 * keychain the password is not saved anywhere, and the user is told so.
 */

export const KEYCHAIN_SERVICE = 'ip-allowlist-manager';

/** Where passwords live; the only implementation outside tests is the keychain. */
export type SecretStore = {
  /** The password, or null when the keychain holds none for this profile. Throws PASSWORD_REQUIRED when the read fails. */
  get(profileId: string): Promise<string | null>;
  /** Save or replace; throws KEYCHAIN_UNAVAILABLE when there is no keychain. */
  set(profileId: string, password: string): Promise<void>;
  /** Remove; true when an item was removed. */
  delete(profileId: string): Promise<boolean>;
};

/** The keytar functions used (injectable so a test can cause a fault it cannot cause for real). */
export type KeytarLike = {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
};

async function loadKeytar(): Promise<KeytarLike> {
  try {
    const mod = (await import('keytar')) as KeytarLike & { default?: KeytarLike };
    return mod.default ?? mod;
  } catch {
    throw new AppError('KEYCHAIN_UNAVAILABLE');
  }
}

/**
 * The keychain-backed SecretStore.
 *
 * A failed write means no keychain (no Secret Service on Linux, a locked or denied keychain):
 * KEYCHAIN_UNAVAILABLE. A failed read asks for the password again (PASSWORD_REQUIRED); drafts are
 * untouched either way.
 */
export function createKeytarSecretStore(
  options: { service?: string; keytar?: KeytarLike } = {},
): SecretStore {
  const service = options.service ?? KEYCHAIN_SERVICE;
  let keytar: Promise<KeytarLike> | null = options.keytar ? Promise.resolve(options.keytar) : null;
  const lib = (): Promise<KeytarLike> => (keytar ??= loadKeytar());

  return {
    async get(profileId) {
      const k = await lib();
      try {
        return await k.getPassword(service, profileId);
      } catch {
        throw new AppError('PASSWORD_REQUIRED');
      }
    },
    async set(profileId, password) {
      const k = await lib();
      try {
        await k.setPassword(service, profileId, password);
      } catch {
        throw new AppError('KEYCHAIN_UNAVAILABLE');
      }
    },
    async delete(profileId) {
      const k = await lib();
      try {
        return await k.deletePassword(service, profileId);
      } catch {
        throw new AppError('KEYCHAIN_UNAVAILABLE', {}, 'KEYCHAIN_DELETE_FAILED');
      }
    },
  };
}

/** The service and account a saved password belongs to. */
export type SecretBinding = { origin: string; login: string };

const SealedSchema = z.strictObject({
  v: z.literal(1),
  origin: z.string(),
  login: z.string(),
  password: z.string(),
});

/**
 * The keychain item's text: the password together with the origin and login it was entered for.
 *
 * The item belongs to one origin + login: after the profile's URL or login changes, `openSecret`
 * no longer hands it out, so no path can send it to another service.
 */
export function sealSecret(binding: SecretBinding, password: string): string {
  return JSON.stringify({ v: 1, origin: binding.origin, login: binding.login, password });
}

/**
 * The password, when the item was saved for exactly this origin and login; null otherwise (no
 * item, another origin or login, an item of an older version: the password is asked again).
 */
export function openSecret(binding: SecretBinding, stored: string | null): string | null {
  if (stored === null) return null;
  let parsed: z.infer<typeof SealedSchema>;
  try {
    parsed = SealedSchema.parse(JSON.parse(stored));
  } catch {
    return null;
  }
  return parsed.origin === binding.origin && parsed.login === binding.login
    ? parsed.password
    : null;
}
