import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { Dialogs, PickedFile } from '../../electron/ipc/deps.ts';

/**
 * File dialogs of browser mode: the browser is the dialog.
 *
 * Open: the page shows its own file input (or takes a drop) and sends the chosen file's bytes
 * with the call; the handler's `openImportFile()` / `openLogFile()` returns that file (null when
 * the user canceled). Save: the handler's `saveFile()` keeps the bytes as a one-time download
 * that the page hands to the browser. Everything is scoped to the one call (AsyncLocalStorage),
 * so concurrent calls never see each other's files.
 */

/** What one invoke call carries in and out besides input and result. */
export type CallFiles = {
  picked: PickedFile | null;
  download: { id: string; name: string } | null;
};

/** How long an export waits to be downloaded. */
const DOWNLOAD_TTL_MS = 5 * 60_000;

/** The dialogs for createHandlers plus what the server needs to carry files to and from the page. */
export type BrowserFiles = {
  dialogs: Dialogs;
  /** Run one call with its picked file; returns what the handler left for the page. */
  run<T>(
    picked: PickedFile | null,
    call: () => Promise<T>,
  ): Promise<{ value: T; files: CallFiles }>;
  /** Take a download by id (once). */
  takeDownload(id: string): { name: string; bytes: Uint8Array } | null;
  /** Forget pending downloads. */
  clear(): void;
};

/** Dialogs backed by the call's own files, and the store of pending downloads. */
export function createBrowserFiles(): BrowserFiles {
  const calls = new AsyncLocalStorage<CallFiles>();
  const downloads = new Map<string, { name: string; bytes: Uint8Array; timer: NodeJS.Timeout }>();
  const current = (): CallFiles | undefined => calls.getStore();
  const picked = async (): Promise<PickedFile | null> => {
    const files = current();
    if (!files) return null;
    const file = files.picked;
    files.picked = null;
    return file;
  };
  return {
    dialogs: {
      openImportFile: picked,
      openLogFile: picked,
      async saveFile(defaultName, bytes) {
        const files = current();
        if (!files) return null;
        const id = randomBytes(16).toString('base64url');
        const timer = setTimeout(() => downloads.delete(id), DOWNLOAD_TTL_MS);
        timer.unref();
        downloads.set(id, { name: defaultName, bytes, timer });
        files.download = { id, name: defaultName };
        return { name: defaultName };
      },
    },
    async run(file, call) {
      const files: CallFiles = { picked: file, download: null };
      const value = await calls.run(files, call);
      return { value, files };
    },
    takeDownload(id) {
      const entry = downloads.get(id);
      if (!entry) return null;
      downloads.delete(id);
      clearTimeout(entry.timer);
      return { name: entry.name, bytes: entry.bytes };
    },
    clear() {
      for (const entry of downloads.values()) clearTimeout(entry.timer);
      downloads.clear();
    },
  };
}
