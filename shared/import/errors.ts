/**
 * Why a file could not be imported at all.
 *
 * Row-level trouble is a `Problem`; these codes mean there is nothing to show row by row.
 */
export const IMPORT_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'TOO_MANY_ROWS',
  'TOO_MANY_CELLS',
  'NOT_A_SPREADSHEET',
  'UNKNOWN_ENCODING',
  'NO_IP_DATA',
  'ENCRYPTED_WORKBOOK',
  'LEGACY_XLS',
  'OPENDOCUMENT_NOT_SUPPORTED',
  'CORRUPT_WORKBOOK',
  'ZIP_TOO_MANY_ENTRIES',
  'ZIP_TOO_LARGE',
  'ZIP_RATIO_TOO_HIGH',
  'SHEET_NOT_FOUND',
  'INVALID_MAPPING',
  'IMPORT_ABORTED',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/**
 * The file cannot be imported; `message` is one sentence a user can act on.
 *
 * `params` carries the values named in the message (limits, sheet names) for translation.
 */
export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly params: Record<string, string | number>;

  constructor(
    code: ImportErrorCode,
    message: string,
    params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

/** True when `error` is an ImportError (also across realms, where `instanceof` fails). */
export function isImportError(error: unknown): error is ImportError {
  return (
    error instanceof ImportError ||
    (typeof error === 'object' &&
      error !== null &&
      (error as { name?: unknown }).name === 'ImportError' &&
      typeof (error as { code?: unknown }).code === 'string')
  );
}
