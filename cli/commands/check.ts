import { createInterface } from 'node:readline';
import { compileMatcher } from '../../shared/allowlist/match.ts';
import { parseIpInput, parseIPv4Strict } from '../../shared/ip/parse.ts';
import { formatProblem } from '../../shared/i18n/messages.ts';
import { makeProblem } from '../../shared/allowlist/problem.ts';
import type { Entry, Problem } from '../../shared/allowlist/model.ts';
import {
  cliLocale,
  countSeverity,
  networkText,
  reportListProblems,
  runCommand,
  write,
} from '../common.ts';

const USAGE = 'usage: allowlist check --list FILE [--sheet NAME] [--json] (IP... | --stdin)';
const OPTIONS = {
  list: { type: 'string' },
  sheet: { type: 'string' },
  json: { type: 'boolean' },
  stdin: { type: 'boolean' },
} as const;

type CheckResult =
  | { ip: string; allowed: boolean; matches: { ip: string; cidr: number | null; memo: string }[] }
  | { ip: string; error: string; code: string };

/**
 * `allowlist check --list FILE [--json] IP...` (or `--stdin`, one address per line).
 *
 * For each address: allowed or denied, and the entries that match. An unparsable address gets
 * `error` instead of `allowed`. Exit 1 when an address or the list had errors.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand({ name: 'check', usage: USAGE, options: OPTIONS }, argv, async (cmd) => {
    const { values, positionals } = cmd;
    const listPath = values.list;
    if (typeof listPath !== 'string') throw cmd.usageError('--list FILE is required.');
    if (!values.stdin && positionals.length === 0)
      throw cmd.usageError('give addresses or --stdin.');
    const { config, problems } = await cmd.load(listPath);
    reportListProblems('check', listPath, problems);

    const matcher = compileMatcher(config.entries);
    const allowAll = config.mode === 'ALLOW_ALL';
    const locale = cliLocale();
    const check = (raw: string): CheckResult & { problem?: Problem } => {
      const parsed = parseIpInput(raw);
      let problem: Problem | null = parsed.ok ? null : parsed.problem;
      if (parsed.ok && parsed.notation !== 'address') {
        const suggestion = parsed.networks.map((n) => networkText(n)).join('; ');
        problem = makeProblem('IP_NOT_SINGLE_ADDRESS', 'error', {
          input: raw,
          notation: parsed.notation,
          suggestion,
        });
      }
      if (problem || !parsed.ok) {
        const p = problem ?? makeProblem('INVALID_IP', 'error', { input: raw });
        return { ip: raw, error: p.message, code: p.code, problem: p };
      }
      const value = parseIPv4Strict(parsed.networks[0]?.ip ?? '') as number;
      const matches = matcher.matches(value).map((i) => {
        const entry = config.entries[i] as Entry;
        return { ip: entry.ip, cidr: entry.cidr, memo: entry.memo };
      });
      return { ip: raw, allowed: allowAll || matches.length > 0, matches };
    };

    const results: (CheckResult & { problem?: Problem })[] = [];
    if (values.stdin) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) if (line.trim() !== '') results.push(check(line.trim()));
    }
    for (const ip of positionals) results.push(check(ip));

    if (values.json) {
      write(
        JSON.stringify(
          results.map(({ problem: _problem, ...r }) => r),
          null,
          2,
        ),
      );
    } else {
      const width = Math.min(40, Math.max(...results.map((r) => r.ip.length), 2));
      for (const r of results) {
        if ('error' in r) {
          write(
            `${r.ip.padEnd(width)}  ERROR    ${r.problem ? formatProblem(r.problem, locale) : r.error}`,
          );
        } else if (r.allowed) {
          const why = allowAll
            ? '(mode ALLOW_ALL: everyone is allowed)'
            : r.matches.map((m) => `${networkText(m)}${m.memo ? ` "${m.memo}"` : ''}`).join(', ');
          write(`${r.ip.padEnd(width)}  allowed  ${why}`);
        } else {
          write(`${r.ip.padEnd(width)}  DENIED   no entry matches`);
        }
      }
    }
    const badAddress = results.some((r) => 'error' in r);
    return badAddress || countSeverity(problems).errors > 0 ? 1 : 0;
  });
}
