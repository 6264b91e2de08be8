import type { IpcErrorCode } from '../../shared/contract/ipc.ts';

/**
 * An error meant for the user: a stable code and a plain sentence.
 *
 * Main-process services throw it; `handle()` turns it into `{ ok: false, error }`. Any other
 * thrown value becomes `INTERNAL` with a generic sentence (its text may hold details that must
 * not reach the renderer).
 */
export class AppError extends Error {
  readonly code: IpcErrorCode;
  readonly params: Record<string, string | number> | undefined;

  constructor(code: IpcErrorCode, message: string, params?: Record<string, string | number>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

/** True for an AppError (also across module copies, by shape). */
export function isAppError(value: unknown): value is AppError {
  return (
    value instanceof AppError ||
    (value instanceof Error && value.name === 'AppError' && 'code' in value)
  );
}

const FOLDER_CODES: Record<string, string> = {
  ENOTDIR: 'a part of its path is a file, not a folder',
  EEXIST: 'a file is in the way where a folder should be',
  EISDIR: 'a folder is in the way where a file should be',
  EACCES: 'the app may not write there',
  EPERM: 'the app may not write there',
  EROFS: 'the disk is read-only',
  ENOSPC: 'the disk is full',
};

/**
 * A file-system failure of the app's data folder as STORE_ERROR naming the reason; anything else
 * is returned unchanged (a bug stays a bug).
 */
export function storeFailure(error: unknown, what: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const path = (error as NodeJS.ErrnoException | null)?.path;
  if (typeof code !== 'string' || !(code in FOLDER_CODES)) return error;
  return new AppError(
    'STORE_ERROR',
    `The ${what} could not be kept on this computer: ${FOLDER_CODES[code]}${path ? ` (${path})` : ''}. Fix the app's data folder and try again.`,
    { reason: code },
  );
}
