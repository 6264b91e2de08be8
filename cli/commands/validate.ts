import { validateConfig } from '../../shared/allowlist/validate.ts';
import type { Problem } from '../../shared/allowlist/model.ts';
import {
  countSeverity,
  humanProblem,
  jsonProblem,
  LIST_FILE_OPTIONS,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';

const USAGE = 'usage: allowlist validate FILE [--sheet NAME] [--max-entries N] [--json]';

/**
 * `allowlist validate FILE [--max-entries N] [--json]`: every problem of a list.
 *
 * Exit 0 when there are no errors (warnings allowed), 1 when there are errors.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    { name: 'validate', usage: USAGE, options: LIST_FILE_OPTIONS },
    argv,
    async (cmd) => {
      const { values } = cmd;
      const file = cmd.onlyFile();
      const maxEntries = cmd.int('max-entries', 1);
      const { config, problems: read } = await cmd.load(file);
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
        writeJson({
          file,
          mode: config.mode,
          entries: config.entries.length,
          errors,
          warnings,
          problems: problems.map(jsonProblem),
        });
      } else {
        const verdict = say(errors > 0 ? 'notValid' : 'valid');
        write(
          say('validateHeadline', {
            file,
            verdict,
            mode: config.mode,
            entries: config.entries.length,
            errors,
            warnings,
          }),
        );
        for (const p of problems) write(`  ${humanProblem(p)}`);
      }
      return errors > 0 ? 1 : 0;
    },
  );
}
