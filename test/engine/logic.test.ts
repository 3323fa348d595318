// engine/expressions/logic.ts: the examples of every operator on jsonlogic.com give what the site says; hostile
// expressions and data are refused or read as nothing; the lint knows exactly the operators the evaluator knows.
import { describe, expect, it } from 'vitest';
import {
  evaluateLogic,
  LogicError,
  logicOperators,
  MAX_EXPRESSION_DEPTH,
  MAX_OPERATIONS,
} from '../../engine/expressions/logic.js';
import { scanLogic } from '../../engine/expressions/data-reads.js';
import { operators } from '../../engine/expressions/operators/index.js';
import { problemsAfter } from './helpers.js';
import { LOGIC_EXAMPLES as EXAMPLES } from './logic-examples.js';

function refusal(expression: unknown, data: unknown = {}): string | undefined {
  try {
    evaluateLogic(expression, data);
    return undefined;
  } catch (error) {
    return error instanceof LogicError ? error.code : `not a LogicError: ${String(error)}`;
  }
}

function nested(depth: number, leaf: unknown): unknown {
  let expression = leaf;
  for (let i = 0; i < depth; i++) expression = { '!': [expression] };
  return expression;
}

describe('evaluateLogic', () => {
  it.each(EXAMPLES.map(([expression, data, result]) => [JSON.stringify(expression), expression, data, result]))(
    'should give what jsonlogic.com says for %s',
    (_name, expression, data, result) => {
      expect(evaluateLogic(expression, data)).toEqual(result);
    },
  );

  it('should have an example for every operator of the table', () => {
    const used = new Set(EXAMPLES.flatMap(([expression]) => [...scanOperators(expression)]));
    expect([...operators.keys()].filter((name) => !used.has(name))).toEqual([]);
  });

  it('should return data that only looks like an operation as it is', () => {
    expect(evaluateLogic({ a: 1, b: { var: 'x' } }, { x: 2 })).toEqual({ a: 1, b: { var: 'x' } });
    expect(evaluateLogic([{ var: 'x' }, 3], { x: 2 })).toEqual([2, 3]);
  });

  describe('on hostile input', () => {
    it('should find nothing on a var path outside the data itself', () => {
      for (const path of [
        '__proto__',
        'constructor',
        'toString',
        'a.constructor.name',
        'a.__proto__.polluted',
        'hasOwnProperty',
      ]) {
        expect(evaluateLogic({ var: path }, { a: {} }), path).toBeNull();
        expect(evaluateLogic({ var: [path, 'fallback'] }, { a: {} }), path).toBe('fallback');
      }
      // A key called __proto__ in parsed JSON is the data's own, and is read as such.
      expect(evaluateLogic({ var: '__proto__.x' }, JSON.parse('{"__proto__": {"x": 1}}'))).toBe(1);
      // The length of a list or a text is its own.
      expect(evaluateLogic({ var: 'list.length' }, { list: [1, 2] })).toBe(2);
    });

    it("should never call an answer's own toString or valueOf", () => {
      const data = JSON.parse('{"a": {"toString": 1, "valueOf": 2}, "b": [{"toString": 1}]}');
      expect(evaluateLogic({ '==': [{ var: 'a' }, 'x'] }, data)).toBe(false);
      expect(evaluateLogic({ '<': [{ var: 'a' }, 1] }, data)).toBe(false);
      expect(evaluateLogic({ cat: [{ var: 'a' }, { var: 'b' }] }, data)).toBe('[object Object][object Object]');
      expect(evaluateLogic({ '+': [{ var: 'a' }] }, data)).toBeNaN();
      expect(evaluateLogic({ in: [{ var: 'a' }, 'x'] }, data)).toBe(false);
      expect(evaluateLogic({ substr: [{ var: 'b' }, 1] }, data)).toBe('object Object]');
    });

    it(`should refuse an expression nested more than ${MAX_EXPRESSION_DEPTH} levels deep`, () => {
      expect(refusal(nested(MAX_EXPRESSION_DEPTH - 1, true))).toBeUndefined();
      expect(refusal(nested(MAX_EXPRESSION_DEPTH + 1, true))).toBe('too-deep');
    });

    it('should refuse to turn a list nested thousands of levels deep into text', () => {
      let deep: unknown = [];
      for (let i = 0; i < 10_000; i++) deep = [deep];
      expect(refusal({ cat: [{ var: 'deep' }] }, { deep })).toBe('too-deep');
    });

    it(`should stop after ${MAX_OPERATIONS} operations`, () => {
      const xs = Array.from({ length: MAX_OPERATIONS }, (_, i) => i);
      expect(refusal({ map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] }, { xs })).toBe('too-long');
      expect(refusal({ map: [{ var: 'xs' }, { '+': [{ var: '' }, 1] }] }, { xs: xs.slice(0, 1000) })).toBeUndefined();
    });

    it('should name an unknown operator, even one that is a property of every object', () => {
      expect(refusal({ log: ['x'] })).toBe('unknown-operator');
      expect(refusal({ constructor: [] })).toBe('unknown-operator');
      expect(() => evaluateLogic({ toString: [] }, {})).toThrow('unknown JSON Logic operator "toString"');
    });
  });
});

function scanOperators(expression: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(expression)) expression.forEach((item) => scanOperators(item, into));
  else if (expression && typeof expression === 'object') {
    const entries = Object.entries(expression);
    if (entries.length === 1) into.add(entries[0]![0]);
    entries.forEach(([, value]) => scanOperators(value, into));
  }
  return into;
}

describe('logicOperators', () => {
  it('should be exactly the operators of the table', () => {
    expect([...logicOperators].sort()).toEqual([...operators.keys()].sort());
  });

  it('should not know operators json-logic-engine adds and the evaluator does not have', () => {
    for (const name of ['??', 'val', 'every', 'try', 'keys', 'pipe', 'log', 'exists', 'length'])
      expect(logicOperators.has(name), name).toBe(false);
  });
});

describe('scanLogic', () => {
  it('should list the paths read from the data, not those read from an item', () => {
    const scan = scanLogic({
      reduce: [
        { var: 'forms.a.items' },
        { '+': [{ var: 'current' }, { var: 'accumulator' }] },
        { var: ['case.start', 0] },
      ],
    });
    expect(scan).toEqual({ varPaths: ['forms.a.items', 'case.start'], unknownOperators: [] });
  });

  it('should look into a path worked out by an expression', () => {
    expect(scanLogic({ var: { cat: ['forms.', { var: 'case.form' }] } }).varPaths).toEqual(['case.form']);
  });

  it('should report an operator json-logic-engine knows but the evaluator does not', async () => {
    const problems = await problemsAfter(
      'pathways/flow.yaml',
      'expr: { var: forms.request.urgent }',
      "expr: { '??': [{ var: forms.request.urgent }, false] }",
    );
    expect(problems.some((p) => p.endsWith('unknown JSON Logic operator "??"'))).toBe(true);
  });
});
