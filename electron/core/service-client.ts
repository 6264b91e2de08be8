import {
  ClientIpSchema,
  PutAcceptedSchema,
  RestrictionSchema,
} from '../../shared/contract/service.ts';
import type {
  AllowlistService,
  PutAccepted,
  Restriction,
  ServiceError,
  ServiceResult,
} from '../../shared/contract/service.ts';
import type { Config } from '../../shared/allowlist/model.ts';
import { IPC_LIMITS, IpcConfigSchema } from '../../shared/contract/ipc-schemas.ts';
import { canonicalConfig } from '../../shared/sync/base.ts';
import { createServiceRequests, type HttpServiceOptions } from './service-request.ts';

export type { HttpServiceOptions } from './service-request.ts';

function sameConfig(a: Config, b: Config): boolean {
  return canonicalConfig(a) === canonicalConfig(b);
}

/**
 * A revision the app can send back in If-Match and keep: visible ASCII, no quote, bounded. A
 * revision with CR/LF would be stored and then break every save.
 */
const REVISION = /^[\x21\x23-\x7e]{1,200}$/;

function badRevision(revision: string, requestId: string): ServiceError | null {
  return REVISION.test(revision)
    ? null
    : {
        kind: 'BAD_RESPONSE',
        message: `The service answered with a revision the app cannot use (${JSON.stringify(revision.slice(0, 40))}: control characters, quotes or spaces, or too long).`,
        requestId,
      };
}

/** The most entries the app can hold in a draft (IPC_LIMITS): a bigger list is refused at once. */
function overLimit(restriction: Restriction, requestId: string): ServiceError | null {
  const parsed = IpcConfigSchema.safeParse({
    mode: restriction.mode,
    entries: restriction.entries,
  });
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  return {
    kind: 'BAD_RESPONSE',
    message: `The service's list is larger than this app can edit (${restriction.entries.length.toLocaleString('en-US')} entries; at most ${IPC_LIMITS.maxEntries.toLocaleString('en-US')} entries of at most ${IPC_LIMITS.maxMemoLength.toLocaleString('en-US')}-character memos${issue ? `; ${issue.message}` : ''}).`,
    requestId,
  };
}

/**
 * The AllowlistService over HTTP (docs/service-contract.md), in plain Node.
 *
 * https required except to loopback; certificates always verified; redirects followed only within
 * the same origin; a timeout per request and a deadline per call; GETs retried with backoff
 * (honouring Retry-After) on network failures, 429 and 5xx; a PUT is never retried: when its
 * answer is lost, the restriction is re-read to learn whether it was saved.
 */
export function createHttpService(options: HttpServiceOptions): AllowlistService {
  const deadlineMs = options.deadlineMs ?? 30_000;
  const log = options.log ?? (() => undefined);
  const { attempt, parse, getWithRetries } = createServiceRequests(options);

  return {
    async get(): Promise<ServiceResult<Restriction>> {
      const result = await getWithRetries(
        '/v1/ip-restrictions.json',
        RestrictionSchema,
        Date.now() + deadlineMs,
      );
      if (!result.ok) return result;
      const problem = badRevision(result.value.revision, 'get') ?? overLimit(result.value, 'get');
      return problem ? { ok: false, error: problem } : result;
    },

    async clientIp(): Promise<ServiceResult<string>> {
      const result = await getWithRetries(
        '/v1/client-ip.json',
        ClientIpSchema,
        Date.now() + deadlineMs,
      );
      return result.ok ? { ok: true, value: result.value.ip } : result;
    },

    async put(config: Config, revision: string): Promise<ServiceResult<PutAccepted>> {
      const deadline = Date.now() + deadlineMs;
      const body = Buffer.from(
        JSON.stringify({
          mode: config.mode,
          entries: config.entries.map((e) => ({ ip: e.ip, cidr: e.cidr, memo: e.memo })),
        }),
        'utf8',
      );
      const result = await attempt(
        'PUT',
        '/v1/ip-restrictions.json',
        deadline,
        { 'Content-Type': 'application/json', 'If-Match': `"${revision}"` },
        body,
      );
      if (result.ok) {
        const accepted = parse(PutAcceptedSchema, result);
        if (accepted.ok) {
          const problem = badRevision(accepted.value.revision, result.requestId);
          if (!problem) return accepted;
          return {
            ok: false,
            error: {
              kind: 'SAVE_OUTCOME_UNKNOWN',
              message: `${problem.message} The list may or may not have been saved.`,
            },
          };
        }
        // A 2xx that is not the contract's answer (an HTML page from a proxy, broken JSON): the
        // list may have been saved or not. Never "an error, nothing happened".
        if (result.response.status >= 200 && result.response.status < 300)
          return {
            ok: false,
            error: {
              kind: 'SAVE_OUTCOME_UNKNOWN',
              message: `The service answered the save with HTTP ${result.response.status} but not with the expected answer (${accepted.error.message}), so the list may or may not have been saved.`,
            },
          };
        return accepted;
      }
      const lost = result.error;
      if (!result.sent || (lost.kind !== 'OFFLINE' && lost.kind !== 'TIMEOUT'))
        return { ok: false, error: lost };
      // The request went out but its answer was lost: never resend blindly, re-read to learn its fate.
      log(
        `service PUT: answer lost (${lost.kind}); re-reading to learn whether revision ${revision} was replaced`,
      );
      const reread = await getWithRetries(
        '/v1/ip-restrictions.json',
        RestrictionSchema,
        Math.max(deadline, Date.now() + Math.min(deadlineMs, 10_000)),
      );
      if (!reread.ok) {
        return {
          ok: false,
          error: {
            kind: 'SAVE_OUTCOME_UNKNOWN',
            message: `The connection failed after the list was sent, and the service could not be read back (${reread.error.kind}): the save may or may not have happened. Pull before saving again.`,
          },
        };
      }
      const now = reread.value;
      if (now.revision === revision) {
        return {
          ok: false,
          error: {
            ...lost,
            message: `${lost.message} The service is still at revision ${revision}: nothing was saved.`,
          },
        };
      }
      if (sameConfig(now, config)) {
        log(`service PUT: the re-read shows the list saved as revision ${now.revision}`);
        return { ok: true, value: { revision: now.revision, apply: now.apply } };
      }
      return {
        ok: false,
        error: {
          kind: 'REVISION_CONFLICT',
          message: `The connection failed after the list was sent; the service is now at revision ${now.revision} with a different list.`,
          currentRevision: now.revision,
        },
      };
    },
  };
}
