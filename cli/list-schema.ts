import { extend, int, object, optional, partial, positive } from 'zod/mini';
import { ConfigSchema } from '../shared/allowlist/schemas.ts';

/**
 * A JSON list file: the service's GET shape, optionally with `limits.maxEntries`. Its own module,
 * loaded only for a JSON list (cli/read-list.ts): a spreadsheet does without zod.
 */
export const ListFileSchema = extend(ConfigSchema, {
  limits: optional(partial(object({ maxEntries: int().check(positive()) }))),
});
