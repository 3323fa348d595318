// One configured ajv for form schemas: JSON Schema 2020-12, strict, formats, and the x- keywords of docs/definitions.md.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { formKeywords } from '../definitions/meta-schemas/form.schema.js';

// ajv ships CommonJS: under NodeNext the class is the default export's `default`.
export const Ajv2020 = ((Ajv2020Module as unknown as { default?: unknown }).default ?? Ajv2020Module) as typeof Ajv2020Module.default;
export type Ajv2020 = InstanceType<typeof Ajv2020>;
type AjvOptions = ConstructorParameters<typeof Ajv2020>[0];
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (ajv: Ajv2020) => Ajv2020;

export function createFormAjv(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({
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
    ...options,
  });
  addFormats(ajv);
  for (const [keyword, metaSchema] of Object.entries(formKeywords)) {
    ajv.addKeyword({ keyword, metaSchema, schemaType: undefined as never });
  }
  return ajv;
}

/** A plain ajv for the definition files themselves (their validators are generated from it: npm run gen:validators). */
export function createDefinitionAjv(options: AjvOptions = {}): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: false, ...options });
  addFormats(ajv);
  return ajv;
}
