import type { Entry, Problem } from '../allowlist/model.ts';
import { FORMULA_START } from './formula.ts';
import { makeProblem } from '../allowlist/problem.ts';
import { validateEntry } from '../allowlist/validate.ts';
import { assertNever } from '../allowlist/model.ts';
import { encodeCp932, findUnencodable, replaceUnencodable } from './cp932.ts';

export type ExportFormat = 'cybozu-csv' | 'csv' | 'xlsx';
export const EXPORT_FORMATS: readonly ExportFormat[] = ['cybozu-csv', 'csv', 'xlsx'];

export type ExportOptions = {
  /** cybozu-csv: write a memo character Shift_JIS lacks as "?" (with a warning) instead of skipping the entry. */
  replaceUnencodable?: boolean;
  /** CSV formats: prefix memos starting with = + - @ tab or CR with an apostrophe (OWASP). Default true. */
  neutralizeFormulas?: boolean;
  /**
   * Refuse (an error naming the entry) a memo that starts like a formula instead of writing it
   * with an apostrophe: for the file uploaded on the cybozu.com Store, which keeps a memo exactly
   * as the file has it, so an apostrophe would change the memo there unseen. Default false.
   */
  refuseFormulas?: boolean;
  /** csv (UTF-8): start with a byte order mark so Excel reads it as UTF-8. Default true. */
  bom?: boolean;
  /** xlsx: sheet name. */
  sheetName?: string;
};

/** The file's bytes, the problems by entry, and how many entries the file holds (`written`). */
export type ExportResult = { bytes: Uint8Array; problems: Problem[]; written: number };

/** The cybozu.com Store refuses a CSV file larger than this (cybozu.com help). */
export const STORE_CSV_MAX_BYTES = 10 * 1024 * 1024;

/** The service's CSV header, exactly. */
export const CYBOZU_CSV_HEADER = ['IP Address', 'CIDR', 'Memo'] as const;

// OWASP "CSV Injection": a cell starting with one of these may be run as a formula.

// shared/ has no DOM or Node typings; TextEncoder exists in browsers, workers and Node alike.
declare const TextEncoder: new () => { encode(input: string): Uint8Array };

/**
 * Export entries as the service's CSV (CP932, all fields quoted, CRLF), UTF-8 CSV or XLSX.
 *
 * Entries with errors are not written and each is reported with its index; so is a memo the
 * service's CSV cannot encode (unless `replaceUnencodable` allows a visible "?"). Memos that a
 * spreadsheet would run as a formula are neutralised in CSV (a cell in XLSX is always text).
 */
export async function exportEntries(
  entries: Entry[],
  format: ExportFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const problems: Problem[] = [];
  const rows: { ip: string; cidr: number | null; memo: string }[] = [];
  const neutralize = options.neutralizeFormulas ?? true;
  entries.forEach((entry, index) => {
    const network = entry.cidr === null ? entry.ip : `${entry.ip}/${entry.cidr}`;
    const errors = validateEntry(entry).filter((p) => p.severity === 'error');
    if (errors.length > 0) {
      for (const error of errors) problems.push({ ...error, index });
      problems.push(makeProblem('EXPORT_ENTRY_SKIPPED', 'error', { network }, { index }));
      return;
    }
    let memo = entry.memo;
    if (format === 'cybozu-csv') {
      const bad = findUnencodable(memo);
      if (bad) {
        const params = { network, char: bad.char, codePoint: codePoint(bad.char) };
        if (!options.replaceUnencodable) {
          problems.push(
            makeProblem('EXPORT_UNENCODABLE_MEMO', 'error', params, { index, field: 'memo' }),
          );
          return;
        }
        problems.push(
          makeProblem('EXPORT_MEMO_REPLACED', 'warning', params, { index, field: 'memo' }),
        );
        memo = replaceUnencodable(memo);
      }
    }
    const first = memo[0] === '\t' ? 'tab' : memo[0] === '\r' ? 'CR' : (memo[0] ?? '');
    if (format !== 'xlsx' && options.refuseFormulas && FORMULA_START.test(memo)) {
      problems.push(
        makeProblem(
          'EXPORT_FORMULA_REFUSED',
          'error',
          { network, first },
          { index, field: 'memo' },
        ),
      );
      return;
    }
    if (format !== 'xlsx' && neutralize && FORMULA_START.test(memo)) {
      problems.push(
        makeProblem(
          'EXPORT_FORMULA_NEUTRALIZED',
          'warning',
          { network, first },
          { index, field: 'memo' },
        ),
      );
      memo = `'${memo}`;
    }
    rows.push({ ip: entry.ip, cidr: entry.cidr, memo });
  });
  switch (format) {
    case 'cybozu-csv':
      return { bytes: encodeCp932(csvText(rows)), problems, written: rows.length };
    case 'csv': {
      const body = new TextEncoder().encode(csvText(rows));
      if (options.bom === false) return { bytes: body, problems, written: rows.length };
      const bytes = new Uint8Array(body.length + 3);
      bytes.set([0xef, 0xbb, 0xbf]);
      bytes.set(body, 3);
      return { bytes, problems, written: rows.length };
    }
    case 'xlsx':
      return {
        bytes: await xlsxBytes(rows, options.sheetName ?? 'IP addresses'),
        problems,
        written: rows.length,
      };
    default:
      return assertNever(format, 'Unknown export format');
  }
}

/** Every field quoted (quotes doubled), CRLF after every line, header first. */
function csvText(rows: { ip: string; cidr: number | null; memo: string }[]): string {
  const quote = (s: string) => `"${s.replace(/"/g, '""')}"`;
  const lines = [CYBOZU_CSV_HEADER.map(quote).join(',')];
  for (const row of rows)
    lines.push([row.ip, row.cidr === null ? '' : String(row.cidr), row.memo].map(quote).join(','));
  return lines.join('\r\n') + '\r\n';
}

async function xlsxBytes(
  rows: { ip: string; cidr: number | null; memo: string }[],
  sheetName: string,
): Promise<Uint8Array> {
  // Loaded on demand: exceljs takes a noticeable time to import, which CSV exports need not pay.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  sheet.columns = [
    { header: CYBOZU_CSV_HEADER[0], width: 18 },
    { header: CYBOZU_CSV_HEADER[1], width: 8 },
    { header: CYBOZU_CSV_HEADER[2], width: 40 },
  ];
  for (const row of rows) {
    const added = sheet.addRow([row.ip, row.cidr, null]);
    // Always a string cell: exceljs never turns a string value into a formula, and the explicit
    // assignment keeps a memo like "123" text rather than a number.
    added.getCell(3).value = row.memo;
  }
  const buffer = await workbook.xlsx.writeBuffer();
  const view = buffer as unknown as Uint8Array;
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Why an entry is not in an exported file: a memo the service CSV cannot hold, or errors. */
export type LeftOutReason = 'unencodable' | 'errors';

/** An entry an export left out, with the problems that say why. */
export type LeftOut = { index: number; reason: LeftOutReason; problems: Problem[] };

/** What a user explicitly accepts to be left out of a file; nothing by default. */
export type LeftOutPolicy = { dropUnencodable?: boolean; dropErrors?: boolean };

/** The entries an export left out (each once, in list order), from its problems. */
export function leftOutEntries(problems: Problem[]): LeftOut[] {
  const byIndex = new Map<number, LeftOut>();
  for (const p of problems) {
    if (p.index === undefined) continue;
    const reason: LeftOutReason | null =
      p.code === 'EXPORT_UNENCODABLE_MEMO'
        ? 'unencodable'
        : p.severity === 'error'
          ? 'errors'
          : null;
    const known = byIndex.get(p.index);
    if (known) known.problems.push(p);
    else if (reason) byIndex.set(p.index, { index: p.index, reason, problems: [p] });
  }
  return [...byIndex.values()].sort((a, b) => a.index - b.index);
}

/**
 * The left-out entries the policy does not accept. A file missing any of them must not be
 * written: uploaded as the service's CSV it would remove those addresses from the service.
 */
export function refusedEntries(leftOut: LeftOut[], policy: LeftOutPolicy): LeftOut[] {
  return leftOut.filter((l) =>
    l.reason === 'unencodable' ? !policy.dropUnencodable : !policy.dropErrors,
  );
}
