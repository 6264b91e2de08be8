import { diffConfigs, networkKey } from '../../../shared/allowlist/diff.ts';
import type { ConfigDiff } from '../../../shared/allowlist/diff.ts';
import type { Config, Entry } from '../../../shared/allowlist/model.ts';

/** How an import is applied to the working copy. */
export type CombineMode = 'merge' | 'replace';

/**
 * The working copy after an import, and what changed against the current one.
 *
 * `merge`: every current entry stays in place; a network the file also has takes the file's memo
 * when the file's memo is not empty; networks only in the file are appended in file order (a
 * network repeated in the file is added once). `replace`: the entries become exactly the file's.
 * The mode is never changed by an import.
 */
export function combineImport(
  current: Config,
  imported: readonly Entry[],
  mode: CombineMode,
): { config: Config; diff: ConfigDiff } {
  const entries = mode === 'replace' ? imported.map(plain) : mergeEntries(current, imported);
  const config: Config = { mode: current.mode, entries };
  return { config, diff: diffConfigs(current, config) };
}

function plain(entry: Entry): Entry {
  return { ip: entry.ip, cidr: entry.cidr, memo: entry.memo };
}

function mergeEntries(current: Config, imported: readonly Entry[]): Entry[] {
  const fromFile = new Map<string, Entry>();
  for (const entry of imported) {
    const key = networkKey(entry);
    if (!fromFile.has(key)) fromFile.set(key, entry);
  }
  const seen = new Set<string>();
  const out: Entry[] = current.entries.map((entry) => {
    const key = networkKey(entry);
    seen.add(key);
    const match = fromFile.get(key);
    if (match && match.memo.trim() !== '' && match.memo !== entry.memo)
      return { ...entry, memo: match.memo };
    return entry;
  });
  for (const [key, entry] of fromFile) {
    if (!seen.has(key)) out.push(plain(entry));
  }
  return out;
}
