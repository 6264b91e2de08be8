/**
 * The import's public face: the pipeline (pipeline.ts) and the types and errors callers need.
 * Nothing is decided here.
 */
export * from './pipeline.ts';
export { ImportError, isImportError, IMPORT_ERROR_CODES, type ImportErrorCode } from './errors.ts';
export { columnLetter, type Sheet } from './table.ts';
export type { ColumnMapping } from './header.ts';
export type { ImportedEntry } from './rows.ts';
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './limits.ts';
