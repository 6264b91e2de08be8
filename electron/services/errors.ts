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
