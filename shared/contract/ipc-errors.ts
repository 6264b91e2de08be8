import { z } from 'zod';

/** Error of an IPC call: a stable UPPER_SNAKE code and an English sentence. */
export type IpcError = { code: string; message: string; params?: Record<string, string | number> };

/** What every channel returns: handlers never throw across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const IpcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});

/** Error codes of the IPC layer and main-process services. */
export const IPC_ERROR_CODES = [
  'INVALID_INPUT',
  'FORBIDDEN_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'KEYCHAIN_UNAVAILABLE',
  'PASSWORD_REQUIRED',
  'OFFLINE',
  'TIMEOUT',
  'UNAUTHORIZED',
  'THROTTLED',
  'IP_RESTRICTED',
  'VALIDATION_FAILED',
  'NOT_PULLED',
  'NOTHING_TO_PUSH',
  'PLAN_STALE',
  'PLAN_BLOCKED',
  'CONFIRMATION_REQUIRED',
  'LOCKOUT_CHANGED',
  'MERGE_PENDING',
  'UNRESOLVED_CONFLICTS',
  'IMPORT_FAILED',
  'IMPORT_CANCELED',
  'EXPORT_FAILED',
  'LINK_NOT_ALLOWED',
  'STORE_ERROR',
  'SERVICE_ERROR',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
