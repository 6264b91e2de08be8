import {
  EXPORT_FORMATS,
  exportEntries,
  leftOutEntries,
  refusedEntries,
  type ExportFormat,
  type LeftOut,
} from '../../shared/export/index.ts';
import type { Problem } from '../../shared/allowlist/model.ts';
import { formatProblem } from '../../shared/i18n/messages.ts';
import { ListFileError, readListFile } from '../read-list.ts';
import { writeFileAtomic } from '../../node-shared/atomic-file.ts';
import {
  CliExit,
  listFileMessage,
  networkText,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';
import { problemLine } from './import.ts';

const USAGE =
  'usage: allowlist export IN --out FILE --format cybozu-csv|csv|xlsx [--sheet NAME] [--replace-unencodable | --drop-unencodable] [--drop-errors] [--no-neutralize] [--json]';

const OPTIONS = {
  out: { type: 'string', short: 'o' },
  format: { type: 'string', short: 'f' },
  sheet: { type: 'string' },
  'replace-unencodable': { type: 'boolean' },
  'drop-unencodable': { type: 'boolean' },
  'drop-errors': { type: 'boolean' },
  'no-neutralize': { type: 'boolean' },
  json: { type: 'boolean' },
} as const;

/**
 * `allowlist export IN --out FILE --format cybozu-csv|csv|xlsx`: write a list in the service's CSV,
 * UTF-8 CSV or XLSX.
 *
 * IN is a JSON list or any importable spreadsheet. A file that would leave out an entry (a memo
 * Shift_JIS cannot hold, an entry or a row with errors) is refused and nothing is written: each
 * entry is named with its reason. `--replace-unencodable` writes a visible "?" instead;
 * `--drop-unencodable` / `--drop-errors` write the rest and say what was left out. The file is
 * written atomically (a temporary file renamed into place). Exit 0 written, 1 refused, 2
 * unreadable input or unwritable output.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    { name: 'export', usage: USAGE, options: OPTIONS, optionHelp: { out: 'optExportOut' } },
    argv,
    async (cmd) => {
      const { values } = cmd;
      const input = cmd.onlyFile();
      const out = values.out;
      if (typeof out !== 'string') throw cmd.usageError(say('outRequired'));
      const format = values.format as ExportFormat | undefined;
      if (format === undefined || !EXPORT_FORMATS.includes(format))
        throw cmd.usageError(say('formatRequired', { formats: EXPORT_FORMATS.join(', ') }));
      if (values['replace-unencodable'] && values['drop-unencodable'])
        throw cmd.usageError(say('oneIncompleteChoice'));
      let read: Awaited<ReturnType<typeof readListFile>>;
      try {
        const sheet = values.sheet;
        read = await readListFile(input, typeof sheet === 'string' ? { sheet } : {});
      } catch (error) {
        if (error instanceof ListFileError)
          throw new CliExit(2, `allowlist export: ${listFileMessage(error)}`);
        throw error;
      }
      const entries = read.config.entries;
      const rowOf = (index: number) => read.import?.entries[index]?.row;
      const exported = await exportEntries(entries, format, {
        ...(values['replace-unencodable'] ? { replaceUnencodable: true } : {}),
        ...(values['no-neutralize'] ? { neutralizeFormulas: false } : {}),
      });
      // Problems told by spreadsheet row when the list came from one.
      const told = (p: Problem): Problem => {
        const row = p.index === undefined ? undefined : rowOf(p.index);
        if (row === undefined) return p;
        const withRow = { ...p, row };
        return { ...withRow, message: formatProblem(withRow, 'en') };
      };
      // A spreadsheet row with an error gave no entry at all: it is left out as well.
      const lostRows = (read.import?.problems ?? []).filter(
        (p) => p.severity === 'error' && p.row !== undefined && p.index === undefined,
      );
      const lostRowNumbers = [...new Set(lostRows.map((p) => p.row ?? 0))];
      const leftOut = leftOutEntries(exported.problems);
      const policy = {
        dropUnencodable: values['drop-unencodable'] === true,
        dropErrors: values['drop-errors'] === true,
      };
      const refused = refusedEntries(leftOut, policy);
      const refusedRows = policy.dropErrors ? [] : lostRows;
      const place = (l: LeftOut) => {
        const row = rowOf(l.index);
        const entry = entries[l.index];
        const where =
          row === undefined ? say('entry', { position: l.index + 1 }) : say('row', { row });
        return entry ? say('placeNetwork', { place: where, network: networkText(entry) }) : where;
      };
      const summary = {
        in: input,
        out,
        format,
        entries: entries.length,
        leftOut: leftOut.map((l) => ({
          index: l.index,
          ...(rowOf(l.index) === undefined ? {} : { row: rowOf(l.index) }),
          reason: l.reason,
          codes: l.problems.map((p) => p.code),
        })),
        lostRows: lostRows.map((p) => ({ row: p.row, code: p.code, message: p.message })),
        problems: exported.problems.map(told).map((p) => ({
          ...(p.index === undefined ? {} : { index: p.index }),
          ...(p.row === undefined ? {} : { row: p.row }),
          severity: p.severity,
          code: p.code,
          message: p.message,
        })),
      };
      if (refused.length > 0 || refusedRows.length > 0) {
        if (values.json) writeJson({ ...summary, written: 0, refused: true });
        for (const p of refusedRows) process.stderr.write(`allowlist export: ${problemLine(p)}\n`);
        for (const l of refused)
          for (const p of l.problems)
            process.stderr.write(`allowlist export: ${problemLine(told(p))}\n`);
        process.stderr.write(
          `${say('exportRefused', {
            count: refused.length + (refusedRows.length > 0 ? lostRowNumbers.length : 0),
            total: entries.length + lostRowNumbers.length,
            file: out,
          })}\n${say('exportRefusedHint')}\n`,
        );
        return 1;
      }
      try {
        await writeFileAtomic(out, exported.bytes, { mode: 0o666 });
      } catch (error) {
        const detail = (error as { code?: string }).code ?? String(error);
        throw new CliExit(2, say('cannotWrite', { command: 'export', file: out, detail }));
      }
      if (values.json) {
        writeJson({ ...summary, written: exported.written, refused: false });
        return 0;
      }
      for (const p of lostRows) process.stderr.write(`allowlist export: ${problemLine(p)}\n`);
      for (const p of exported.problems)
        process.stderr.write(`allowlist export: ${problemLine(told(p))}\n`);
      write(
        say('exportWrote', { written: exported.written, total: entries.length, file: out, format }),
      );
      if (leftOut.length > 0 || lostRows.length > 0) {
        const flags = [
          ...(leftOut.some((l) => l.reason === 'unencodable') ? ['--drop-unencodable'] : []),
          ...(leftOut.some((l) => l.reason === 'errors') || lostRows.length > 0
            ? ['--drop-errors']
            : []),
        ].join(', ');
        const places = [
          ...lostRowNumbers.map((row) => say('row', { row })),
          ...leftOut.map(place),
        ].join(', ');
        write(
          say('exportDropped', { count: leftOut.length + lostRowNumbers.length, flags, places }),
        );
      }
      const replaced = exported.problems.filter((p) => p.code === 'EXPORT_MEMO_REPLACED');
      if (replaced.length > 0) {
        const places = replaced.map((p) =>
          place({ index: p.index ?? 0, reason: 'unencodable', problems: [] }),
        );
        write(say('exportReplaced', { count: replaced.length, places: places.join(', ') }));
      }
      return 0;
    },
  );
}
