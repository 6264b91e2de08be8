import type { Problem, Severity } from './model.ts';
import { formatMessage } from '../i18n/messages.ts';

/**
 * Build a problem whose English `message` comes from the shared message table.
 *
 * `extra` carries `index`, `field` or `row`. Unknown codes get the code itself as message, so a
 * missing translation is visible rather than blank.
 */
export function makeProblem(
  code: string,
  severity: Severity,
  params: Record<string, string | number> = {},
  extra: Pick<Problem, 'index' | 'field' | 'row'> = {},
): Problem {
  const withIndex = extra.index === undefined ? params : { index: extra.index, ...params };
  return {
    code,
    severity,
    message: formatMessage(code, withIndex, 'en') ?? code,
    ...extra,
    params,
  };
}
