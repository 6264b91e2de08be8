/**
 * The per-address counts of a scan, read from the scanner's table (wasm/log-scanner.ts builds it:
 * open addressing on one typed array, key and count side by side, `slots[2i]` and
 * `slots[2i + 1]`, count 0 marking an empty slot). The table doubles at half load, so it holds at
 * most 4 slots of 8 bytes (32 bytes) per distinct address, 48 while it doubles.
 *
 * Read-only here: counting and merging happen in the scanner (LogScanner.push, .absorb).
 */
export class CountTable {
  private readonly count: number;
  private readonly view: () => Uint32Array;

  /**
   * A table over `slots` (from `slotArray()`, e.g. sent by a worker), or over the slots a function
   * returns (a fresh view on a WebAssembly memory, which a grown memory detaches); `size` is
   * counted if absent.
   */
  constructor(slots: Uint32Array | (() => Uint32Array), size?: number) {
    this.view = typeof slots === 'function' ? slots : () => slots;
    let n = 0;
    if (size === undefined) {
      const s = this.view();
      for (let i = 1; i < s.length; i += 2) if (s[i] !== 0) n++;
    }
    this.count = size ?? n;
  }

  /**
   * Distinct keys held. Asked of a table that can no longer be read (a scanner's table handed
   * off or changed since), it throws as reading the table does, rather than give a stale size.
   */
  get size(): number {
    this.view();
    return this.count;
  }

  /** Call `fn(key, count)` for every key (table order). */
  forEach(fn: (key: number, count: number) => void): void {
    const s = this.view();
    for (let i = 1; i < s.length; i += 2) {
      const n = s[i] as number;
      if (n !== 0) fn(s[i - 1] as number, n);
    }
  }

  /** The raw slots (key, count pairs; count 0 = empty). */
  slotArray(): Uint32Array {
    return this.view();
  }
}
