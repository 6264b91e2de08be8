import { compileMatcher } from '../../shared/allowlist/match.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { pipeline, Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { formatIPv4 } from '../../shared/ip/ipv4.ts';
import { parseIpInput, parseIPv4Strict } from '../../shared/ip/parse.ts';
import type { LogCounts } from '../../shared/log/scanner.ts';
import { scanLogStream } from '../../shared/log/stream.ts';
import { TopCounts } from '../../shared/log/summary.ts';

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

/**
 * Count a log's addresses the way `allowlist impact` does (shared/log/stream.ts, the shared byte
 * scanner): the first address of each line; gzip (by its magic bytes) is inflated in a stream, so
 * the uncompressed log is never held whole.
 */
function countLog(bytes: Uint8Array): Promise<LogCounts> {
  // A Buffer view (no copy): the scanner's newline search is then memchr.
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const chunks = (async function* () {
    yield buffer;
  })();
  return scanLogStream(chunks, {}, (compressed) =>
    pipeline(Readable.from(compressed), createGunzip(), () => {}),
  );
}

/** How many denied addresses the preview lists. */
const TOP = 20;

/** Impact of the draft on the addresses found in a login log (plain or gzip). */
export async function analyzeImpact(
  fileName: string,
  bytes: Uint8Array,
  draft: Config,
  live: Config | null,
) {
  const log = await countLog(bytes);
  let losingAccess = 0;
  let gainingAccess = 0;
  let deniedByDraft = 0;
  // Those losing access first, then by count: two top lists, the first filled first.
  const losing = new TopCounts(TOP);
  const stillDenied = new TopCounts(TOP);
  const draftMatcher = compileMatcher(draft.entries);
  const liveMatcher = live ? compileMatcher(live.entries) : null;
  log.table.forEach((value, count) => {
    const d = draft.mode === 'ALLOW_ALL' || draftMatcher.allowsUint32(value);
    const l = !live || live.mode === 'ALLOW_ALL' || (liveMatcher?.allowsUint32(value) ?? true);
    if (!d) {
      deniedByDraft += 1;
      if (l) {
        losingAccess += 1;
        losing.offer(value, count);
      } else stillDenied.offer(value, count);
    } else if (!l) gainingAccess += 1;
  });
  const topDenied = [
    ...losing.items.map(([v, count]) => ({ ip: formatIPv4(v), count, allowedLive: true })),
    ...stillDenied.items.map(([v, count]) => ({ ip: formatIPv4(v), count, allowedLive: false })),
  ].slice(0, TOP);
  return {
    fileName,
    lines: log.lines,
    addresses: log.table.size,
    losingAccess,
    gainingAccess,
    deniedByDraft,
    topDenied,
  };
}
