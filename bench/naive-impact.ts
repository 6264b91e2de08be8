import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import ipaddr from 'ipaddr.js';

/**
 * The naive baseline of bench/impact.bench.ts, as an admin would write it with ipaddr.js and run
 * it end to end: `node bench/naive-impact.ts LIST.json LOG` reads the log line by line, takes the
 * first dotted quad of each line, `ipaddr.parse`s it and matches it against every range of the
 * list, and prints what `allowlist impact --json` prints about the same log: lines, allowed and
 * denied lines, distinct denied addresses and the ten most frequent ones.
 *
 * Not run by `npm run bench` itself (no `.bench.ts`): impact.bench.ts starts it as a process, as
 * it starts `allowlist impact`.
 */
const [listPath, logPath] = process.argv.slice(2) as [string, string];
const list = JSON.parse(readFileSync(listPath, 'utf8')) as {
  entries: { ip: string; cidr: number | null }[];
};
const ranges = list.entries.map((e) => ipaddr.parseCIDR(`${e.ip}/${e.cidr ?? 32}`));

let lines = 0;
let allowed = 0;
let denied = 0;
const deniedCounts = new Map<string, number>();
for await (const line of createInterface({
  input: createReadStream(logPath),
  crlfDelay: Infinity,
})) {
  lines += 1;
  const m = /\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}/.exec(line);
  if (!m || !ipaddr.isValid(m[0])) continue;
  const address = ipaddr.parse(m[0]);
  if (ranges.some((range) => address.match(range))) {
    allowed += 1;
  } else {
    denied += 1;
    deniedCounts.set(m[0], (deniedCounts.get(m[0]) ?? 0) + 1);
  }
}
const topDenied = [...deniedCounts]
  .sort((a, b) => b[1] - a[1])
  .slice(0, 10)
  .map(([ip, count]) => ({ ip, count }));
process.stdout.write(
  `${JSON.stringify({ lines, allowed, denied, uniqueDenied: deniedCounts.size, topDenied })}\n`,
);
