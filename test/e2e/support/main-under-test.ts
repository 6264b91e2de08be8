import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import type { PickedFile } from '../../../electron/ipc/deps.ts';
import { PAGE_DIR, RENDERER_DIR } from '../../../host/server/build-page.ts';
import { startBrowserHost } from '../../../host/server/server.ts';

/** A file the browser downloaded (an export). */
export type SavedFile = { name: string; bytes: Uint8Array };

/** The app as a browser-mode user gets it: the real server, driven through the real page. */
export type MainUnderTest = {
  /** The URL printed for the user (the connection token in its fragment). */
  url: string;
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** The file the user picks in the browser's file chooser next time one opens. */
  pickFile: (file: PickedFile | null) => void;
  /** Files the browser downloaded so far, in order. */
  saved: SavedFile[];
  /** The n-th download (0-based), once the browser has finished it. */
  savedFile: (n: number) => Promise<SavedFile>;
  dispose: () => Promise<void>;
};

/**
 * Start browser mode (host/server, in this process) on a free loopback port with `dataDir`,
 * the real keychain and the real HTTP client, and wire the page's file chooser and downloads.
 * Nothing is injected into the page: it loads the server's URL and talks to it over HTTP.
 */
export async function startMainForTest(
  page: Page,
  options: { dataDir: string },
): Promise<MainUnderTest> {
  const host = await startBrowserHost({
    dataDir: options.dataDir,
    rendererDir: RENDERER_DIR,
    pageDir: PAGE_DIR,
    handlerDeps: { applyPollMs: 100, demoApplyDelayMs: 300 },
  });
  const picks: (PickedFile | null)[] = [];
  // The user answers the browser's own file chooser with the file the test queued.
  page.on('filechooser', (chooser) => {
    const file = picks.shift();
    if (file === undefined) return;
    void chooser
      .setFiles(
        file
          ? {
              name: file.name,
              mimeType: 'application/octet-stream',
              buffer: Buffer.from(file.bytes),
            }
          : [],
      )
      .catch(() => undefined);
  });
  const saved: SavedFile[] = [];
  const waiters: (() => void)[] = [];
  let downloads = Promise.resolve();
  page.on('download', (download) => {
    downloads = downloads.then(async () => {
      const path = await download.path();
      saved.push({
        name: download.suggestedFilename(),
        bytes: new Uint8Array(await readFile(path)),
      });
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  const savedFile = async (n: number): Promise<SavedFile> => {
    while (saved.length <= n) await new Promise<void>((wake) => waiters.push(wake));
    return saved[n]!;
  };
  return {
    url: host.url,
    origin: host.origin,
    pickFile: (file) => picks.push(file),
    saved,
    savedFile,
    dispose: () => host.close(),
  };
}
