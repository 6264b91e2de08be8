import type { Problem } from './model.ts';
import { makeProblem } from './problem.ts';
import type { AddressVerdict, ConfigMatcher } from './match.ts';
import { parseIpInput } from '../ip/parse.ts';

/**
 * The address preview: one or many addresses typed by the admin, each checked against the draft
 * and the list in force. One implementation (the renderer's preview panel calls it as the admin
 * types; nothing else answers this question).
 */

/** One typed address and its verdicts; `problem` set (and no verdicts) when it is not one address. */
export type AddressCheck = {
  input: string;
  /** The address as checked (normalized), null when the input is not one IPv4 address. */
  ip: string | null;
  problem: Problem | null;
  draft: AddressVerdict | null;
  /** null: no list in force yet (never pulled), or the input is not one address. */
  live: AddressVerdict | null;
};

/** Addresses are separated by white space, commas or semicolons. */
export function addressTokens(text: string): string[] {
  return text.split(/[\s,;]+/).filter((t) => t !== '');
}

/**
 * Check each address of `text` (at most `max` of them) under the draft and the live list.
 *
 * Any notation the editor reads for one address is accepted (`203.0.113.5`, `203.0.113.5/32`);
 * a network or range is refused with NOT_A_SINGLE_ADDRESS, unreadable text with its parse problem.
 */
export function checkAddresses(
  text: string,
  draft: ConfigMatcher,
  live: ConfigMatcher | null,
  max = Number.POSITIVE_INFINITY,
): AddressCheck[] {
  return addressTokens(text)
    .slice(0, max)
    .map((input) => {
      const parsed = parseIpInput(input);
      if (!parsed.ok) return { input, ip: null, problem: parsed.problem, draft: null, live: null };
      const net = parsed.networks[0];
      if (!net || parsed.networks.length !== 1 || (net.cidr !== null && net.cidr !== 32)) {
        const problem = makeProblem('NOT_A_SINGLE_ADDRESS', 'error', { input });
        return { input, ip: null, problem, draft: null, live: null };
      }
      return {
        input,
        ip: net.ip,
        problem: null,
        draft: draft.verdict(net.ip),
        live: live ? live.verdict(net.ip) : null,
      };
    });
}
