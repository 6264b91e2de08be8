import type { Config, Entry } from '../allowlist/model.ts';
import { makeProblem } from '../allowlist/problem.ts';
import type { Problem } from '../allowlist/model.ts';

/**
 * "The restriction is off": the service's list is "Allow all" while the revision this app knew
 * before restricted access with entries (a Reset URL, or someone turning the restriction off).
 */
export type RestrictionOff = { revision: string; entries: Entry[] };

type Known = { revision: string; config: Config; restrictionOff?: RestrictionOff | undefined };

/**
 * The note for a newly pulled list, from the one known before it: set when the restriction went
 * off (ALLOW_SPECIFIC with entries → ALLOW_ALL), kept while it stays off, dropped once it is on.
 */
export function restrictionOffAfter(
  previous: Known | null,
  pulled: Config,
): RestrictionOff | undefined {
  if (pulled.mode !== 'ALLOW_ALL' || previous === null) return undefined;
  if (previous.config.mode === 'ALLOW_SPECIFIC' && previous.config.entries.length > 0)
    return { revision: previous.revision, entries: previous.config.entries };
  return previous.restrictionOff;
}

/** The plan's warning while the working copy keeps the restriction off (field `mode`). */
export function restrictionOffProblem(off: RestrictionOff, working: Config): Problem | null {
  if (working.mode !== 'ALLOW_ALL') return null;
  return makeProblem(
    'RESTRICTION_STAYS_OFF',
    'warning',
    { revision: off.revision, count: off.entries.length },
    { field: 'mode' },
  );
}

/**
 * The working copy with the restriction back on: "Allow specific" with its own entries, then the
 * entries in force before that are not already in it (same address, prefix and memo).
 */
export function restrictionBackOn(working: Config, off: RestrictionOff): Config {
  const has = (e: Entry) =>
    working.entries.some((w) => w.ip === e.ip && w.cidr === e.cidr && w.memo === e.memo);
  return {
    mode: 'ALLOW_SPECIFIC',
    entries: [...working.entries, ...off.entries.filter((e) => !has(e))],
  };
}
