import { createInterface } from 'node:readline';
import { compileMatcher } from '../../shared/allowlist/match.ts';
import { parseIpInput, parseIPv4Strict } from '../../shared/ip/parse.ts';
import { formatProblem } from '../../shared/i18n/messages.ts';
import { makeProblem } from '../../shared/allowlist/problem.ts';
import type { Config, Entry, Problem } from '../../shared/allowlist/model.ts';
import {
  cliLocale,
  displayText,
  displayWidth,
  networkText,
  runCommand,
  say,
  write,
  writeJson,
} from '../common.ts';
import { networkCoverage, type Coverage } from '../network-coverage.ts';

const USAGE =
  'usage: allowlist check --list FILE [--sheet NAME] [--json] (IP|NETWORK... | --stdin)';

const OPTIONS = {
  list: { type: 'string' },
  sheet: { type: 'string' },
  json: { type: 'boolean' },
  stdin: { type: 'boolean' },
} as const;

type Match = { ip: string; cidr: number | null; memo: string };

type CheckResult =
  | { ip: string; allowed: boolean; matches: Match[] }
  | ({ ip: string; network: string; allowed: boolean; matches: Match[] } & Omit<
      Coverage,
      'matchIndexes'
    >)
  | { ip: string; error: string; code: string };

/**
 * `allowlist check --list FILE [--json] (IP|NETWORK)...` (or `--stdin`, one per line).
 *
 * For an address: allowed or denied, and the entries that match. For a network, range or wildcard:
 * whether all of it is allowed, part of it (which part, by which entries) or none. An unparsable
 * input gets `error` instead of `allowed`. Exit 1 when an input or the list had errors.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand({ name: 'check', usage: USAGE, options: OPTIONS }, argv, async (cmd) => {
    const { values, positionals } = cmd;
    const listPath = values.list;
    if (typeof listPath !== 'string') throw cmd.usageError(say('listRequired'));
    if (!values.stdin && positionals.length === 0) throw cmd.usageError(say('addressesRequired'));
    const { config, problems } = await cmd.load(listPath);
    const listErrors = cmd.report(listPath, problems);
    const check = checker(config);
    const results: (CheckResult & { problem?: Problem })[] = [];
    if (values.stdin) {
      const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of lines) if (line.trim() !== '') results.push(check(line.trim()));
    }
    for (const ip of positionals) results.push(check(ip));
    if (values.json) {
      writeJson(results.map(({ problem: _problem, ...r }) => r));
    } else {
      for (const line of human(results, config.mode === 'ALLOW_ALL')) write(line);
    }
    const badAddress = results.some((r) => 'error' in r);
    return badAddress || listErrors > 0 ? 1 : 0;
  });
}

function checker(config: Config): (raw: string) => CheckResult & { problem?: Problem } {
  const matcher = compileMatcher(config.entries);
  const allowAll = config.mode === 'ALLOW_ALL';
  const match = (i: number): Match => {
    const entry = config.entries[i] as Entry;
    return { ip: entry.ip, cidr: entry.cidr, memo: entry.memo };
  };
  return (raw) => {
    const parsed = parseIpInput(raw);
    if (!parsed.ok) {
      const p = parsed.problem ?? makeProblem('INVALID_IP', 'error', { input: raw });
      return { ip: raw, error: p.message, code: p.code, problem: p };
    }
    if (parsed.notation !== 'address') {
      const c = networkCoverage(parsed.networks, config.entries);
      const { matchIndexes, ...coverage } = allowAll
        ? {
            ...c,
            coverage: 'all' as const,
            allowedAddresses: c.totalAddresses,
            allowedParts: [...c.allowedParts, ...c.deniedParts],
            deniedParts: [],
          }
        : c;
      return {
        ip: raw,
        network: parsed.networks.map((n) => networkText(n)).join(', '),
        allowed: coverage.coverage === 'all',
        ...coverage,
        matches: matchIndexes.map(match),
      };
    }
    const value = parseIPv4Strict(parsed.networks[0]?.ip ?? '') as number;
    const matches = matcher.matches(value).map(match);
    return { ip: raw, allowed: allowAll || matches.length > 0, matches };
  };
}

const MAX_SHOWN = 6;

function listed(items: string[]): string {
  if (items.length <= MAX_SHOWN) return items.join(', ');
  return `${items.slice(0, MAX_SHOWN).join(', ')} ${say('andMore', { count: items.length - MAX_SHOWN })}`;
}

function human(results: (CheckResult & { problem?: Problem })[], allowAll: boolean): string[] {
  const locale = cliLocale();
  const width = Math.min(40, Math.max(...results.map((r) => r.ip.length), 2));
  const verdicts = ['checkAllowed', 'checkDenied', 'checkPartly', 'checkError'] as const;
  const verdictWidth = Math.max(...verdicts.map((k) => displayWidth(say(k)))) + 2;
  const line = (ip: string, verdict: (typeof verdicts)[number], why: string) => {
    const word = say(verdict);
    return `${ip.padEnd(width)}  ${word}${' '.repeat(verdictWidth - displayWidth(word))}${why}`;
  };
  const matchText = (matches: Match[]) =>
    listed(matches.map((m) => `${networkText(m)}${m.memo ? ` "${displayText(m.memo)}"` : ''}`));
  return results.map((r) => {
    if ('error' in r)
      return line(r.ip, 'checkError', r.problem ? formatProblem(r.problem, locale) : r.error);
    if ('coverage' in r) {
      const n = (x: number) => x.toLocaleString('en-US');
      if (allowAll) return line(r.ip, 'checkAllowed', say('checkAllowAll'));
      if (r.coverage === 'all')
        return line(
          r.ip,
          'checkAllowed',
          say('checkWholeNetwork', { total: n(r.totalAddresses), matches: matchText(r.matches) }),
        );
      if (r.coverage === 'part')
        return line(
          r.ip,
          'checkPartly',
          say('checkPartNetwork', {
            allowed: n(r.allowedAddresses),
            total: n(r.totalAddresses),
            allowedParts: listed(r.allowedParts),
            matches: matchText(r.matches),
            deniedParts: listed(r.deniedParts),
          }),
        );
      return line(r.ip, 'checkDenied', say('checkNoneNetwork', { total: n(r.totalAddresses) }));
    }
    if (r.allowed)
      return line(r.ip, 'checkAllowed', allowAll ? say('checkAllowAll') : matchText(r.matches));
    return line(r.ip, 'checkDenied', say('checkNoMatch'));
  });
}
