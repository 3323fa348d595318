// engine/expressions/logic.ts: the examples of every operator on jsonlogic.com give what the site says; hostile
// expressions and data are refused or read as nothing; the lint knows exactly the operators the evaluator knows.
import { describe, expect, it } from 'vitest';
import {
  evaluateLogic,
  LogicError,
  logicOperators,
  MAX_EXPRESSION_DEPTH,
  MAX_OPERATIONS,
  scanLogic,
} from '../../engine/expressions/logic.js';
import { operators } from '../../engine/expressions/operators/index.js';
import { problemsAfter } from './helpers.js';

const integers = { integers: [1, 2, 3, 4, 5] };
const pies = {
  pies: [
    { filling: 'pumpkin', temp: 110 },
    { filling: 'rhubarb', temp: 210 },
    { filling: 'apple', temp: 310 },
  ],
};

/** [expression, data, result], from the operations page of jsonlogic.com (and json-logic-js for `?:`). */
const EXAMPLES: [unknown, unknown, unknown][] = [
  [{ var: ['a'] }, { a: 1, b: 2 }, 1],
  [{ var: 'a' }, { a: 1, b: 2 }, 1],
  [{ var: ['z', 26] }, { a: 1, b: 2 }, 26],
  [{ var: 'champ.name' }, { champ: { name: 'Fezzig', height: 223 } }, 'Fezzig'],
  [{ var: 1 }, ['zero', 'one', 'two'], 'one'],
  [{ cat: ['Hello, ', { var: '' }] }, 'Dolly', 'Hello, Dolly'],
  [{ missing: ['a', 'b'] }, { a: 'apple', c: 'carrot' }, ['b']],
  [{ missing: ['a', 'b'] }, { a: 'apple', b: 'banana' }, []],
  [
    { if: [{ missing: ['a', 'b'] }, 'Not enough fruit', 'OK to proceed'] },
    { a: 'apple', b: 'banana' },
    'OK to proceed',
  ],
  [{ missing_some: [1, ['a', 'b', 'c']] }, { a: 'apple' }, []],
  [{ missing_some: [2, ['a', 'b', 'c']] }, { a: 'apple' }, ['b', 'c']],
  [{ if: [true, 'yes', 'no'] }, null, 'yes'],
  [{ if: [false, 'yes', 'no'] }, null, 'no'],
  [
    { if: [{ '<': [{ var: 'temp' }, 0] }, 'freezing', { '<': [{ var: 'temp' }, 100] }, 'liquid', 'gas'] },
    { temp: 200 },
    'gas',
  ],
  [{ if: [false, 'yes'] }, null, null],
  [{ '?:': [true, 1, 2] }, null, 1],
  [{ '==': [1, 1] }, null, true],
  [{ '==': [1, '1'] }, null, true],
  [{ '==': [0, false] }, null, true],
  [{ '===': [1, 1] }, null, true],
  [{ '===': [1, '1'] }, null, false],
  [{ '!=': [1, 2] }, null, true],
  [{ '!=': [1, '1'] }, null, false],
  [{ '!==': [1, 2] }, null, true],
  [{ '!==': [1, '1'] }, null, true],
  [{ '!': [true] }, null, false],
  [{ '!': true }, null, false],
  [{ '!!': [[]] }, null, false],
  [{ '!!': ['0'] }, null, true],
  [{ or: [true, false] }, null, true],
  [{ or: [false, true] }, null, true],
  [{ or: [false, 'a'] }, null, 'a'],
  [{ or: [false, 0, 'a'] }, null, 'a'],
  [{ and: [true, true] }, null, true],
  [{ and: [true, false] }, null, false],
  [{ and: [true, 'a', 3] }, null, 3],
  [{ and: [true, '', 3] }, null, ''],
  [{ '>': [2, 1] }, null, true],
  [{ '>=': [1, 1] }, null, true],
  [{ '<': [1, 2] }, null, true],
  [{ '<=': [1, 1] }, null, true],
  [{ '<': [1, 2, 3] }, null, true],
  [{ '<': [1, 1, 3] }, null, false],
  [{ '<': [1, 4, 3] }, null, false],
  [{ '<=': [1, 1, 3] }, null, true],
  [{ '<=': [1, 4, 3] }, null, false],
  [{ '<': [0, { var: 'temp' }, 100] }, { temp: 37 }, true],
  [{ max: [1, 2, 3] }, null, 3],
  [{ min: [1, 2, 3] }, null, 1],
  [{ '+': [4, 2] }, null, 6],
  [{ '-': [4, 2] }, null, 2],
  [{ '*': [4, 2] }, null, 8],
  [{ '/': [4, 2] }, null, 2],
  [{ '+': [2, 2, 2, 2, 2] }, null, 10],
  [{ '*': [2, 2, 2, 2, 2] }, null, 32],
  [{ '-': 2 }, null, -2],
  [{ '-': [-2] }, null, 2],
  [{ '+': '3.14' }, null, 3.14],
  [{ '%': [101, 2] }, null, 1],
  [{ map: [{ var: 'integers' }, { '*': [{ var: '' }, 2] }] }, integers, [2, 4, 6, 8, 10]],
  [{ filter: [{ var: 'integers' }, { '%': [{ var: '' }, 2] }] }, integers, [1, 3, 5]],
  [{ reduce: [{ var: 'integers' }, { '+': [{ var: 'current' }, { var: 'accumulator' }] }, 0] }, integers, 15],
  [{ all: [[1, 2, 3], { '>': [{ var: '' }, 0] }] }, null, true],
  [{ some: [[-1, 0, 1], { '>': [{ var: '' }, 0] }] }, null, true],
  [{ none: [[-3, -2, -1], { '>': [{ var: '' }, 0] }] }, null, true],
  [{ some: [{ var: 'pies' }, { '==': [{ var: 'filling' }, 'apple'] }] }, pies, true],
  [{ all: [[], true] }, null, false],
  [
    {
      merge: [
        [1, 2],
        [3, 4],
      ],
    },
    null,
    [1, 2, 3, 4],
  ],
  [{ merge: [1, 2, [3, 4]] }, null, [1, 2, 3, 4]],
  [
    { missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } },
    { financing: true },
    ['vin', 'apr', 'term'],
  ],
  [{ missing: { merge: ['vin', { if: [{ var: 'financing' }, ['apr', 'term'], []] }] } }, { financing: false }, ['vin']],
  [{ in: ['Ringo', ['John', 'Paul', 'George', 'Ringo']] }, null, true],
  [{ in: ['Spring', 'Springfield'] }, null, true],
  [{ cat: ['I love', ' pie'] }, null, 'I love pie'],
  [{ cat: ['I love ', { var: 'filling' }, ' pie'] }, { filling: 'apple', temp: 110 }, 'I love apple pie'],
  [{ substr: ['jsonlogic', 4] }, null, 'logic'],
  [{ substr: ['jsonlogic', -5] }, null, 'logic'],
  [{ substr: ['jsonlogic', 1, 3] }, null, 'son'],
  [{ substr: ['jsonlogic', 4, -2] }, null, 'log'],
  [
    { and: [{ '<': [{ var: 'temp' }, 110] }, { '==': [{ var: 'pie.filling' }, 'apple'] }] },
    { temp: 100, pie: { filling: 'apple' } },
    true,
  ],
];

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
