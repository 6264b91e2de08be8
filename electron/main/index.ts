import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, dialog, ipcMain, net, type BrowserWindow } from 'electron';
import { CHANNEL_NAMES } from '../../shared/contract/ipc.ts';
import { formatMessage, type Locale } from '../../shared/i18n/messages.ts';
import { createInvoker } from '../ipc/handle.ts';
import { createHandlers, type CreatedHandlers } from '../ipc/handlers.ts';
import { lockDataFolder } from '../core/data-lock.ts';
import { createNetTransport } from '../core/net-transport.ts';
import { electronDialogs } from './dialogs.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { APP_ORIGIN } from './security.ts';
import { createMainWindow, lockDownSession } from './window.ts';

/**
 * Electron entry (bundled to dist/electron/main.cjs). Thin on purpose: everything it wires is
 * tested in Node through createHandlers() and the pure security module; the bundle itself is
 * loaded under Node with a stand-in `electron` module by test/integration/main/smoke.test.ts.
 *
 * Storage uses conf directly (electron/core/document-file.ts), not electron-store: the
 * ElectronStore constructor registers `ipcMain.on('electron-store-get-data')`, which answers any
 * frame (no sender check) with the user-data path, and the app needs nothing else from it (it
 * passes its own folder and keeps its own schemaVersion migrations; the sandboxed renderer never
 * touches storage). So the only ipcMain listeners are the contract's, behind the sender check.
 */

// Bundled next to this file by scripts/build.ts.
const here = __dirname;
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, 'preload.cjs');
// pathToFileURL, not `file://` + path: an install folder with `#` or `%` stays one path.
const workerUrl = pathToFileURL(join(here, 'import-worker.mjs'));

function systemLocale(): Locale {
  return app.getPreferredSystemLanguages()[0]?.startsWith('ja') ? 'ja' : 'en';
}

/**
 * Start-up failed (e.g. the data folder cannot be opened): say so in an error box, give the
 * single-instance lock back and exit, so that the next launch starts afresh instead of handing
 * over to a windowless process.
 */
function failStartup(error: unknown, folder: string): void {
  const detail = error instanceof Error ? error.message : String(error);
  const text = formatMessage('APP_START_FAILED', { detail, folder }, systemLocale()) ?? detail;
  dialog.showErrorBox('IP Allowlist Manager', text);
  app.releaseSingleInstanceLock();
  app.exit(1);
}

/** Everything after the single-instance lock is ours. */
function start(): void {
  registerAppScheme();
  app.enableSandbox();
  let mainWindow: BrowserWindow | null = null;
  let created: CreatedHandlers | null = null;
  let unlock: (() => void) | null = null;

  app.on('web-contents-created', (_event, contents) => {
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('window-all-closed', () => app.quit());
  app.on('before-quit', () => {
    void (async () => {
      await created?.dispose();
      unlock?.();
    })();
  });

  void app.whenReady().then(async () => {
    const dataDir = join(app.getPath('userData'), 'data');
    try {
      lockDownSession();
      serveRenderer(rendererRoot);
      // The data folder is also used by browser mode: one running copy per folder.
      unlock = lockDataFolder(dataDir);
      created = await createHandlers({
        dataDir,
        dialogs: electronDialogs(() => mainWindow),
        importWorkerUrl: workerUrl,
        appInfo: {
          version: app.getVersion(),
          packaged: app.isPackaged,
          systemLocale: systemLocale(),
        },
        // Service calls through Chromium's stack: system proxy, PAC, OS certificate store.
        transport: createNetTransport((options) => net.request(options)),
      });
      const invoke = createInvoker(created.handlers, {
        allowedOrigins: [APP_ORIGIN],
        emit: (event, payload) => mainWindow?.webContents.send(event, payload),
      });
      // Every channel goes through the invoker: sender frame checked, input parsed.
      for (const channel of CHANNEL_NAMES) {
        ipcMain.handle(channel, (event, input: unknown) => invoke(channel, event, input));
      }
      mainWindow = createMainWindow({ preloadPath, packaged: app.isPackaged });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    } catch (error) {
      failStartup(error, dataDir);
    }
  });
}

// The Electron e2e spec gives each run a fresh profile folder (never honoured when packaged).
// Before the lock: the lock belongs to the user-data folder.
if (!app.isPackaged && process.env.ALLOWLIST_USER_DATA_DIR)
  app.setPath('userData', process.env.ALLOWLIST_USER_DATA_DIR);
// A second instance only wakes the first (its 'second-instance' event) and quits at once.
if (app.requestSingleInstanceLock()) start();
else app.quit();
