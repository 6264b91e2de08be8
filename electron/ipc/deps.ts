import type { AllowlistService } from '../../shared/contract/service.ts';
import type { OpenConf } from '../core/document-file.ts';
import type { Transport } from '../core/http-transport.ts';
import type { SecretStore } from '../core/secrets.ts';
import type { ProfileRecord } from '../core/store.ts';

/**
 * What the handlers need from the outside world, injected so that they run without Electron
 * (unit tests, integration tests, the Playwright bridge) exactly as in the app.
 */

/** A file the user picked in a main-process dialog. */
export type PickedFile = { name: string; bytes: Uint8Array };

export type Dialogs = {
  openImportFile(): Promise<PickedFile | null>;
  openLogFile(): Promise<PickedFile | null>;
  /** Ask where to save, write the bytes; null when the user canceled. */
  saveFile(defaultName: string, bytes: Uint8Array): Promise<{ name: string } | null>;
};

export type AppInfo = {
  name: string;
  version: string;
  platform: string;
  packaged: boolean;
  systemLocale: 'en' | 'ja';
};

export type HandlerDeps = {
  /** Data folder: profiles, drafts, history (never secrets). */
  dataDir: string;
  /** Default: the OS keychain through keytar. */
  secrets?: SecretStore;
  /** How the HTTP client sends (default plain Node; the app passes Electron's `net`). */
  transport?: Transport;
  /** Build a service client for a profile and password. Default: the HTTP client. */
  createService?: (profile: ProfileRecord, getPassword: () => Promise<string>) => AllowlistService;
  /** Default: every dialog says it is not available (tests bring their own). */
  dialogs?: Dialogs;
  appInfo?: Partial<AppInfo>;
  /** Default: conf (document-file.ts openPlainConf), in the app too; tests inject faulty engines. */
  openConf?: OpenConf;
  /** Worker script for imports (the bundle's path in the app). */
  importWorkerUrl?: URL;
  /** Apply-state polling interval (ms). */
  applyPollMs?: number;
  /** Apply delay of the demo service (ms). */
  demoApplyDelayMs?: number;
  /** Log lines (never secrets). */
  log?: (line: string) => void;
};
