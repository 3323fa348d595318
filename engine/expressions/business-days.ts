// Working days for the date operators: Monday to Friday, less the bank holidays the evaluation was given (none in the
// browser unless the form brought them). Counted by weeks and by each year's holidays, never day by day over a span.
import { toDayNumber, weekday } from './calendar-dates.js';
import type { LogicOptions } from './operators/types.js';

type Holidays = LogicOptions['bankHolidays'];

/** Weekdays d with from < d <= to (from <= to). */
function weekdaysAfter(from: number, to: number): number {
  const span = to - from;
  const weeks = Math.floor(span / 7);
  let count = weeks * 5;
  for (let d = from + weeks * 7 + 1; d <= to; d++) if (weekday(d) < 5) count++;
  return count;
}

function yearOf(dayNumber: number): number {
  return new Date(dayNumber * 86_400_000).getUTCFullYear();
}

/** Bank holidays falling on a weekday with from < d <= to. */
function holidaysAfter(from: number, to: number, holidays: Holidays): number {
  if (!holidays || to <= from) return 0;
  let count = 0;
  for (let year = yearOf(from + 1); year <= yearOf(to); year++) {
    for (const date of new Set(holidays(year))) {
      const day = toDayNumber(date);
      if (day !== undefined && day > from && day <= to && weekday(day) < 5) count++;
    }
  }
  return count;
}

/** Working days d with from < d <= to; negative, those with to < d <= from, when to comes first. */
export function workingDaysBetween(from: number, to: number, holidays: Holidays): number {
  if (to < from) return -workingDaysBetween(to, from, holidays) || 0;
  return weekdaysAfter(from, to) - holidaysAfter(from, to, holidays);
}

/** The n-th weekday after (n > 0) or before (n < 0) a date. */
function addWeekdays(from: number, n: number): number {
  const step = n < 0 ? -1 : 1;
  const count = Math.abs(n);
  const weeks = Math.floor((count - 1) / 5);
  let day = from + step * weeks * 7;
  for (let remaining = count - weeks * 5; remaining > 0;) {
    day += step;
    if (weekday(day) < 5) remaining--;
  }
  return day;
}

/**
 * The n-th working day after (or before) a date: weekdays first, then one more for each holiday passed, until a span
 * passes none (a handful of rounds at most).
 */
export function addWorkingDays(from: number, n: number, holidays: Holidays): number {
  if (n === 0) return from;
  const step = n < 0 ? -1 : 1;
  let start = from;
  let day = addWeekdays(from, n);
  for (;;) {
    const skipped = step > 0 ? holidaysAfter(start, day, holidays) : holidaysAfter(day - 1, start - 1, holidays);
    if (skipped === 0) return day;
    start = day;
    day = addWeekdays(day, step * skipped);
  }
}
