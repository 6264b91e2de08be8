import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';

/** The published OpenAPI document the service is checked against. */
export const openapi = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../shared/contract/openapi.json', import.meta.url)),
    'utf8',
  ),
) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addFormat('date-time', (s: string) =>
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/.test(s),
);
ajv.addSchema(openapi, 'openapi.json');

const pointer = (parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

function resolve(node: Record<string, unknown>): Record<string, unknown> {
  const ref = node.$ref;
  if (typeof ref !== 'string') return node;
  let target: unknown = openapi;
  for (const part of ref.replace(/^#\//, '').split('/'))
    target = (target as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  return resolve(target as Record<string, unknown>);
}

const validators = new Map<string, ValidateFunction>();
function validatorAt(path: string[]): ValidateFunction {
  const key = pointer(path);
  let v = validators.get(key);
  if (!v) {
    v = ajv.compile({ $ref: `openapi.json#/${key}` });
    validators.set(key, v);
  }
  return v;
}

/** An ajv validator of the document's schema at `pointer`, e.g. `#/components/schemas/PutBody`. */
export function schemaValidator(pointer: string): ValidateFunction {
  return validatorAt(
    pointer
      .replace(/^#\//, '')
      .split('/')
      .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~')),
  );
}

/** A response as the checker sees it. */
export type CheckedResponse = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
};

/**
 * Problems of one response against the document: undocumented status, a required header missing
 * or malformed, a body that does not match the schema. Empty when it conforms.
 */
export function conformanceProblems(
  method: string,
  pathTemplate: string,
  response: CheckedResponse,
): string[] {
  const op = openapi.paths?.[pathTemplate]?.[method.toLowerCase()];
  if (!op) {
    // An unknown path or method: the document's generic `default` error response applies.
    if (response.status < 400)
      return [`${method} ${pathTemplate} answered ${response.status} but is not in the document`];
    const problems = check(
      ['components', 'responses', 'Error'],
      openapi.components.responses.Error,
      response,
      method,
    );
    if (response.status === 405 && response.headers.allow === undefined)
      problems.push('405 without an Allow header');
    return problems;
  }
  const status = String(response.status);
  const declared = op.responses[status] ?? op.responses.default;
  if (!declared) return [`${method} ${pathTemplate} ${status} is not a documented response`];
  const declaredPath =
    typeof declared.$ref === 'string'
      ? declared.$ref.replace(/^#\//, '').split('/')
      : [
          'paths',
          pathTemplate,
          method.toLowerCase(),
          'responses',
          op.responses[status] ? status : 'default',
        ];
  return check(declaredPath, declared, response, method);
}

/** Headers and body of `response` against the response object `declared` found at `declaredPath`. */
function check(
  declaredPath: string[],
  declared: Record<string, unknown>,
  response: CheckedResponse,
  method: string,
): string[] {
  const resolved = resolve(declared);
  const problems: string[] = [];
  for (const [name, header] of Object.entries(
    (resolved.headers ?? {}) as Record<string, Record<string, unknown>>,
  )) {
    const h = resolve(header);
    const value = response.headers[name.toLowerCase()];
    if (value === undefined) {
      if (h.required) problems.push(`header ${name} missing`);
      continue;
    }
    const schema = h.schema as { pattern?: string; minLength?: number };
    const text = Array.isArray(value) ? value.join(',') : value;
    if (schema.pattern && !new RegExp(schema.pattern).test(text))
      problems.push(`header ${name} "${text}" does not match ${schema.pattern}`);
    if (schema.minLength && text.length < schema.minLength)
      problems.push(`header ${name} is empty`);
  }
  const content = (
    resolved.content as Record<string, { schema: Record<string, unknown> }> | undefined
  )?.['application/json'];
  if (method === 'HEAD') {
    if (response.body !== '') problems.push('a HEAD answer has a body');
  } else if (content) {
    const type = response.headers['content-type'];
    if (typeof type !== 'string' || !/^application\/json\b/.test(type))
      problems.push(`Content-Type ${String(type)} is not application/json`);
    // Validate through the schema's location in the document so $refs resolve.
    const validate = validatorAt([...declaredPath, 'content', 'application/json', 'schema']);
    if (!validate(response.body))
      problems.push(
        ...(validate.errors ?? []).map(
          (e) => `body${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`,
        ),
      );
  }
  return problems;
}
