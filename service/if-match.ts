import { HttpError } from './http-io.ts';

/** A parsed If-Match field (RFC 9110 §13.1.1): `*`, or the entity-tags it lists. */
export type IfMatch = { any: true } | { any: false; tags: { weak: boolean; opaque: string }[] };

// entity-tag = [ "W/" ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3)
const ELEMENT = /^(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"$/;

/**
 * Parse an If-Match value: `*`, or a comma-separated list of entity-tags (empty list elements are
 * allowed, as for every `#` list). Returns null for anything else, e.g. a bare `7`.
 */
export function parseIfMatch(header: string): IfMatch | null {
  const text = header.trim();
  if (text === '*') return { any: true };
  const tags: { weak: boolean; opaque: string }[] = [];
  for (const part of text.split(',')) {
    const element = part.trim();
    if (element === '') continue;
    const m = ELEMENT.exec(element);
    if (!m) return null;
    tags.push({ weak: m[1] !== undefined, opaque: m[2]! });
  }
  return tags.length > 0 ? { any: false, tags } : null;
}

/**
 * True when `ifMatch` lets a change of the representation whose entity-tag is `"revision"` go
 * ahead: `*` (a current representation always exists), or one listed tag equal to it under the
 * strong comparison (a weak tag `W/"…"` never matches).
 */
export function ifMatchAllows(ifMatch: IfMatch, revision: string): boolean {
  return ifMatch.any || ifMatch.tags.some((t) => !t.weak && t.opaque === revision);
}

/**
 * Read the If-Match request field of a PUT: 428 PRECONDITION_REQUIRED when it is missing or
 * empty, 400 INVALID_IF_MATCH when it is neither `*` nor a list of entity-tags.
 */
export function requireIfMatch(header: string | undefined): IfMatch {
  if (header === undefined || header.trim() === '') {
    throw new HttpError(
      428,
      'PRECONDITION_REQUIRED',
      'Send If-Match with the revision you read (the ETag of GET); an empty If-Match counts as missing.',
    );
  }
  const parsed = parseIfMatch(header);
  if (parsed === null) {
    throw new HttpError(
      400,
      'INVALID_IF_MATCH',
      'If-Match must be the ETag of GET in quotes (e.g. "7"), a comma-separated list of such tags, or *.',
    );
  }
  return parsed;
}

/** How a refused If-Match is explained in the 412 message. */
export function describeIfMatch(ifMatch: IfMatch): string {
  if (ifMatch.any) return '*';
  return ifMatch.tags.map((t) => `${t.weak ? 'W/' : ''}"${t.opaque}"`).join(', ');
}
