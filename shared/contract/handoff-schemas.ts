import { z } from 'zod';
import { ModeSchema } from '../allowlist/schemas.ts';
import { ProblemSchema } from './ipc-schemas.ts';

/**
 * Data shapes of the hand-off channels (cybozu.com tenants: the admin uploads the app's CSV on the
 * cybozu.com Store; electron/core/handoff.ts). Kept apart from the API profiles' shapes.
 */

/** What one "what is my IP" endpoint said. */
export const EgressAnswerSchema = z.object({
  url: z.string(),
  ip: z.string().nullable(),
  family: z.enum(['ipv4', 'ipv6']).nullable(),
  error: z.string().nullable(),
  /** A non-public address it answered (not usable; shared/handoff/egress.ts). */
  seen: z.string().optional(),
});

/** The admin's address as the endpoints saw it (electron/core/egress.ts). */
export const EgressSchema = z.object({
  /** Set only when every answer is the same IPv4 address. */
  ip: z.string().nullable(),
  verdict: z.enum(['agree', 'disagree', 'ipv6-only', 'none']),
  answers: z.array(EgressAnswerSchema),
  warning: z.string().nullable(),
});
export type EgressView = z.infer<typeof EgressSchema>;

/** The hand-off state of one profile. */
export const HandoffStatusSchema = z.object({
  profileId: z.string(),
  /** The list in force: the one last confirmed as saved on the Store (null: not stated yet). */
  inForce: z
    .object({
      revision: z.string(),
      /** As stated by the admin (typed or imported), not read from the service. */
      stated: z.boolean(),
      since: z.string(),
      mode: ModeSchema,
      entries: z.number().int(),
    })
    .nullable(),
  /** A file was made for the Store and not yet confirmed as saved there. */
  pending: z
    .object({
      preparedAt: z.string(),
      fileName: z.string().nullable(),
      mode: ModeSchema,
      entries: z.number().int(),
    })
    .nullable(),
  /** The last confirmed save: its Reset URL hour and recovery. */
  saved: z
    .object({
      revision: z.string(),
      savedAt: z.string(),
      /** The Reset URL in the completion e-mail works until about this time (counted from the file). */
      resetDeadline: z.string(),
      /** History item of the list before this save (what a restore brings back). */
      restoreHistoryId: z.string().nullable(),
      /** access-back: the admin got access back with "Allow all" on the Store. */
      phase: z.enum(['saved', 'access-back']),
    })
    .nullable(),
});
export type HandoffStatusView = z.infer<typeof HandoffStatusSchema>;

/** What the tenant's login page answered from this computer. */
export const SignInCheckSchema = z.object({
  url: z.string(),
  status: z.number().int().nullable(),
  location: z.string().nullable(),
  error: z.string().nullable(),
});

/** The answer of handoff:prepare. */
export const HandoffPrepareSchema = z.discriminatedUnion('status', [
  /** The file is saved (or, for "Allow all", nothing to upload): the guide follows. */
  z.object({
    status: z.literal('ready'),
    fileName: z.string().nullable(),
    mode: ModeSchema,
    entries: z.number().int(),
  }),
  /** Nothing was written: the Store would not take these entries (each named in `problems`). */
  z.object({
    status: z.literal('refused'),
    leftOut: z.array(
      z.object({ index: z.number().int(), reason: z.enum(['unencodable', 'errors']) }),
    ),
    problems: z.array(ProblemSchema),
  }),
  z.object({ status: z.literal('canceled') }),
]);
