import fc from 'fast-check';
import { openapi, schemaValidator } from './openapi-check.ts';

/** A JSON Schema node of the document, as far as the generator reads it. */
type Schema = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function deref(schema: Schema): Schema {
  if (typeof schema.$ref !== 'string') return schema;
  let target: unknown = openapi;
  for (const part of schema.$ref.replace(/^#\//, '').split('/'))
    target = (target as Record<string, unknown>)[part];
  return deref(target as Schema);
}

/** Arrays are kept short: the properties are about shapes, not sizes (the size tests do that). */
const MAX_GENERATED_ITEMS = 4;

function structural(schema: Schema): fc.Arbitrary<unknown> {
  const s = deref(schema);
  if ('const' in s) return fc.constant(s.const);
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if (Array.isArray(s.type))
    return fc.oneof(...s.type.map((type: string) => structural({ ...s, type })));
  switch (s.type) {
    case 'null':
      return fc.constant(null);
    case 'integer':
      return fc.integer({ min: s.minimum ?? -1000, max: s.maximum ?? 1000 });
    case 'string':
      if (typeof s.pattern === 'string') return fc.stringMatching(new RegExp(s.pattern));
      return fc.string({
        unit: 'binary',
        minLength: s.minLength ?? 0,
        maxLength: Math.min(s.maxLength ?? 40, 40),
      });
    case 'array':
      return fc.array(structural(s.items ?? {}), {
        minLength: s.minItems ?? 0,
        maxLength: Math.min(s.maxItems ?? MAX_GENERATED_ITEMS, MAX_GENERATED_ITEMS),
      });
    case 'object': {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const required = new Set<string>(s.required ?? []);
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [name, property] of Object.entries(properties)) model[name] = structural(property);
      return fc.record(model, { requiredKeys: [...required] });
    }
    default:
      return fc.jsonValue();
  }
}

/**
 * Values the document's schema at `pointer` (e.g. `#/components/schemas/PutBody`) accepts:
 * generated from its types, patterns, enums and bounds, then kept only if ajv agrees (so
 * conditional rules such as "ALLOW_SPECIFIC needs an entry" hold too).
 */
export function validFor(pointer: string): fc.Arbitrary<unknown> {
  const validate = schemaValidator(pointer);
  return structural({ $ref: pointer }).filter((value) => validate(value));
}

/** One way to break a PutBody; each result is checked to be invalid for the document. */
const mutations: fc.Arbitrary<(body: Record<string, unknown>) => unknown>[] = [
  fc.constantFrom('mode', 'entries').map((key) => (b) => {
    const { [key]: _dropped, ...rest } = b;
    return rest;
  }),
  fc.string({ minLength: 1, maxLength: 8 }).map((key) => (b) => ({ ...b, [`x${key}`]: true })),
  fc
    .oneof(fc.string({ maxLength: 20 }), fc.integer(), fc.constant(null))
    .map((mode) => (b) => ({ ...b, mode })),
  fc
    .record({
      field: fc.constantFrom('ip', 'cidr', 'memo', 'extra'),
      value: fc.oneof(
        fc.string({ maxLength: 20 }),
        fc.constantFrom('10.0.0.256', '010.1.1.1', '1.2.3', 'fe80::1', '1.2.3.4/24', ' 1.2.3.4'),
        fc.integer({ min: -5, max: 40 }),
        fc.double({ noNaN: true }),
        fc.constant('x'.repeat(1001)),
        fc.constant(null),
      ),
    })
    .map(({ field, value }) => (b) => ({
      ...b,
      entries: [{ ip: '192.0.2.1', cidr: null, memo: '', [field]: value }],
    })),
  fc.constant((b: Record<string, unknown>) => ({ ...b, mode: 'ALLOW_SPECIFIC', entries: [] })),
  fc
    .oneof(fc.string(), fc.integer(), fc.constant(null))
    .map((entries) => (b) => ({ ...b, entries })),
];

/** PutBody values the document refuses. */
export function invalidPutBody(): fc.Arbitrary<unknown> {
  const validate = schemaValidator('#/components/schemas/PutBody');
  return fc
    .tuple(validFor('#/components/schemas/PutBody'), fc.oneof(...mutations))
    .map(([body, mutate]) => mutate(body as Record<string, unknown>))
    .filter((value) => !validate(value));
}
