import { createInvoker } from '../../../electron/ipc/handle.ts';
import type { Invoke } from '../../../electron/ipc/handle.ts';
import { createHandlers } from '../../../electron/ipc/handlers.ts';
import type { Dialogs, PickedFile } from '../../../electron/ipc/deps.ts';
import { APP_ORIGIN } from './bridge.ts';

/** The real main-process side of the app, running in the test process. */
export type MainUnderTest = {
  invoke: Invoke;
  /** The next file the main process's open dialog "picks" (the OS dialog is the one fake). */
  pickFile: (file: PickedFile | null) => void;
  /** Files the save dialog wrote. */
  saved: { name: string; bytes: Uint8Array }[];
  dispose: () => Promise<void>;
};

/**
 * Build the real handlers (store in `dataDir`, real keychain, real HTTP client) behind the real
 * `createInvoker`, accepting calls only from the page's app origin, main frame.
 */
export async function startMainForTest(options: {
  dataDir: string;
  emit: (event: string, payload: unknown) => void;
}): Promise<MainUnderTest> {
  const picks: (PickedFile | null)[] = [];
  const saved: MainUnderTest['saved'] = [];
  // OS file dialogs cannot be driven headless: they hand over files the test queued.
  const dialogs: Dialogs = {
    openImportFile: async () => picks.shift() ?? null,
    openLogFile: async () => picks.shift() ?? null,
    saveFile: async (defaultName, bytes) => {
      saved.push({ name: defaultName, bytes });
      return { name: defaultName };
    },
  };
  const created = await createHandlers({
    dataDir: options.dataDir,
    dialogs,
    applyPollMs: 100,
    demoApplyDelayMs: 300,
  });
  const invoke = createInvoker(created.handlers, {
    allowedOrigins: [APP_ORIGIN],
    emit: (event, payload) => options.emit(event, payload),
  });
  return { invoke, pickFile: (file) => picks.push(file), saved, dispose: () => created.dispose() };
}
