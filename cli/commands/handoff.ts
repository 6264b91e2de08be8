import { writeFileAtomic } from '../../node-shared/atomic-file.ts';
import { DEFAULT_MAX_ENTRIES, type Config, type Problem } from '../../shared/allowlist/model.ts';
import {
  exportEntries,
  leftOutEntries,
  refusedEntries,
  STORE_CSV_MAX_BYTES,
} from '../../shared/export/index.ts';
import { checkEgress, type EgressResult } from '../../shared/handoff/egress.ts';
import { buildPlan, typedPhraseMatches } from '../../shared/sync/plan.ts';
import { cliGet } from '../http-get.ts';
import {
  CliExit,
  countSeverity,
  humanProblem,
  jsonProblem,
  reportListProblems,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';
import { human as diffLines } from './diff.ts';
import { egressLine, endpointsOf } from './egress.ts';
import { problemLine } from './import.ts';

const USAGE =
  'usage: allowlist handoff plan --in-force FILE --draft FILE [--egress [--endpoint URL]...] [--protect IP]... [--max-entries N] [--out FILE [--confirm PHRASE]] [--json]';

const OPTIONS = {
  'in-force': { type: 'string' },
  draft: { type: 'string' },
  egress: { type: 'boolean' },
  endpoint: { type: 'string', multiple: true },
  protect: { type: 'string', multiple: true },
  'max-entries': { type: 'string' },
  out: { type: 'string', short: 'o' },
  confirm: { type: 'string' },
  json: { type: 'boolean' },
} as const;

const modeName = (config: Config) => (config.mode === 'ALLOW_ALL' ? 'ALLOW_ALL' : 'ALLOW_SPECIFIC');

/**
 * `allowlist handoff plan --in-force FILE --draft FILE`: the app's plan for a cybozu.com tenant
 * (saved by hand on the cybozu.com Store), from a terminal. The list in force is a file the admin
 * keeps (the one last saved on the Store); the plan is shared/sync/plan.ts: the diff, every
 * validation, and the lockout guard with the admin's address from the egress check (`--egress`;
 * without it the address is unknown) and the `--protect` addresses. With `--out` the Store's CSV
 * is written (shared/export `cybozu-csv`), only when nothing blocks, something changes, the
 * phrase is given when someone would lose access, and the Store would take every entry.
 *
 * Exit 0: the plan holds (and the file is written when asked); 1: blocked, nothing to save, the
 * phrase missing or wrong, or an entry refused; 2: unreadable input or usage.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    {
      name: 'handoff',
      usage: USAGE,
      options: OPTIONS,
      optionHelp: {
        'in-force': 'optInForce',
        draft: 'optDraft',
        egress: 'optEgress',
        endpoint: 'optEndpoint',
        protect: 'optProtect',
        out: 'optHandoffOut',
        confirm: 'optConfirm',
      },
    },
    argv,
    async (cmd) => {
      const { values } = cmd;
      if (cmd.positionals[0] !== 'plan' || cmd.positionals.length !== 1)
        throw cmd.usageError(say('handoffSubcommand'));
      const inForceFile = values['in-force'];
      const draftFile = values.draft;
      if (typeof inForceFile !== 'string' || typeof draftFile !== 'string')
        throw cmd.usageError(say('inForceAndDraftRequired'));
      const protectedAddresses = (
        Array.isArray(values.protect) ? (values.protect as string[]) : []
      ).map((ip) => ({ ip, label: '' }));
      const maxEntries = cmd.int('max-entries', 1) ?? DEFAULT_MAX_ENTRIES;
      const inForce = await cmd.load(inForceFile);
      const draft = await cmd.load(draftFile);
      reportListProblems('handoff', inForceFile, inForce.problems);
      const egress: EgressResult | null = values.egress
        ? await checkEgress(cliGet, endpointsOf(values))
        : null;
      const plan = buildPlan({
        base: inForce.config,
        working: draft.config,
        clientIp: egress?.ip ?? null,
        protectedAddresses,
        maxEntries,
      });
      const phraseOk =
        plan.confirmationPhrase === null ||
        (typeof values.confirm === 'string' &&
          typedPhraseMatches(values.confirm, plan.confirmationPhrase));
      const out = typeof values.out === 'string' ? values.out : null;
      // Entries the draft file had errors on are part of the plan's problems (validation).
      const problems: Problem[] = [
        // (The file's own count check used the default limit; the plan's uses --max-entries.)
        ...draft.problems.filter((p) => p.index === undefined && p.code !== 'TOO_MANY_ENTRIES'),
        ...plan.problems,
      ];
      const holds = plan.canPush && phraseOk;
      let written: number | null = null;
      let refused: Problem[] = [];
      let tooLarge = false;
      if (out !== null && holds && draft.config.mode === 'ALLOW_SPECIFIC') {
        const exported = await exportEntries(draft.config.entries, 'cybozu-csv', {
          refuseFormulas: true,
        });
        const left = refusedEntries(leftOutEntries(exported.problems), {});
        refused = left.flatMap((l) => l.problems);
        tooLarge = left.length === 0 && exported.bytes.byteLength > STORE_CSV_MAX_BYTES;
        if (tooLarge)
          process.stderr.write(
            `${say('hoTooLarge', { file: out, mb: Math.ceil(exported.bytes.byteLength / 1048576) })}\n`,
          );
        if (left.length === 0 && !tooLarge) {
          try {
            await writeFileAtomic(out, exported.bytes, { mode: 0o666 });
          } catch (error) {
            const detail = (error as { code?: string }).code ?? String(error);
            throw new CliExit(2, say('cannotWrite', { command: 'handoff', file: out, detail }));
          }
          written = exported.written;
        }
      }
      if (values.json) {
        writeJson({
          inForce: inForceFile,
          draft: draftFile,
          egress,
          diff: plan.diff,
          problems: problems.map(jsonProblem),
          blockers: plan.blockers.map(jsonProblem),
          checks: plan.checks,
          confirmationPhrase: plan.confirmationPhrase,
          confirmed: plan.confirmationPhrase !== null && phraseOk,
          canSave: holds,
          out,
          written,
          refused: refused.map(jsonProblem),
        });
      } else {
        const lines = [
          say('hoLists', {
            inForce: inForceFile,
            inForceMode: modeName(inForce.config),
            inForceCount: inForce.config.entries.length,
            draft: draftFile,
            draftMode: modeName(draft.config),
            draftCount: draft.config.entries.length,
          }),
          diffLines(plan.diff),
          egress === null
            ? say('hoAddressNotAsked')
            : egress.ip !== null
              ? say('hoYourAddress', { ip: egress.ip })
              : say('hoAddressUnknown', { reason: egressLine(egress) }),
          ...(egress?.answers ?? []).map(
            (a) =>
              `  ${a.ip ? say('egressAnswer', { url: a.url, ip: a.ip }) : say('egressFailed', { url: a.url, message: a.error ?? '' })}`,
          ),
          ...plan.checks.map(
            (c) =>
              `  ${c.ip} (${c.reason === 'self' ? say('hoSelf') : say('hoProtected')}): ${c.allowed ? say('hoKeeps') : say('hoLoses')}`,
          ),
          ...problems.map((p) => `  ${humanProblem(p)}`),
        ];
        if (plan.blockers.length > 0) lines.push(say('hoBlocked'));
        else if (!plan.canPush) lines.push(say('hoNothing'));
        else if (!phraseOk)
          lines.push(say('hoNeedsConfirm', { phrase: plan.confirmationPhrase ?? '' }));
        else if (out !== null && draft.config.mode === 'ALLOW_ALL')
          lines.push(say('hoNoFileAllowAll'));
        else if (written !== null) lines.push(say('hoWrote', { file: out ?? '', count: written }));
        else if (out === null) lines.push(say('hoReady'));
        write(lines.join('\n'));
      }
      if (refused.length > 0) {
        for (const p of refused) process.stderr.write(`allowlist handoff: ${problemLine(p)}\n`);
        process.stderr.write(
          `${say('hoRefused', { count: new Set(refused.map((p) => p.index)).size, file: out ?? '' })}\n`,
        );
      }
      const readErrors = countSeverity(inForce.problems).errors;
      return holds && refused.length === 0 && !tooLarge && readErrors === 0 ? 0 : 1;
    },
  );
}
