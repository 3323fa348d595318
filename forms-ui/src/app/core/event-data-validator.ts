// Checks what an event carries against its data schema (a pathway's meta.events[TYPE].data) in the browser, reporting
// errors the way ajv does so <dao-form> words them as for any form. Event data schemas are small and flat; the keywords
// they use are checked here, and the server checks the full schema again when the event is sent.
import type { ErrorObject } from 'ajv';
import type { Schema } from '../../core/schema.js';
import type { StandaloneValidate } from '../../core/validation.js';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'string': return typeof value === 'string';
    case 'boolean': return typeof value === 'boolean';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number' && Number.isFinite(value);
    case 'object': return !!value && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'null': return value === null;
    default: return true;
  }
}

function check(schema: Schema, value: unknown, pointer: string, errors: ErrorObject[]): void {
  const error = (keyword: string, params: Record<string, unknown>): void => void errors.push({ instancePath: pointer, schemaPath: `#/${keyword}`, keyword, params, message: keyword } as ErrorObject);
  const types = schema.type === undefined ? [] : ([] as string[]).concat(schema.type as string | string[]);
  if (types.length && !types.some((t) => typeMatches(t, value))) return error('type', { type: types.join(',') });
  if (schema.const !== undefined && value !== schema.const) error('const', { allowedValue: schema.const });
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) error('enum', { allowedValues: schema.enum });
  if (Array.isArray(schema.oneOf) && (schema.oneOf as Schema[]).every((o) => 'const' in o) && !(schema.oneOf as Schema[]).some((o) => o.const === value)) error('oneOf', { passingSchemas: null });
  if (typeof value === 'string') {
    const length = [...value].length;
    if (typeof schema.minLength === 'number' && length < schema.minLength) error('minLength', { limit: schema.minLength });
    if (typeof schema.maxLength === 'number' && length > schema.maxLength) error('maxLength', { limit: schema.maxLength });
    if (schema.format === 'date' && !isRealDate(value)) error('format', { format: 'date' });
  }
  if (typeof value === 'number') {
    if (typeof schema.minimum === 'number' && value < schema.minimum) error('minimum', { limit: schema.minimum, comparison: '>=' });
    if (typeof schema.maximum === 'number' && value > schema.maximum) error('maximum', { limit: schema.maximum, comparison: '<=' });
  }
  if (typeMatches('object', value)) {
    const object = value as Record<string, unknown>;
    for (const key of (schema.required as string[] | undefined) ?? []) if (object[key] === undefined) error('required', { missingProperty: key });
    for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Schema>)) {
      if (object[key] !== undefined) check(child, object[key], `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, errors);
    }
  }
}

/** A validate function with ajv's interface (`validate.errors`), for <dao-form>'s `validator` property. */
export function eventDataValidator(schema: Schema): StandaloneValidate {
  const validate = ((data: unknown) => {
    const errors: ErrorObject[] = [];
    check(schema, data ?? {}, '', errors);
    validate.errors = errors.length ? errors : null;
    return errors.length === 0;
  }) as StandaloneValidate;
  return validate;
}
