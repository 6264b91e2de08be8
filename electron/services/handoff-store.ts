import { join } from 'node:path';
import { z } from 'zod';
import { ConfigSchema } from '../../shared/allowlist/model.ts';
import { openDocument, type DocumentFile, type OpenConf } from './document-file.ts';

/**
 * handoff/<profileId>.json: what a hand-off profile needs besides its draft and history: the file
 * made for the cybozu.com Store and not yet confirmed as saved there, and the last confirmed save
 * (its Reset URL hour and recovery). No secrets. Removed with the profile (store.ts).
 */

export const PendingRecordSchema = z.object({
  planId: z.string(),
  /** The list in the file (what the admin uploads). */
  config: ConfigSchema,
  /** The list in force it was planned against. */
  baseRevision: z.string(),
  preparedAt: z.string(),
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

const HandoffDocSchema = z.object({
  pending: PendingRecordSchema.nullable(),
  saved: SavedRecordSchema.nullable(),
});
export type HandoffDoc = z.infer<typeof HandoffDocSchema>;

export type HandoffStore = {
  get(profileId: string): HandoffDoc;
  set(profileId: string, doc: HandoffDoc): void;
};

export function openHandoffStore(options: { dir: string; openConf?: OpenConf }): HandoffStore {
  const docs = new Map<string, DocumentFile<HandoffDoc>>();
  const doc = (id: string): DocumentFile<HandoffDoc> => {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new Error('Invalid profile id.');
    let found = docs.get(id);
    if (!found) {
      found = openDocument({
        ...(options.openConf ? { openConf: options.openConf } : {}),
        dir: join(options.dir, 'handoff'),
        name: id,
        version: 1,
        migrations: [],
        schema: HandoffDocSchema,
        empty: () => ({ pending: null, saved: null }),
      });
      docs.set(id, found);
    }
    return found;
  };
  return {
    get: (id) => doc(id).read(),
    set: (id, value) => doc(id).write(value),
  };
}
