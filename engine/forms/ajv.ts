// One configured ajv for form schemas: JSON Schema 2020-12, strict, formats, and the x- keywords of docs/definitions.md.
import Ajv2020Module from 'ajv/dist/2020.js';
import type { ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import { formKeywords } from '../definitions/meta-schemas/form.schema.js';
// JSON Schema 2020-12 and the x- keywords' value schemas compiled ahead of time (npm run gen:validators).
import * as formSchemaValidators from './generated/form-schema-validators.js';

// ajv ships CommonJS: under NodeNext the class is the default export's `default`.
export const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ??
  Ajv2020Module) as typeof Ajv2020Module.default;
export type Ajv2020 = InstanceType<typeof Ajv2020>;
type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv2020,
) => Ajv2020;

export const JSON_SCHEMA_2020 = 'https://json-schema.org/draft/2020-12/schema';

/** The export name of an x- keyword's value validator in the generated module: `x-widget` → `xWidget`. */
export function keywordExportName(keyword: string): string {
  return keyword.replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** How form schemas are checked (the tests' ajv for other dialects uses the same, to compare verdicts with). */
export const FORM_AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictTypes: false,
  strictTuples: false,
  strictRequired: false,
  allowUnionTypes: true,
  // Compiling is most of the cost of checking a set of definitions: a $ref'd piece ($defs) is compiled once as its
  // own function rather than inlined at every use, and ajv's code optimisation pass is skipped. Neither changes
  // what is accepted, the errors reported, or the strict-mode checks.
  inlineRefs: false,
  code: { optimize: false },
} as const;

/**
 * `precompiled: false` compiles each x- keyword's value schema here (what the generated module was made from);
 * otherwise the generated check is used, as ajv would use the one it compiles.
 */
export function createFormAjv(
  options: AjvOptions = {},
  { precompiled = true }: { precompiled?: boolean } = {},
): Ajv2020 {
  const ajv = new Ajv2020({ ...FORM_AJV_OPTIONS, ...options });
  addFormats(ajv);
  const generated = formSchemaValidators as unknown as Record<string, ValidateFunction | undefined>;
  for (const [keyword, metaSchema] of Object.entries(formKeywords)) {
    const validateSchema = precompiled ? generated[keywordExportName(keyword)] : undefined;
    ajv.addKeyword(
      validateSchema
        ? { keyword, validateSchema, schemaType: undefined as never }
        : { keyword, metaSchema, schemaType: undefined as never },
    );
  }
  return ajv;
}

/**
 * Whether a form schema is valid JSON Schema, as ajv checks it before compiling (`validateSchema`), with the
 * generated validator for 2020-12 instead of compiling the meta-schema in every new ajv.
 */
export function isValidFormSchema(ajv: Ajv2020, schema: Record<string, unknown>): boolean {
  if ((schema.$schema ?? JSON_SCHEMA_2020) !== JSON_SCHEMA_2020) return ajv.validateSchema(schema) as boolean;
  return formSchemaValidators.jsonSchema2020(schema) as boolean;
}

/** A plain ajv for the definition files themselves (their validators are generated from it: npm run gen:validators). */
export function createDefinitionAjv(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}
