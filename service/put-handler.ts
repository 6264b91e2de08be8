import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import { PutBodySchema } from '../shared/contract/service.ts';
import type { PutAccepted } from '../shared/contract/service.ts';
import { validateConfig } from '../shared/allowlist/validate.ts';
import type { RestrictionState } from './restriction-state.ts';
import { HttpError, readBody } from './http-io.ts';
import { requireIfMatch } from './if-match.ts';

/** One item of a 400 VALIDATION_FAILED `errors` list. */
export type ValidationItem = { index?: number; field?: string; code: string; message: string };

const ENTRY_FIELDS = new Set(['ip', 'cidr', 'memo']);

/** Zod issues of the body -> contract validation items (entry index and field when known). */
function schemaItems(error: z.ZodError): ValidationItem[] {
  return error.issues.map((issue) => {
    const [top, index, field] = issue.path;
    const item: ValidationItem = {
      code: 'INVALID_BODY',
      message: `${issue.path.join('.') || 'body'}: ${issue.message}`,
    };
    if (top === 'entries' && typeof index === 'number') {
      item.index = index;
      if (typeof field === 'string' && ENTRY_FIELDS.has(field)) item.field = field;
    } else if (top === 'mode' || top === 'entries') {
      item.field = top;
    }
    return item;
  });
}

/**
 * Handle `PUT /v1/ip-restrictions.json` after authentication and enforcement.
 *
 * 428 without If-Match (or an empty one), 400 INVALID_IF_MATCH for one that is not `*` or a list
 * of entity-tags, 415 for a non-JSON body, 400 INVALID_JSON / VALIDATION_FAILED, 412 for a stale
 * revision (before validation: a conflicting client must re-read anyway), else the new revision.
 * Validation is the shared domain's `validateConfig`, errors only: lockouts and warnings are the
 * app's business, not the service's.
 */
export async function handlePut(
  req: IncomingMessage,
  restriction: RestrictionState,
  login: string,
  limits: { bodyLimit: number; maxEntries: number },
): Promise<PutAccepted> {
  let ifMatch;
  try {
    ifMatch = requireIfMatch(req.headers['if-match']);
  } catch (error) {
    req.resume();
    throw error;
  }
  const type = req.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    req.resume();
    throw new HttpError(
      415,
      'UNSUPPORTED_MEDIA_TYPE',
      'The body must be JSON (Content-Type: application/json).',
    );
  }
  const raw = await readBody(req, limits.bodyLimit);
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch {
    throw new HttpError(400, 'INVALID_JSON', 'The body is not valid UTF-8 JSON.');
  }
  const parsed = PutBodySchema.safeParse(json);
  if (!parsed.success) {
    throw new HttpError(400, 'VALIDATION_FAILED', 'The body is not a restriction.', {
      errors: schemaItems(parsed.error),
    });
  }
  const config = parsed.data;
  restriction.checkRevision(ifMatch);
  const errors: ValidationItem[] = validateConfig(config, { maxEntries: limits.maxEntries })
    .filter((p) => p.severity === 'error')
    .map((p) => ({
      ...(p.index !== undefined ? { index: p.index } : {}),
      ...(p.field !== undefined ? { field: p.field } : {}),
      code: p.code,
      message: p.message,
    }));
  if (errors.length > 0) {
    throw new HttpError(
      400,
      'VALIDATION_FAILED',
      `The restriction has ${errors.length} problem(s); nothing was saved.`,
      { errors },
    );
  }
  return restriction.save(config, ifMatch, login);
}
