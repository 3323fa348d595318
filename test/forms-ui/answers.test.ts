// forms-ui/src/core/answers.ts and paths.ts: what a form submits, and immutable updates by path.
import { beforeAll, describe, expect, it } from 'vitest';
import { logicOptionsFor } from '../../engine/compile/evaluate.js';
import { computeAnswers } from '../../engine/forms/compute.js';
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

    it("should compute from the case's recorded values and the time, as the server does (issue 21)", () => {
      const counted = {
        type: 'object',
        properties: {
          attended: {
            type: 'integer',
            'x-compute': { reduce: [{ var: 'case.attended' }, { '+': [{ var: 'accumulator' }, 1] }, 0] },
          },
          age: { type: 'integer', 'x-compute': { years_between: [{ var: 'form.born' }, { today: [] }] } },
          born: { type: 'string' },
        },
      };
      const context = { case: { attended: [1, 3, 4] }, now: '2026-05-21T09:00:00Z' };
      expect(prepareAnswers(counted, { born: '1989-05-21' }, context)).toEqual({
        born: '1989-05-21',
        attended: 3,
        age: 37,
      });
      expect(prepareAnswers(counted, { born: '1989-05-21' }, context)).toEqual(
        computeAnswers(counted, { born: '1989-05-21' }, context),
      );
    });

    it('should count working days over the bank holidays a served form brings, as the server does over its settings', () => {
      const form = {
        type: 'object',
        properties: {
          due: { type: 'string', 'x-compute': { date_add: [{ var: 'form.from' }, 1, 'working_days'] } },
          from: { type: 'string' },
        },
      };
      const settings = { county: 'Test', capacity: { default: 1 }, bankHolidays: { country: 'GB', region: 'ENG' } };
      const holidays = logicOptionsFor(settings).bankHolidays!;
      const served = { ...form, 'x-bankHolidays': [...holidays(2026)] };
      const server = computeAnswers(form, { from: '2026-12-24' }, { options: logicOptionsFor(settings) });
      expect(server).toEqual({ from: '2026-12-24', due: '2026-12-29' });
      expect(prepareAnswers(served, { from: '2026-12-24' })).toEqual(server);
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
