import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { ConfigSchema, type Config, type Problem } from '../shared/allowlist/model.ts';
import { validateConfig } from '../shared/allowlist/validate.ts';
import {
  DEFAULT_IMPORT_LIMITS,
  importBytes,
  isImportError,
  type ImportResult,
} from '../shared/import/index.ts';

/** A list file that cannot be read; `message` is one line for stderr. */
export class ListFileError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ListFileError';
    this.code = code;
  }
}

const JsonListSchema = ConfigSchema.extend({
  limits: z.object({ maxEntries: z.number().int().positive() }).partial().optional(),
});

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
  try {
    const result = await importBytes(bytes, {
      validate: true,
      ...(options.sheet === undefined ? {} : { sheet: options.sheet }),
    });
    const entries = result.entries.map((e) => ({ ip: e.ip, cidr: e.cidr, memo: e.memo }));
    return {
      config: { mode: 'ALLOW_SPECIFIC', entries },
      problems: result.problems,
      import: result,
    };
  } catch (error) {
    if (isImportError(error)) throw new ListFileError(error.code, `${path}: ${error.message}`);
    throw error;
  }
}

async function readBytes(path: string): Promise<Uint8Array> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new ListFileError('NOT_A_FILE', `${path}: not a file.`);
    const limit = DEFAULT_IMPORT_LIMITS.maxFileBytes;
    if (info.size > limit) {
      const mb = (n: number) => Math.round((n / 1048576) * 10) / 10;
      throw new ListFileError(
        'FILE_TOO_LARGE',
        `${path}: the file is ${mb(info.size)} MB; the import accepts files up to ${mb(limit)} MB.`,
      );
    }
    return new Uint8Array(await readFile(path));
  } catch (error) {
    if (error instanceof ListFileError) throw error;
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT') throw new ListFileError('FILE_NOT_FOUND', `${path}: no such file.`);
    if (code === 'EACCES')
      throw new ListFileError('FILE_NOT_READABLE', `${path}: permission denied.`);
    throw new ListFileError(
      'FILE_NOT_READABLE',
      `${path}: cannot be read (${String(code ?? error)}).`,
    );
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

function readJson(path: string, bytes: Uint8Array): { config: Config; problems: Problem[] } {
  let data: unknown;
  try {
    data = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new ListFileError('INVALID_JSON', `${path}: not valid JSON (${why}).`);
  }
  const parsed = JsonListSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
    throw new ListFileError(
      'INVALID_LIST_JSON',
      `${path}: not an allowlist (expected { "mode", "entries": [ { "ip", "cidr", "memo" } ] })${where}: ${issue?.message ?? 'invalid'}.`,
    );
  }
  const config: Config = { mode: parsed.data.mode, entries: parsed.data.entries };
  const maxEntries = parsed.data.limits?.maxEntries;
  return {
    config,
    problems: validateConfig(config, maxEntries === undefined ? {} : { maxEntries }),
  };
}
