import { describe, expect, it } from 'vitest';
import {
  CHANNEL_NAMES,
  apiPath,
  channels,
  type AllowlistApi,
} from '../../../../shared/contract/ipc.ts';

describe('IPC contract', () => {
  it('names every channel area:verb in kebab case', () => {
    for (const name of CHANNEL_NAMES) expect(name).toMatch(/^[a-z]+:[a-z]+(-[a-z]+)*$/);
  });

  it('maps channels to distinct API paths', () => {
    const paths = CHANNEL_NAMES.map((c) => apiPath(c).join('.'));
    expect(new Set(paths).size).toBe(paths.length);
    expect(apiPath('profiles:set-password')).toEqual(['profiles', 'setPassword']);
  });

  it('refuses unknown keys and paths in inputs', () => {
    expect(
      channels['import:open'].input.safeParse({ jobId: 'a', path: '/etc/passwd' }).success,
    ).toBe(false);
    expect(channels['profiles:list'].input.safeParse({ x: 1 }).success).toBe(false);
  });

  it('strips a password from a profile output', () => {
    const out = channels['profiles:create'].output.parse({
      id: 'p1',
      name: 'n',
      serviceUrl: 'http://127.0.0.1',
      login: 'a',
      protectedAddresses: [],
      maxEntries: null,
      hasPassword: true,
      demo: false,
      createdAt: 'x',
      password: 'secret',
    });
    expect(JSON.stringify(out)).not.toContain('secret');
  });

  it('types the renderer API from the contract', () => {
    type SetPassword = AllowlistApi['profiles']['setPassword'];
    const fn: SetPassword = async (input) => ({
      ok: true,
      value: { hasPassword: input.password.length > 0 },
    });
    expect(typeof fn).toBe('function');
  });
});
