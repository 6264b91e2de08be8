import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, apiPath } from '../../../../shared/contract/ipc.ts';
import { buildAllowlistApi } from '../../../../electron/preload/api.ts';

describe('window.allowlist', () => {
  it('exposes exactly the contract channels (and on), each invoking its own channel', async () => {
    const sent: [string, unknown][] = [];
    const api = buildAllowlistApi(
      async (channel, input) => (sent.push([channel, input]), { ok: true, value: null }),
      () => () => {},
    );
    const exposed = Object.entries(api as unknown as Record<string, unknown>).flatMap(
      ([area, group]) =>
        typeof group === 'function'
          ? [area]
          : Object.keys(group as object).map((verb) => `${area}.${verb}`),
    );
    expect(exposed.sort()).toEqual(
      [...CHANNEL_NAMES.map((c) => apiPath(c).join('.')), 'on'].sort(),
    );
    await api.profiles.setPassword({ profileId: 'p', password: 'x' });
    await api.app.notices({});
    expect(sent).toEqual([
      ['profiles:set-password', { profileId: 'p', password: 'x' }],
      ['app:notices', {}],
    ]);
  });

  it('subscribes only to contract events', () => {
    const subs: string[] = [];
    const api = buildAllowlistApi(
      async () => null,
      (event) => (subs.push(event), () => {}),
    );
    const off = api.on('import:progress', () => {});
    expect(typeof off).toBe('function');
    expect(() => api.on('evil' as 'import:progress', () => {})).toThrow(/Unknown event/);
    expect(subs).toEqual(['import:progress']);
  });
});
