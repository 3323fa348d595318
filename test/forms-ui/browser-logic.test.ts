// forms-ui/src/core/browser-logic.ts (json-logic-js, no eval) must compute what the engine's json-logic-engine does,
// for every x-compute expression of the protocol, over random answers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLogic as engineLogic } from '../../engine/expressions/logic.js';
import { evaluateLogic as browserLogic } from '../../forms-ui/src/core/browser-logic.js';
import { choicesOf, resolveSchema, type Schema } from '../../forms-ui/src/core/schema.js';
import { nodes, servedForms } from './helpers.js';

const forms = await servedForms();
const computed = [...forms].flatMap(([id, schema]) => [...nodes(schema)].filter((n) => 'x-compute' in n).map((n) => ({ id, schema, expr: n['x-compute'] })));

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

describe('browser evaluateLogic', () => {
  it('should have x-compute expressions to compare', () => {
    expect(computed.length).toBeGreaterThan(0);
  });

  it.each(computed.map((c, i) => [`${c.id} #${i}`, c] as const))('should agree with the engine on %s', (_name, { schema, expr }) => {
    fc.assert(
      fc.property(answers(schema), (form) => {
        expect(browserLogic(expr, { form })).toEqual(engineLogic(expr, { form }));
      }),
      { numRuns: 50 },
    );
  });
});
