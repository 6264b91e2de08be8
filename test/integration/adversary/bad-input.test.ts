import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, IPC_ERROR_CODES } from '../../../shared/contract/ipc.ts';
import { FROM_APP } from '../sync/harness.ts';
import { list, useFakeServiceWorld } from '../support/fake-service-world.ts';

const w = useFakeServiceWorld();

describe('promise 5: a compromised renderer sends garbage to every channel', () => {
  it('every channel answers garbage with a clear, known error code (never INTERNAL, never a throw)', async () => {
    const id = await w.pulledProfile();
    const deep: Record<string, unknown> = {};
    let cur = deep;
    for (let i = 0; i < 5000; i++) cur = (cur.x = {}) as Record<string, unknown>;
    const garbage: unknown[] = [
      null,
      0,
      'x',
      [],
      { profileId: '../../../etc/passwd' },
      { profileId: 'nope' },
      { profileId: id, extra: 1 },
      { profileId: id, planId: 'x'.repeat(10_000) },
      {
        profileId: id,
        working: { mode: 'ALLOW_SPECIFIC', entries: [{ ip: 1, cidr: 'a', memo: null }] },
      },
      {
        profileId: id,
        working: {
          mode: 'ALLOW_SPECIFIC',
          entries: [{ ip: '1.1.1.1', cidr: Number.NaN, memo: '' }],
        },
      },
      { profileId: id, working: { mode: 'DENY_ALL', entries: [] } },
      {
        profileId: id,
        fields: { protectedAddresses: [{ ip: '1.1.1.1', label: 'x', __proto__: { a: 1 } }] },
      },
      JSON.parse('{"__proto__": {"polluted": true}, "profileId": "nope"}'),
      { profileId: id, fields: { maxEntries: -1 } },
      { profileId: id, fields: { maxEntries: 1.5 } },
      { profileId: id, fields: { serviceUrl: 'javascript:alert(1)' } },
      { profileId: id, fields: { serviceUrl: 'file:///etc/passwd' } },
      { profileId: id, fields: { serviceUrl: 'http://10.0.0.1' } },
      { profileId: id, fields: { login: 'a\u0000b' } },
      { profileId: id, fields: { login: 'a\nX-Injected: 1' } },
      { profileId: id, resolutions: [{ id: 'zz', choice: 'local' }] },
      { profileId: id, historyId: 'does-not-exist' },
      { profileId: id, text: '1.1.1.1'.repeat(200_000) },
      { jobId: 'j1', fileName: 'x.xlsx', bytes: new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]) },
      { jobId: 'j2', newJobId: 'j3', options: {} },
      { jobId: '../x' },
      { url: 'https://evil.example/' },
      { url: 'javascript:alert(1)' },
      { locale: 'xx' },
      deep,
    ];
    const internal: string[] = [];
    for (const channel of [
      ...CHANNEL_NAMES,
      '__proto__',
      'constructor',
      'toString',
      'profiles:list ',
    ]) {
      for (const [n, input] of garbage.entries()) {
        let result: { ok: boolean; error?: { code: string } };
        try {
          result = (await w.h.invoke(channel, FROM_APP, input)) as typeof result;
        } catch (error) {
          internal.push(`${channel} #${n} threw ${String(error)}`);
          continue;
        }
        if (!result.ok) {
          const code = result.error!.code;
          if (code === 'INTERNAL' || !(IPC_ERROR_CODES as readonly string[]).includes(code))
            internal.push(`${channel} #${n} -> ${code}`);
        }
      }
    }
    expect(internal).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // The profile is untouched by all of that.
    const { profiles } = await w.h.call('profiles:list', {});
    expect(profiles.find((p) => p.id === id)).toMatchObject({
      serviceUrl: w.a.url,
      login: 'admin',
      hasPassword: true,
    });
  });

  it('a login with CR/LF is refused (never reaches an HTTP header)', async () => {
    const r = (await w.h.invoke('profiles:create', FROM_APP, {
      fields: { name: 'T', serviceUrl: w.a.url, login: 'admin\r\nX-Evil: 1' },
      password: 'pw',
    })) as { ok: boolean; error?: { code: string } };
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a non-Latin-1 password/login is sent or refused clearly, never a crash', async () => {
    const r = (await w.h.invoke('profiles:create', FROM_APP, {
      fields: { name: 'T', serviceUrl: w.a.url, login: '管理者' },
      password: 'пароль🔑',
    })) as { ok: boolean; value?: { id: string } };
    expect(r.ok).toBe(true);
    const pull = (await w.h.invoke('sync:pull', FROM_APP, { profileId: r.value!.id })) as {
      ok: boolean;
      error?: { code: string };
    };
    expect(pull.ok || pull.error!.code !== 'INTERNAL').toBe(true);
    expect(w.a.credentials).toContain('管理者:пароль🔑');
  });
});

describe('promise 5: zero-padded and odd notations are never silently reinterpreted', () => {
  it('an import of "010.1.1.1" is never 8.1.1.1 and never a silent 10.1.1.1', async () => {
    const csv = 'ip,memo\n010.1.1.1,office\n10.0.0.1/033,vpn\n0x0a.0.0.1,hex\n';
    const r = (await w.h.invoke('import:bytes', FROM_APP, {
      jobId: 'imp1',
      fileName: 'list.csv',
      bytes: new Uint8Array(Buffer.from(csv)),
    })) as {
      ok: boolean;
      value?: {
        entries: { ip: string; cidr: number | null; row: number }[];
        problems: { row?: number; severity: string }[];
      };
    };
    expect(r.ok).toBe(true);
    const { entries, problems } = r.value!;
    expect(entries.map((e) => e.ip)).not.toContain('8.1.1.1');
    for (const e of entries) {
      const changed = !['010.1.1.1', '10.0.0.1/033', '0x0a.0.0.1'].includes(e.ip);
      if (changed) expect(problems.some((p) => p.row === e.row)).toBe(true);
    }
  });

  it('a service list holding "010.1.1.1" is pulled as written and blocks the plan, not pushed as 8.1.1.1', async () => {
    w.a.state.config = list('127.0.0.1', '010.1.1.1');
    const id = await w.profileAt(w.a.url);
    const pulled = await w.h.call('sync:pull', { profileId: id });
    expect(pulled.draft.working.entries.map((e) => e.ip)).toEqual(['127.0.0.1', '010.1.1.1']);
    await w.h.call('draft:save', {
      profileId: id,
      working: {
        ...pulled.draft.working,
        entries: [...pulled.draft.working.entries, { ip: '192.0.2.3', cidr: null, memo: '' }],
      },
    });
    const plan = await w.h.call('sync:plan', { profileId: id });
    expect(plan.blockers.length + plan.problems.length).toBeGreaterThan(0);
    for (const put of w.a.puts) expect(put.entries.map((e) => e.ip)).not.toContain('8.1.1.1');
  });
});
