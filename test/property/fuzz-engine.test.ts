// Fuzz: random and hostile form answers and event data never make the engine throw, never get stored when
// invalid, and never change a prototype. (The HTTP API has its own fuzz suite.)
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import type { CaseData, CommandContext } from '../../engine/runtime/model.js';

const { compiled } = checkDefinitions(await readDefinitionFiles('definitions'));
const defs = compiled!;

const hostileKey = fc.oneof(
  fc.string(),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'),
);
const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  fc.constantFrom(
    '\u0000\u0007\u001b[31m',
    '\u202Eevil\u202C',
    'שלום עולם',
    '👩‍👩‍👧‍👦🔥',
    '<script>alert(1)</script>',
    "'; DROP TABLE cases; --",
    'x'.repeat(200_000),
  ),
);
const hostileValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    hostileString,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(hostileKey, tie('value'), { maxKeys: 5 }),
  ),
})).value;
const deep = fc.nat({ max: 2000 }).map((depth) => {
  let node: unknown = 'bottom';
  for (let i = 0; i < depth; i++) node = { nested: node };
  return node;
});
const payload = fc.oneof(
  hostileValue,
  fc.dictionary(hostileKey, hostileValue),
  deep,
  fc.constant(JSON.parse('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}')),
);

function opened(): CaseData {
  const ctx: CommandContext = {
    user: { id: 'social-worker', role: 'social-worker', qualifications: [] },
    now: '2026-01-05T09:00:00.000Z',
  };
  const result = applyCommand(defs, undefined, { kind: 'open', pathway: 'referral', ctx });
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

describe('engine fuzz', () => {
  const start = opened();
  const ctx: CommandContext = {
    user: { id: 'social-worker', role: 'social-worker', qualifications: [] },
    now: '2026-01-05T10:00:00.000Z',
  };
  const forms = ['request-for-service', 'screening', 'consent'];

  it('should refuse or accept hostile form answers without throwing, storing only valid answers', () => {
    fc.assert(
      fc.property(fc.constantFrom(...forms), payload, (form, answers) => {
        const result = applyCommand(defs, start, { kind: 'submitForm', form, data: answers, ctx });
        if (result.ok) expect(defs.forms.get(form)!.validator.validate(result.data.forms[form]!.data).valid).toBe(true);
        else {
          expect(['form-invalid', 'forbidden', 'form-not-open']).toContain(result.error.code);
          // error maps keyed by hostile field names stay plain objects
          expect(Object.getPrototypeOf(result.error.fieldErrors ?? {})).toBe(Object.prototype);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('should keep a "__proto__" field name as a plain key in the errors (regression)', () => {
    const result = applyCommand(defs, start, {
      kind: 'submitForm',
      form: 'screening',
      data: JSON.parse('{"__proto__": {"polluted": true}}'),
      ctx,
    });
    expect(!result.ok && Object.getPrototypeOf(result.error.fieldErrors)).toBe(Object.prototype);
    expect(!result.ok && Object.hasOwn(result.error.fieldErrors!, '__proto__')).toBe(true);
  });

  it('should refuse answers nested deeper than any form (regression: stack overflow at depth 2000)', () => {
    let node: unknown = 'bottom';
    for (let i = 0; i < 2000; i++) node = { nested: node };
    const result = applyCommand(defs, start, { kind: 'submitForm', form: 'screening', data: node, ctx });
    expect(!result.ok && result.error.code).toBe('form-invalid');
  });

  it('should refuse hostile events and event data with an error value', () => {
    const events = [...new Set([...defs.pathways.values()].flatMap((p) => Object.keys(p.meta.events)))];
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...events), hostileString), payload, (type, data) => {
        const result = applyCommand(defs, start, { kind: 'send', instance: 'case', type, data, ctx });
        if (!result.ok) expect(result.error.code).not.toBe('definition-error');
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
