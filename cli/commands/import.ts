import { parseArgs } from 'node:util';
import type { Problem } from '../../shared/allowlist/model.ts';
import { formatProblem } from '../../shared/i18n/messages.ts';
import { cliLocale } from '../common.ts';
import { columnLetter, type ImportResult } from '../../shared/import/index.ts';
import { ListFileError, readListFile } from '../read-list.ts';

const USAGE = 'usage: allowlist import FILE [--sheet NAME] [--json]';

/**
 * `allowlist import FILE [--sheet NAME] [--json]`: read a spreadsheet and report what it gives.
 *
 * Prints the entries with their rows and every problem (as JSON with --json). Exit 0 when no row
 * had an error, 1 when some did, 2 when the file cannot be read (one line on stderr).
 */
export async function run(argv: string[]): Promise<number> {
  let values: { sheet?: string; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        sheet: { type: 'string' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    process.stderr.write(`allowlist import: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length > 1) {
    process.stderr.write(`allowlist import: expected one FILE\n${USAGE}\n`);
    return 2;
  }
  let result: ImportResult;
  try {
    const read = await readListFile(
      file,
      values.sheet === undefined ? {} : { sheet: values.sheet },
    );
    if (!read.import) {
      process.stderr.write(
        `allowlist import: ${file} is a JSON allowlist, not a spreadsheet; use "allowlist validate" for it.\n`,
      );
      return 2;
    }
    result = read.import;
  } catch (error) {
    if (error instanceof ListFileError) {
      process.stderr.write(`allowlist import: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const hasErrors = result.problems.some((p) => p.severity === 'error');
  process.stdout.write(
    values.json ? `${JSON.stringify(toJson(result), null, 2)}\n` : toText(result),
  );
  return hasErrors ? 1 : 0;
}

/** The --json shape (issue 3): entries with rows, problems with rows, mapping, stats. */
export function toJson(result: ImportResult): Record<string, unknown> {
  return {
    entries: result.entries.map((e) => ({ ip: e.ip, cidr: e.cidr, memo: e.memo, row: e.row })),
    problems: result.problems.map((p) => ({
      row: p.row ?? null,
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.field ? { field: p.field } : {}),
    })),
    mapping: result.mapping,
    headers: result.headers,
    stats: result.stats,
    ...(result.sheets ? { sheets: result.sheets, sheet: result.sheet } : {}),
  };
}

function toText(result: ImportResult): string {
  const { stats, mapping } = result;
  const lines: string[] = [];
  const where =
    result.sheet !== undefined
      ? `sheet "${result.sheet}" (xlsx)`
      : `${stats.format}, ${stats.encoding ?? ''}`;
  lines.push(
    `Read ${stats.entries} entries from ${stats.importedRows} of ${stats.rows} rows (${where}).`,
  );
  const column = (index: number | null, label: string) => {
    if (index === null) return `${label}: none`;
    const header = result.headers[index];
    return `${label}: ${columnLetter(index)}${header ? ` "${header}"` : ''}`;
  };
  const header =
    mapping.headerRow === null ? 'no header row' : `header on row ${mapping.headerRow}`;
  lines.push(
    `Columns: ${column(mapping.ip, 'address')}, ${column(mapping.prefix, 'prefix')}, ${column(mapping.memo, 'memo')} (${header}).`,
  );
  for (const e of result.entries) {
    const network = e.cidr === null ? e.ip : `${e.ip}/${e.cidr}`;
    lines.push(`  row ${String(e.row).padStart(5)}  ${network.padEnd(18)}  ${oneLine(e.memo)}`);
  }
  if (result.problems.length > 0) {
    lines.push(`Problems (${stats.errors} errors, ${stats.warnings} warnings):`);
    for (const p of result.problems) lines.push(`  ${problemLine(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One problem on one line: row, severity, code, message. */
export function problemLine(p: Problem): string {
  const row = p.row === undefined ? '' : `row ${p.row}: `;
  const entry = p.row === undefined && p.index !== undefined ? `entry ${p.index + 1}: ` : '';
  return `${row}${entry}${p.severity} ${p.code}: ${formatProblem(p, cliLocale())}`;
}

function oneLine(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
