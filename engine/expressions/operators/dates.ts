// Dates: now, today, date, days_between, working_days_between, months_between, years_between, date_add (not part of
// jsonlogic.com; JSON Logic has no dates). Dates are "YYYY-MM-DD" in England and Wales; a date and time counts as its
// date there (see ../calendar-dates.ts). Anything that is not a date gives null, never an error.
import { addWorkingDays, workingDaysBetween } from '../business-days.js';
import { addMonths, fromDayNumber, monthsBetween, toDayNumber } from '../calendar-dates.js';
import type { EvaluationScope, Operator } from './types.js';

/** The data's own `now`: the time of the event (or of the form being filled in). */
function nowOf(scope: EvaluationScope): string | null {
  const root = scope.root;
  if (!root || typeof root !== 'object' || !Object.hasOwn(root, 'now')) return null;
  const now = (root as { now?: unknown }).now;
  return typeof now === 'string' && toDayNumber(now) !== undefined ? now : null;
}

/** Both dates as day numbers, or nothing when either is not a date. */
function twoDays(a: unknown, b: unknown): [number, number] | undefined {
  const from = toDayNumber(a);
  const to = toDayNumber(b);
  return from === undefined || to === undefined ? undefined : [from, to];
}

/** Working days are counted over a century at most (each year's bank holidays are looked up). */
const MAX_WORKING_DAYS = 26_100;
const MAX_WORKING_SPAN = 36_525;

const UNITS = ['days', 'weeks', 'months', 'years', 'working_days'] as const;
type Unit = (typeof UNITS)[number];

function addPeriod(date: unknown, amount: unknown, unit: unknown, scope: EvaluationScope): string | null {
  const day = toDayNumber(date);
  const n = typeof amount === 'number' ? amount : typeof amount === 'string' && amount.trim() ? Number(amount) : NaN;
  if (day === undefined || !Number.isInteger(n) || !UNITS.includes(unit as Unit)) return null;
  // Beyond ten thousand years nothing is a date any more; stopping here also bounds the work.
  if (Math.abs(n) > 3_660_000) return null;
  switch (unit as Unit) {
    case 'days':
      return fromDayNumber(day + n);
    case 'weeks':
      return fromDayNumber(day + 7 * n);
    case 'months': {
      const moved = addMonths(day, n);
      return moved === undefined ? null : fromDayNumber(moved);
    }
    case 'years': {
      const moved = addMonths(day, 12 * n);
      return moved === undefined ? null : fromDayNumber(moved);
    }
    case 'working_days':
      return Math.abs(n) > MAX_WORKING_DAYS ? null : fromDayNumber(addWorkingDays(day, n, scope.options.bankHolidays));
  }
}

export const dateOperators: Record<string, Operator> = {
  /** The time of the event as an ISO date and time (the data's `now`). */
  now: { apply: (_args, _data, scope) => nowOf(scope) },
  /** The date of `now` in England and Wales. */
  today: {
    apply: (_args, _data, scope) => {
      const now = nowOf(scope);
      return now === null ? null : fromDayNumber(toDayNumber(now)!);
    },
  },
  /** `[value]`: the date of a date or a date and time, or null. */
  date: {
    apply: ([value]) => {
      const day = toDayNumber(value);
      return day === undefined ? null : fromDayNumber(day);
    },
  },
  /** `[from, to]`: calendar days from one date to the next (negative when `to` comes first). */
  days_between: {
    apply: ([a, b]) => {
      const days = twoDays(a, b);
      return days ? days[1] - days[0] : null;
    },
  },
  /** `[from, to]`: working days after `from` up to and including `to` (weekends and bank holidays skipped). */
  working_days_between: {
    apply: ([a, b], _data, scope) => {
      const days = twoDays(a, b);
      if (!days || Math.abs(days[1] - days[0]) > MAX_WORKING_SPAN) return null;
      return workingDaysBetween(days[0], days[1], scope.options.bankHolidays);
    },
  },
  /** `[from, to]`: whole months (31 January to 28 February is one). */
  months_between: {
    apply: ([a, b]) => {
      const days = twoDays(a, b);
      return days ? monthsBetween(days[0], days[1]) : null;
    },
  },
  /** `[from, to]`: whole years (an age, from a date of birth to today). */
  years_between: {
    apply: ([a, b]) => {
      const days = twoDays(a, b);
      return days ? Math.trunc(monthsBetween(days[0], days[1]) / 12) : null;
    },
  },
  /** `[date, amount, unit]`: the date that period after (a negative amount: before); unit days … working_days. */
  date_add: { apply: ([date, amount, unit], _data, scope) => addPeriod(date, amount, unit, scope) },
};
