import type { Config, Problem } from '../shared/allowlist/model.ts';
import { validateConfig } from '../shared/allowlist/validate.ts';
import { CLI_TEXT, text, type CliTextKey } from './strings.ts';
import type { ImportResult } from '../shared/import/index.ts';
import { DEFAULT_IMPORT_LIMITS } from '../shared/import/limits.ts';

/**
 * A list file that cannot be read; `message` is one English line for stderr, `code`, `path` and
 * `params` let the CLI say it in the user's language (cli/strings.ts, shared/i18n/messages.ts).
 */
export class ListFileError extends Error {
  readonly code: string;
  readonly path: string;
  readonly params: Record<string, string | number>;
  constructor(
    code: string,
    path: string,
    params: Record<string, string | number> = {},
    message?: string,
  ) {
    super(
      message ??
        (Object.hasOwn(CLI_TEXT, code)
          ? text(code as CliTextKey, 'en', { path, ...params })
          : `${path}: ${code}`),
    );
    this.name = 'ListFileError';
    this.code = code;
    this.path = path;
    this.params = params;
  }
}

/**
 * Read an allowlist from a file: JSON shaped like the service's GET response, or any importable
 * spreadsheet (CSV, TSV, Unicode text, XLSX).
 *
 * Returns the config (a spreadsheet gives mode ALLOW_SPECIFIC) and every problem found, spreadsheet
 * problems carrying their row. Throws ListFileError with a one-line message when unreadable.
 */
export async function readListFile(
  path: string,
  options: { sheet?: string } = {},
): Promise<{ config: Config; problems: Problem[]; import?: ImportResult }> {
  const bytes = await readBytes(path);
  if (looksLikeJson(bytes)) return readJson(path, bytes);
  const result = await importSpreadsheet(path, bytes, options);
  const entries = result.entries.map((e) => ({ ip: e.ip, cidr: e.cidr, memo: e.memo }));
  return {
    config: { mode: 'ALLOW_SPECIFIC', entries },
    problems: result.problems,
    import: result,
  };
}

/**
 * The import of a spreadsheet list file (what readListFile reads from it, without the list it
 * makes of the entries: `allowlist import` prints the entries with their rows), or null for a
 * JSON list. Throws ListFileError like readListFile.
 */
export async function importListFile(
  path: string,
  options: { sheet?: string } = {},
): Promise<ImportResult | null> {
  const bytes = await readBytes(path);
  return looksLikeJson(bytes) ? null : importSpreadsheet(path, bytes, options);
}

async function importSpreadsheet(
  path: string,
  bytes: Uint8Array,
  options: { sheet?: string },
): Promise<ImportResult> {
  // Loaded only for a spreadsheet: a JSON list (`impact`, `check`) does without its parsers.
  const { importBytes, isImportError } = await import('../shared/import/index.ts');
  try {
    return await importBytes(bytes, {
      validate: true,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    });
  } catch (error) {
    if (isImportError(error))
      throw new ListFileError(error.code, path, error.params, `${path}: ${error.message}`);
    throw error;
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    // Read synchronously: a command has nothing else to do meanwhile, and the file is at most
    // the import's limit. Measured in `allowlist impact`, whose worker thread boots meanwhile:
    // ~2.9 ms through node:fs/promises (thread-pool round trips), against ~0.3 ms.
    const { readFileSync, statSync } = process.getBuiltinModule('node:fs');
    const info = statSync(path);
    if (!info.isFile()) throw new ListFileError('NOT_A_FILE', path);
    const limit = DEFAULT_IMPORT_LIMITS.maxFileBytes;
    if (info.size > limit) {
      const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
      const params = { sizeMb: mb(info.size), limitMb: mb(limit) };
      throw new ListFileError(
        'FILE_TOO_LARGE',
        path,
        params,
        `${path}: the file is ${params.sizeMb} MB; the import accepts files up to ${params.limitMb} MB.`,
      );
    }
    // A plain view of the bytes read (no copy): the import reads them as a Uint8Array.
    const read = readFileSync(path);
    return new Uint8Array(read.buffer, read.byteOffset, read.byteLength);
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new ListFileError('FILE_NOT_FOUND', path);
    if (code === 'EACCES') throw new ListFileError('FILE_PERMISSION', path);
    throw new ListFileError('FILE_NOT_READABLE', path, { detail: String(code ?? error) });
  }
}

function looksLikeJson(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (
    i < bytes.length &&
    (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)
  )
    i++;
  return bytes[i] === 0x7b; // "{"
}

async function readJson(
  path: string,
  bytes: Uint8Array,
): Promise<{ config: Config; problems: Problem[] }> {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new ListFileError('INVALID_JSON', path, { detail });
  }
  const { ListFileSchema } = await import('./list-schema.ts');
  const parsed = ListFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ListFileError('INVALID_LIST_JSON', path, {
      where,
      detail: issue?.message ?? 'invalid',
    });
  }
  const config: Config = { mode: parsed.data.mode, entries: parsed.data.entries };
  const maxEntries = parsed.data.limits?.maxEntries;
  return {
    config,
    problems: validateConfig(config, maxEntries === undefined ? {} : { maxEntries }),
  };
}
