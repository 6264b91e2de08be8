import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInvoker, type Invoke } from '../../../electron/ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../../../electron/ipc/handlers.ts';
import { importBytes } from '../../../shared/import/index.ts';

const FROM_APP = { senderFrame: { url: 'app://allowlist/index.html', parent: null } };
const dir = mkdtempSync(join(tmpdir(), 'allowlist-export-'));
const saved: { name: string; bytes: Uint8Array }[] = [];
let created: CreatedHandlers;
let invoke: Invoke;
let profileId: string;

async function call<T>(channel: string, input: unknown): Promise<T> {
  const result = await invoke(channel, FROM_APP, input);
  if (!result.ok) throw new Error(`${channel}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

type Saved = {
  canceled: false;
  fileName: string;
  entries: number;
  written: number;
  problems: { code: string; index?: number }[];
};

type Refused = {
  canceled: false;
  refused: true;
  entries: number;
  leftOut: { index: number; reason: string }[];
  problems: { code: string; index?: number }[];
};

beforeAll(async () => {
  const passwords = new Map<string, string>();
  created = await createHandlers({
    dataDir: join(dir, 'data'),
    // The keychain plays no part in an export; an in-memory store keeps this test self-contained.
    secrets: {
      get: async (id) => passwords.get(id) ?? null,
      set: async (id, pw) => void passwords.set(id, pw),
      delete: async (id) => passwords.delete(id),
    },
    dialogs: {
      openImportFile: async () => null,
      openLogFile: async () => null,
      saveFile: async (defaultName, bytes) => {
        saved.push({ name: defaultName, bytes });
        return { name: defaultName };
      },
    },
  });
  invoke = createInvoker(created.handlers, { allowedOrigins: ['app://allowlist'], emit: () => {} });
  const profile = await call<{ id: string }>('profiles:create', {
    fields: { name: 'Tokyo', serviceUrl: 'http://127.0.0.1:9', login: 'admin' },
  });
  profileId = profile.id;
  await call('draft:save', {
    profileId,
    working: {
      mode: 'ALLOW_SPECIFIC',
      entries: [
        { ip: '192.0.2.1', cidr: null, memo: '東京' },
        { ip: '198.51.100.0', cidr: 24, memo: 'Osaka' },
        { ip: '10.0.0.300', cidr: null, memo: 'typo' },
        { ip: '203.0.113.9', cidr: null, memo: 'Fukuoka 😀' },
        { ip: '203.0.113.10', cidr: null, memo: '=cmd' },
      ],
    },
  });
});
afterAll(async () => {
  await created.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('export:save', () => {
  it('refuses a service CSV that would leave out entries: no dialog, nothing saved, each entry named', async () => {
    const before = saved.length;
    const out = await call<Refused>('export:save', {
      profileId,
      format: 'cybozu-csv',
      source: 'working',
    });
    expect(out).toMatchObject({ canceled: false, refused: true, entries: 5 });
    // 10.0.0.300 is not an address and 😀 has no Shift_JIS code.
    expect(out.leftOut).toEqual([
      { index: 2, reason: 'errors' },
      { index: 3, reason: 'unencodable' },
    ]);
    expect(out.problems.map((p) => [p.code, p.index])).toContainEqual([
      'EXPORT_UNENCODABLE_MEMO',
      3,
    ]);
    expect(saved.length).toBe(before);
  });

  it('"?" for the characters Shift_JIS lacks still refuses while an entry has errors', async () => {
    const before = saved.length;
    const out = await call<Refused>('export:save', {
      profileId,
      format: 'cybozu-csv',
      source: 'working',
      leftOut: 'replace',
    });
    expect(out).toMatchObject({ refused: true, leftOut: [{ index: 2, reason: 'errors' }] });
    expect(saved.length).toBe(before);
  });

  it('the explicit choice to leave them out writes the rest and names them', async () => {
    const out = await call<Saved>('export:save', {
      profileId,
      format: 'cybozu-csv',
      source: 'working',
      leftOut: 'drop',
    });
    expect(out).toMatchObject({ canceled: false, fileName: 'ip-allowlist.csv', entries: 5 });
    // The formula memo is written (neutralised) and is a warning only.
    expect(out.written).toBe(3);
    const reread = await importBytes(saved.at(-1)!.bytes);
    expect(reread.entries.map((e) => e.ip)).toEqual(['192.0.2.1', '198.51.100.0', '203.0.113.10']);
    expect(reread.entries).toHaveLength(out.written);
    const skipped = new Set(
      out.problems
        .filter((p) => p.code === 'EXPORT_ENTRY_SKIPPED' || p.code === 'EXPORT_UNENCODABLE_MEMO')
        .map((p) => p.index),
    );
    expect([...skipped].sort()).toEqual([2, 3]);
  });

  it('XLSX keeps the memo Shift_JIS cannot hold; the entry with errors still refuses by default', async () => {
    const refused = await call<Refused>('export:save', {
      profileId,
      format: 'xlsx',
      source: 'working',
    });
    expect(refused.leftOut).toEqual([{ index: 2, reason: 'errors' }]);
    const out = await call<Saved>('export:save', {
      profileId,
      format: 'xlsx',
      source: 'working',
      leftOut: 'drop',
    });
    expect(out.written).toBe(4);
    const reread = await importBytes(saved.at(-1)!.bytes);
    expect(reread.entries).toHaveLength(out.written);
  });

  it('nothing pulled yet: the live list cannot be exported', async () => {
    const result = await invoke('export:save', FROM_APP, {
      profileId,
      format: 'csv',
      source: 'base',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_PULLED' } });
  });
});
