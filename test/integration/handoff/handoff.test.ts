import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appInvoker, callerOf } from '../support/app-calls.ts';
import { createHandlers, type CreatedHandlers } from '../../../electron/ipc/handlers.ts';
import { createKeytarSecretStore } from '../../../electron/services/secrets.ts';
import { exportEntries } from '../../../shared/export/index.ts';
import { decodeText } from '../../../shared/import/text.ts';
import { downEndpoint, echo, fakeServer, type Fake } from '../../support/handoff-fakes.ts';

/**
 * The hand-off of a cybozu.com tenant over the real handlers, the real keychain (nothing stored
 * for this kind) and loopback fakes of the "what is my IP" endpoints and the tenant's login page.
 */

const ME = '203.0.113.7';
const dirs: string[] = [];
const fakes: Fake[] = [];
const saved: { name: string; bytes: Uint8Array }[] = [];

async function open(dataDir: string) {
  const created = await createHandlers({
    dataDir,
    dialogs: {
      openImportFile: async () => null,
      openLogFile: async () => null,
      saveFile: async (name, bytes) => (saved.push({ name, bytes }), { name }),
    },
  });
  const invoke = appInvoker(created);
  const call = callerOf(() => invoke);
  return { created, call };
}

let app: Awaited<ReturnType<typeof open>>;
let created: CreatedHandlers;
let agreeing: string[];
let tenant: Fake;
let dataDirOf = '';
beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'allowlist-handoff-'));
  dirs.push(dir);
  dataDirOf = dir;
  app = await open(dir);
  created = app.created;
  const a = await echo(ME);
  const b = await echo(ME);
  tenant = await fakeServer(403, 'Access denied by IP address restriction');
  fakes.push(a, b, tenant);
  agreeing = [a.url, b.url];
});
afterAll(async () => {
  await created.dispose();
  for (const f of fakes) await f.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const entry = (ip: string, memo = '', cidr: number | null = null) => ({ ip, cidr, memo });

describe('hand-off profile (cybozu.com, upload on the Store)', () => {
  it('goes from "add profile" to "saved on the Store" with the Reset URL hour running', async () => {
    const { call } = app;
    // No password for this kind: refused when given, nothing in the keychain.
    await expect(
      call('profiles:create', {
        fields: { name: 'T', serviceUrl: tenant.url, login: '', kind: 'cybozu-store' },
        password: 'secret',
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const profile = await call('profiles:create', {
      fields: { name: 'Tenant', serviceUrl: tenant.url, login: '', kind: 'cybozu-store' },
    });
    expect(profile).toMatchObject({ kind: 'cybozu-store', hasPassword: false, login: '' });
    expect(await createKeytarSecretStore().get(profile.id)).toBeNull();
    await expect(
      call('profiles:set-password', { profileId: profile.id, password: 'x' }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    // Nothing calls the tenant as an admin API.
    await expect(call('sync:pull', { profileId: profile.id })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await call('handoff:set-endpoints', { endpoints: agreeing });

    await expect(call('handoff:plan', { profileId: profile.id })).rejects.toMatchObject({
      code: 'NOT_PULLED',
    });
    // The admin states the list in force: an entry the Store could not hold is named.
    await expect(
      call('handoff:set-in-force', {
        profileId: profile.id,
        config: { mode: 'ALLOW_SPECIFIC', entries: [entry(ME), entry('10.0.0.300')] },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', message: expect.stringMatching(/^Entry 2/) });
    // "Allow specific" with no entry is not a list the Store holds.
    await expect(
      call('handoff:set-in-force', {
        profileId: profile.id,
        config: { mode: 'ALLOW_SPECIFIC', entries: [] },
      }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', params: { field: 'entries' } });
    // A login for this kind is refused, never dropped unseen.
    await expect(
      call('profiles:update', { profileId: profile.id, fields: { login: 'admin' } }),
    ).rejects.toMatchObject({ code: 'INVALID_INPUT', params: { field: 'login' } });
    const stated = await call('handoff:set-in-force', {
      profileId: profile.id,
      config: {
        mode: 'ALLOW_SPECIFIC',
        entries: [entry(ME, 'office'), entry('198.51.100.0', 'branch', 24)],
      },
    });
    expect(stated.status.inForce).toMatchObject({ revision: '1', stated: true, entries: 2 });
    expect(stated.draft.dirty).toBe(false);

    // Edit: drop the admin's own address. The plan names the address the endpoints agree on.
    await call('draft:save', {
      profileId: profile.id,
      working: {
        mode: 'ALLOW_SPECIFIC',
        entries: [entry('198.51.100.0', 'branch', 24), entry('192.0.2.10', '本社')],
      },
    });
    const { plan, egress } = await call('handoff:plan', { profileId: profile.id });
    expect(egress).toMatchObject({ verdict: 'agree', ip: ME });
    expect(plan.lockout.clientIp).toBe(ME);
    expect(plan.confirmationPhrase).toBe(ME);
    expect(plan.diff.added).toHaveLength(1);
    expect(plan.diff.removed).toHaveLength(1);
    // The lockout guard: no file without the phrase.
    await expect(
      call('handoff:prepare', { profileId: profile.id, planId: plan.planId }),
    ).rejects.toMatchObject({ code: 'CONFIRMATION_REQUIRED' });
    expect(saved).toHaveLength(0);
    const ready = await call('handoff:prepare', {
      profileId: profile.id,
      planId: plan.planId,
      confirmation: ME,
    });
    expect(ready).toMatchObject({ status: 'ready', entries: 2, mode: 'ALLOW_SPECIFIC' });
    // The Store's CSV exactly: Shift_JIS, every field quoted, CRLF, the header first.
    const file = saved.at(-1)!;
    expect(file.name).toBe('ip-address-restriction-127.0.0.1.csv');
    const expected = await exportEntries(plan.config.entries, 'cybozu-csv');
    expect(Buffer.from(file.bytes).equals(Buffer.from(expected.bytes))).toBe(true);
    expect(decodeText(file.bytes).text).toBe(
      '"IP Address","CIDR","Memo"\r\n"198.51.100.0","24","branch"\r\n"192.0.2.10","","本社"\r\n',
    );
    const pending = await call('handoff:status', { profileId: profile.id });
    expect(pending.pending).toMatchObject({ fileName: file.name, entries: 2 });

    // "Saved on the Store?" — yes.
    const confirmed = await call('handoff:confirm', { profileId: profile.id });
    expect(confirmed.status.inForce).toMatchObject({ revision: '2', stated: false });
    expect(confirmed.status.pending).toBeNull();
    const savedAt = confirmed.status.saved!;
    expect(Date.parse(savedAt.resetDeadline) - Date.parse(pending.pending!.preparedAt)).toBe(
      60 * 60 * 1000,
    );
    const history = await call('history:list', { profileId: profile.id });
    expect(history.map((h) => [h.revision, h.source])).toEqual([
      ['2', 'pushed'],
      ['1', 'pulled'],
    ]);
    expect(savedAt.restoreHistoryId).toBe(history[1]!.id);
    // A restart keeps the list in force and the Reset URL hour (handoff/<id>.json, the draft).
    const restarted = await open(dataDirOf);
    const after = await restarted.call('handoff:status', { profileId: profile.id });
    expect(after.saved).toEqual(savedAt);
    expect(after.inForce).toMatchObject({ revision: '2', stated: false });
    await restarted.created.dispose();
    // Confirming twice records nothing more.
    await expect(call('handoff:confirm', { profileId: profile.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    // The tenant's login page as this computer gets it: the status, for the admin to judge.
    const page = await call('handoff:check-sign-in', { profileId: profile.id });
    expect(page).toMatchObject({ status: 403, url: `${tenant.url}/login` });

    // Access back through "Allow all" on the Store: the restriction is off, the old list offered.
    const back = await call('handoff:access-back', { profileId: profile.id });
    expect(back.draft.base).toMatchObject({ mode: 'ALLOW_ALL', revision: '3' });
    expect(back.draft.restrictionOff).toMatchObject({ revision: '2' });
    const restored = await call('history:restore', {
      profileId: profile.id,
      historyId: savedAt.restoreHistoryId!,
    });
    expect(restored.draft.working.entries.map((e) => e.ip)).toEqual([ME, '198.51.100.0']);
    const again = await call('handoff:plan', { profileId: profile.id });
    expect(again.plan.confirmationPhrase).toBeNull();
    expect(again.plan.canPush).toBe(true);

    // Removing the profile removes its hand-off file; the keychain never had anything.
    expect(existsSync(join(dataDirOf, 'handoff', `${profile.id}.json`))).toBe(true);
    await call('profiles:remove', { profileId: profile.id });
    expect(existsSync(join(dataDirOf, 'handoff', `${profile.id}.json`))).toBe(false);
    expect(await createKeytarSecretStore().get(profile.id)).toBeNull();
  });

  it('an address the endpoints do not agree on is unknown: the guard asks for "unknown"', async () => {
    const { call } = app;
    const profile = await call('profiles:create', {
      fields: {
        name: 'T2',
        serviceUrl: 'https://example.cybozu.com',
        login: '',
        kind: 'cybozu-store',
      },
    });
    await call('handoff:set-in-force', {
      profileId: profile.id,
      config: { mode: 'ALLOW_SPECIFIC', entries: [entry(ME)] },
    });
    await call('draft:save', {
      profileId: profile.id,
      working: { mode: 'ALLOW_SPECIFIC', entries: [entry(ME), entry('192.0.2.1')] },
    });
    const other = await echo('198.51.100.9');
    const v6 = await echo('2001:db8::1');
    fakes.push(other, v6);
    const cases: [string[], string][] = [
      [[agreeing[0]!, other.url], 'disagree'],
      [[v6.url], 'ipv6-only'],
      [[await downEndpoint()], 'none'],
    ];
    for (const [endpoints, verdict] of cases) {
      await call('handoff:set-endpoints', { endpoints });
      const { plan, egress } = await call('handoff:plan', { profileId: profile.id });
      expect(egress.verdict).toBe(verdict);
      expect(egress.ip).toBeNull();
      expect(plan.lockout.clientIpError).toMatch(/./);
      // The list lets ME in, but the app cannot know that ME is the admin's address.
      expect(plan.confirmationPhrase).toBe('unknown');
    }
    // One endpoint down while the others agree: the address is the one they agree on.
    await call('handoff:set-endpoints', { endpoints: [...agreeing, await downEndpoint()] });
    const { egress } = await call('handoff:plan', { profileId: profile.id });
    expect(egress).toMatchObject({ verdict: 'agree', ip: ME });
    expect(egress.answers.filter((a) => a.error !== null)).toHaveLength(1);
    await call('handoff:set-endpoints', { endpoints: null });
    expect((await call('handoff:endpoints', {})).endpoints).toContain('https://api.ipify.org');
  });

  it('refuses, per entry, what the Store would not take, and writes no file', async () => {
    const { call } = app;
    await call('handoff:set-endpoints', { endpoints: agreeing });
    const profile = await call('profiles:create', {
      fields: {
        name: 'T3',
        serviceUrl: 'https://example.cybozu.com',
        login: '',
        kind: 'cybozu-store',
      },
    });
    await call('handoff:set-in-force', {
      profileId: profile.id,
      config: { mode: 'ALLOW_ALL', entries: [] },
    });
    await call('draft:save', {
      profileId: profile.id,
      working: { mode: 'ALLOW_SPECIFIC', entries: [entry(ME), entry('192.0.2.1', 'emoji 😀')] },
    });
    const { plan } = await call('handoff:plan', { profileId: profile.id });
    const before = saved.length;
    const out = await call('handoff:prepare', { profileId: profile.id, planId: plan.planId });
    expect(out).toMatchObject({
      status: 'refused',
      leftOut: [{ index: 1, reason: 'unencodable' }],
    });
    expect(saved.length).toBe(before);
    expect((await call('handoff:status', { profileId: profile.id })).pending).toBeNull();
  });

  it('profiles stored before kinds existed are API profiles (migration)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'allowlist-handoff-old-'));
    dirs.push(dir);
    mkdirSync(dir, { recursive: true });
    const old = {
      schemaVersion: 2,
      profiles: [
        {
          id: 'old1',
          name: 'Before kinds',
          serviceUrl: 'https://x.example',
          login: 'admin',
          protectedAddresses: [],
          maxEntries: null,
          demo: false,
          createdAt: '2026-01-01T00:00:00.000Z',
        },
      ],
      settings: { selectedId: 'old1', locale: 'system' },
    };
    writeFileSync(join(dir, 'profiles.json'), JSON.stringify(old));
    const older = await open(dir);
    const { profiles } = await older.call('profiles:list', {});
    expect(profiles).toMatchObject([{ id: 'old1', kind: 'api', login: 'admin' }]);
    // Still an API profile: the hand-off refuses it, the API path asks for its password.
    await expect(older.call('handoff:status', { profileId: 'old1' })).rejects.toMatchObject({
      code: 'INVALID_INPUT',
    });
    await older.call('profiles:update', { profileId: 'old1', fields: { name: 'Renamed' } });
    const written = JSON.parse(readFileSync(join(dir, 'profiles.json'), 'utf8'));
    expect(written.schemaVersion).toBe(3);
    expect(written.profiles[0]).toMatchObject({ kind: 'api', name: 'Renamed' });
    // A damaged hand-off file is moved aside and the admin told, like every store file.
    const store = await older.call('profiles:create', {
      fields: {
        name: 'T4',
        serviceUrl: 'https://example.cybozu.com',
        login: '',
        kind: 'cybozu-store',
      },
    });
    mkdirSync(join(dir, 'handoff'), { recursive: true });
    writeFileSync(join(dir, 'handoff', `${store.id}.json`), '{ "pending": ');
    expect((await older.call('handoff:status', { profileId: store.id })).pending).toBeNull();
    expect(await older.call('app:notices', {})).toEqual([
      expect.objectContaining({
        params: expect.objectContaining({ file: expect.stringContaining(store.id) }),
      }),
    ]);
    await older.created.dispose();
  });
});
