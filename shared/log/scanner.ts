import { CountTable } from './count-table.ts';
import { lineDelimiter, LOG_DELIMITERS, type LogDelimiter } from './fields.ts';
import { SCANNER_WASM_BASE64 } from './scanner-wasm.ts';

/**
 * Lines longer than this (bytes, line end excluded: "\n" or "\r\n") are skipped and counted,
 * never buffered.
 */
export const MAX_LINE_BYTES = 64 * 1024;

/** Input room of a scanner fed by `push` (a reader using `writable` may ask for more). */
const DEFAULT_INPUT_BYTES = 256 * 1024;

export type LogScanOptions = {
  /** 1-based field holding the address; absent: the first IPv4 address on the line. */
  column?: number;
  /** How fields are separated; absent: detected from the first non-blank line. */
  delimiter?: LogDelimiter;
  /** Longest line kept (default MAX_LINE_BYTES). */
  maxLineBytes?: number;
  /** Input room in bytes besides the longest line (default 256 KB): what `writable` offers. */
  inputBytes?: number;
};

/** What a scan found: line counts and the per-address count table. */
export type LogCounts = {
  lines: number;
  /** Lines with an address (in `column` when given). */
  addresses: number;
  /** Lines over `maxLineBytes`, skipped unread (counted in `lines`). */
  overlongLines: number;
  maxLineBytes: number;
  /** The delimiter used (taken or detected; 'space' when the log had no line to detect from). */
  delimiter: LogDelimiter;
  table: CountTable;
  /**
   * Judge every distinct address against a list, in the module (see `Judged`); the table stays as
   * it is. Memory: 8 bytes per distinct address and the list's intervals, once.
   */
  judge(list: Intervals, top: number): Judged;
};

/** A list's merged intervals: sorted, disjoint, inclusive (shared/allowlist/match.ts). */
export type Intervals = { starts: ArrayLike<number>; ends: ArrayLike<number> };

/** What `judge` found: lines of allowed and of denied addresses, and the most frequent denied. */
export type Judged = {
  allowedLines: number;
  deniedLines: number;
  /** Distinct denied addresses. */
  deniedAddresses: number;
  /**
   * The denied addresses that can be among the `top` most frequent: every one whose count is at
   * least the `top`-th largest (none for `top` 0), as (address, count) pairs side by side in table
   * order, a view on the module's memory. Found in the module: offering a million denied
   * addresses to the top list one by one took ~11 ms, in code not yet optimized.
   *
   * Read it before judging again or absorbing another table: both write over that memory, and
   * after either this throws rather than show another judging's addresses.
   */
  readonly topCandidates: Uint32Array;
};

/**
 * The exports of wasm/log-scanner.ts. Its addresses (usize) and counts (u32) arrive as signed
 * 32-bit numbers: an address past 2 GB (the list room and denied pairs of a table of 2^28 slots)
 * is negative until read with `>>> 0`.
 */
type ScannerExports = {
  memory: { buffer: ArrayBuffer };
  init(bytes: number, maxLine: number, column: number, delimiter: number): number;
  setDelimiter(code: number): void;
  seal(to: number): void;
  findNewline(from: number, to: number): number;
  lineOverCap(from: number, nl: number): number;
  scan(from: number, to: number): number;
  carry(from: number, to: number): void;
  absorb(pairs: number): void;
  pack(): number;
  listRoom(n: number): number;
  judge(top: number): void;
  judgedAllowedLines(): number;
  judgedDeniedLines(): number;
  judgedDeniedPairs(): number;
  judgedCandidates(): number;
  deniedPtr(): number;
  scannedLines(): number;
  scannedAddresses(): number;
  scannedOverlong(): number;
  tablePtr(): number;
  tableLength(): number;
  tableSize(): number;
  tableOverflowed(): number;
  tableFull(): number;
};

/** The part of the WebAssembly API used here (shared/ is typed without DOM or Node globals). */
type WasmApi = {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: unknown };
};
const runtime = globalThis as unknown as { WebAssembly: WasmApi; atob(base64: string): string };

let compiled: object | undefined;

/** A new instance of the scanner's module (compiled once per thread, ~3 KB). */
function instantiate(): ScannerExports {
  if (compiled === undefined) {
    const text = runtime.atob(SCANNER_WASM_BASE64);
    const bytes = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
    compiled = new runtime.WebAssembly.Module(bytes);
  }
  const abort = () => {
    throw new Error('log scanner: internal error');
  };
  return new runtime.WebAssembly.Instance(compiled, { env: { abort } }).exports as ScannerExports;
}

const NL = 10;

/**
 * Streaming count of the addresses in a log: `push` its bytes in chunks of any size (or write
 * them into `writable()` and call `wrote`), then `end`.
 *
 * Lines are cut at "\n"; a last line without one counts too. The bytes are scanned in the
 * WebAssembly module's memory (wasm/log-scanner.ts reads the addresses and keeps the count
 * table); a line cut by a chunk end is moved to the start of the input and completed by the next
 * bytes, never longer than `maxLineBytes`: a longer line is skipped and counted, so memory stays
 * bounded on a file without newlines. The same scanner serves the CLI (files, gzip, stdin, worker
 * threads) and the app's log preview.
 *
 * Memory: the input room (`inputBytes` + `maxLineBytes`), plus the count table (at most 32 bytes
 * per distinct address, 48 while it doubles), plus 8 bytes per distinct address and the list's
 * intervals once judged (`LogCounts.judge`).
 */
export class LogScanner {
  lines = 0;
  addresses = 0;
  overlongLines = 0;
  private delimiter: LogDelimiter | undefined;
  private readonly maxLine: number;
  private readonly wasm: ScannerExports;
  /** Where the input starts in the module's memory, and its room in bytes. */
  private readonly inputAt: number;
  private readonly room: number;
  /** Bytes of an incomplete line at the start of the input. */
  private carryLength = 0;
  /** Inside an over-long line: drop bytes up to the next newline. */
  private skipping = false;
  private finished = false;
  /** The table was handed off (`handOff`): its slots no longer hold it. */
  private spent = false;
  /** Tables absorbed so far: counts taken by `end` before an absorb no longer describe the table. */
  private absorbed = 0;
  /** Judgings and absorbs so far: each writes over the memory a `Judged` reads. */
  private writes = 0;

  constructor(options: LogScanOptions = {}) {
    const maxLine = options.maxLineBytes ?? MAX_LINE_BYTES;
    const inputBytes = options.inputBytes ?? DEFAULT_INPUT_BYTES;
    if (!Number.isSafeInteger(maxLine) || maxLine < 0 || maxLine > 256 * 1024 * 1024)
      throw new RangeError(`maxLineBytes must be 0 to 268,435,456, not ${maxLine}.`);
    if (!Number.isSafeInteger(inputBytes) || inputBytes < 1 || inputBytes > 256 * 1024 * 1024)
      throw new RangeError(`inputBytes must be 1 to 268,435,456, not ${inputBytes}.`);
    const column = options.column ?? 0;
    if (!(Number.isInteger(column) || column === Infinity) || column < 0)
      throw new RangeError(`column must be a field number (1-based), not ${column}.`);
    this.maxLine = maxLine;
    this.delimiter = options.delimiter;
    // At least one (key, count) pair: `absorb` passes a table through the input room.
    this.room = Math.max(inputBytes + maxLine + 1, 8);
    this.wasm = instantiate();
    this.inputAt = this.wasm.init(
      this.room,
      maxLine,
      // The module's column is a u32: a larger one must not wrap to a field that exists (2^32 + 1
      // is no field 1). No line has 2^32 - 1 fields (it would be longer than the cap allows).
      Math.min(column, 0xffffffff),
      LOG_DELIMITERS.indexOf(options.delimiter ?? 'space'),
    );
  }

  /** The input bytes, a view on the module's memory (fresh: memory grows with the table). */
  private input(): Uint8Array {
    return new Uint8Array(this.wasm.memory.buffer, this.inputAt, this.room);
  }

  /**
   * Where the next bytes of the log may be written (at least `inputBytes` long): write some, then
   * call `wrote(n)`. Lets a file reader read straight into the scanner, with no copy.
   */
  writable(): Uint8Array {
    this.refuseIfFinished();
    return this.input().subarray(this.carryLength);
  }

  /** `n` bytes were written into `writable()`: scan them. */
  wrote(n: number): void {
    this.refuseIfFinished();
    if (!Number.isSafeInteger(n) || n < 0 || this.carryLength + n > this.room)
      throw new RangeError(`wrote ${n} bytes into ${this.room - this.carryLength} of room.`);
    this.process(this.carryLength + n);
  }

  /** Scan the next bytes of the log. The chunk is not kept; it may be reused after the call. */
  push(chunk: Uint8Array): void {
    this.refuseIfFinished();
    let at = 0;
    while (at < chunk.length) {
      const n = Math.min(this.room - this.carryLength, chunk.length - at);
      this.input().set(chunk.subarray(at, at + n), this.carryLength);
      this.process(this.carryLength + n);
      at += n;
    }
  }

  /**
   * Add another scanner's table (`LogCounts.table.slotArray()`, e.g. from a worker thread) into
   * this one's; the log of this scanner has ended (as with `end`, no more bytes may be pushed).
   */
  absorb(slots: Uint32Array): void {
    this.finish();
    this.refuseIfSpent();
    this.absorbed++;
    this.writes++;
    const pairs = Math.floor(this.room / 8);
    for (let at = 0; at < slots.length; at += pairs * 2) {
      const part = slots.subarray(at, at + pairs * 2);
      new Uint32Array(this.wasm.memory.buffer, this.inputAt, part.length).set(part);
      this.guard(() => this.wasm.absorb(part.length >>> 1));
      this.checkOverflow();
    }
  }

  /** The log ended: count a last line without a newline, and return the counts. */
  end(): LogCounts {
    this.finish();
    const w = this.wasm;
    const absorbed = this.absorbed;
    // The counts of these lines and this table: an absorb after this changes the table, not them.
    const refuseIfStale = () => {
      this.refuseIfSpent();
      if (this.absorbed !== absorbed)
        throw new Error(
          'The count table changed (another table was absorbed) after these counts were taken: call end() again.',
        );
    };
    // A fresh view each time: `judge` may grow the memory, which detaches the old buffer.
    const slots = () => {
      refuseIfStale();
      return new Uint32Array(w.memory.buffer, w.tablePtr() >>> 0, w.tableLength());
    };
    return {
      lines: this.lines,
      addresses: this.addresses,
      overlongLines: this.overlongLines,
      maxLineBytes: this.maxLine,
      delimiter: this.delimiter ?? 'space',
      table: new CountTable(slots, w.tableSize()),
      judge: (list, top) => {
        refuseIfStale();
        return this.judge(list, top);
      },
    };
  }

  /**
   * The table's (key, count) pairs packed together and copied out, for another scanner's `absorb`
   * (a worker thread's table, sent to the main thread). Ends the log, as `end` does; the table is
   * spent after: `end()`'s counts can no longer read or judge it. Measured on ~1M distinct
   * addresses: 16 MB of slots, half of them empty, against 5.6 MB packed.
   */
  handOff(): Uint32Array {
    this.finish();
    this.refuseIfSpent();
    this.spent = true;
    const w = this.wasm;
    const pairs = w.pack();
    return new Uint32Array(w.memory.buffer, w.tablePtr() >>> 0, 2 * pairs).slice();
  }

  private refuseIfSpent(): void {
    if (this.spent) throw new Error('The count table was handed off to another scanner.');
  }

  private judge(list: Intervals, top: number): Judged {
    this.refuseIfSpent();
    // From here on the memory of an earlier `Judged` is written over (the list's room too).
    const writes = ++this.writes;
    const current = () => this.writes === writes;
    const w = this.wasm;
    const n = list.starts.length;
    if (list.ends.length !== n)
      throw new RangeError('A list needs as many interval ends as starts.');
    const at = n > 0xffffffff ? 0 : this.guard(() => w.listRoom(n) >>> 0);
    if (at === 0)
      throw new RangeError(
        `A list of ${n.toLocaleString('en-US')} intervals and ${w.tableSize().toLocaleString('en-US')} distinct addresses do not fit in the log scanner's 4 GB of memory.`,
      );
    const room = new Uint32Array(w.memory.buffer, at, 2 * n);
    for (let i = 0; i < n; i++) {
      room[i] = list.starts[i] as number;
      room[n + i] = list.ends[i] as number;
    }
    // More than 2^32 - 1 is more keys than the table can hold: all of them.
    w.judge(Math.min(Math.max(0, Math.floor(top)), 0xffffffff));
    const candidatesAt = w.deniedPtr() >>> 0;
    const length = 2 * w.judgedCandidates();
    return {
      allowedLines: w.judgedAllowedLines(),
      deniedLines: w.judgedDeniedLines(),
      deniedAddresses: w.judgedDeniedPairs(),
      get topCandidates() {
        if (!current())
          throw new Error(
            'These top candidates were written over by a later judging or absorb: judge again.',
          );
        return new Uint32Array(w.memory.buffer, candidatesAt, length);
      },
    };
  }

  private refuseIfFinished(): void {
    if (this.finished) throw new Error('The log has ended: no more bytes can be scanned.');
  }

  private finish(): void {
    if (this.finished) return;
    this.finished = true;
    if (this.skipping) {
      this.lines++;
      this.overlongLines++;
    } else if (this.carryLength > 0) {
      const len = this.carryLength;
      this.input()[len] = NL;
      this.wasm.seal(len + 1);
      this.scanLines(0, len + 1);
    }
    this.skipping = false;
    this.carryLength = 0;
  }

  /** Scan input bytes `[0, len)`: the carried line, then what was just written. */
  private process(len: number): void {
    const w = this.wasm;
    w.seal(len);
    let from = 0;
    if (this.skipping) {
      const nl = w.findNewline(0, len);
      if (nl < 0) {
        this.carryLength = 0;
        return;
      }
      this.lines++;
      this.overlongLines++;
      this.skipping = false;
      from = nl + 1;
    }
    const tail = this.scanLines(from, len);
    const rest = len - tail;
    // One byte more than the cap may still be a kept line's "\r" (CRLF): the module decides.
    if (rest > this.maxLine + 1) {
      this.skipping = true;
      this.carryLength = 0;
    } else {
      if (tail > 0 && rest > 0) w.carry(tail, len);
      this.carryLength = rest;
    }
  }

  /**
   * Scan the complete lines of input `[from, to)`; returns where the incomplete one starts. Until
   * the delimiter is known, line by line: the first non-blank line (within the cap) decides it.
   */
  private scanLines(from: number, to: number): number {
    const w = this.wasm;
    while (this.delimiter === undefined) {
      const nl = w.findNewline(from, to);
      if (nl < 0) return from;
      if (w.lineOverCap(from, nl) === 0) {
        this.delimiter = lineDelimiter(this.input(), from, nl);
        if (this.delimiter !== undefined) w.setDelimiter(LOG_DELIMITERS.indexOf(this.delimiter));
      }
      this.tally(this.guard(() => w.scan(from, nl + 1)));
      from = nl + 1;
    }
    return this.tally(this.guard(() => w.scan(from, to)));
  }

  /** Add the module's counts of the last `scan`; returns its result. */
  private tally(result: number): number {
    const w = this.wasm;
    this.lines += w.scannedLines();
    this.addresses += w.scannedAddresses();
    this.overlongLines += w.scannedOverlong();
    this.checkOverflow();
    return result;
  }

  /** Run a call of the module; its memory running out is a clear error, not a trap. */
  private guard<T>(call: () => T): T {
    try {
      return call();
    } catch (error) {
      this.finished = true;
      if (this.wasm.tableFull() !== 0)
        throw new RangeError(
          `More distinct addresses than the count table can hold in 4 GB (${this.wasm.tableSize().toLocaleString('en-US')} counted).`,
          { cause: error },
        );
      throw error;
    }
  }

  private checkOverflow(): void {
    // Never wrap silently: 4,294,967,295 lines from one address is the most a count holds.
    if (this.wasm.tableOverflowed() !== 0)
      throw new RangeError('More than 4,294,967,295 lines from one address.');
  }
}

/** Whether bytes start with the gzip magic number (1f 8b): decided by content, not by name. */
export function isGzip(b: Uint8Array): boolean {
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}
