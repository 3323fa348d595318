// The meta-schema validators are generated ahead of time (npm run gen:validators): they must be fresh, and they must
// judge a definition file exactly as the same meta-schema compiled by ajv at run time does.
import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import * as generated from '../../engine/definitions/generated/meta-validators.js';
import { formFileSchema } from '../../engine/definitions/meta-schemas/form.schema.js';
import { pathwaySchema } from '../../engine/definitions/meta-schemas/pathway.schema.js';
import { rolesSchema } from '../../engine/definitions/meta-schemas/roles.schema.js';
import { scenarioSchema } from '../../engine/definitions/meta-schemas/scenario.schema.js';
import { settingsSchema } from '../../engine/definitions/meta-schemas/settings.schema.js';
import { META_VALIDATORS_FILE, metaValidatorsModule } from '../../engine/definitions/meta-validators-source.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { createDefinitionAjv } from '../../engine/forms/ajv.js';

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
  it('should be fresh: run npm run gen:validators after changing a meta-schema or a guard or action params schema', async () => {
    expect(await readFile(META_VALIDATORS_FILE, 'utf8'), `${META_VALIDATORS_FILE} is stale`).toBe(metaValidatorsModule());
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
});
