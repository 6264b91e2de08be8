import { DEFAULT_MAX_ENTRIES } from '../allowlist/model.ts';

/**
 * The limits of an import and their defaults, apart from the code that enforces them, so a
 * caller can check a file's size before loading the import itself.
 */

/** Limits a zip archive must stay within before any of it is handed to the XLSX reader. */
export type ZipLimits = {
  /** Most entries in the archive. */
  maxZipEntries: number;
  /** Most bytes all entries may inflate to, together. */
  maxUncompressedBytes: number;
  /** Highest inflated/compressed ratio of one entry (checked for entries over 1 MB inflated). */
  maxRatio: number;
};

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxZipEntries: 10_000,
  maxUncompressedBytes: 200 * 1024 * 1024,
  maxRatio: 500,
};

/** Zip limits plus the sheet size an XLSX may have. */
export type XlsxLimits = ZipLimits & { maxRows: number; maxCells: number };

export const DEFAULT_XLSX_LIMITS: XlsxLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxRows: 200_000,
  maxCells: 600_000,
};

/** Limits an import enforces; each is named in the error when hit. */
export type ImportLimits = XlsxLimits & {
  /** Largest file accepted, in bytes. */
  maxFileBytes: number;
  /** The service's entry limit, for the TOO_MANY_ENTRIES problem. */
  maxEntries: number;
};

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  ...DEFAULT_XLSX_LIMITS,
  maxFileBytes: 50 * 1024 * 1024,
  maxEntries: DEFAULT_MAX_ENTRIES,
};
