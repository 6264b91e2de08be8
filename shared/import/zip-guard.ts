import { ImportError } from './errors.ts';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.ts';

export { DEFAULT_ZIP_LIMITS, type ZipLimits } from './limits.ts';

export type ZipEntryInfo = {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
  encrypted: boolean;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/** True when the bytes start like a zip archive (local file header or empty archive). */
export function isZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    (bytes[2] === 3 || bytes[2] === 5)
  );
}

/**
 * Read the central directory of a zip archive without inflating anything.
 *
 * Hand-written on purpose (safety): the sizes must be known, and refused, before a library
 * inflates a single byte. ZIP64 archives are refused: no workbook within our limits needs one.
 */
export function readCentralDirectory(
  bytes: Uint8Array,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): ZipEntryInfo[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0)
    throw corrupt(
      'the end of its zip directory is missing (the file is truncated or not a zip archive)',
    );
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    throw new ImportError(
      'ZIP_TOO_LARGE',
      'The workbook is a ZIP64 archive, larger than the import accepts.',
      { limitMb: mb(limits.maxUncompressedBytes) },
    );
  }
  if (count > limits.maxZipEntries) {
    throw new ImportError(
      'ZIP_TOO_MANY_ENTRIES',
      `The workbook archive holds ${count} files; the import accepts at most ${limits.maxZipEntries}.`,
      { count, limit: limits.maxZipEntries },
    );
  }
  if (offset + size > eocd) throw corrupt('its zip directory points outside the file');
  const entries: ZipEntryInfo[] = [];
  let total = 0;
  let p = offset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || view.getUint32(p, true) !== CENTRAL_SIGNATURE) {
      throw corrupt('its zip directory is damaged');
    }
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    const name = byteString(bytes.subarray(p + 46, p + 46 + nameLength));
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff) {
      throw new ImportError(
        'ZIP_TOO_LARGE',
        'The workbook is a ZIP64 archive, larger than the import accepts.',
        { limitMb: mb(limits.maxUncompressedBytes) },
      );
    }
    total += uncompressedSize;
    if (total > limits.maxUncompressedBytes) {
      throw new ImportError(
        'ZIP_TOO_LARGE',
        `The workbook would unpack to more than ${mb(limits.maxUncompressedBytes)} MB; the import refuses it (a "zip bomb" guard).`,
        { limitMb: mb(limits.maxUncompressedBytes) },
      );
    }
    checkRatio(name, compressedSize, uncompressedSize, limits);
    entries.push({
      name,
      method,
      compressedSize,
      uncompressedSize,
      localHeaderOffset,
      encrypted: (flags & 1) === 1,
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Inflate every entry in bounded chunks, checking that no entry inflates beyond the size its
 * directory record declares (a lying directory is how zip bombs get past size checks).
 *
 * Output is discarded as it streams, so memory stays bounded by one chunk.
 */
export async function verifyZipEntries(
  bytes: Uint8Array,
  entries: ZipEntryInfo[],
  onChunk?: (entry: ZipEntryInfo, chunk: Uint8Array) => void,
): Promise<void> {
  // Loaded on demand: fflate took ~20 ms of every import's start-up, CSV files included (the
  // CLI's and the app's import worker's, bench/import.bench.ts).
  const { Inflate } = await import('fflate');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const entry of entries) {
    if (entry.encrypted) {
      throw new ImportError(
        'ENCRYPTED_WORKBOOK',
        'The workbook is password-protected; save it without a password and import again.',
      );
    }
    const p = entry.localHeaderOffset;
    if (p + 30 > bytes.length || view.getUint32(p, true) !== LOCAL_SIGNATURE)
      throw corrupt('a file inside it is damaged');
    const start = p + 30 + view.getUint16(p + 26, true) + view.getUint16(p + 28, true);
    const end = start + entry.compressedSize;
    if (end > bytes.length) throw corrupt('a file inside it is cut short');
    if (entry.method === 0) {
      if (entry.compressedSize !== entry.uncompressedSize)
        throw corrupt('a stored file inside it has inconsistent sizes');
      continue;
    }
    if (entry.method !== 8)
      throw corrupt(`a file inside it uses an unsupported compression method (${entry.method})`);
    let produced = 0;
    let overflow = false;
    const inflater = new Inflate((chunk) => {
      produced += chunk.length;
      onChunk?.(entry, chunk);
      if (produced > entry.uncompressedSize) overflow = true;
    });
    const CHUNK = 64 * 1024;
    try {
      for (let q = start; q < end && !overflow; q += CHUNK) {
        const stop = Math.min(end, q + CHUNK);
        inflater.push(bytes.subarray(q, stop), stop === end);
      }
    } catch {
      throw corrupt(`the compressed data of "${entry.name}" is damaged`);
    }
    if (overflow || produced !== entry.uncompressedSize) {
      // Damaged data and a lying directory look the same from here; both are refused unread.
      throw corrupt(
        `"${entry.name}" does not inflate to the size its zip directory declares (damaged, or a "zip bomb")`,
      );
    }
  }
}

function checkRatio(
  name: string,
  compressed: number,
  uncompressed: number,
  limits: ZipLimits,
): void {
  if (uncompressed <= 1024 * 1024) return;
  const ratio = uncompressed / Math.max(1, compressed);
  if (ratio > limits.maxRatio) {
    throw new ImportError(
      'ZIP_RATIO_TOO_HIGH',
      `The workbook's "${name}" would inflate ${Math.round(ratio)} times; the import accepts at most ${limits.maxRatio} times (a "zip bomb" guard).`,
      { entry: name, ratio: Math.round(ratio), limit: limits.maxRatio },
    );
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const min = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= min; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) return i;
  }
  return -1;
}

function byteString(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b);
  return out;
}

function mb(bytes: number): number {
  return Math.round(bytes / (1024 * 1024));
}

function corrupt(why: string): ImportError {
  return new ImportError('CORRUPT_WORKBOOK', `The workbook cannot be read: ${why}.`, {
    detail: why,
  });
}

/**
 * Counts `<row>` and `<c>` start tags (any namespace prefix) across streamed chunks of sheet XML,
 * so a sheet's size in rows and cells is known before any XML parser builds it in memory.
 */
export class XmlTagCounter {
  rows = 0;
  cells = 0;
  // The local name (after any "prefix:") of the tag being read: its length and first 3 bytes.
  private inName = false;
  private length = 0;
  private c0 = 0;
  private c1 = 0;
  private c2 = 0;

  push(chunk: Uint8Array): void {
    let i = 0;
    while (i < chunk.length) {
      if (!this.inName) {
        const lt = chunk.indexOf(0x3c, i);
        if (lt < 0) return;
        this.inName = true;
        this.length = 0;
        i = lt + 1;
        continue;
      }
      const b = chunk[i] as number;
      i++;
      if (b === 0x3a) {
        this.length = 0;
        continue;
      }
      const nameChar =
        (b >= 0x61 && b <= 0x7a) || (b >= 0x41 && b <= 0x5a) || (b >= 0x30 && b <= 0x39);
      if (nameChar) {
        if (this.length === 0) this.c0 = b;
        else if (this.length === 1) this.c1 = b;
        else if (this.length === 2) this.c2 = b;
        this.length++;
        continue;
      }
      this.inName = false;
      if (this.length === 1 && this.c0 === 0x63) this.cells++;
      else if (this.length === 3 && this.c0 === 0x72 && this.c1 === 0x6f && this.c2 === 0x77)
        this.rows++;
    }
  }
}
