/**
 * The reference the log scanner's tests check it against (shared/log/scanner.ts, fields.ts): a
 * line's address is its first dotted quad not glued to other digits or dots whose octets are all
 * at most 255; octets are decimal (a zero-padded `010` is 10), as the scanner documents.
 */

const QUAD = /(?<![\d.])(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})(?!\d|\.\d)/g;

/** The octets of the line's first address, or null when it has none. */
export function firstOctets(line: string): number[] | null {
  for (const m of line.matchAll(QUAD)) {
    const octets = m.slice(1, 5).map(Number);
    if (octets.every((o) => o <= 255)) return octets;
  }
  return null;
}

/**
 * What the scanner should count in `text`: split on "\n" (a last line without one counts), a line
 * longer than `maxLine` skipped (its length without a "\r" that ends it: CRLF's line end), and per
 * address (written by `address`) how many lines start with or contain it first.
 */
export function scanOracle(
  text: string,
  maxLine = Infinity,
  address: (octets: number[]) => string = (octets) => octets.join('.'),
) {
  const parts = text.split('\n');
  if (parts[parts.length - 1] === '') parts.pop();
  const table = new Map<string, number>();
  let addresses = 0;
  let overlongLines = 0;
  for (const line of parts) {
    if (line.length - (line.endsWith('\r') ? 1 : 0) > maxLine) {
      overlongLines += 1;
      continue;
    }
    const octets = firstOctets(line);
    if (octets === null) continue;
    const ip = address(octets);
    addresses += 1;
    table.set(ip, (table.get(ip) ?? 0) + 1);
  }
  return { lines: parts.length, addresses, overlongLines, table };
}
