// The form ajv compiles quickly ($refs not inlined, no optimisation pass): its validators must judge answers exactly as
// ajv's default compile does, error for error, on every form of the protocol.
import { describe, expect, it } from 'vitest';
import type { ErrorObject } from 'ajv';
import { loadDefinitions } from '../../engine/definitions/load.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { createFormAjv } from '../../engine/forms/ajv.js';
import { toFieldErrors } from '../../engine/forms/messages.js';

type Schema = Record<string, unknown>;
const WRONG: unknown[] = ['text', 7, 2.5, true, null, [], {}, ['a', 'a'], [{}], '2026-13-45', ''];

/** Answers built from a schema: a fitting value where one is easy to make, otherwise a wrong one picked by `seed`. */
function answersFor(schema: Schema | undefined, root: Schema, seed: number, depth = 0): unknown {
  if (!schema || depth > 8) return WRONG[seed % WRONG.length];
  if (typeof schema.$ref === 'string') {
    const target = schema.$ref
      .slice(2)
      .split('/')
      .reduce<unknown>((n, k) => (n as Schema)[k], root) as Schema;
    return answersFor(target, root, seed, depth + 1);
  }
  const choices = (schema.oneOf ?? schema.enum) as unknown[] | undefined;
  if (seed % 5 === 4) return WRONG[(seed >> 3) % WRONG.length];
  if (choices?.length) {
    const choice = choices[seed % choices.length];
    return choice && typeof choice === 'object' && 'const' in choice ? (choice as Schema).const : choice;
  }
  if (schema.type === 'object' || schema.properties) {
    const out: Schema = {};
    Object.entries((schema.properties ?? {}) as Record<string, Schema>).forEach(([key, child], i) => {
      if ((seed + i) % 3 !== 0) out[key] = answersFor(child, root, seed * 7 + i, depth + 1);
    });
    if (seed % 11 === 0) out.notAQuestion = 1;
    return out;
  }
  if (schema.type === 'array') {
    return [
      answersFor(schema.items as Schema, root, seed + 1, depth + 1),
      answersFor(schema.items as Schema, root, seed + 2, depth + 1),
    ];
  }
  if (schema.type === 'integer' || schema.type === 'number') return [0, 1, 5, 11, -1, 3.5][seed % 6];
  if (schema.type === 'boolean') return seed % 2 === 0;
  if (schema.format === 'date') return ['2026-02-01', '2026-02-30', 'soon'][seed % 3];
  return ['', 'Answer', 'x'.repeat(5000)][seed % 3];
}

const withoutSchemaPath = (errors: ErrorObject[] | null | undefined) =>
  (errors ?? []).map(({ schemaPath: _ignored, ...rest }) => rest);

describe('form validators compiled with the fast options', () => {
  it('should report the same errors as ajv with $refs inlined and code optimised, on every form', async () => {
    // given every form of the protocol, compiled both ways
    const { set } = loadDefinitions(await readDefinitionFiles('definitions'));
    const fast = createFormAjv();
    const reference = createFormAjv({ inlineRefs: true, code: { optimize: true } });
    let invalid = 0;
    for (const [id, form] of set.forms) {
      const fastValidate = fast.compile(form.data);
      const referenceValidate = reference.compile(form.data);
      for (let seed = 0; seed < 60; seed++) {
        // when both judge the same answers
        const answers = answersFor(form.data, form.data, seed);
        const valid = referenceValidate(answers);
        // then the verdict, every error but its schema path, and the messages shown are the same
        expect(fastValidate(answers), `${id} seed ${seed}`).toBe(valid);
        expect(withoutSchemaPath(fastValidate.errors), `${id} seed ${seed}`).toEqual(
          withoutSchemaPath(referenceValidate.errors),
        );
        expect(toFieldErrors(fastValidate.errors, form.data)).toEqual(
          toFieldErrors(referenceValidate.errors, form.data),
        );
        if (!valid) invalid++;
      }
    }
    expect(invalid).toBeGreaterThan(set.forms.size * 30);
  });
});
