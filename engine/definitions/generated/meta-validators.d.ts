// Types of the generated meta-validators.js (see engine/definitions/precompile-meta-validators.ts).
import type { ValidateFunction } from 'ajv';

export declare const pathway: ValidateFunction;
export declare const form: ValidateFunction;
export declare const roles: ValidateFunction;
export declare const settings: ValidateFunction;
export declare const scenario: ValidateFunction;
