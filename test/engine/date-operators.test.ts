// Issue 21: the date operators of the JSON Logic evaluator (engine/expressions/operators/dates.ts) — month ends, leap
// years, England and Wales dates across the clock changes, working days over bank holidays — and the same answers when
// a condition of a pathway evaluates them with the settings' bank holidays.
import { describe, expect, it } from 'vitest';
import { evaluateInEnv, logicOptionsFor } from '../../engine/compile/evaluate.js';
import type { EvaluationEnv, Settings } from '../../engine/compile/types.js';
import { evaluateLogic } from '../../engine/expressions/logic.js';

const ENGLAND: Settings = { county: 'Test', capacity: { default: 1 }, bankHolidays: { country: 'GB', region: 'ENG' } };
const withHolidays = logicOptionsFor(ENGLAND);
const run = (expression: unknown, data: unknown = {}) => evaluateLogic(expression, data, withHolidays);

describe('date operators', () => {
  describe('#now and #today', () => {
    it('should read the time of the event from the data, and give null when there is none', () => {
      expect(run({ now: [] }, { now: '2026-01-05T09:00:00.000Z' })).toBe('2026-01-05T09:00:00.000Z');
      expect(run({ now: [] }, {})).toBeNull();
      expect(run({ today: [] }, {})).toBeNull();
    });

    it('should read `now` from the data the evaluation started with, also inside map', () => {
      const data = { now: '2026-01-05T09:00:00Z', dates: ['2026-01-01', '2026-01-04'] };
      expect(run({ map: [{ var: 'dates' }, { days_between: [{ var: '' }, { today: [] }] }] }, data)).toEqual([4, 1]);
    });

    it('should give the date in England and Wales, not in UTC', () => {
      // 23:30 UTC on 29 March 2026 is 00:30 British Summer Time on the 30th
      expect(run({ today: [] }, { now: '2026-03-29T23:30:00Z' })).toBe('2026-03-30');
      // 23:30 UTC on 25 October 2026, after the clocks went back, is still the 25th
      expect(run({ today: [] }, { now: '2026-10-25T23:30:00Z' })).toBe('2026-10-25');
      expect(run({ today: [] }, { now: '2026-01-05T23:59:59Z' })).toBe('2026-01-05');
    });
  });

  describe('#date', () => {
    it('should keep a date, read a date and time with its offset, and refuse anything else', () => {
      expect(run({ date: '2024-02-29' })).toBe('2024-02-29');
      expect(run({ date: '2026-06-01T00:30:00+01:00' })).toBe('2026-06-01');
      expect(run({ date: '2026-05-31T23:30:00Z' })).toBe('2026-06-01');
      for (const notADate of ['2023-02-29', '2026-13-01', '2026-01-05T09:00:00', 'yesterday', 20260105, null, [], {}])
        expect(run({ date: [notADate] }), JSON.stringify(notADate)).toBeNull();
    });
  });

  describe('#days_between', () => {
    it('should count calendar days, across a clock change and backwards', () => {
      expect(run({ days_between: ['2026-03-28', '2026-03-30'] })).toBe(2);
      expect(run({ days_between: ['2026-03-30', '2026-03-28'] })).toBe(-2);
      expect(run({ days_between: ['2024-02-28', '2024-03-01'] })).toBe(2);
      expect(run({ days_between: ['2023-02-28', '2023-03-01'] })).toBe(1);
      expect(run({ days_between: ['2026-03-29T00:30:00Z', '2026-03-29T23:30:00Z'] })).toBe(1);
      expect(run({ days_between: ['2026-01-01', 'soon'] })).toBeNull();
    });
  });

  describe('#months_between and #years_between', () => {
    it('should count a month from a month end to the next month end', () => {
      expect(run({ months_between: ['2024-01-31', '2024-02-29'] })).toBe(1);
      expect(run({ months_between: ['2023-01-31', '2023-02-28'] })).toBe(1);
      expect(run({ months_between: ['2024-01-31', '2024-02-28'] })).toBe(0);
      expect(run({ months_between: ['2026-01-15', '2026-02-14'] })).toBe(0);
      expect(run({ months_between: ['2026-01-15', '2026-02-15'] })).toBe(1);
      expect(run({ months_between: ['2026-03-31', '2026-02-28'] })).toBe(-1);
    });

    it('should say whether an incident was within the last 18 months', () => {
      const within = { '<': [{ months_between: [{ var: 'incident' }, { today: [] }] }, 18] };
      const now = '2026-01-05T09:00:00Z';
      expect(run(within, { now, incident: '2024-07-06' })).toBe(true);
      expect(run(within, { now, incident: '2024-07-05' })).toBe(false);
    });

    it('should give an age, a birthday on 29 February counting from 28 February in other years', () => {
      expect(run({ years_between: ['2008-02-29', '2026-02-27'] })).toBe(17);
      expect(run({ years_between: ['2008-02-29', '2026-02-28'] })).toBe(18);
      expect(run({ years_between: ['1989-05-21', '2026-05-20'] })).toBe(36);
    });
  });

  describe('#date_add', () => {
    it('should add days, weeks, months and years, a month end staying in its month', () => {
      expect(run({ date_add: ['2026-01-31', 1, 'months'] })).toBe('2026-02-28');
      expect(run({ date_add: ['2024-01-31', 1, 'months'] })).toBe('2024-02-29');
      expect(run({ date_add: ['2024-02-29', 1, 'years'] })).toBe('2025-02-28');
      expect(run({ date_add: ['2024-02-29', 4, 'years'] })).toBe('2028-02-29');
      expect(run({ date_add: ['2026-01-05', -18, 'months'] })).toBe('2024-07-05');
      expect(run({ date_add: ['2026-01-05', 6, 'weeks'] })).toBe('2026-02-16');
      expect(run({ date_add: ['2026-03-28', 2, 'days'] })).toBe('2026-03-30');
    });

    it('should refuse an amount that is not whole, or a unit it does not know', () => {
      expect(run({ date_add: ['2026-01-05', 1.5, 'days'] })).toBeNull();
      expect(run({ date_add: ['2026-01-05', 1, 'fortnights'] })).toBeNull();
      expect(run({ date_add: ['2026-01-05', 99_999_999, 'days'] })).toBeNull();
      expect(run({ date_add: ['2026-01-05', '3', 'days'] })).toBe('2026-01-08');
    });
  });

  describe('working days', () => {
    it('should skip weekends and the England and Wales bank holidays of the settings', () => {
      // Christmas Day and Boxing Day 2026 fall on a Friday and a Saturday: Monday 28 December is the substitute
      expect(run({ working_days_between: ['2026-12-24', '2026-12-29'] })).toBe(1);
      expect(run({ date_add: ['2026-12-24', 1, 'working_days'] })).toBe('2026-12-29');
      expect(run({ date_add: ['2026-12-29', -1, 'working_days'] })).toBe('2026-12-24');
      // Easter 2026: Good Friday 3 April and Easter Monday 6 April
      expect(run({ date_add: ['2026-04-02', 1, 'working_days'] })).toBe('2026-04-07');
      expect(run({ working_days_between: ['2026-04-07', '2026-04-02'] })).toBe(-1);
    });

    it('should count only weekends when it is given no holidays (the browser without a calendar)', () => {
      expect(evaluateLogic({ working_days_between: ['2026-12-24', '2026-12-29'] }, {})).toBe(3);
    });

    it('should count back from a weekend to the working day before it', () => {
      expect(run({ date_add: ['2026-01-10', -1, 'working_days'] })).toBe('2026-01-09');
      expect(run({ date_add: ['2026-01-10', 1, 'working_days'] })).toBe('2026-01-12');
      expect(run({ working_days_between: ['2026-01-09', '2026-01-11'] })).toBe(0);
    });

    it('should refuse spans over a century rather than look up every year', () => {
      expect(run({ working_days_between: ['1900-01-01', '2026-01-01'] })).toBeNull();
      expect(run({ date_add: ['2026-01-01', 30_000, 'working_days'] })).toBeNull();
    });
  });

  describe('in a condition of a pathway (evaluateInEnv)', () => {
    it('should use the settings bank holidays and read the settings as data', () => {
      const env = {
        case: {},
        forms: {},
        event: { type: 'X', data: { team: 'a' } },
        user: { id: 'u', role: 'r', qualifications: [] },
        now: '2026-12-24T10:00:00Z',
        officers: {},
        settings: { ...ENGLAND, exempt: ['a'] },
        signOffs: [],
      } satisfies EvaluationEnv;
      expect(evaluateInEnv({ date_add: [{ today: [] }, 1, 'working_days'] }, env)).toBe('2026-12-29');
      expect(evaluateInEnv({ in: [{ var: 'event.data.team' }, { var: 'settings.exempt' }] }, env)).toBe(true);
    });
  });
});
