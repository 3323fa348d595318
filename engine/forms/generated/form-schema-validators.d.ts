// Types of the generated form-schema-validators.js (see engine/definitions/precompile-meta-validators.ts). It also exports
// one validator per x- keyword of formKeywords, named in camelCase (`x-widget` → `xWidget`), read by engine/forms/ajv.ts.
import type { ValidateFunction } from 'ajv';

/** JSON Schema 2020-12, the meta-schema every form schema is checked against. */
export declare const jsonSchema2020: ValidateFunction;
