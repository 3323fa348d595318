// Property (issue 21): the date operators of engine/expressions against independent oracles on random dates —
// moment (calendar arithmetic: days, months with month ends, years) and moment-timezone (the Europe/London date of an
// instant, across every clock change), and the deadline code's own working-day count (engine/util/working-days.ts,
// date-holidays, one day at a time). json-logic-engine, the oracle of the other operators, has no dates.
import fc from 'fast-check';
import moment from 'moment-timezone';
import { describe, expect, it } from 'vitest';
import { logicOptionsFor } from '../../engine/compile/evaluate.js';
import { evaluateLogic } from '../../engine/expressions/logic.js';
import { addWorkingDays, isWorkingDay } from '../../engine/util/working-days.js';

const ENGLAND = { country: 'GB', region: 'ENG' };
const options = logicOptionsFor({ county: 'Test', capacity: { default: 1 }, bankHolidays: ENGLAND });
const run = (expression: unknown) => evaluateLogic(expression, {}, options);

const DAY = 86_400_000;
const dayIn = (from: string, to: string) =>
  fc
    .integer({ min: Date.parse(from) / DAY, max: Date.parse(to) / DAY })
    .map((d) => new Date(d * DAY).toISOString().slice(0, 10));
const anyDate = dayIn('1900-01-01', '2100-12-31');
// Month ends and the days around them, where calendar arithmetic goes wrong.
const monthEnd = fc
  .tuple(fc.integer({ min: 1950, max: 2050 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3 }))
  .map(([y, m, back]) => new Date(Date.UTC(y, m, 0 - back)).toISOString().slice(0, 10));
const date = fc.oneof(anyDate, monthEnd);
const utc = (d: string) => moment.utc(d, 'YYYY-MM-DD', true);

describe('date operators against their oracles', () => {
  it('should count days between two dates as moment does', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(run({ days_between: [a, b] })).toBe(utc(b).diff(utc(a), 'days') || 0);
      }),
    );
  });

  it('should add months and years as moment does (a month end stays in its month)', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: -600, max: 600 }), (a, n) => {
        expect(run({ date_add: [a, n, 'months'] })).toBe(utc(a).add(n, 'months').format('YYYY-MM-DD'));
        expect(run({ date_add: [a, Math.trunc(n / 12), 'years'] })).toBe(
          utc(a)
            .add(Math.trunc(n / 12), 'years')
            .format('YYYY-MM-DD'),
        );
      }),
    );
  });

  it('should count whole months between two dates as moment does', () => {
    fc.assert(
      fc.property(date, date, (a, b) => {
        expect(run({ months_between: [a, b] })).toBe(utc(b).diff(utc(a), 'months') || 0);
      }),
    );
  });

  it('should give the Europe/London date of any instant as moment-timezone does', () => {
    const instant = fc.integer({ min: Date.parse('1990-01-01'), max: Date.parse('2060-01-01') });
    fc.assert(
      fc.property(instant, (ms) => {
        const iso = new Date(ms).toISOString();
        expect(run({ date: iso })).toBe(moment.tz(ms, 'Europe/London').format('YYYY-MM-DD'));
      }),
      { numRuns: 500 },
    );
  });

  it('should add working days as the deadlines do, and count them back again', () => {
    const recent = dayIn('2015-01-01', '2035-12-31');
    fc.assert(
      fc.property(recent, fc.integer({ min: -60, max: 60 }), (a, n) => {
        const expected = new Date(addWorkingDays(a, n, ENGLAND)).toISOString().slice(0, 10);
        expect(run({ date_add: [a, n, 'working_days'] })).toBe(expected);
        if (isWorkingDay(a, ENGLAND)) expect(run({ working_days_between: [a, expected] })).toBe(n);
      }),
      { numRuns: 40 },
    );
  });

  it('should count the working days between two dates one day at a time alike', () => {
    const recent = dayIn('2018-01-01', '2030-12-31');
    fc.assert(
      fc.property(recent, fc.integer({ min: 0, max: 60 }), (a, span) => {
        const b = new Date(Date.parse(a) + span * DAY).toISOString().slice(0, 10);
        let count = 0;
        for (let d = 1; d <= span; d++)
          if (isWorkingDay(new Date(Date.parse(a) + d * DAY).toISOString().slice(0, 10), ENGLAND)) count++;
        expect(run({ working_days_between: [a, b] })).toBe(count);
        expect(run({ working_days_between: [b, a] })).toBe(count === 0 ? 0 : -count);
      }),
      { numRuns: 40 },
    );
  });
});
