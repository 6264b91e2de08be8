import { z } from 'zod';
import { ConfigSchema } from '../../shared/allowlist/schemas.ts';

/**
 * handoff/<profileId>.json: what a hand-off profile needs besides its draft and history: the file
 * made for the cybozu.com Store and not yet confirmed as saved there, and the last confirmed save
 * (its Reset URL hour and recovery). No secrets. Read and written through the app store
 * (store.ts `getHandoff` / `saveHandoff`), removed with the profile.
 */

export const PendingRecordSchema = z.object({
  planId: z.string(),
  /** The list in the file (what the admin uploads). */
  config: ConfigSchema,
  /** The list in force it was planned against. */
  baseRevision: z.string(),
  preparedAt: z.string(),
  /**
   * When the first file for this list in force was made while an earlier one was still waiting
   * (absent: this is the first). The Store may have taken that earlier file, so the Reset URL hour
   * counts from it.
   */
  firstPreparedAt: z.string().optional(),
  fileName: z.string().nullable(),
});
export type PendingRecord = z.infer<typeof PendingRecordSchema>;

export const SavedRecordSchema = z.object({
  revision: z.string(),
  savedAt: z.string(),
  resetDeadline: z.string(),
  restoreHistoryId: z.string().nullable(),
  phase: z.enum(['saved', 'access-back']),
});
export type SavedRecord = z.infer<typeof SavedRecordSchema>;

/** handoff/<profileId>.json (opened by store.ts, like the other per-profile documents). */
export const HandoffDocSchema = z.object({
  pending: PendingRecordSchema.nullable(),
  saved: SavedRecordSchema.nullable(),
});
export type HandoffDoc = z.infer<typeof HandoffDocSchema>;
