import { CodedError, isCodedError, type ErrorParams } from '../errors.ts';

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
 * The file cannot be imported: a coded error (shared/errors.ts) whose sentence is the code's in
 * shared/i18n/messages.ts. `message` is the English sentence of this case (some codes have a more
 * precise one, e.g. NO_IP_DATA for an empty file); `params` carries the values it names (limits,
 * sheet names) for the other language.
 */
export class ImportError extends CodedError<ImportErrorCode> {
  constructor(code: ImportErrorCode, message: string, params: ErrorParams = {}) {
    super(code, params, { message });
    this.name = 'ImportError';
  }
}

/** True when `error` is an ImportError (also across realms, where `instanceof` fails). */
export function isImportError(error: unknown): error is ImportError {
  return isCodedError(error, 'ImportError');
}
