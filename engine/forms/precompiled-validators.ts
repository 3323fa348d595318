// Form validators compiled ahead of time (npm run gen:validators) from the forms in definitions/, as ajv standalone
// code, so that loading those forms does not compile them. A validator is used only for a form exactly as it was made
// from — the same schema text and the same ajv — found by a fingerprint of both; any other form (one the team manager
// has edited, another set of definitions) is compiled at load as before.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
import { byFingerprint } from './generated/form-validators.js';

const ajvVersion = (createRequire(import.meta.url)('ajv/package.json') as { version: string }).version;

// A $ref to another document would take that document's code into the validator, and that one may have changed since.
const REF_OUTSIDE = /"\$(?:dynamicRef|ref)":"(?!#)/;

/** What identifies a form's compiled validator; undefined for a form that refers to another schema. */
export function formFingerprint(schema: Record<string, unknown>): string | undefined {
  const text = JSON.stringify(schema);
  if (REF_OUTSIDE.test(text)) return undefined;
  return createHash('sha256').update(`ajv ${ajvVersion}\n`).update(text).digest('base64url');
}

/** The ahead-of-time validator of exactly this form schema, when there is one. */
export function precompiledFormValidator(schema: Record<string, unknown>): ValidateFunction | undefined {
  const fingerprint = formFingerprint(schema);
  return fingerprint === undefined ? undefined : (byFingerprint as Record<string, ValidateFunction | undefined>)[fingerprint];
}
