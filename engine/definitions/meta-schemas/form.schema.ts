// Meta-schema of the top of definitions/forms/*.yaml. The body is a JSON Schema 2020-12 document, checked by
// compiling it with ajv in strict mode with the x- keywords below registered (see engine/forms/ajv.ts).
import { SCHEMA_VERSION, idPattern } from './common.js';

export const formFileSchema = {
  $id: 'dao:form',
  type: 'object',
  required: ['$schema', '$id', 'title', 'type', 'properties', 'x-schemaVersion', 'x-version'],
  properties: {
    $schema: { const: 'https://json-schema.org/draft/2020-12/schema' },
    $id: { type: 'string', pattern: idPattern },
    title: { type: 'string', minLength: 1 },
    type: { const: 'object' },
    properties: { type: 'object', minProperties: 1 },
    'x-schemaVersion': { const: SCHEMA_VERSION },
    'x-version': { type: 'integer', minimum: 1 },
  },
} as const;

export const WIDGETS = [
  'text',
  'textarea',
  'date',
  'number',
  'radios',
  'checkboxes',
  'yesno',
  'scale',
  'section',
  'frequency-grid',
  'yesno-help-table',
  'risk-matrix',
  'table',
  'signature',
] as const;

/** The x- keywords a form may use, with the JSON Schema of their values. */
export const formKeywords: Record<string, object> = {
  'x-schemaVersion': { const: SCHEMA_VERSION },
  'x-version': { type: 'integer', minimum: 1 },
  'x-widget': { enum: WIDGETS },
  'x-help': { type: 'string' },
  'x-hint': { type: 'string' },
  'x-confidential': { type: 'boolean' },
  'x-errorMessage': { type: 'object', additionalProperties: { type: 'string' } },
  'x-compute': {},
  'x-colour': { enum: ['green', 'red'] },
  'x-content': { anyOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  'x-note': { type: 'string' },
  // A signature the form leaves to a sign-off (a countersignature, say): it shows that sign-off's record once made.
  'x-signOff': { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_.]*$' },
};
