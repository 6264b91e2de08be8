import type { IpcErrorCode } from '../../shared/contract/ipc.ts';
import { CodedError, isCodedError, type ErrorParams } from '../../shared/errors.ts';
import type { ErrorTextId } from '../../shared/i18n/error-messages.ts';

/**
 * An error meant for the user: an IPC code and its params (shared/errors.ts CodedError).
 *
 * Main-process services throw it; `handle()` turns it into `{ ok: false, error }`. The sentence
 * is not built here: it lives in shared/i18n/error-messages.ts under `text` (default: the code),
 * in English and Japanese. Any other thrown value becomes `INTERNAL` with a generic sentence (its
 * text may hold details that must not reach the renderer).
 */
export class AppError extends CodedError<IpcErrorCode> {
  constructor(code: IpcErrorCode, params: ErrorParams = {}, text?: ErrorTextId | (string & {})) {
    super(code, params, text === undefined ? {} : { text });
    this.name = 'AppError';
  }
}

/** True for an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return isCodedError(value, 'AppError');
}

/** The file-system failures of the data folder that have a sentence (STORE_<errno>). */
const FOLDER_CODES = ['ENOTDIR', 'EEXIST', 'EISDIR', 'EACCES', 'EPERM', 'EROFS', 'ENOSPC'];

/**
 * A file-system failure of the app's data folder as STORE_ERROR naming the reason (text
 * STORE_<errno>); anything else is returned unchanged (a bug stays a bug).
 */
export function storeFailure(error: unknown, what: 'draft'): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const path = (error as NodeJS.ErrnoException | null)?.path;
  if (typeof code !== 'string' || !FOLDER_CODES.includes(code)) return error;
  return new AppError('STORE_ERROR', { reason: code, what, path: path ?? '?' }, `STORE_${code}`);
}
