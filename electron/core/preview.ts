import { compileConfig } from '../../shared/allowlist/match.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { formatIPv4 } from '../../shared/ip/ipv4.ts';
import type { LogCounts } from '../../shared/log/scanner.ts';
import { scanLogStream } from '../../shared/log/stream.ts';
import { gunzip } from '../../node-shared/gunzip.ts';
import { TopCounts } from '../../shared/log/summary.ts';

/**
 * Preview of a login log: who is let in by the draft and by the live list. (Typed addresses are
 * checked in the renderer by shared/allowlist/address-check.ts.)
 */

/**
 * Count a log's addresses the way `allowlist impact` does (shared/log/stream.ts, the shared byte
 * scanner): the first address of each line; gzip (by its magic bytes) is inflated in a stream, so
 * the uncompressed log is never held whole.
 */
function countLog(bytes: Uint8Array): Promise<LogCounts> {
  // One chunk: the scanner copies it into its WebAssembly memory a piece at a time.
  const chunks = (async function* () {
    yield bytes;
  })();
  return scanLogStream(chunks, {}, gunzip);
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
  const draftList = compileConfig(draft);
  const liveList = live ? compileConfig(live) : null;
  log.table.forEach((value, count) => {
    const d = draftList.allowsUint32(value);
    const l = liveList?.allowsUint32(value) ?? true;
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
