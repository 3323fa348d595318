// forms-ui/src/core/answers.ts and paths.ts: what a form submits, and immutable updates by path.
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareAnswers } from '../../forms-ui/src/core/answers.js';
import { loadExtensions } from '../../forms-ui/src/extensions.js';

// Computed answers' evaluator is loaded on demand, as <dao-form> loads it for a form that has them (extensions.ts).
beforeAll(() => loadExtensions());
import { getAt, setAt } from '../../forms-ui/src/core/paths.js';

const schema = {
  type: 'object',
  properties: {
    urgent: { type: 'boolean' },
    why: { type: 'string' },
    section: { type: 'object', properties: { a: { type: 'string' } } },
    a: { type: 'integer' },
    b: { type: 'integer' },
    total: { type: 'integer', readOnly: true, 'x-compute': { '+': [{ var: ['form.a', 0] }, { var: ['form.b', 0] }] } },
  },
  if: { properties: { urgent: { const: true } }, required: ['urgent'] },
  then: { required: ['why'] },
};

describe('answers', () => {
  describe('#prepareAnswers', () => {
    it('should drop the answers of hidden conditional questions', () => {
      expect(prepareAnswers(schema, { urgent: false, why: 'left over' })).toEqual({ urgent: false, total: 0 });
      expect(prepareAnswers(schema, { urgent: true, why: 'kept' })).toEqual({ urgent: true, why: 'kept', total: 0 });
    });

    it('should prune emptied groups and fill in computed answers', () => {
      expect(prepareAnswers(schema, { section: {}, a: 2, b: 3 })).toEqual({ a: 2, b: 3, total: 5 });
    });
  });

  describe('#setAt', () => {
    it('should copy only the branch it changes, creating missing parents', () => {
      const data = { rows: { r1: { x: '1' }, r2: { x: '2' } } };
      const next = setAt(data, 'rows.r1.x', '3') as typeof data;
      expect(next.rows.r1.x).toBe('3');
      expect(next.rows.r2).toBe(data.rows.r2);
      expect(data.rows.r1.x).toBe('1');
      expect(setAt({}, 'list.0.name', 'n')).toEqual({ list: [{ name: 'n' }] });
      expect(setAt({ a: 1, b: 2 }, 'a', undefined)).toEqual({ b: 2 });
      expect(getAt({ list: [{ name: 'n' }] }, 'list.0.name')).toBe('n');
    });
  });
});
