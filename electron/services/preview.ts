import { compileMatcher } from '../../shared/allowlist/match.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { parseIpInput, parseIPv4Strict } from '../../shared/ip/parse.ts';
import { decodeText } from '../../shared/import/text.ts';

/**
 * Preview: who is let in by the draft and by the live list.
 */

/** Check each address in free text (any separator) against draft and live. */
export function checkAddresses(text: string, draft: Config, live: Config | null) {
  // Every token is answered: the input size is bounded by the channel schema, not by cutting here.
  const tokens = text.split(/[\s,;]+/).filter((t) => t.length > 0);
  const draftMatcher = compileMatcher(draft.entries);
  const liveMatcher = live ? compileMatcher(live.entries) : null;
  return tokens.map((input) => {
    const value = parseIPv4Strict(input);
    if (value === null) {
      const parsed = parseIpInput(input);
      const problem = parsed.ok
        ? {
            code: 'NOT_A_SINGLE_ADDRESS',
            severity: 'error' as const,
            message: `"${input}" is a network, not one address: enter one address to check.`,
            params: { input },
          }
        : parsed.problem;
      return { input, ip: null, problem, draft: null, live: null };
    }
    const d = draftMatcher.matches(value);
    const l = liveMatcher?.matches(value) ?? [];
    return {
      input,
      ip: input,
      problem: null,
      draft: { allowed: draft.mode === 'ALLOW_ALL' || d.length > 0, matches: d },
      live: live ? { allowed: live.mode === 'ALLOW_ALL' || l.length > 0, matches: l } : null,
    };
  });
}

const IPV4_IN_TEXT = /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])/g;

/** Impact of the draft on the addresses found in a login log. */
export function analyzeImpact(
  fileName: string,
  bytes: Uint8Array,
  draft: Config,
  live: Config | null,
) {
  const { text } = decodeText(bytes);
  const counts = new Map<string, number>();
  let lines = 0;
  for (const line of text.split(/\r?\n/)) {
    if (line.length === 0) continue;
    lines += 1;
    for (const match of line.matchAll(IPV4_IN_TEXT)) {
      if (parseIPv4Strict(match[0]) === null) continue;
      counts.set(match[0], (counts.get(match[0]) ?? 0) + 1);
    }
  }
  let losingAccess = 0;
  let gainingAccess = 0;
  let deniedByDraft = 0;
  const denied: { ip: string; count: number; allowedLive: boolean }[] = [];
  const draftMatcher = compileMatcher(draft.entries);
  const liveMatcher = live ? compileMatcher(live.entries) : null;
  for (const [ip, count] of counts) {
    const value = parseIPv4Strict(ip) as number;
    const d = draft.mode === 'ALLOW_ALL' || draftMatcher.allows(value);
    const l = !live || live.mode === 'ALLOW_ALL' || (liveMatcher?.allows(value) ?? true);
    if (!d) {
      deniedByDraft += 1;
      denied.push({ ip, count, allowedLive: l });
      if (l) losingAccess += 1;
    } else if (!l) gainingAccess += 1;
  }
  denied.sort((a, b) => Number(b.allowedLive) - Number(a.allowedLive) || b.count - a.count);
  return {
    fileName,
    lines,
    addresses: counts.size,
    losingAccess,
    gainingAccess,
    deniedByDraft,
    topDenied: denied.slice(0, 20),
  };
}
