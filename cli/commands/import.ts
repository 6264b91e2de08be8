import type { Problem } from '../../shared/allowlist/model.ts';
import { formatProblem } from '../../shared/i18n/messages.ts';
import {
  CliExit,
  cliLocale,
  displayText,
  listFileMessage,
  problemPlace,
  runCommand,
  say,
  writeJson,
  writeOut,
} from '../common.ts';
import { columnLetter, type ImportResult } from '../../shared/import/index.ts';
import { importListFile, ListFileError } from '../read-list.ts';

const USAGE = 'usage: allowlist import FILE [--sheet NAME] [--json]';

const OPTIONS = { sheet: { type: 'string' }, json: { type: 'boolean' } } as const;

/**
 * `allowlist import FILE [--sheet NAME] [--json]`: read a spreadsheet and report what it gives.
 *
 * Prints the entries with their rows and every problem (as JSON with --json). Exit 0 when no row
 * had an error, 1 when some did, 2 when the file cannot be read (one line on stderr).
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand({ name: 'import', usage: USAGE, options: OPTIONS }, argv, async (cmd) => {
    const file = cmd.onlyFile();
    const sheet = cmd.values.sheet;
    let result: ImportResult;
    try {
      const read = await importListFile(file, typeof sheet === 'string' ? { sheet } : {});
      if (!read) throw new CliExit(2, say('JSON_NOT_SPREADSHEET', { file }));
      result = read;
    } catch (error) {
      if (error instanceof ListFileError)
        throw new CliExit(2, `allowlist import: ${listFileMessage(error)}`);
      throw error;
    }
    const hasErrors = result.problems.some((p) => p.severity === 'error');
    if (cmd.values.json) writeJson(toJson(result));
    else writeOut(toText(result));
    return hasErrors ? 1 : 0;
  });
}

/** The --json shape (issue 3): entries with rows, problems with rows, mapping, stats. */
export function toJson(result: ImportResult): Record<string, unknown> {
  return {
    // As they are: an ImportedEntry is exactly { ip, cidr, memo, row } (shared/import/rows.ts),
    // and a copy of each was a measured share of printing 100,000.
    entries: result.entries,
    problems: result.problems.map((p) => ({
      row: p.row ?? null,
      severity: p.severity,
      code: p.code,
      message: p.message,
      ...(p.field ? { field: p.field } : {}),
      ...(p.params ? { params: p.params } : {}),
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
      ? say('sheetWhere', { sheet: result.sheet })
      : `${stats.format}, ${stats.encoding ?? ''}`;
  lines.push(
    say('readHeadline', {
      entries: stats.entries,
      imported: stats.importedRows,
      rows: stats.rows,
      where,
    }),
  );
  const column = (index: number | null, label: string) => {
    if (index === null) return say('columnNone', { label });
    const header = result.headers[index];
    const heading = header ? say('columnHeading', { heading: displayText(header) }) : '';
    return say('columnIs', { label, letter: columnLetter(index), heading });
  };
  const header =
    mapping.headerRow === null
      ? say('noHeaderRow')
      : say('headerOnRow', { row: mapping.headerRow });
  const columns = [
    column(mapping.ip, say('addressLabel')),
    column(mapping.prefix, say('prefixLabel')),
    column(mapping.memo, say('memoLabel')),
  ].join(say('listSeparator'));
  lines.push(say('columnsLine', { columns, header }));
  for (const e of result.entries) {
    const network = e.cidr === null ? e.ip : `${e.ip}/${e.cidr}`;
    const row = say('row', { row: String(e.row).padStart(5) });
    lines.push(`  ${row}  ${network.padEnd(18)}  ${displayText(e.memo)}`.trimEnd());
  }
  if (result.problems.length > 0) {
    lines.push(say('problemsHeadline', { errors: stats.errors, warnings: stats.warnings }));
    for (const p of result.problems) lines.push(`  ${problemLine(p)}`);
  }
  return `${lines.join('\n')}\n`;
}

/** One problem on one line: row (or entry), severity, code, message in the locale. */
export function problemLine(p: Problem): string {
  const locale = cliLocale();
  const sentence = formatProblem(p, locale);
  const { field: _field, ...where } = p;
  // Always led by its row (or entry), even when the sentence names it too: a list read by row.
  const place = problemPlace(where, locale);
  const severity = say(p.severity === 'error' ? 'error' : 'warning').trim();
  return `${place ? `${place}: ` : ''}${severity} ${p.code}: ${sentence}`;
}
