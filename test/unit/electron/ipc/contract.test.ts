import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, channels, type ChannelName } from '../../../../shared/contract/ipc.ts';
import { createInvoker, type Handlers } from '../../../../electron/ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../../../../electron/ipc/handlers.ts';
import type { SecretStore } from '../../../../electron/core/secrets.ts';

const FROM_APP = { senderFrame: { url: 'app://allowlist/index.html', parent: null } };

/** A valid input for every channel (the contract test proves each one is accepted by its schema). */
const VALID: { [C in ChannelName]: unknown } = {
  'profiles:list': {},
  'profiles:create': {
    fields: { name: 'n', serviceUrl: 'https://x.example', login: 'a' },
    password: 'p',
  },
  'profiles:update': { profileId: 'p1', fields: { name: 'n2' } },
  'profiles:remove': { profileId: 'p1' },
  'profiles:select': { profileId: 'p1' },
  'profiles:set-password': { profileId: 'p1', password: 'p' },
  'profiles:demo-start': {},
  'draft:get': { profileId: 'p1' },
  'draft:save': { profileId: 'p1', working: { mode: 'ALLOW_ALL', entries: [] } },
  'sync:status': { profileId: 'p1' },
  'sync:pull': { profileId: 'p1' },
  'sync:discard-and-pull': { profileId: 'p1' },
  'sync:plan': { profileId: 'p1' },
  'sync:push': { profileId: 'p1', planId: 'x', confirmation: '1.2.3.4' },
  'merge:resolve': { profileId: 'p1', resolutions: [{ id: 'mode', choice: 'local' }] },
  'apply:status': { profileId: 'p1' },
  'apply:probe': { profileId: 'p1' },
  'history:list': { profileId: 'p1' },
  'history:restore': { profileId: 'p1', historyId: 'h' },
  'import:open': { jobId: 'j1' },
  'import:bytes': { jobId: 'j1', fileName: 'a.csv', bytes: new Uint8Array([49]) },
  'import:reparse': { jobId: 'j1', newJobId: 'j2', options: { sheet: 'S' } },
  'import:cancel': { jobId: 'j1' },
  'export:save': { profileId: 'p1', format: 'csv', source: 'working' },
  'preview:impact': { profileId: 'p1' },
  'app:info': {},
  'app:set-locale': { locale: 'ja' },
  'app:notices': {},
  'handoff:status': { profileId: 'p1' },
  'handoff:set-in-force': { profileId: 'p1', config: { mode: 'ALLOW_ALL', entries: [] } },
  'handoff:plan': { profileId: 'p1' },
  'handoff:prepare': { profileId: 'p1', planId: 'x', confirmation: 'unknown' },
  'handoff:confirm': { profileId: 'p1' },
  'handoff:cancel': { profileId: 'p1' },
  'handoff:access-back': { profileId: 'p1' },
  'handoff:dismiss': { profileId: 'p1' },
  'handoff:egress': {},
  'handoff:endpoints': {},
  'handoff:set-endpoints': { endpoints: null },
  'handoff:check-sign-in': { profileId: 'p1' },
};

let dir: string;
let created: CreatedHandlers;
const effects: string[] = [];
const memorySecrets: SecretStore = {
  get: async (id) => (effects.push(`secret.get ${id}`), null),
  set: async (id) => void effects.push(`secret.set ${id}`),
  delete: async (id) => (effects.push(`secret.delete ${id}`), false),
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'allowlist-contract-'));
  created = await createHandlers({
    dataDir: join(dir, 'data'),
    secrets: memorySecrets,
    createService: () => {
      effects.push('service created');
      throw new Error('no service in this test');
    },
    dialogs: {
      openImportFile: async () => (effects.push('dialog'), null),
      openLogFile: async () => (effects.push('dialog'), null),
      saveFile: async () => (effects.push('dialog'), null),
    },
  });
});
afterAll(async () => {
  await created.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The real handlers wrapped so that any call into one is recorded. */
function spied(): { handlers: Handlers; called: string[] } {
  const called: string[] = [];
  const handlers = Object.fromEntries(
    Object.entries(created.handlers).map(([name, fn]) => [
      name,
      async (input: unknown, ctx: unknown) => {
        called.push(name);
        return (fn as (i: unknown, c: unknown) => Promise<unknown>)(input, ctx);
      },
    ]),
  ) as Handlers;
  return { handlers, called };
}

describe('IPC contract', () => {
  it('every channel has a handler and every handler has a channel', () => {
    expect(Object.keys(created.handlers).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const name of CHANNEL_NAMES)
      expect(channels[name].input.safeParse(VALID[name]).success, name).toBe(true);
  });

  it('random payloads never reach a handler nor a side effect', async () => {
    const { handlers, called } = spied();
    const invoke = createInvoker(handlers, {
      allowedOrigins: ['app://allowlist'],
      emit: () => effects.push('emit'),
    });
    const payload = fc.oneof(
      fc.anything(),
      fc.dictionary(
        fc.constantFrom(
          'profileId',
          'path',
          'password',
          'working',
          'jobId',
          'url',
          'fields',
          '__proto__',
        ),
        fc.anything(),
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...CHANNEL_NAMES), payload, async (name, input) => {
        // handle() treats a missing argument as {} (so `allowlist.app.info()` works).
        fc.pre(!channels[name].input.safeParse(input === undefined ? {} : input).success);
        const result = await invoke(name, FROM_APP, input);
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.error.code).toBe('INVALID_INPUT');
      }),
      { numRuns: 400 },
    );
    expect(called).toEqual([]);
    expect(effects).toEqual([]);
    expect(readdirSync(join(dir, 'data')).filter((f) => !f.startsWith('profiles'))).toEqual([]);
  });

  it('a valid payload with an extra key (a path, a secret) is refused', async () => {
    const { handlers, called } = spied();
    const invoke = createInvoker(handlers, { allowedOrigins: ['app://allowlist'], emit: () => {} });
    for (const name of CHANNEL_NAMES) {
      const result = await invoke(name, FROM_APP, {
        ...(VALID[name] as object),
        path: '/etc/passwd',
      });
      expect(result, name).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    }
    expect(called).toEqual([]);
  });

  it('valid payloads from another origin, a subframe or a destroyed frame never reach a handler', async () => {
    const { handlers, called } = spied();
    const invoke = createInvoker(handlers, { allowedOrigins: ['app://allowlist'], emit: () => {} });
    const senders = [
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      { senderFrame: { url: 'file:///tmp/index.html', parent: null } },
      { senderFrame: { url: 'app://allowlist/index.html', parent: {} } },
      { senderFrame: null },
      {},
    ];
    for (const name of CHANNEL_NAMES) {
      for (const sender of senders) {
        const result = await invoke(name, sender, VALID[name]);
        expect(result, name).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      }
    }
    expect(await invoke('fs:read', FROM_APP, {})).toMatchObject({
      ok: false,
      error: { code: 'UNKNOWN_CHANNEL' },
    });
    expect(called).toEqual([]);
    expect(effects).toEqual([]);
  });
});
