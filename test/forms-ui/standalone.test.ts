// engine/forms/standalone.ts: each form's standalone validator module needs no eval and gives the server's messages.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createFormAjv } from '../../engine/forms/ajv.js';
import { toFieldErrors } from '../../engine/forms/messages.js';
import { standaloneValidatorModule } from '../../engine/forms/standalone.js';
import { compileFormValidator } from '../../engine/forms/validator.js';
import type { StandaloneValidate } from '../../forms-ui/src/core/validation.js';
import { servedForms } from './helpers.js';

const forms = await servedForms();
const dir = await mkdtemp(join(tmpdir(), 'dao-validators-'));
afterAll(() => rm(dir, { recursive: true, force: true }));

async function importModule(id: string, source: string): Promise<StandaloneValidate> {
  const file = join(dir, `${id}.mjs`);
  await writeFile(file, source);
  return ((await import(pathToFileURL(file).href)) as { default: StandaloneValidate }).default;
}

describe('standaloneValidatorModule', () => {
  const ajv = createFormAjv();

  it.each([...forms.keys()])('should give %s the same errors as the server, with no eval or require', async (id) => {
    const schema = forms.get(id)!;
    const source = standaloneValidatorModule(schema);
    expect(source).not.toMatch(/new Function|\beval\(|\brequire\(/);
    const validate = await importModule(id, source);
    const server = compileFormValidator(ajv, id, schema);
    for (const answers of [{}, { notAQuestion: 1 }, { [Object.keys(schema.properties as object)[0]!]: 12345 }]) {
      const valid = validate(answers);
      expect(valid).toBe(server.validate(answers).valid);
      expect(valid ? {} : toFieldErrors(validate.errors, schema)).toEqual(server.validate(answers).errors);
    }
  });

  it('should export the validate function as default and as validate', async () => {
    const source = standaloneValidatorModule({
      $id: 'tiny',
      type: 'object',
      required: ['a'],
      properties: { a: { type: 'string', format: 'date' } },
    });
    const file = join(dir, 'tiny.mjs');
    await writeFile(file, source);
    const module = (await import(pathToFileURL(file).href)) as {
      default: StandaloneValidate;
      validate: StandaloneValidate;
    };
    expect(module.validate).toBe(module.default);
    expect(module.default({ a: '2024-02-30' })).toBe(false);
    expect(module.default({ a: '2024-02-29' })).toBe(true);
  });
});
