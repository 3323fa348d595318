// A form's compiled validator: answers in, { valid, errors by field path } out. The same messages serve browser and server.
import type { ValidateFunction } from 'ajv';
import type { Ajv2020 } from './ajv.js';
import { toFieldErrors, type FieldErrors } from './messages.js';

export interface FormValidationResult {
  valid: boolean;
  errors: FieldErrors;
}

export interface FormValidator {
  formId: string;
  version: number;
  validate(answers: unknown): FormValidationResult;
}

export function compileFormValidator(ajv: Ajv2020, formId: string, schema: Record<string, unknown>): FormValidator {
  return formValidator(ajv.compile(schema), formId, schema);
}

/** Wraps a compiled ajv function (for example one compiled while the definitions were checked). */
export function formValidator(
  validateFn: ValidateFunction,
  formId: string,
  schema: Record<string, unknown>,
): FormValidator {
  return {
    formId,
    version: Number(schema['x-version'] ?? 1),
    validate(answers: unknown): FormValidationResult {
      const valid = validateFn(answers) as boolean;
      return { valid, errors: valid ? {} : toFieldErrors(validateFn.errors, schema) };
    },
  };
}
