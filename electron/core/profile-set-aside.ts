import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { StoreNotice } from './document-file.ts';

/**
 * A hand-edited profiles.json where one profile record is wrong (a kind this version does not
 * know, a missing field): that profile is moved to `profiles.set-aside-<time>.json` and the admin
 * told which one and why, before the document is opened. Without this the whole file fails its
 * schema and is moved aside, taking every other profile with it. Its draft, history and hand-off
 * files stay where they are: putting the corrected record back brings them back.
 */
const idOf = (record: unknown): string | undefined =>
  typeof record === 'object' && record !== null && 'id' in record && typeof record.id === 'string'
    ? record.id
    : undefined;

export function setAsideBadProfiles(
  dir: string,
  schema: z.ZodType,
  onNotice: (notice: StoreNotice) => void,
): void {
  const path = join(dir, 'profiles.json');
  if (!existsSync(path)) return;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return; // Not JSON at all: document-file.ts recovers the whole file.
  }
  if (typeof doc !== 'object' || doc === null || !('profiles' in doc)) return;
  const records = doc.profiles;
  if (!Array.isArray(records)) return;
  const bad = records.flatMap((record: unknown) => {
    const parsed = schema.safeParse(record);
    return parsed.success ? [] : [{ record, issue: parsed.error.issues[0] }];
  });
  if (bad.length === 0) return;
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const aside = join(dir, `profiles.set-aside-${stamp}.json`);
  writeFileSync(aside, JSON.stringify({ profiles: bad.map((b) => b.record) }, null, 2));
  const kept = records.filter((r: unknown) => !bad.some((b) => b.record === r));
  const asideIds = new Set(bad.map((b) => idOf(b.record)));
  const settings: unknown = 'settings' in doc ? doc.settings : undefined;
  // The selected profile set aside: nothing is selected (the app then offers the first).
  const next =
    typeof settings === 'object' &&
    settings !== null &&
    'selectedId' in settings &&
    asideIds.has(settings.selectedId as string)
      ? { ...doc, profiles: kept, settings: { ...settings, selectedId: null } }
      : { ...doc, profiles: kept };
  const temp = `${path}.tmp-set-aside`;
  writeFileSync(temp, JSON.stringify(next, null, 2));
  renameSync(temp, path);
  for (const { record, issue } of bad) {
    const fields = (typeof record === 'object' && record !== null ? record : {}) as Record<
      string,
      unknown
    >;
    const name = typeof fields.name === 'string' ? fields.name : '(no name)';
    const field = issue?.path.map(String).join('.') || 'profile';
    const value = field in fields ? JSON.stringify(fields[field]).slice(0, 60) : 'missing';
    onNotice({
      code: 'PROFILE_SET_ASIDE',
      message: `The profile "${name}" in profiles.json has a wrong ${field} (${value}): ${issue?.message ?? 'unreadable'}. It was moved to ${aside}; the other profiles are unchanged. Correct it there and put it back, or add the profile again.`,
      params: { name, field, value, movedTo: aside },
    });
  }
}
