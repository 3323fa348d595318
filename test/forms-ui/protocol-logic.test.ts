// Every x-compute expression of the protocol computes, over random answers, what it computed with json-logic-engine,
// the server's evaluator before the one JSON Logic evaluator of engine/expressions (issue 22) served server and
// browser alike: moving to it changed no computed answer. test/property/logic.property.test.ts compares the two on
// random expressions.
import fc from 'fast-check';
import { LogicEngine } from 'json-logic-engine';
import { describe, expect, it } from 'vitest';
import { evaluateLogic } from '../../engine/expressions/logic.js';
import { choicesOf, resolveSchema, type Schema } from '../../forms-ui/src/core/schema.js';
import { nodes, servedForms } from './helpers.js';

const forms = await servedForms();
const computed = [...forms].flatMap(([id, schema]) =>
  [...nodes(schema)].filter((n) => 'x-compute' in n).map((n) => ({ id, schema, expr: n['x-compute'] })),
);

/** Random answers for a form: each choice question answered with one of its choices, or left out. */
function answers(root: Schema): fc.Arbitrary<unknown> {
  const build = (node: Schema, depth: number): fc.Arbitrary<unknown> => {
    const s = resolveSchema(root, node);
    if (s.type === 'object' && depth < 4) {
      const props = Object.entries((s.properties ?? {}) as Record<string, Schema>);
      return fc.record(Object.fromEntries(props.map(([k, v]) => [k, build(v, depth + 1)])), { requiredKeys: [] });
    }
    const choices = choicesOf(s);
    if (choices) return fc.constantFrom(...choices.map((c) => c.value));
    if (s.type === 'boolean') return fc.boolean();
    return fc.constant(undefined);
  };
  return build(root, 0);
}

const reference = new LogicEngine(undefined, { disableInterpretedOptimization: true });

describe("evaluateLogic on the protocol's computed answers", () => {
  it('should have x-compute expressions to compare', () => {
    expect(computed.length).toBeGreaterThan(0);
  });

  it.each(computed.map((c, i) => [`${c.id} #${i}`, c] as const))(
    'should agree with json-logic-engine on %s',
    (_name, { schema, expr }) => {
      fc.assert(
        fc.property(answers(schema), (form) => {
          expect(evaluateLogic(expr, { form })).toEqual(reference.run(expr as never, { form } as never));
        }),
        { numRuns: 50 },
      );
    },
  );
});
