import { parseArgs } from 'node:util';
import { EXPORT_FORMATS, exportEntries, type ExportFormat } from '../../shared/export/index.ts';
import { ListFileError, readListFile } from '../read-list.ts';
import { writeFileAtomic } from '../../service/atomic-file.ts';
import { problemLine } from './import.ts';

const USAGE =
  'usage: allowlist export IN --out FILE --format cybozu-csv|csv|xlsx [--sheet NAME] [--replace-unencodable] [--no-neutralize]';

/**
 * `allowlist export IN --out FILE --format cybozu-csv|csv|xlsx`: write a list in the service's CSV,
 * UTF-8 CSV or XLSX.
 *
 * IN is a JSON list or any importable spreadsheet. Valid entries are written (atomically: a
 * temporary file renamed into place); problems go to stderr. Exit 0 clean, 1 some entries or rows
 * had errors, 2 unreadable input or unwritable output.
 */
export async function run(argv: string[]): Promise<number> {
  let values: {
    out?: string;
    format?: string;
    sheet?: string;
    'replace-unencodable'?: boolean;
    'no-neutralize'?: boolean;
    help?: boolean;
  };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args: argv,
      options: {
        out: { type: 'string', short: 'o' },
        format: { type: 'string', short: 'f' },
        sheet: { type: 'string' },
        'replace-unencodable': { type: 'boolean' },
        'no-neutralize': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
      allowPositionals: true,
      strict: true,
    }));
  } catch (error) {
    return usage((error as Error).message);
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const input = positionals[0];
  if (input === undefined || positionals.length > 1) return usage('expected one input file');
  if (values.out === undefined) return usage('--out FILE is required');
  const format = values.format as ExportFormat | undefined;
  if (format === undefined || !EXPORT_FORMATS.includes(format)) {
    return usage(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  }
  let read: Awaited<ReturnType<typeof readListFile>>;
  try {
    read = await readListFile(input, values.sheet === undefined ? {} : { sheet: values.sheet });
  } catch (error) {
    if (error instanceof ListFileError) {
      process.stderr.write(`allowlist export: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
  const exported = await exportEntries(read.config.entries, format, {
    ...(values['replace-unencodable'] ? { replaceUnencodable: true } : {}),
    ...(values['no-neutralize'] ? { neutralizeFormulas: false } : {}),
  });
  // Reading problems that lost a row (errors with a row) matter; per-entry ones are re-checked
  // by the export itself, so only row-level reading errors are repeated here.
  const readErrors = read.problems.filter((p) => p.severity === 'error' && p.row !== undefined);
  const listProblems = read.import ? readErrors : [];
  try {
    await writeFileAtomic(values.out, exported.bytes, { mode: 0o666 });
  } catch (error) {
    process.stderr.write(
      `allowlist export: cannot write ${values.out} (${(error as { code?: string }).code ?? String(error)}).\n`,
    );
    return 2;
  }
  for (const p of [...listProblems, ...exported.problems])
    process.stderr.write(`${problemLine(p)}\n`);
  const skipped = new Set(
    exported.problems.filter((p) => p.severity === 'error').map((p) => p.index),
  ).size;
  const written = read.config.entries.length - skipped;
  process.stdout.write(
    `Wrote ${written} of ${read.config.entries.length} entries to ${values.out} (${format}).\n`,
  );
  const errors =
    listProblems.length + exported.problems.filter((p) => p.severity === 'error').length;
  return errors > 0 ? 1 : 0;
}

function usage(message: string): number {
  process.stderr.write(`allowlist export: ${message}\n${USAGE}\n`);
  return 2;
}
