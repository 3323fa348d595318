// Turns ajv's errors into GOV.UK-style messages keyed by field path ("personReferred.dateOfBirth").
import type { ErrorObject } from 'ajv';

export type FieldErrors = Record<string, string[]>;

interface FieldSchema {
  title?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  oneOf?: unknown[];
  const?: unknown;
  items?: unknown;
  'x-widget'?: string;
  'x-errorMessage'?: Record<string, string>;
  [key: string]: unknown;
}

export function pointerToPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

/** Finds the schema of a field by walking properties / items / $ref from the root. */
export function schemaAt(root: FieldSchema, path: string): FieldSchema | undefined {
  const resolve = (node: FieldSchema | undefined): FieldSchema | undefined => {
    const ref = node?.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/')) {
      const target = ref.slice(2).split('/').reduce<unknown>((n, k) => (n as Record<string, unknown>)?.[k], root);
      return { ...(target as FieldSchema), ...Object.fromEntries(Object.entries(node!).filter(([k]) => k !== '$ref')) };
    }
    return node;
  };
  let node: FieldSchema | undefined = resolve(root);
  for (const part of path ? path.split('.') : []) {
    if (!node) return undefined;
    const props = node.properties as Record<string, FieldSchema> | undefined;
    const fromThen = (node.then as { properties?: Record<string, FieldSchema> } | undefined)?.properties;
    node = resolve(/^\d+$/.test(part) && node.items ? (node.items as FieldSchema) : (props?.[part] ?? fromThen?.[part]));
  }
  return node;
}

function label(field: FieldSchema | undefined, path: string): string {
  const title = field?.title?.trim().replace(/[:.]$/, '');
  return title || path.split('.').pop() || 'this answer';
}

/**
 * A title as it reads inside a sentence ("Select …", "Yes, …"): its first letter lower-cased when it starts as a
 * sentence does ("Date of birth" → "date of birth", "Send the Request for Service" → "send the Request for Service"),
 * and left as it is when it starts with a name of more than one capitalised word ("Domestic Abuse Officer", "Consent
 * Form signed"), where "Select domestic Abuse Officer" would read oddly. Acronyms (DAO, SARA) are never lower-cased.
 */
export function inSentence(text: string): string {
  if (!/^[A-Z][a-z]/.test(text)) return text;
  const second = text.split(/\s+/)[1] ?? '';
  return /^[A-Z][a-z]/.test(second) ? text : text[0]!.toLowerCase() + text.slice(1);
}

function isChoice(field: FieldSchema | undefined): boolean {
  if (!field) return false;
  return Boolean(field.enum || field.oneOf || field.type === 'boolean' || field['x-widget'] === 'radios' || field['x-widget'] === 'scale');
}

function requiredMessage(field: FieldSchema | undefined, path: string): string {
  const text = label(field, path);
  const question = text.endsWith('?');
  if (field?.type === 'array') return `Add at least one entry to ${question ? `“${text}”` : inSentence(text)}`;
  if (isChoice(field)) return question ? `Select an answer to “${text}”` : `Select ${inSentence(text)}`;
  if (field?.type === 'object') return `Complete ${inSentence(text)}`;
  return question ? `Answer “${text}”` : `Enter ${inSentence(text)}`;
}

function messageFor(error: ErrorObject, field: FieldSchema | undefined, path: string): string {
  const custom = field?.['x-errorMessage'];
  const text = label(field, path);
  const p = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return custom?.required ?? requiredMessage(field, path);
    case 'format':
      return custom?.format ?? (p.format === 'date' ? `${text} must be a real date` : `${text} must be a valid ${p.format}`);
    case 'type':
      return custom?.type ?? (p.type === 'integer' || p.type === 'number' ? `${text} must be a number` : `${text} must be ${p.type === 'boolean' ? 'yes or no' : `a ${p.type}`}`);
    case 'maxLength':
      return custom?.maxLength ?? `${text} must be ${p.limit} characters or fewer`;
    case 'minLength':
      return custom?.minLength ?? (p.limit === 1 ? requiredMessage(field, path) : `${text} must be ${p.limit} characters or more`);
    case 'minimum':
    case 'exclusiveMinimum':
      return custom?.minimum ?? `${text} must be ${p.limit} or more`;
    case 'maximum':
    case 'exclusiveMaximum':
      return custom?.maximum ?? `${text} must be ${p.limit} or less`;
    case 'minItems':
      return (
        custom?.minItems ?? `Add at least ${p.limit} ${p.limit === 1 ? 'entry' : 'entries'} to ${inSentence(text)}`
      );
    case 'maxItems':
      return custom?.maxItems ?? `${text} must have ${p.limit} entries or fewer`;
    case 'const':
      if (custom?.const) return custom.const;
      return field?.const === true ? `Confirm ${inSentence(text)}` : `${text} must be ${JSON.stringify(field?.const)}`;
    case 'enum':
    case 'oneOf':
    case 'anyOf':
      return custom?.enum ?? `Select one of the options for ${inSentence(text)}`;
    case 'uniqueItems':
      return `${text} must not repeat an answer`;
    case 'additionalProperties':
      return `“${String(p.additionalProperty)}” is not a question on this form`;
    default:
      return custom?.[error.keyword] ?? `${text} is not valid`;
  }
}

/** Ajv errors → { fieldPath: [message] } in form order, with one message per field. */
export function toFieldErrors(errors: ErrorObject[] | null | undefined, root: FieldSchema): FieldErrors {
  // Built with fromEntries: a field path such as "__proto__" must become an own key, never a prototype.
  const result: [string, string[]][] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of errors ?? []) {
    if (error.keyword === 'if' || error.keyword === 'not') continue;
    let path = pointerToPath(error.instancePath);
    if (error.keyword === 'required') path = joinPath(path, String((error.params as { missingProperty: string }).missingProperty));
    if (error.keyword === 'additionalProperties') path = joinPath(path, String((error.params as { additionalProperty: string }).additionalProperty));
    const list = byPath.get(path) ?? [];
    list.push(error);
    byPath.set(path, list);
  }
  for (const [path, list] of byPath) {
    // A failed choice shows as one const/enum error per option plus oneOf: report it once.
    const choice = list.find((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf' || e.keyword === 'enum');
    const primary = list.find((e) => e.keyword === 'required' || e.keyword === 'type' || e.keyword === 'format') ?? choice ?? list[0]!;
    result.push([path, [messageFor(primary, schemaAt(root, path), path)]]);
  }
  return Object.fromEntries(result);
}
