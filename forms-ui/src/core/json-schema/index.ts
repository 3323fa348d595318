// The built-in validator <dao-form> uses when no precompiled one is given: any JSON Schema (draft-07, 2019-09,
// 2020-12) checked by an interpreter, with no eval, giving ajv's verdicts and ajv-shaped errors. What it cannot check
// (a `$ref` to another document, an unknown format, a pattern that is not a regular expression) is said once on the
// console, naming the place in the schema.
import { applicators } from './applicators.js';
import { Evaluation, fresh, type Keyword, type SchemaError } from './evaluate.js';
import { instanceKeywords, unevaluatedKeywords } from './instance-keywords.js';
import { indexOf, isNode, SchemaIndex, type AnySchema, type SchemaNode } from './resources.js';

export type { SchemaError } from './evaluate.js';
export type { AnySchema, SchemaNode } from './resources.js';

const KEYWORDS: readonly [string, Keyword][] = [...applicators, ...instanceKeywords, ...unevaluatedKeywords];

/** A validate function shaped like a precompiled (ajv standalone) one: true or false, and `errors` after a false. */
export type SchemaValidate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const warned = new WeakMap<object, Set<string>>();

function warnOnce(key: object, problems: Set<string>): void {
  const seen = warned.get(key) ?? new Set<string>();
  warned.set(key, seen);
  for (const problem of problems) {
    if (seen.has(problem)) continue;
    seen.add(problem);
    console.warn(`dao-form [not-checked] ${problem} (forms-ui/README.md#what-the-form-cannot-do)`);
  }
}

function evaluate(root: AnySchema, schema: AnySchema, data: unknown): { valid: boolean; errors: SchemaError[] } {
  const index = isNode(root) ? indexOf(root) : new SchemaIndex(root);
  const run = new Evaluation(index, KEYWORDS);
  const valid = run.validate(schema, data, { instancePath: '', schemaPath: '#', dynamic: [] }, fresh());
  if (run.problems.size) warnOnce(isNode(root) ? root : KEYWORDS, run.problems);
  return { valid, errors: run.errors };
}

export function compileSchema(root: AnySchema): SchemaValidate {
  const validate: SchemaValidate = (data: unknown) => {
    const { valid, errors } = evaluate(root, root, data);
    validate.errors = valid ? null : errors;
    return valid;
  };
  return validate;
}

/** Whether `data` passes `schema`, a subschema of `root` (its `$ref`s resolve inside root). */
export function schemaMatches(root: SchemaNode, schema: unknown, data: unknown): boolean {
  return evaluate(root, schema as AnySchema, data).valid;
}
