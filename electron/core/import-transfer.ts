import type { ImportedEntry } from '../../shared/import/index.ts';

/**
 * The imported entries as the import worker hands them to main (import-worker.ts ->
 * import-runner.ts): one string and three typed arrays, the arrays transferred, not copied.
 *
 * Measured on 100,000 entries: the structured clone of as many entry objects took ~90 ms of CPU
 * between the two threads, besides the zod check of each in main; this form moves in a few ms,
 * and unpackEntries makes the entry objects main keeps in one pass that checks them too.
 */
export type PackedEntries = {
  /** Every entry's ip, then its memo, one entry after the other. */
  text: string;
  /** The length in `text` of each entry's ip and of its memo (two numbers per entry). */
  lengths: Uint32Array;
  /** Each entry's prefix; NaN: none (null). */
  cidr: Float64Array;
  /** Each entry's spreadsheet row. */
  row: Float64Array;
};

/** The entries packed, and the buffers to transfer with them. */
export function packEntries(entries: readonly ImportedEntry[]): {
  packed: PackedEntries;
  transfer: ArrayBuffer[];
} {
  const n = entries.length;
  const parts: string[] = [];
  const lengths = new Uint32Array(2 * n);
  const cidr = new Float64Array(n);
  const row = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = entries[i] as ImportedEntry;
    parts.push(e.ip, e.memo);
    lengths[2 * i] = e.ip.length;
    lengths[2 * i + 1] = e.memo.length;
    cidr[i] = e.cidr === null ? Number.NaN : e.cidr;
    row[i] = e.row;
  }
  return {
    packed: { text: parts.join(''), lengths, cidr, row },
    transfer: [lengths.buffer, cidr.buffer, row.buffer],
  };
}

/**
 * The entries of a pack as the import gave them, or null when `value` is not a whole pack: the
 * lengths must cover the text exactly, prefixes and rows must be integers (what the IPC contract
 * says of an entry), so what main keeps is checked as it is built.
 */
export function unpackEntries(value: unknown): ImportedEntry[] | null {
  if (typeof value !== 'object' || value === null) return null;
  const { text, lengths, cidr, row } = value as Partial<PackedEntries>;
  if (
    typeof text !== 'string' ||
    !(lengths instanceof Uint32Array) ||
    !(cidr instanceof Float64Array) ||
    !(row instanceof Float64Array)
  )
    return null;
  const n = row.length;
  if (cidr.length !== n || lengths.length !== 2 * n) return null;
  const entries: ImportedEntry[] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const ipEnd = at + (lengths[2 * i] as number);
    const memoEnd = ipEnd + (lengths[2 * i + 1] as number);
    const prefix = cidr[i] as number;
    const r = row[i] as number;
    if (memoEnd > text.length || !Number.isInteger(r)) return null;
    if (!Number.isNaN(prefix) && !Number.isInteger(prefix)) return null;
    entries.push({
      ip: text.slice(at, ipEnd),
      cidr: Number.isNaN(prefix) ? null : prefix,
      memo: text.slice(ipEnd, memoEnd),
      row: r,
    });
    at = memoEnd;
  }
  return at === text.length ? entries : null;
}
