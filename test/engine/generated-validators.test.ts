// The validators of the engine's own fixed schemas are generated ahead of time (npm run gen:validators): they must be
// fresh, and they must judge exactly as the same schemas compiled by ajv at run time do. Forms are compiled at load.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as generated from '../../engine/definitions/generated/meta-validators.js';
import { generatedValidators } from '../../engine/definitions/precompile-meta-validators.js';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { formFileSchema, formKeywords } from '../../engine/definitions/meta-schemas/form.schema.js';
import { pathwaySchema } from '../../engine/definitions/meta-schemas/pathway.schema.js';
import { rolesSchema } from '../../engine/definitions/meta-schemas/roles.schema.js';
import { scenarioSchema } from '../../engine/definitions/meta-schemas/scenario.schema.js';
import { settingsSchema } from '../../engine/definitions/meta-schemas/settings.schema.js';
import * as formSchemaValidators from '../../engine/forms/generated/form-schema-validators.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { createDefinitionAjv, createFormAjv, isValidFormSchema, keywordExportName } from '../../engine/forms/ajv.js';

const schemas = {
  pathway: pathwaySchema,
  form: formFileSchema,
  roles: rolesSchema,
  settings: settingsSchema,
  scenario: scenarioSchema,
};
type Kind = keyof typeof schemas;

function kindOf(path: string): Kind {
  if (path === 'roles.yaml' || path === 'settings.yaml') return path.replace('.yaml', '') as Kind;
  return path.split('/')[0]!.replace(/s$/, '') as Kind;
}

function verdict(validate: (data: unknown) => unknown, data: unknown) {
  const fn = validate as ((data: unknown) => boolean) & { errors?: unknown };
  return { valid: fn(data), errors: fn.errors ?? null };
}

describe('generated meta-schema validators', () => {
  it('should be fresh: run npm run gen:validators after changing a meta-schema, params schema or x- keyword', () => {
    const expected = generatedValidators();
    expect(Object.keys(expected).length).toBe(2);
    for (const [path, text] of Object.entries(expected)) {
      expect(readFileSync(path, 'utf8'), `${path} is stale`).toBe(text);
    }
  });

  it('should accept and refuse exactly as the meta-schemas compiled at run time, with the same errors', async () => {
    // given every definition file, and each one broken in a few ways
    const ajv = createDefinitionAjv();
    const files = [
      ...Object.entries(await readDefinitionFiles('definitions')),
      ...Object.entries(await readDefinitionFiles('test/fixtures/minimal')),
    ];
    let refused = 0;
    for (const [path, text] of files) {
      const kind = kindOf(path);
      const data = parse(text) as Record<string, unknown>;
      const broken = [
        data,
        { ...data, unknownKey: 1 },
        { ...data, title: 42 },
        Object.fromEntries(Object.entries(data).slice(1)),
        [],
        'text',
      ];
      for (const candidate of broken) {
        // when both validators judge it, then they agree on the verdict and on every error
        const expected = verdict(ajv.getSchema(schemas[kind].$id) ?? ajv.compile(schemas[kind]), candidate);
        expect(verdict(generated[kind], candidate), `${path} (${kind})`).toEqual(expected);
        if (!expected.valid) refused++;
      }
    }
    expect(refused).toBeGreaterThan(files.length * 4);
  });

  it('should check form schemas against JSON Schema 2020-12 exactly as ajv does before compiling', async () => {
    // given every form of the protocol, and each one broken in ways the meta-schema forbids (or allows)
    const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
    const reference = createFormAjv({}, { precompiled: false });
    const breaks: Record<string, unknown>[] = [
      {},
      { type: 'objects' },
      { properties: [] },
      { required: 'name' },
      { required: ['a', 'a'] },
      { minimum: 'one' },
      { $defs: 1 },
      { additionalProperties: 'no' },
      { items: [{}] },
      { enum: [] },
      { pattern: 7 },
      { $id: 5 },
      { if: 'x' },
      { 'x-widget': 'nope' },
      { format: 3 },
      { properties: { q: { type: 'strin' } } },
      { properties: { q: { minLength: -1 } } },
      { $defs: { d: { oneOf: {} } } },
      { dependentRequired: { a: 'b' } },
    ];
    let refused = 0;
    for (const [id, form] of set.forms) {
      for (const change of breaks) {
        const schema = { ...form.data, ...change };
        // when both judge it, then they agree, error for error
        const expected = reference.validateSchema(schema);
        expect(isValidFormSchema(reference, schema), `${id} ${JSON.stringify(change)}`).toBe(expected);
        if (!expected) {
          expect(formSchemaValidators.jsonSchema2020.errors, `${id} ${JSON.stringify(change)}`).toEqual(
            reference.errors,
          );
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(set.forms.size * 10);
  });

  it('should check the value of every x- keyword exactly as its metaSchema compiled by ajv does', () => {
    const values: unknown[] = [
      1,
      0,
      2,
      'text',
      '',
      true,
      false,
      null,
      [],
      ['a'],
      [1],
      {},
      { required: 'Enter it' },
      { required: 1 },
      'green',
      'red',
      'radios',
      'slider',
      1.5,
    ];
    const generated = formSchemaValidators as unknown as Record<string, (data: unknown) => boolean>;
    for (const [keyword, metaSchema] of Object.entries(formKeywords)) {
      const compiled = createFormAjv({}, { precompiled: false }).compile(metaSchema);
      const validate = generated[keywordExportName(keyword)] as ((data: unknown) => boolean) & { errors?: unknown };
      expect(validate, keyword).toBeTypeOf('function');
      for (const value of values) {
        expect(validate(value), `${keyword} ${JSON.stringify(value)}`).toBe(compiled(value));
        expect(validate.errors ?? null, `${keyword} ${JSON.stringify(value)}`).toEqual(compiled.errors ?? null);
      }
    }
  });
});
