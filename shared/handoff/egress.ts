import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { normalizeCallerAddress } from '../allowlist/lockout.ts';
import { parseIPv4Strict } from '../ip/parse.ts';
import { classifyBlock } from '../ip/special.ts';

/**
 * The admin's own address for a service that does not tell it (a cybozu.com tenant): asked of
 * several public "what is my IP" endpoints at once, each answer checked (a short text that is one
 * IP address, nothing else).
 *
 * Every endpoint that answered says the same IPv4 address: that is the address. Two different
 * addresses (a proxy for some hosts, a split tunnel), only IPv6 answers, or no answer at all: the
 * address is unknown, and the lockout guard treats it so (shared/sync/plan.ts: a restricting list
 * then needs the typed phrase). The requests themselves are the caller's (`EgressGet`): the app
 * sends them through its proxy-aware transport, the CLI through Node's.
 */

/** Endpoints asked by default: each answers with the caller's address as plain text, IPv4 only. */
export const DEFAULT_EGRESS_ENDPOINTS: readonly string[] = [
  'https://api.ipify.org',
  'https://ipv4.icanhazip.com',
  'https://checkip.amazonaws.com',
];

/** Per endpoint; the endpoints are asked in parallel. */
export const EGRESS_TIMEOUT_MS = 5000;
/** How many endpoints a settings list may hold. */
export const MAX_EGRESS_ENDPOINTS = 10;

/** One GET of an endpoint: the status and body, or why nothing came back. Never throws. */
export type EgressGet = (
  url: string,
  timeoutMs: number,
) => Promise<{ ok: true; status: number; body: string } | { ok: false; message: string }>;

/** What one endpoint said. */
export type EgressAnswer = {
  url: string;
  /** The address it reported, canonical (IPv4 dotted quad or IPv6 text); null: no usable answer. */
  ip: string | null;
  family: 'ipv4' | 'ipv6' | null;
  /** Why there is no usable answer (English sentence). */
  error: string | null;
  /**
   * An address it answered that cannot be the admin's (not public: private, loopback...). Not
   * usable, yet it shows that traffic to this endpoint takes another path: with any other address
   * seen, the endpoints disagree.
   */
  seen?: string;
};

/**
 * agree: every answer is the same IPv4 address; disagree: two different addresses; ipv6-only:
 * answers were IPv6 only; none: no endpoint answered usably.
 */
export type EgressVerdict = 'agree' | 'disagree' | 'ipv6-only' | 'none';

export type EgressResult = {
  /** The admin's IPv4 address when the endpoints agree; null otherwise (unknown). */
  ip: string | null;
  verdict: EgressVerdict;
  answers: EgressAnswer[];
  /** Why the address is unknown (English; the UI has its own words per verdict); null: agreed. */
  warning: string | null;
};

/** An answer body: one address as text, maybe with a newline (icanhazip, checkip end with one). */
const AnswerSchema = z
  .string()
  .max(100, 'The answer is longer than an IP address.')
  .transform((text) => text.trim())
  .pipe(z.string().min(1, 'The answer is empty.'));

/**
 * Why an IPv4 answer cannot be the address the tenant sees: the special-purpose ranges of
 * shared/ip/special.ts (private, loopback, link-local, shared CGNAT, ...). An endpoint answering
 * one is inside the admin's network or misconfigured; trusting it would let the lockout guard
 * pass a list that leaves out the real public address. Documentation ranges stay usable: tests
 * and demos use them as public addresses, and no real endpoint answers one.
 */
function notPublic(v4: string): string | null {
  const start = parseIPv4Strict(v4);
  if (start === null) return null;
  const special = classifyBlock({ start, prefix: 32 });
  return special && special.reason !== 'documentation' ? special.reason : null;
}

/** Read one answer: a public IP address as text, else why not. */
export function parseEgressAnswer(
  body: string,
): { ok: true; ip: string; family: 'ipv4' | 'ipv6' } | { ok: false; error: string; seen?: string } {
  const text = AnswerSchema.safeParse(body);
  if (!text.success) return { ok: false, error: text.error.issues[0]?.message ?? 'Unreadable.' };
  const v4 = normalizeCallerAddress(text.data);
  if (v4 !== null && text.data !== v4)
    return {
      ok: false,
      error: `The answer ${v4} in IPv4-mapped IPv6 form is not the IPv4 address the tenant sees.`,
    };
  const special = v4 === null ? null : notPublic(v4);
  if (special !== null)
    return {
      ok: false,
      error: `The answer ${v4} is not a public address (${special} range): the tenant never sees it, so it cannot be your address there.`,
      seen: v4!,
    };
  if (v4 !== null) return { ok: true, ip: v4, family: 'ipv4' };
  if (ipaddr.IPv6.isValid(text.data) && !text.data.includes('%'))
    return { ok: true, ip: ipaddr.IPv6.parse(text.data).toString(), family: 'ipv6' };
  // Not quoted back: an endpoint may be any page on this computer (http to loopback is allowed),
  // and the renderer must not read other local services through the app.
  return {
    ok: false,
    error: `The answer (${text.data.length} characters) is not an IP address.`,
  };
}

/** The verdict over the answers. */
export function egressVerdict(answers: readonly EgressAnswer[]): Omit<EgressResult, 'answers'> {
  const v4 = [...new Set(answers.filter((a) => a.family === 'ipv4').map((a) => a.ip!))];
  const v6 = [...new Set(answers.filter((a) => a.family === 'ipv6').map((a) => a.ip!))];
  const seen = seenAddresses(answers);
  if (v4.length === 1 && seen.length === 1) return { ip: v4[0]!, verdict: 'agree', warning: null };
  if (seen.length > 1)
    return {
      ip: null,
      verdict: 'disagree',
      warning: `The address-check endpoints saw different addresses (${seen.join(', ')}): a proxy or a split tunnel (VPN) sends some traffic another way, so the address the tenant sees cannot be told.`,
    };
  if (v6.length === 1)
    return {
      ip: null,
      verdict: 'ipv6-only',
      warning: `The address-check endpoints saw only an IPv6 address (${v6[0]}): the IP address restriction lists IPv4 addresses, so the IPv4 address the tenant sees cannot be told.`,
    };
  return {
    ip: null,
    verdict: 'none',
    warning:
      'No address-check endpoint gave a public IP address (offline, blocked by a proxy, or an answer that is not a public address), so your address is unknown.',
  };
}

/** Every distinct address the endpoints answered, usable or not (what "disagree" lists). */
export function seenAddresses(answers: readonly EgressAnswer[]): string[] {
  return [...new Set(answers.flatMap((a) => (a.ip ? [a.ip] : a.seen ? [a.seen] : [])))];
}

/** Ask one endpoint. Never throws. */
async function ask(get: EgressGet, url: string, timeoutMs: number): Promise<EgressAnswer> {
  let sent: Awaited<ReturnType<EgressGet>>;
  try {
    sent = await get(url, timeoutMs);
  } catch (error) {
    sent = { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
  if (!sent.ok) return { url, ip: null, family: null, error: sent.message };
  if (sent.status !== 200)
    return { url, ip: null, family: null, error: `It answered with HTTP status ${sent.status}.` };
  const parsed = parseEgressAnswer(sent.body);
  return parsed.ok
    ? { url, ip: parsed.ip, family: parsed.family, error: null }
    : {
        url,
        ip: null,
        family: null,
        error: parsed.error,
        ...(parsed.seen ? { seen: parsed.seen } : {}),
      };
}

/** Ask every endpoint (in parallel) and judge. */
export async function checkEgress(
  get: EgressGet,
  endpoints: readonly string[],
  timeoutMs = EGRESS_TIMEOUT_MS,
): Promise<EgressResult> {
  const answers = await Promise.all(endpoints.map((url) => ask(get, url, timeoutMs)));
  return { ...egressVerdict(answers), answers };
}
