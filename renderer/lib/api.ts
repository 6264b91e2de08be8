import type { AllowlistApi, IpcError, IpcResult } from '../../shared/contract/ipc.ts';
import { formatMessage } from '../../shared/i18n/messages.ts';
import { currentLocale } from '../i18n/setup.ts';
import i18next from 'i18next';

declare global {
  interface Window {
    /** Exposed by the preload (electron/preload) or the e2e bridge: the only way to main. */
    allowlist?: AllowlistApi;
  }
}

/**
 * An IPC call that came back `{ ok: false }`: keeps the stable code for the UI to branch on.
 */
export class IpcCallError extends Error {
  readonly code: string;
  readonly params: Record<string, string | number> | undefined;
  /** The id of the sentence in shared/i18n (the code unless main named a more precise one). */
  readonly text: string;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'IpcCallError';
    this.code = error.code;
    this.params = error.params;
    this.text = error.text ?? error.code;
  }
}

/**
 * The main-process API (throws when the preload is missing: the app cannot work without it).
 */
export function api(): AllowlistApi {
  const bridge = window.allowlist;
  if (!bridge) throw new Error(i18next.t('app.bridgeMissing'));
  return bridge;
}

/**
 * Unwrap an IPC result: the value, or an IpcCallError carrying the code.
 */
export async function call<T>(pending: Promise<IpcResult<T>>): Promise<T> {
  const result = await pending;
  if (result.ok) return result.value;
  throw new IpcCallError(result.error);
}

/**
 * A sentence for an error, in the UI language: the error's text in shared/i18n (one home for
 * every error sentence, English and Japanese); main's English message only for a text the
 * table does not know (a newer main).
 */
export function errorText(error: unknown): string {
  if (error instanceof IpcCallError) {
    return formatMessage(error.text, error.params, currentLocale()) ?? error.message;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
