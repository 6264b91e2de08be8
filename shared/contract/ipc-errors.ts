import { z } from 'zod';

/**
 * Error of an IPC call: a stable UPPER_SNAKE code, its params, and the id of its sentence in
 * shared/i18n (`text`, when it is not the code itself). `message` is that sentence in English
 * (logs, tests); the renderer shows the one of the UI language (renderer/lib/api.ts errorText).
 */
export const IpcErrorSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  text: z.string().optional(),
});
export type IpcError = z.infer<typeof IpcErrorSchema>;

/** What every channel returns: handlers never throw across IPC. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

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
  'STORE_ERROR',
  'SERVICE_ERROR',
  'INTERNAL',
] as const;
export type IpcErrorCode = (typeof IPC_ERROR_CODES)[number];
