import {
  checkEgress,
  DEFAULT_EGRESS_ENDPOINTS,
  seenAddresses,
  type EgressResult,
} from '../../shared/handoff/egress.ts';
import { cliGet } from '../http-get.ts';
import { runCommand, say, write, writeJson } from '../common.ts';

const USAGE = 'usage: allowlist egress [--endpoint URL]... [--json]';

const OPTIONS = {
  endpoint: { type: 'string', multiple: true },
  json: { type: 'boolean' },
} as const;

/** The endpoints of `--endpoint` (repeatable), else the app's defaults. */
export function endpointsOf(values: Record<string, unknown>): string[] {
  const given = values.endpoint;
  return Array.isArray(given) && given.length > 0
    ? given.map(String)
    : [...DEFAULT_EGRESS_ENDPOINTS];
}

/** The verdict as one line in the locale. */
export function egressLine(result: EgressResult): string {
  switch (result.verdict) {
    case 'agree':
      return say('egressAgree', { ip: result.ip ?? '' });
    case 'disagree':
      return say('egressDisagree', {
        ips: seenAddresses(result.answers).join(', '),
      });
    case 'ipv6-only':
      return say('egressIpv6', {
        ip: result.answers.find((a) => a.family === 'ipv6')?.ip ?? '',
      });
    case 'none':
      return say('egressNone');
  }
}

/**
 * `allowlist egress [--endpoint URL]...`: ask the public "what is my IP" endpoints (the app's
 * defaults, or those given) for this computer's IPv4 address, through the environment's proxy,
 * each with a timeout. Exit 0 when they all agree on one IPv4 address, 1 otherwise (disagreeing,
 * IPv6 only, no answer): the address the tenant sees is then unknown.
 */
export async function run(argv: string[]): Promise<number> {
  return runCommand(
    { name: 'egress', usage: USAGE, options: OPTIONS, optionHelp: { endpoint: 'optEndpoint' } },
    argv,
    async (cmd) => {
      if (cmd.positionals.length > 0) throw cmd.usageError(say('noPositionals'));
      const result = await checkEgress(cliGet, endpointsOf(cmd.values));
      if (cmd.values.json) writeJson(result);
      else
        write(
          [
            ...result.answers.map((a) =>
              a.ip
                ? say('egressAnswer', { url: a.url, ip: a.ip })
                : say('egressFailed', { url: a.url, message: a.error ?? '' }),
            ),
            egressLine(result),
          ].join('\n'),
        );
      return result.verdict === 'agree' ? 0 : 1;
    },
  );
}
