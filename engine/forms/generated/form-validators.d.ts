// Types of the generated form-validators.js (see engine/definitions/generated-validators.ts): the validator of each form
// of definitions/forms, keyed by its fingerprint (engine/forms/precompiled-validators.ts).
import type { ValidateFunction } from 'ajv';

export declare const byFingerprint: Readonly<Record<string, ValidateFunction>>;
