// Loading a form's schema and validator, and checking answers: with the form's standalone validator module
// (engine/forms/standalone.ts, served per form) when there is one, else with the built-in interpreter
// (./json-schema/), which gives the same verdicts for any JSON Schema. Either way the same messages as the server
// (engine/forms/messages.ts), and no eval in the browser.
import type { ErrorObject } from 'ajv';
import type { ChosenVariant } from '../../../engine/forms/branch-errors.js';
import { toFieldErrors, type FieldErrors, type MessageContext } from '../../../engine/forms/messages.js';
import { compileSchema, schemaMatches } from './json-schema/index.js';
import { indexOf } from './json-schema/resources.js';
import { isWithin } from './paths.js';
import type { Schema } from './schema.js';

/** The validate function a standalone validator module exports (as `default` or `validate`). */
export type StandaloneValidate = ((answers: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface CheckResult {
  valid: boolean;
  errors: FieldErrors;
}

const builtIn = new WeakMap<Schema, StandaloneValidate>();

/** The validator to use for `schema`: the precompiled one when given, else the interpreter's (one per schema). */
export function validatorFor(schema: Schema, precompiled: StandaloneValidate | undefined): StandaloneValidate {
  if (precompiled) return precompiled;
  let validate = builtIn.get(schema);
  if (!validate) builtIn.set(schema, (validate = compileSchema(schema) as StandaloneValidate));
  return validate;
}

export async function fetchSchema(src: string): Promise<Schema> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Schema;
}

export async function importValidator(src: string, base: string): Promise<StandaloneValidate> {
  const url = new URL(src, base).href;
  const module = (await import(/* @vite-ignore */ url)) as {
    default?: StandaloneValidate;
    validate?: StandaloneValidate;
  };
  const validate = module.default ?? module.validate;
  if (typeof validate !== 'function') throw new Error(`${url} does not export a validate function`);
  return validate;
}

/** How messages find the field an error is about: $refs of any kind, the if/then/else branch that applies. */
function messageContext(schema: Schema, data: unknown, chosenVariant?: ChosenVariant): MessageContext {
  const index = indexOf(schema);
  return {
    data,
    chosenVariant,
    resolve: (ref, from) => index.resolve(ref, from),
    matches: (s, d) => schemaMatches(schema, s, d),
  };
}

export function checkAnswers(
  precompiled: StandaloneValidate | undefined,
  schema: Schema,
  answers: unknown,
  chosenVariant?: ChosenVariant,
): CheckResult {
  const validate = validatorFor(schema, precompiled);
  const valid = validate(answers);
  return {
    valid,
    errors: valid ? {} : toFieldErrors(validate.errors, schema, messageContext(schema, answers, chosenVariant)),
  };
}

/** The errors to show after leaving the field at `path`: its own errors are refreshed, every other field's kept. */
export function errorsAfterBlur(shown: FieldErrors, fresh: FieldErrors, path: string, hasValue: boolean): FieldErrors {
  const next: FieldErrors = {};
  for (const [p, messages] of Object.entries(shown)) if (!isWithin(p, path)) next[p] = messages;
  const wasShown = Object.keys(shown).some((p) => isWithin(p, path));
  if (hasValue || wasShown)
    for (const [p, messages] of Object.entries(fresh)) if (isWithin(p, path)) next[p] = messages;
  return next;
}
