import { EventEmitter } from 'node:events';
import { request as httpRequest } from 'node:http';
import { builtinModules, createRequire } from 'node:module';
import Module from 'node:module';

/**
 * A recording stand-in for the `electron` module, to load the built bundles under plain Node.
 *
 * A stand-in because the Electron binary cannot be downloaded or run on these machines: it is no
 * replacement for test/e2e/electron/app.spec.ts (the real app), but it runs on every CI run and
 * sees what the bundle registers, in what order, and what it requires. Only the parts of
 * Electron's API that electron/main and electron/preload call exist here; anything else throws,
 * so a new call is noticed rather than silently accepted.
 */

/** One call the bundle made, in order. */
export type Call = { api: string; args: unknown[]; ready: boolean };

export type StandInOptions = {
  userData: string;
  /** What requestSingleInstanceLock() answers (false: another instance holds it). */
  lock?: boolean;
  /** Path the open dialog returns (null: canceled). */
  openPath?: string | null;
  locale?: string;
};

type Listener = (...args: unknown[]) => unknown;

/** A fake WebContents/BrowserWindow pair that records what main sets on it. */
class FakeWebContents extends EventEmitter {
  readonly sent: { event: string; payload: unknown }[] = [];
  windowOpenHandler: Listener | null = null;
  send(event: string, payload: unknown): void {
    this.sent.push({ event, payload });
  }
  setWindowOpenHandler(handler: Listener): void {
    this.windowOpenHandler = handler;
  }
  closeDevTools(): void {}
}

export function createElectronStandIn(options: StandInOptions) {
  const calls: Call[] = [];
  let ready = false;
  let fireReady: () => void = () => {};
  const whenReady = new Promise<void>((resolve) => {
    fireReady = () => {
      ready = true;
      resolve();
    };
  });
  const record = (api: string, args: unknown[]) => calls.push({ api, args, ready });
  const paths = new Map<string, string>([['userData', options.userData]]);

  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    whenReady: () => whenReady,
    isReady: () => ready,
    getVersion: () => '0.1.0',
    getPreferredSystemLanguages: () => [options.locale ?? 'en-US'],
    getPath: (name: string) => {
      const path = paths.get(name);
      if (!path) throw new Error(`stand-in: app.getPath('${name}') is not set up`);
      return path;
    },
    setPath: (name: string, path: string) => {
      record('app.setPath', [name, path]);
      paths.set(name, path);
    },
    requestSingleInstanceLock: () => {
      record('app.requestSingleInstanceLock', []);
      return options.lock ?? true;
    },
    releaseSingleInstanceLock: () => record('app.releaseSingleInstanceLock', []),
    enableSandbox: () => record('app.enableSandbox', []),
    quit: () => record('app.quit', []),
    exit: (code?: number) => record('app.exit', [code]),
  });

  const handlers = new Map<string, Listener>();
  const schemeHandlers = new Map<string, (request: Request) => Promise<Response>>();
  // ipcMain is an EventEmitter in Electron too: `on` listeners are visible through eventNames().
  const ipcMain = Object.assign(new EventEmitter(), {
    handle: (channel: string, handler: Listener) => {
      record('ipcMain.handle', [channel]);
      if (handlers.has(channel)) throw new Error(`stand-in: second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    handleOnce: () => {
      throw new Error('stand-in: ipcMain.handleOnce is not expected');
    },
  });

  const windows: {
    options: Record<string, unknown>;
    url: string | null;
    contents: FakeWebContents;
  }[] = [];
  class BrowserWindow extends EventEmitter {
    readonly webContents = new FakeWebContents();
    constructor(windowOptions: Record<string, unknown>) {
      super();
      record('new BrowserWindow', [windowOptions]);
      windows.push({ options: windowOptions, url: null, contents: this.webContents });
    }
    async loadURL(url: string): Promise<void> {
      record('BrowserWindow.loadURL', [url]);
      const entry = windows.find((w) => w.contents === this.webContents);
      if (entry) entry.url = url;
    }
    show(): void {}
    focus(): void {}
    restore(): void {}
    isMinimized(): boolean {
      return false;
    }
    static getAllWindows(): unknown[] {
      return windows;
    }
  }

  const exposed = new Map<string, unknown>();
  const invoked: { channel: string; input: unknown }[] = [];
  const electron = {
    app,
    ipcMain,
    BrowserWindow,
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown) =>
        record('protocol.registerSchemesAsPrivileged', [schemes]),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => {
        record('protocol.handle', [scheme]);
        schemeHandlers.set(scheme, handler);
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: unknown) =>
          record('session.setPermissionRequestHandler', [h]),
        setPermissionCheckHandler: (h: unknown) => record('session.setPermissionCheckHandler', [h]),
      },
    },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => {
        record('dialog.showOpenDialog', args);
        const path = options.openPath ?? null;
        return { canceled: path === null, filePaths: path === null ? [] : [path] };
      },
      showSaveDialog: async () => ({ canceled: true, filePath: '' }),
      showErrorBox: (title: string, content: string) =>
        record('dialog.showErrorBox', [title, content]),
    },
    shell: { openExternal: async (url: string) => record('shell.openExternal', [url]) },
    // net.request answered by node:http (plain http to loopback only: the demo service), shaped
    // like Electron's ClientRequest / IncomingMessage events.
    net: {
      request: (requestOptions: { method: string; url: string }) => {
        record('net.request', [requestOptions]);
        const headers: Record<string, string> = {};
        let sent: ReturnType<typeof httpRequest> | null = null;
        const req = Object.assign(new EventEmitter(), {
          setHeader: (name: string, value: string) => {
            headers[name] = value;
          },
          abort: () => sent?.destroy(),
          end: (body?: Buffer) => {
            sent = httpRequest(
              requestOptions.url,
              { method: requestOptions.method, headers },
              (res) => {
                const message = Object.assign(new EventEmitter(), {
                  statusCode: res.statusCode ?? 0,
                  headers: res.headers,
                });
                req.emit('response', message);
                res.on('data', (chunk: Buffer) => message.emit('data', chunk));
                res.on('end', () => message.emit('end'));
              },
            );
            sent.on('error', () => req.emit('error', new Error('net::ERR_CONNECTION_REFUSED')));
            sent.end(body);
          },
        });
        return req;
      },
    },
    // The preload's half.
    contextBridge: {
      exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api),
    },
    ipcRenderer: Object.assign(new EventEmitter(), {
      invoke: async (channel: string, input: unknown) => {
        invoked.push({ channel, input });
        return { ok: true, value: null };
      },
    }),
  };

  return {
    /** The module object the bundle gets for `require('electron')`. */
    electron: electron as Record<string, unknown>,
    app,
    calls,
    handlers,
    schemeHandlers,
    windows,
    exposed,
    invoked,
    fireReady,
    /** Names of the calls so far, in order. */
    names: () => calls.map((c) => c.api),
  };
}

export type ElectronStandIn = ReturnType<typeof createElectronStandIn>;

const nodeRequire = createRequire(import.meta.url);
const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);

type ModuleInternals = {
  _resolveFilename: (
    request: string,
    parent: { filename?: string } | undefined,
    ...rest: unknown[]
  ) => string;
  _cache: Record<string, unknown>;
};

/** A bundle loaded with the stand-in; the hook stays until `restore()`. */
export type LoadedBundle = {
  /** What the bundle required so far: `electron`, package names, built-ins as `node:*`. */
  required: () => string[];
  restore: () => void;
};

/**
 * require() a bundle with `electron` resolved to the stand-in (a Module._resolveFilename hook).
 *
 * Records every module the bundle itself requires, now and later (lazy requires included).
 */
export function loadBundle(file: string, standIn: ElectronStandIn): LoadedBundle {
  const internals = Module as unknown as ModuleInternals;
  const original = internals._resolveFilename;
  const resolved = nodeRequire.resolve(file);
  const fakeId = `${resolved}#electron-stand-in`;
  const required = new Set<string>();
  internals._resolveFilename = function (request, parent, ...rest) {
    if (parent?.filename === resolved)
      required.add(
        builtins.has(request) && !request.startsWith('node:') ? `node:${request}` : request,
      );
    if (request === 'electron' && parent?.filename === resolved) return fakeId;
    return original.call(this, request, parent, ...rest);
  };
  const stub = new Module(fakeId);
  stub.exports = standIn.electron;
  stub.loaded = true;
  internals._cache[fakeId] = stub;
  delete internals._cache[resolved];
  try {
    nodeRequire(resolved);
  } catch (error) {
    internals._resolveFilename = original;
    throw error;
  }
  return {
    required: () => [...required].sort(),
    restore: () => {
      internals._resolveFilename = original;
      delete internals._cache[fakeId];
      delete internals._cache[resolved];
    },
  };
}
