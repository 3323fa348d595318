// The validators of fixed schemas are generated ahead of time (npm run gen:validators): they must be fresh, and they
// must judge exactly as the same schemas compiled by ajv at run time do.
import { readFile } from 'node:fs/promises';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as generated from '../../engine/definitions/generated/meta-validators.js';
import { generatedValidators } from '../../engine/definitions/generated-validators.js';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { formFileSchema, formKeywords } from '../../engine/definitions/meta-schemas/form.schema.js';
import { pathwaySchema } from '../../engine/definitions/meta-schemas/pathway.schema.js';
import { rolesSchema } from '../../engine/definitions/meta-schemas/roles.schema.js';
import { scenarioSchema } from '../../engine/definitions/meta-schemas/scenario.schema.js';
import { settingsSchema } from '../../engine/definitions/meta-schemas/settings.schema.js';
import * as formSchemaValidators from '../../engine/forms/generated/form-schema-validators.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { createDefinitionAjv, createFormAjv, isValidFormSchema, keywordExportName } from '../../engine/forms/ajv.js';
import { formFingerprint, precompiledFormValidator } from '../../engine/forms/precompiled-validators.js';
import { checkDefinitions } from '../../engine/definitions/check.js';

const schemas = { pathway: pathwaySchema, form: formFileSchema, roles: rolesSchema, settings: settingsSchema, scenario: scenarioSchema };
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
  it('should be fresh: run npm run gen:validators after changing a meta-schema, a guard or action params schema, an x- keyword or a form of definitions/', async () => {
    const expected = await generatedValidators();
    expect(Object.keys(expected).length).toBe(3);
    for (const [path, text] of Object.entries(expected)) expect(await readFile(path, 'utf8'), `${path} is stale`).toBe(text);
  });

  it('should accept and refuse exactly as the meta-schemas compiled at run time, with the same errors', async () => {
    // given every definition file, and each one broken in a few ways
    const ajv = createDefinitionAjv();
    const files = [...Object.entries(await readDefinitionFiles('definitions')), ...Object.entries(await readDefinitionFiles('test/fixtures/minimal'))];
    let refused = 0;
    for (const [path, text] of files) {
      const kind = kindOf(path);
      const data = parse(text) as Record<string, unknown>;
      const broken = [data, { ...data, unknownKey: 1 }, { ...data, title: 42 }, Object.fromEntries(Object.entries(data).slice(1)), [], 'text'];
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
      {}, { type: 'objects' }, { properties: [] }, { required: 'name' }, { required: ['a', 'a'] }, { minimum: 'one' }, { $defs: 1 },
      { additionalProperties: 'no' }, { items: [{}] }, { enum: [] }, { pattern: 7 }, { $id: 5 }, { if: 'x' }, { 'x-widget': 'nope' }, { format: 3 },
      { properties: { q: { type: 'strin' } } }, { properties: { q: { minLength: -1 } } }, { $defs: { d: { oneOf: {} } } }, { dependentRequired: { a: 'b' } },
    ];
    let refused = 0;
    for (const [id, form] of set.forms) {
      for (const change of breaks) {
        const schema = { ...form.data, ...change };
        // when both judge it, then they agree, error for error
        const expected = reference.validateSchema(schema);
        expect(isValidFormSchema(reference, schema), `${id} ${JSON.stringify(change)}`).toBe(expected);
        if (!expected) {
          expect(formSchemaValidators.jsonSchema2020.errors, `${id} ${JSON.stringify(change)}`).toEqual(reference.errors);
          refused++;
        }
      }
    }
    expect(refused).toBeGreaterThan(set.forms.size * 10);
  });

  it('should check the value of every x- keyword exactly as its metaSchema compiled by ajv does', () => {
    const values: unknown[] = [1, 0, 2, 'text', '', true, false, null, [], ['a'], [1], {}, { required: 'Enter it' }, { required: 1 }, 'green', 'red', 'radios', 'slider', 1.5];
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

describe('forms compiled ahead of time', () => {
  /** Every answer set the scenarios submit, by form. */
  function scenarioAnswers(set: ReturnType<typeof loadDefinitions>['set']): Map<string, unknown[]> {
    const byForm = new Map<string, unknown[]>();
    const visit = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(visit);
      if (!node || typeof node !== 'object') return;
      const forms = (node as { forms?: unknown }).forms;
      if (forms && typeof forms === 'object' && !Array.isArray(forms)) {
        for (const [id, answers] of Object.entries(forms)) if (set.forms.has(id)) byForm.set(id, [...(byForm.get(id) ?? []), answers]);
      }
      Object.values(node).forEach(visit);
    };
    for (const scenario of set.scenarios.values()) visit(scenario.data);
    return byForm;
  }

  it('should have a validator for every form of definitions/ that judges exactly as the form compiled at load, error for error', async () => {
    // given every form, the answers the scenarios give it, and those answers broken field by field
    const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
    const answers = scenarioAnswers(set);
    let judged = 0;
    let refused = 0;
    for (const [id, form] of set.forms) {
      const precompiled = precompiledFormValidator(form.data);
      expect(precompiled, `${id}: run npm run gen:validators`).toBeTypeOf('function');
      const compiled = createFormAjv().compile(form.data);
      const samples: unknown[] = [{}, [], 'text', null, ...(answers.get(id) ?? [])];
      for (const sample of answers.get(id) ?? []) {
        for (const key of Object.keys(sample as object)) {
          for (const wrong of [42, 'x'.repeat(5000), [], null, { nested: true }]) samples.push({ ...(sample as object), [key]: wrong });
        }
      }
      for (const sample of samples) {
        // when both judge it, then they agree
        const expected = verdict(compiled, sample);
        expect(verdict(precompiled!, sample), `${id} ${JSON.stringify(sample).slice(0, 200)}`).toEqual(expected);
        judged++;
        if (!expected.valid) refused++;
      }
    }
    expect(answers.size).toBeGreaterThan(10);
    expect(judged).toBeGreaterThan(500);
    expect(refused).toBeGreaterThan(judged / 2);
  });

  it('should not be used for a form that differs from the one it was made from, which is compiled at load instead', async () => {
    // given a protocol form with one more required question
    const files = await readDefinitionFiles('definitions');
    const { set } = loadDefinitions(files);
    const [path] = Object.keys(files).filter((p) => p.startsWith('forms/'));
    const id = path!.slice('forms/'.length, -'.yaml'.length);
    const original = set.forms.get(id)!.data;
    const edited = { ...original, required: [...((original.required as string[] | undefined) ?? []), 'addedQuestion'], properties: { ...(original.properties as object), addedQuestion: { type: 'string', title: 'Added' } } };
    expect(precompiledFormValidator(original)).toBeTypeOf('function');
    expect(precompiledFormValidator(edited)).toBeUndefined();
    // when the edited set is checked, then the form's validator asks for the new question
    const editedFiles = { ...files, [path!]: stringify(edited) };
    const { compiled, problems } = checkDefinitions(editedFiles);
    expect(problems).toEqual([]);
    const result = compiled!.forms.get(id)!.validator.validate({});
    expect(result.valid).toBe(false);
    expect(Object.keys(result.errors)).toContain('addedQuestion');
  });

  it('should not be used for a form that refers to another schema, whose code it would carry', () => {
    expect(formFingerprint({ $id: 'a', type: 'object', properties: { b: { $ref: 'other-form#/$defs/x' } } })).toBeUndefined();
    expect(formFingerprint({ $id: 'a', type: 'object', properties: { b: { $ref: '#/$defs/x' } }, $defs: { x: { type: 'string' } } })).toBeTypeOf('string');
  });
});
