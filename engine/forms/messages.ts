// Turns ajv's errors into GOV.UK-style messages keyed by field path ("personReferred.dateOfBirth"): one message per
// field, for every keyword of JSON Schema, worded as the GOV.UK Design System words its error messages. The browser's
// built-in validator reports errors in ajv's shape, so the same code words the server's and the browser's.
import type { ErrorObject } from 'ajv';
import { chosenVariantErrors, type ChosenVariant } from './branch-errors.js';
import { schemaAt, type FieldSchema, type SchemaLookup } from './schema-at.js';
import { keywordMessage, label, requiredMessage } from './message-wording.js';

export { schemaAt } from './schema-at.js';
export { inSentence } from './message-wording.js';

export type FieldErrors = Record<string, string[]>;

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

/** What the browser knows besides the errors: the answers, how to resolve any `$ref`, the variants chosen. */
export interface MessageContext extends SchemaLookup {
  data?: unknown;
  chosenVariant?: ChosenVariant;
}

/** The field an error is about: for a missing or extra property, that property, not the object holding it. */
function errorPath(error: ErrorObject): string {
  const path = pointerToPath(error.instancePath);
  const p = error.params as Record<string, unknown>;
  const key = {
    required: p.missingProperty,
    dependentRequired: p.missingProperty,
    dependencies: p.missingProperty,
    additionalProperties: p.additionalProperty,
    unevaluatedProperties: p.unevaluatedProperty,
  }[error.keyword];
  return key === undefined ? path : joinPath(path, String(key));
}

const FIRST = new Set(['required', 'dependentRequired', 'dependencies', 'type', 'format']);
const CHOICE = new Set(['oneOf', 'anyOf', 'enum']);
/** Said only when nothing more useful is: "if" comes with the errors of its then/else. */
const LAST = new Set(['not', 'if']);

function valueAt(data: unknown, path: string): unknown {
  return (path ? path.split('.') : []).reduce<unknown>(
    (n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined),
    data,
  );
}

/** Ajv errors → { fieldPath: [message] } in form order, with one message per field. */
export function toFieldErrors(
  errors: ErrorObject[] | null | undefined,
  root: FieldSchema,
  context: MessageContext = {},
): FieldErrors {
  // Built with fromEntries: a field path such as "__proto__" must become an own key, never a prototype.
  const result: [string, string[]][] = [];
  const byPath = new Map<string, ErrorObject[]>();
  for (const error of chosenVariantErrors(errors ?? [], root, context)) {
    // "if" comes with the errors of its then/else; a property name's and a contains item's own errors with theirs.
    if (error.keyword === 'if' || error.propertyName !== undefined || error.schemaPath.includes('/contains/')) continue;
    const path = errorPath(error);
    byPath.set(path, [...(byPath.get(path) ?? []), error]);
  }
  for (const [path, list] of byPath) {
    // A failed choice shows as one const/enum error per option plus oneOf: report it once.
    const primary =
      list.find((e) => FIRST.has(e.keyword)) ??
      list.find((e) => CHOICE.has(e.keyword)) ??
      list.find((e) => !LAST.has(e.keyword)) ??
      list[0]!;
    const field = schemaAt(root, path, context);
    const parentPath = path.split('.').slice(0, -1).join('.');
    const text = label(field, path, path ? schemaAt(root, parentPath, context) : undefined);
    // No answer at all (a gap in a list, a null) is asked for, not called the wrong type.
    const unanswered = primary.keyword === 'type' && 'data' in context && valueAt(context.data, path) == null;
    result.push([path, [unanswered ? requiredMessage(field, text) : keywordMessage(primary, field, text)]]);
  }
  return Object.fromEntries(result);
}
