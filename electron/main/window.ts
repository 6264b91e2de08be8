import { BrowserWindow, session } from 'electron';
import { openExternalLink } from './external.ts';
import { APP_ENTRY, isAppUrl, secureWebPreferences } from './security.ts';

/** Deny every permission request (camera, notifications, …) in the default session. */
export function lockDownSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
}

/** The main window: sandboxed, isolated, no navigation away, no new windows. */
export function createMainWindow(options: {
  preloadPath: string;
  packaged: boolean;
}): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'IP Allowlist Manager',
    webPreferences: secureWebPreferences(options.preloadPath, options.packaged),
  });
  const contents = win.webContents;
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    void openExternalLink(url);
    return { action: 'deny' };
  });
  if (options.packaged) {
    contents.on('devtools-opened', () => contents.closeDevTools());
  }
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_ENTRY);
  return win;
}
