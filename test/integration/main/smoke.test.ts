import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { CHANNEL_NAMES, EVENT_NAMES, apiPath } from '../../../shared/contract/ipc.ts';
import { MESSAGES } from '../../../shared/i18n/messages.ts';
import { buildApp } from './built-app.ts';
import { createElectronStandIn, loadBundle, type LoadedBundle } from './electron-stand-in.ts';

/**
 * Smoke test of the built bundles (dist/electron) under Node, with a recording stand-in for the
 * `electron` module (electron-stand-in.ts: the Electron binary cannot run here). What a user
 * would meet first: the app starts in the right order, every IPC channel is guarded, the window
 * shows the renderer from app:// with its CSP, an import works from an install folder whose path
 * has `#` and `%`, a second launch quits, and a data folder that cannot be opened ends in an
 * error box instead of a windowless process.
 */

const root = mkdtempSync(join(tmpdir(), 'allowlist-smoke-'));
// A per-user install under such a name breaks `'file://' + path` (the worker URL).
const installDir = join(root, 'Users', 'a#b 100%', 'app');
const mainFile = join(installDir, 'dist', 'electron', 'main.cjs');
const FROM_APP = { senderFrame: { url: 'app://allowlist/index.html', parent: null } };
const builtins = new Set(builtinModules.map((m) => (m.startsWith('node:') ? m : `node:${m}`)));
let loaded: LoadedBundle | null = null;

beforeAll(() => {
  delete process.env.ALLOWLIST_USER_DATA_DIR;
  buildApp();
  cpSync('dist/electron', join(installDir, 'dist', 'electron'), { recursive: true });
  cpSync('dist/renderer', join(installDir, 'dist', 'renderer'), { recursive: true });
}, 180_000);
afterEach(() => {
  loaded?.restore();
  loaded = null;
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function csvFile(): string {
  const path = join(root, 'offices.csv');
  writeFileSync(
    path,
    'IP address,CIDR,Memo\r\n192.0.2.8,,Tokyo\r\n198.51.100.0,24,Osaka\r\nnope,,x\r\n',
  );
  return path;
}

describe('dist/electron/main.cjs under a stand-in electron', () => {
  it('starts in order, guards every channel, serves app:// with the CSP and imports through the bundled worker', async () => {
    const standIn = createElectronStandIn({ userData: join(root, 'user'), openPath: csvFile() });
    loaded = loadBundle(mainFile, standIn);

    // Before ready: the lock, then app:// registered privileged (standard, secure); nothing else yet.
    expect(standIn.names()).toEqual([
      'app.requestSingleInstanceLock',
      'protocol.registerSchemesAsPrivileged',
      'app.enableSandbox',
    ]);
    const [scheme] = standIn.calls[1]!.args as [{ scheme: string; privileges: object }[]];
    expect(scheme).toEqual([
      expect.objectContaining({
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true }),
      }),
    ]);
    expect(standIn.calls[1]!.ready).toBe(false);

    standIn.fireReady();
    await vi.waitFor(() => expect(standIn.windows).toHaveLength(1), { timeout: 30_000 });

    // Every contract channel and nothing else; no ipcMain.on listener at all (electron-store's
    // unchecked 'electron-store-get-data' listener included).
    expect([...standIn.handlers.keys()].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(standIn.electron.ipcMain).toBeDefined();
    expect((standIn.electron.ipcMain as NodeJS.EventEmitter).eventNames()).toEqual([]);

    // Each handler runs the sender check: another origin and a subframe are refused.
    for (const [channel, handler] of standIn.handlers) {
      for (const frame of [
        { url: 'https://evil.example/', parent: null },
        { url: 'app://allowlist/index.html', parent: {} },
      ]) {
        const result = (await handler({ senderFrame: frame }, {})) as {
          ok: boolean;
          error?: { code: string };
        };
        expect(result, channel).toEqual({
          ok: false,
          error: expect.objectContaining({ code: 'FORBIDDEN_SENDER' }),
        });
      }
    }
    const info = (await standIn.handlers.get('app:info')!(FROM_APP, {})) as {
      ok: boolean;
      value: { name: string };
    };
    expect(info).toEqual({
      ok: true,
      value: expect.objectContaining({ name: 'IP Allowlist Manager' }),
    });

    // The window: sandboxed, isolated, the bundle's preload, the app's own page.
    const [win] = standIn.windows;
    expect(win!.options.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      preload: join(installDir, 'dist', 'electron', 'preload.cjs'),
    });
    expect(win!.url).toBe('app://allowlist/index.html');

    // app:// serves the built renderer with the CSP; traversal out of it is refused.
    const serve = standIn.schemeHandlers.get('app')!;
    const page = await serve(new Request('app://allowlist/index.html'));
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(
      readFileSync(join(installDir, 'dist', 'renderer', 'index.html'), 'utf8'),
    );
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-eval');
    for (const url of [
      'app://allowlist/..%2Felectron%2Fmain.cjs',
      'app://allowlist/%2e%2e/electron/main.cjs',
      'app://allowlist/..%5Celectron%5Cmain.cjs',
      'app://other/index.html',
    ]) {
      expect((await serve(new Request(url))).status, url).toBe(404);
    }

    // An import through the main-process dialog and the bundled worker, from the '#'/'%' folder.
    const imported = (await standIn.handlers.get('import:open')!(FROM_APP, {
      jobId: 'smoke-1',
    })) as {
      ok: boolean;
      value: {
        entries: { ip: string; cidr: number | null; row: number }[];
        problems: { row?: number }[];
      };
    };
    expect(imported.ok).toBe(true);
    expect(imported.value.entries.map((e) => [e.ip, e.cidr])).toEqual([
      ['192.0.2.8', null],
      ['198.51.100.0', 24],
    ]);
    expect(imported.value.problems).toHaveLength(1);
    expect(win!.contents.sent.some((s) => s.event === 'import:progress')).toBe(true);

    // Service calls go through Electron's net (system proxy, PAC, OS trust store), not node:https.
    const demo = (await standIn.handlers.get('profiles:demo-start')!(FROM_APP, {})) as {
      ok: boolean;
      value: { id: string };
    };
    expect(demo.ok).toBe(true);
    const pulled = (await standIn.handlers.get('sync:pull')!(FROM_APP, {
      profileId: demo.value.id,
    })) as {
      ok: boolean;
      value: { status: string };
    };
    expect(pulled).toMatchObject({ ok: true, value: { status: 'updated' } });
    const viaNet = standIn.calls.filter((c) => c.api === 'net.request').map((c) => c.args[0]);
    expect(viaNet).toContainEqual(
      expect.objectContaining({
        method: 'GET',
        url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/v1\/ip-restrictions\.json$/),
        redirect: 'manual',
      }),
    );

    // What main requires: Node built-ins and electron now; keytar (native) only when first used.
    expect(loaded.required().filter((m) => !builtins.has(m))).toEqual(['electron']);
    const dynamic = [...readFileSync(mainFile, 'utf8').matchAll(/\bimport\("([^"]+)"\)/g)].map(
      (m) => m[1],
    );
    expect([...new Set(dynamic)]).toEqual(['keytar']);

    standIn.app.emit('before-quit');
  }, 120_000);

  it('a second instance that loses the lock quits at once and starts nothing', async () => {
    const standIn = createElectronStandIn({ userData: join(root, 'user'), lock: false });
    loaded = loadBundle(mainFile, standIn);
    standIn.fireReady();
    await new Promise((resolve) => setImmediate(resolve));
    expect(standIn.names()).toEqual(['app.requestSingleInstanceLock', 'app.quit']);
    expect(standIn.handlers.size).toBe(0);
    expect(standIn.windows).toHaveLength(0);
  });

  it.each([
    ['en-US', 'en'],
    ['ja-JP', 'ja'],
  ] as const)(
    'a data folder that cannot be opened: an error box (%s), the lock released, exit 1, no window',
    async (locale, language) => {
      // The sentence's start as shared/i18n/messages.ts words it in the system's language.
      const sentence = MESSAGES.APP_START_FAILED[language].split('{detail}')[0]!;
      // userData is a regular file: the data folder inside it cannot be created.
      const blocked = join(root, `blocked-${locale}`);
      mkdirSync(root, { recursive: true });
      writeFileSync(blocked, 'not a folder');
      const standIn = createElectronStandIn({ userData: blocked, locale });
      loaded = loadBundle(mainFile, standIn);
      standIn.fireReady();
      await vi.waitFor(() => expect(standIn.names()).toContain('app.exit'), { timeout: 30_000 });
      const names = standIn.names();
      const box = standIn.calls.find((c) => c.api === 'dialog.showErrorBox')!;
      expect(box.args[0]).toBe('IP Allowlist Manager');
      expect(box.args[1]).toContain(sentence);
      expect(box.args[1]).toContain(join(blocked, 'data'));
      expect(names.slice(-3)).toEqual([
        'dialog.showErrorBox',
        'app.releaseSingleInstanceLock',
        'app.exit',
      ]);
      expect(standIn.calls.at(-1)!.args).toEqual([1]);
      expect(standIn.windows).toHaveLength(0);
      expect(standIn.handlers.size).toBe(0);
    },
  );
});

describe('dist/electron/preload.cjs under a stand-in electron', () => {
  it('requires only electron and exposes exactly the contract as window.allowlist', async () => {
    const standIn = createElectronStandIn({ userData: join(root, 'user') });
    loaded = loadBundle(join(installDir, 'dist', 'electron', 'preload.cjs'), standIn);
    // A sandboxed preload gets a reduced require(); the bundle needs nothing but electron.
    expect(loaded.required()).toEqual(['electron']);
    expect([...standIn.exposed.keys()]).toEqual(['allowlist']);
    const api = standIn.exposed.get('allowlist') as Record<
      string,
      Record<string, unknown> | unknown
    >;
    const expected = new Map<string, string[]>();
    for (const channel of CHANNEL_NAMES) {
      const [area, verb] = apiPath(channel);
      expected.set(area, [...(expected.get(area) ?? []), verb]);
    }
    expect(Object.keys(api).sort()).toEqual([...expected.keys(), 'on'].sort());
    for (const [area, verbs] of expected)
      expect(Object.keys(api[area] as object).sort(), area).toEqual(verbs.sort());

    // A call goes to its own channel; events are the contract's only and arrive without the sender.
    await (api.profiles as { list(i: object): Promise<unknown> }).list({});
    expect(standIn.invoked).toEqual([{ channel: 'profiles:list', input: {} }]);
    const on = api.on as (event: string, listener: (p: unknown) => void) => () => void;
    expect(() => on('electron-store-get-data', () => {})).toThrow(/Unknown event/);
    const got: unknown[] = [];
    const off = on(EVENT_NAMES[0]!, (payload) => got.push(payload));
    const renderer = standIn.electron.ipcRenderer as NodeJS.EventEmitter;
    renderer.emit(EVENT_NAMES[0]!, { sender: 'secret' }, { x: 1 });
    off();
    renderer.emit(EVENT_NAMES[0]!, { sender: 'secret' }, { x: 2 });
    expect(got).toEqual([{ x: 1 }]);
  });
});
