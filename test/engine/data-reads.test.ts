// engine/expressions/data-reads.ts: every read of the data an expression makes, found by walking its tree with the
// operator table (issue 24, finding 1: a regular expression over the text missed a path built at run time).
import { describe, expect, it } from 'vitest';
import { walkExpression, type DataRead } from '../../engine/expressions/data-reads.js';
import { evaluateLogic, MAX_EXPRESSION_DEPTH } from '../../engine/expressions/logic.js';
import { operators } from '../../engine/expressions/operators/index.js';

const reads = (expression: unknown) => walkExpression(expression).reads;
const read = (path: string, at: DataRead['at'], more: Partial<DataRead> = {}): DataRead => ({
  operator: 'var',
  path,
  literal: true,
  fromItem: false,
  at,
  ...more,
});

describe('walkExpression', () => {
  it('should find a var written out, with a default worked out from the data too', () => {
    expect(reads({ var: 'forms.a.b' })).toEqual([read('forms.a.b', ['var'])]);
    expect(reads({ var: ['forms.a.b', { var: 'case.fallback' }] })).toEqual([
      read('forms.a.b', ['var', 0]),
      read('case.fallback', ['var', 1, 'var']),
    ]);
  });

  it('should read a var of nothing as the whole data', () => {
    for (const expression of [{ var: '' }, { var: [] }, { var: null }, { var: [''] }]) {
      expect(reads(expression), JSON.stringify(expression)).toEqual([
        expect.objectContaining({ path: '', literal: true }),
      ]);
    }
  });

  it('should give a path built at run time as what it begins with, and walk what builds it', () => {
    expect(reads({ var: { cat: ['forms.risk-assessment-', 'confidential.confidentialInformation'] } })).toEqual([
      read('forms.risk-assessment-confidential.confidentialInformation', ['var'], { literal: false }),
    ]);
    expect(reads({ var: { cat: ['forms.', { var: 'case.form' }, '.name'] } })).toEqual([
      read('forms.', ['var'], { literal: false }),
      read('case.form', ['var', 'cat', 1, 'var']),
    ]);
    expect(reads({ var: { if: [{ var: 'event.data.x' }, 'forms.a.b', 'forms.c.d'] } })).toEqual([
      read('', ['var'], { literal: false }),
      read('event.data.x', ['var', 'if', 0, 'var']),
    ]);
    expect(reads({ var: [{ cat: [null, 'case.', { substr: ['xy', 1] }] }] })[0]).toEqual(
      read('case.', ['var', 0], { literal: false }),
    );
  });

  it('should find the keys missing and missing_some look for, given one by one or as a list', () => {
    expect(reads({ missing: ['a.b', 'c'] })).toEqual([
      read('a.b', ['missing', 0], { operator: 'missing' }),
      read('c', ['missing', 1], { operator: 'missing' }),
    ]);
    expect(reads({ missing: [['a', 'b']] }).map((r) => [r.path, r.at])).toEqual([
      ['a', ['missing', 0, 0]],
      ['b', ['missing', 0, 1]],
    ]);
    expect(reads({ missing: { merge: [['a'], { var: 'case.keys' }] } }).map((r) => [r.path, r.literal])).toEqual([
      ['', false],
      ['case.keys', true],
    ]);
    expect(reads({ missing_some: [1, ['x', 'y']] }).map((r) => [r.operator, r.path, r.at])).toEqual([
      ['missing_some', 'x', ['missing_some', 1, 0]],
      ['missing_some', 'y', ['missing_some', 1, 1]],
    ]);
  });

  it('should tell a read of an item of a list from a read of the data', () => {
    const found = reads({
      reduce: [
        { filter: [{ var: 'forms.f.list' }, { var: 'keep' }] },
        { cat: [{ var: 'accumulator' }, { var: { cat: ['current.', { var: 'current.key' }] } }] },
        { var: 'case.start' },
      ],
    });
    expect(found.map((r) => [r.path, r.fromItem, r.literal])).toEqual([
      ['forms.f.list', false, true],
      ['keep', true, true],
      ['accumulator', true, true],
      ['current.', true, false],
      ['current.key', true, true],
      ['case.start', false, true],
    ]);
    for (const name of ['map', 'all', 'some', 'none']) {
      expect(
        reads({ [name]: [{ var: 'forms.f.list' }, { var: 'x' }] }).map((r) => r.fromItem),
        name,
      ).toEqual([false, true]);
    }
  });

  it('should read nothing in a value that is not an operation, as the evaluator does', () => {
    expect(reads({ a: { var: 'forms.f.secret' }, b: 1 })).toEqual([]);
    expect(reads(['x', { var: 'y' }])).toEqual([read('y', [1, 'var'])]);
  });

  it('should list an unknown operator and walk its arguments as reads of the data', () => {
    const walk = walkExpression({ if: [true, { '??': [{ var: 'forms.f.secret' }] }] });
    expect(walk.unknownOperators).toEqual([{ name: '??', at: ['if', 1] }]);
    expect(walk.reads).toEqual([read('forms.f.secret', ['if', 1, '??', 0, 'var'])]);
  });

  it('should know each operator that reads the data: one whose value can come from the data names its paths', () => {
    // An operator added to the table that reads the data without saying so would be a read the walker cannot see.
    const data = { x: 'FROM-THE-DATA', 1: 'FROM-THE-DATA' };
    const shapes = [['x'], ['x', 'x'], [1, ['x']], [['x']], ['x', 'x', 'x']];
    const reading = [...operators].filter(([name]) =>
      shapes.some((args) => {
        try {
          return JSON.stringify(evaluateLogic({ [name]: args }, data) ?? null).includes('FROM-THE-DATA');
        } catch {
          return false;
        }
      }),
    );
    for (const [name, operator] of reading) expect(operator.pathArguments, name).toBeDefined();
    expect(reading.map(([name]) => name)).toContain('var');
  });

  it('should assume an expression too deep to evaluate could read anything', () => {
    let deep: unknown = { var: 'user.id' };
    for (let i = 0; i <= MAX_EXPRESSION_DEPTH; i++) deep = { '!': [deep] };
    expect(reads(deep)).toEqual([expect.objectContaining({ path: '', literal: false })]);
  });
});
