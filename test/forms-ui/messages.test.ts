// GOV.UK-style messages for every keyword (issue 23): engine/forms/messages.ts words the built-in validator's errors
// as it words ajv's, and no message reads "must be a object", "1 must be yes or no" or "… is not valid".
import { describe, expect, it } from 'vitest';
import { toFieldErrors } from '../../engine/forms/messages.js';
import { checkAnswers } from '../../forms-ui/src/core/validation.js';
import { ajvValidator, loadCorpus } from '../fixtures/schema-corpus.js';

const corpus = loadCorpus();
const BAD = [
  /must be an? (object|array|string|null)\b/,
  /^\d+ /,
  /is not valid/,
  /\[object Object\]/,
  /undefined/,
  /must be yes or no/,
];

describe('messages for the corpus', () => {
  it.each(corpus.map((e) => [e.name, e] as const))(
    '%s: should word every invalid datum, GOV.UK style',
    (_name, entry) => {
      for (const { data } of entry.invalid) {
        const { valid, errors } = checkAnswers(undefined, entry.schema as Record<string, unknown>, data);
        expect(valid).toBe(false);
        const messages = Object.values(errors).flat();
        expect(messages.length, JSON.stringify(data)).toBeGreaterThan(0);
        for (const message of messages) for (const bad of BAD) expect(message).not.toMatch(bad);
      }
    },
  );

  it('should give the server (ajv’s errors) the same messages as the browser where neither needs the answers', () => {
    for (const name of [
      '01-string',
      '12-format-date',
      '17-exclusive-limits',
      '18-multiple-of',
      '29-if-then-else',
      '32-root-oneof',
      '40-contains',
    ]) {
      const entry = corpus.find((e) => e.name === name)!;
      const schema = entry.schema as Record<string, unknown>;
      for (const { data } of entry.invalid) {
        const ajv = ajvValidator(schema);
        ajv(data);
        expect(toFieldErrors(ajv.errors, schema), `${name} ${JSON.stringify(data)}`).toEqual(
          checkAnswers(undefined, schema, data).errors,
        );
      }
    }
  });
});

describe('toFieldErrors', () => {
  const check = (schema: Record<string, unknown>, data: unknown) => checkAnswers(undefined, schema, data).errors;

  it('should name an item of a list by its position, and a tuple position by its own title', () => {
    expect(check({ type: 'array', title: 'Answers', items: { type: 'boolean' } }, [true, 'yes'])).toEqual({
      '1': ['Select yes or no for item 2 of answers'],
    });
    expect(
      check({ type: 'array', prefixItems: [{ type: 'string' }, { type: 'boolean', title: 'Over 18?' }] }, ['a', 1]),
    ).toEqual({ '1': ['Select yes or no for “Over 18?”'] });
  });

  it('should ask for a missing answer in a list rather than call it the wrong type', () => {
    expect(
      check(
        {
          type: 'array',
          prefixItems: [
            { type: 'string', title: 'Name' },
            { type: 'string', title: 'Town' },
          ],
        },
        [null, 'Leeds'],
      ),
    ).toEqual({ '0': ['Enter name'] });
  });

  it('should keep the errors of the chosen variant only', () => {
    const schema = corpus.find((e) => e.name === '32-root-oneof')!.schema as Record<string, unknown>;
    expect(check(schema, { method: 'post' })).toEqual({ address: ['Enter postal address'] });
    expect(check(schema, {})).toEqual({ '': ['Select one of the options for “How should we reply?”'] });
  });

  it('should use the branch of an if/then that applies to the answers', () => {
    const schema = corpus.find((e) => e.name === '30-if-branches-same-property')!.schema as Record<string, unknown>;
    expect(check(schema, { kind: 'Shirt' })).toEqual({ size: ['Select shirt size'] });
  });

  it('should word a not, a multipleOf and a pattern without echoing the schema', () => {
    expect(check({ properties: { n: { title: 'Integer range (by 10)', multipleOf: 10 } } }, { n: 5 })).toEqual({
      n: ['Integer range (by 10) must be a multiple of 10'],
    });
    expect(check({ properties: { d: { title: 'Unidirectional', not: { const: 'x' } } } }, { d: 'x' })).toEqual({
      d: ['Enter unidirectional in the correct format'],
    });
    expect(
      check(
        {
          properties: {
            d: { title: 'Code', pattern: '^A', 'x-errorMessage': { pattern: 'Enter a code that starts with A' } },
          },
        },
        { d: 'B' },
      ),
    ).toEqual({ d: ['Enter a code that starts with A'] });
  });
});
