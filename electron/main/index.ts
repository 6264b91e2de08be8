import { join } from 'node:path';
import { app, ipcMain, type BrowserWindow } from 'electron';
import Store from 'electron-store';
import { CHANNEL_NAMES } from '../../shared/contract/ipc.ts';
import { createInvoker } from '../ipc/handle.ts';
import { createHandlers } from '../ipc/handlers.ts';
import { electronDialogs } from './dialogs.ts';
import { openExternalLink } from './external.ts';
import { registerAppScheme, serveRenderer } from './protocol.ts';
import { APP_ORIGIN } from './security.ts';
import { createMainWindow, lockDownSession } from './window.ts';

/**
 * Electron entry (bundled to dist/electron/main.cjs). Thin on purpose: everything it wires is
 * tested in Node through createHandlers() and the pure security module.
 */

// Bundled next to this file by scripts/build.ts.
const here = __dirname;
const rendererRoot = join(here, '..', 'renderer');
const preloadPath = join(here, 'preload.cjs');
const workerUrl = new URL(`file://${join(here, 'import-worker.mjs')}`);

registerAppScheme();
app.enableSandbox();
// The Electron e2e spec gives each run a fresh profile folder (never honoured when packaged).
if (!app.isPackaged && process.env.ALLOWLIST_USER_DATA_DIR)
  app.setPath('userData', process.env.ALLOWLIST_USER_DATA_DIR);
if (!app.requestSingleInstanceLock()) app.quit();

let mainWindow: BrowserWindow | null = null;

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

app.on('second-instance', () => {
  if (mainWindow) {
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  }
});

void app.whenReady().then(async () => {
  lockDownSession();
  serveRenderer(rendererRoot);
  const created = await createHandlers({
    dataDir: join(app.getPath('userData'), 'data'),
    openConf: ({ cwd, configName }) =>
      new Store<Record<string, unknown>>({ cwd, name: configName, clearInvalidConfig: false }),
    dialogs: electronDialogs(() => mainWindow),
    openExternal: openExternalLink,
    importWorkerUrl: workerUrl,
    appInfo: {
      version: app.getVersion(),
      packaged: app.isPackaged,
      systemLocale: app.getPreferredSystemLanguages()[0]?.startsWith('ja') ? 'ja' : 'en',
    },
  });
  const invoke = createInvoker(created.handlers, {
    allowedOrigins: [APP_ORIGIN],
    emit: (event, payload) => mainWindow?.webContents.send(event, payload),
  });
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event, input: unknown) => invoke(channel, event, input));
  }
  mainWindow = createMainWindow({ preloadPath, packaged: app.isPackaged });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
  app.on('before-quit', () => void created.dispose());
});

app.on('window-all-closed', () => app.quit());
