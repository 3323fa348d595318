// What an event carries (meta.events.<EVENT>.data) must be a strict JSON Schema, as forms are: every keyword known to
// the form validator and every value of the right kind. Otherwise a misspelt keyword is silently ignored — and in a
// YAML flow mapping, `{ title: Where, and why }` quietly becomes a title "Where" and a keyword "and why".
import { createFormAjv, isValidFormSchema, type Ajv2020 } from '../../forms/ajv.js';
import type { Path } from '../source.js';
import type { JsonObject } from '../types.js';
import type { LintContext } from './context.js';

/** Keywords whose value is a schema, a list of schemas, or a map of names to schemas. */
const ONE = new Set([
  'items',
  'additionalProperties',
  'not',
  'if',
  'then',
  'else',
  'contains',
  'propertyNames',
  'unevaluatedProperties',
  'unevaluatedItems',
]);
const LIST = new Set(['allOf', 'anyOf', 'oneOf', 'prefixItems']);
const MAP = new Set(['properties', 'patternProperties', '$defs', 'dependentSchemas']);

function unknownKeywords(ajv: Ajv2020, schema: unknown, path: Path, found: Path[]): void {
  if (!schema || typeof schema !== 'object' || Array.isArray(schema)) return;
  for (const [key, value] of Object.entries(schema)) {
    if (!ajv.RULES.keywords[key])
      found.push([...path, key]); // what strict mode checks
    else if (ONE.has(key)) unknownKeywords(ajv, value, [...path, key], found);
    else if (LIST.has(key) && Array.isArray(value))
      value.forEach((item, i) => unknownKeywords(ajv, item, [...path, key, i], found));
    else if (MAP.has(key) && value && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) unknownKeywords(ajv, item, [...path, key, name], found);
    }
  }
}

/** `ajv` is the form validator's own, so the keywords known are exactly those a form may use. */
export function lintEventData(ctx: LintContext, ajv: Ajv2020): void {
  for (const pathway of ctx.set.pathways.values()) {
    const events = ((pathway.data.meta as JsonObject | undefined)?.events ?? {}) as Record<
      string,
      { data?: unknown } | null
    >;
    for (const [type, event] of Object.entries(events)) {
      const schema = event?.data;
      if (schema === undefined) continue;
      const at: Path = ['meta', 'events', type, 'data'];
      const unknown: Path[] = [];
      unknownKeywords(ajv, schema, at, unknown);
      for (const path of unknown) {
        const key = String(path[path.length - 1]);
        const hint = /\s/.test(key)
          ? ' — a comma in an unquoted text inside { } starts a new key: put the text in quotes'
          : '';
        ctx.report(
          pathway.source,
          path,
          'event-data-schema',
          `event data schema: unknown keyword "${key}"${hint}`,
          'key',
        );
      }
      if (!unknown.length && !isValidFormSchema(ajv, schema as JsonObject)) {
        // Only for a schema that fails: an ajv that checks schemas itself, for its own messages.
        const checking = createFormAjv();
        checking.validateSchema(schema as JsonObject);
        for (const error of checking.errors ?? []) {
          const inner = error.instancePath.split('/').filter(Boolean).map(decodeURIComponent);
          ctx.report(
            pathway.source,
            [...at, ...inner],
            'event-data-schema',
            `event data schema: ${inner.join('.') || 'data'} ${error.message ?? 'is not valid'}`,
          );
        }
      }
    }
  }
}
