import { z } from 'zod';
import { EntrySchema, ModeSchema, type ConfigSchema } from '../allowlist/schemas.ts';

/**
 * Zod schemas of the admin service contract v1 (docs/service-contract.md, openapi.json here).
 *
 * Used by the reference service to parse requests and by the client to parse responses: both
 * sides of the wire are trust boundaries.
 */

export const ApplyStateSchema = z.enum(['APPLYING', 'APPLIED']);
export type ApplyState = z.infer<typeof ApplyStateSchema>;

export const ApplySchema = z.object({
  state: ApplyStateSchema,
  revision: z.string(),
  appliedAt: z.string().optional(),
  /** While APPLYING: the last attempt to apply failed (the service retries at `retryAt`). */
  lastFailure: z
    .object({ reason: z.string(), failedAt: z.string(), retryAt: z.string() })
    .optional(),
});
export type Apply = z.infer<typeof ApplySchema>;

/** `GET /v1/ip-restrictions.json` 200 body. */
export const RestrictionSchema = z.object({
  mode: ModeSchema,
  entries: z.array(EntrySchema),
  revision: z.string(),
  apply: ApplySchema,
  limits: z.object({ maxEntries: z.number().int().positive() }),
});
export type Restriction = z.infer<typeof RestrictionSchema>;

/** `PUT /v1/ip-restrictions.json` body (strict: unknown keys are refused). */
export const PutBodySchema = z.strictObject({
  mode: ModeSchema,
  entries: z.array(
    z.strictObject({ ip: z.string(), cidr: z.number().int().nullable(), memo: z.string() }),
  ),
});
export type PutBody = z.infer<typeof PutBodySchema>;

/** `PUT` 202 body. */
export const PutAcceptedSchema = z.object({
  revision: z.string(),
  apply: ApplySchema,
});
export type PutAccepted = z.infer<typeof PutAcceptedSchema>;

/** `GET /v1/ip-restrictions/reset?token=…` 200 body. */
export const ResetDoneSchema = z.object({
  message: z.string(),
  revision: z.string(),
  mode: ModeSchema,
  apply: ApplySchema,
});
export type ResetDone = z.infer<typeof ResetDoneSchema>;

/** `GET /v1/client-ip.json` 200 body. */
export const ClientIpSchema = z.object({ ip: z.string() });

export const ValidationErrorItemSchema = z.object({
  index: z.number().int().optional(),
  field: z.string().optional(),
  code: z.string(),
  message: z.string(),
});

/** Every error body: code, message, requestId, plus fields named per code. */
export const ErrorBodySchema = z
  .object({
    code: z.string(),
    message: z.string(),
    requestId: z.string().optional(),
    currentRevision: z.string().optional(),
    clientIp: z.string().optional(),
    errors: z.array(ValidationErrorItemSchema).optional(),
  })
  .loose();
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/**
 * Typed outcome of a service call, for the UI to explain (issue 4 "Errors mapped to typed results").
 */
export type ServiceError =
  | { kind: 'OFFLINE'; message: string; requestId?: string }
  | { kind: 'TIMEOUT'; message: string; requestId?: string }
  | { kind: 'UNAUTHORIZED'; message: string; requestId?: string }
  | { kind: 'THROTTLED'; message: string; retryAfterSeconds: number | null; requestId?: string }
  | { kind: 'IP_RESTRICTED'; message: string; clientIp: string; requestId?: string }
  | { kind: 'REVISION_CONFLICT'; message: string; currentRevision: string; requestId?: string }
  | {
      kind: 'VALIDATION';
      message: string;
      errors: z.infer<typeof ValidationErrorItemSchema>[];
      requestId?: string;
    }
  | { kind: 'PRECONDITION_REQUIRED'; message: string; requestId?: string }
  | { kind: 'INSECURE_URL'; message: string }
  | { kind: 'REDIRECT_REFUSED'; message: string }
  /** TLS failed: an untrusted, self-signed, expired or mismatched certificate (never bypassed). */
  | { kind: 'CERTIFICATE_REFUSED'; message: string }
  /**
   * A PUT was sent, the connection failed before the answer, and the re-read that should tell
   * whether it was saved failed too: the save may or may not have happened. Pull before retrying.
   */
  | { kind: 'SAVE_OUTCOME_UNKNOWN'; message: string }
  | { kind: 'BAD_RESPONSE'; message: string; requestId?: string }
  | { kind: 'SERVER_ERROR'; message: string; status: number; requestId?: string };

export type ServiceResult<T> = { ok: true; value: T } | { ok: false; error: ServiceError };

/**
 * One connector to an admin service. The reference HTTP client implements it; another service
 * can be added later behind the same interface.
 */
export interface AllowlistService {
  /** Read the restriction with its revision. */
  get(): Promise<ServiceResult<Restriction>>;
  /** Save with If-Match: never blindly retried; a 412 comes back as REVISION_CONFLICT. */
  put(config: z.infer<typeof ConfigSchema>, revision: string): Promise<ServiceResult<PutAccepted>>;
  /** The caller's address as the service sees it. */
  clientIp(): Promise<ServiceResult<string>>;
}
