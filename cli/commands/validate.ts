import { validateConfig } from '../../shared/allowlist/validate.ts';
import type { Problem } from '../../shared/allowlist/model.ts';
import {
  CliExit,
  countSeverity,
  humanProblem,
  intOption,
  jsonProblem,
  loadList,
  parseCommandArgs,
  write,
} from '../common.ts';

const USAGE = 'usage: allowlist validate FILE [--sheet NAME] [--max-entries N] [--json]';

/**
 * `allowlist validate FILE [--max-entries N] [--json]`: every problem of a list.
 *
 * Exit 0 when there are no errors (warnings allowed), 1 when there are errors.
 */
export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs('validate', USAGE, argv, {
    sheet: { type: 'string' },
    'max-entries': { type: 'string' },
    json: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    write(USAGE);
    return 0;
  }
  const file = positionals[0];
  if (file === undefined || positionals.length !== 1)
    throw new CliExit(2, `allowlist validate: expected one FILE.\n${USAGE}`);
  const maxEntries = intOption('validate', 'max-entries', values['max-entries'], 1);
  const { config, problems: read } = await loadList(
    'validate',
    file,
    typeof values.sheet === 'string' ? values.sheet : undefined,
  );
  let problems: Problem[] = read;
  if (maxEntries !== undefined) {
    // The reader checked the count against the file's own or the default limit: use the given one.
    problems = [
      ...validateConfig(config, { maxEntries }).filter((p) => p.code === 'TOO_MANY_ENTRIES'),
      ...read.filter((p) => p.code !== 'TOO_MANY_ENTRIES'),
    ];
  }
  const { errors, warnings } = countSeverity(problems);
  if (values.json) {
    write(
      JSON.stringify(
        {
          file,
          mode: config.mode,
          entries: config.entries.length,
          errors,
          warnings,
          problems: problems.map(jsonProblem),
        },
        null,
        2,
      ),
    );
  } else {
    const verdict = errors > 0 ? 'NOT VALID' : 'valid';
    write(
      `${file}: ${verdict} — ${config.mode}, ${config.entries.length} entries, ${errors} error(s), ${warnings} warning(s)`,
    );
    for (const p of problems) write(`  ${humanProblem(p)}`);
  }
  return errors > 0 ? 1 : 0;
}
