// Loading a form's schema and validator, and checking answers with the form's standalone validator module (engine/forms/standalone.ts, served per form): the same
// ajv checks and the same messages (engine/forms/messages.ts) as the server, with no eval in the browser.
import type { ErrorObject } from 'ajv';
import { toFieldErrors, type FieldErrors } from '../../../engine/forms/messages.js';
import { isWithin } from './paths.js';
import type { Schema } from './schema.js';

/** The validate function a standalone validator module exports (as `default` or `validate`). */
export type StandaloneValidate = ((answers: unknown) => boolean) & { errors?: ErrorObject[] | null };

export interface CheckResult {
  valid: boolean;
  errors: FieldErrors;
}

export const NO_VALIDATOR_MESSAGE = 'This form cannot be checked yet because its validator has not loaded';

export async function fetchSchema(src: string): Promise<Schema> {
  const response = await fetch(src);
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return (await response.json()) as Schema;
}

export async function importValidator(src: string, base: string): Promise<StandaloneValidate> {
  const url = new URL(src, base).href;
  const module = (await import(/* @vite-ignore */ url)) as { default?: StandaloneValidate; validate?: StandaloneValidate };
  const validate = module.default ?? module.validate;
  if (typeof validate !== 'function') throw new Error(`${url} does not export a validate function`);
  return validate;
}

export function checkAnswers(validate: StandaloneValidate | undefined, schema: Schema, answers: unknown): CheckResult {
  if (!validate) return { valid: false, errors: { '': [NO_VALIDATOR_MESSAGE] } };
  const valid = validate(answers);
  return { valid, errors: valid ? {} : toFieldErrors(validate.errors, schema) };
}

/** The errors to show after leaving the field at `path`: its own errors are refreshed, every other field's kept. */
export function errorsAfterBlur(shown: FieldErrors, fresh: FieldErrors, path: string, hasValue: boolean): FieldErrors {
  const next: FieldErrors = {};
  for (const [p, messages] of Object.entries(shown)) if (!isWithin(p, path)) next[p] = messages;
  const wasShown = Object.keys(shown).some((p) => isWithin(p, path));
  if (hasValue || wasShown) for (const [p, messages] of Object.entries(fresh)) if (isWithin(p, path)) next[p] = messages;
  return next;
}
