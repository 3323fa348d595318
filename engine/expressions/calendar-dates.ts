// Calendar dates for the date operators: a date is "YYYY-MM-DD" in England and Wales (Europe/London); a date and time
// (ISO 8601 with its offset, or Z) stands for its date there. Day numbers count days since 1970-01-01, so that
// whole-day arithmetic never meets a clock change. Pure and eval-free: the browser runs the same code (Intl only).

export const CALENDAR_TIME_ZONE = 'Europe/London';

const DAY_MS = 86_400_000;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
// An offset is required: a date and time without one means the reader's local time, which differs between machines.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;

let londonDates: Intl.DateTimeFormat | undefined;

function dayNumberOf(year: number, month: number, day: number): number | undefined {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  const valid = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? Math.round(date.getTime() / DAY_MS) : undefined;
}

/** The London calendar date of an instant. */
function londonDayNumber(instant: Date): number | undefined {
  londonDates ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: CALENDAR_TIME_ZONE,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
  });
  const parts = Object.fromEntries(londonDates.formatToParts(instant).map((p) => [p.type, p.value]));
  return dayNumberOf(Number(parts.year), Number(parts.month), Number(parts.day));
}

/** The day number of a date or a date and time, or undefined for anything else (or a date that does not exist). */
export function toDayNumber(value: unknown): number | undefined {
  if (typeof value !== 'string') return undefined;
  const date = DATE.exec(value);
  if (date) return dayNumberOf(Number(date[1]), Number(date[2]), Number(date[3]));
  if (!DATE_TIME.test(value)) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : londonDayNumber(instant);
}

/** "YYYY-MM-DD" of a day number, or null outside the years 0000-9999. */
export function fromDayNumber(day: number): string | null {
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(day) || year < 0 || year > 9999) return null;
  return `${String(year).padStart(4, '0')}-${date.toISOString().slice(5, 10)}`;
}

export interface YearMonthDay {
  year: number;
  month: number;
  day: number;
}

export function partsOf(dayNumber: number): YearMonthDay {
  const date = new Date(dayNumber * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function daysInMonth(year: number, month: number): number {
  const next = month === 12 ? dayNumberOf(year + 1, 1, 1) : dayNumberOf(year, month + 1, 1);
  return next! - dayNumberOf(year, month, 1)!;
}

/** Months added to a date; a day the new month does not have becomes its last (31 January + 1 month: 28/29 February). */
export function addMonths(dayNumber: number, months: number): number | undefined {
  const { year, month, day } = partsOf(dayNumber);
  const total = year * 12 + (month - 1) + months;
  const newYear = Math.floor(total / 12);
  const newMonth = total - newYear * 12 + 1;
  if (newYear < 0 || newYear > 9999) return undefined;
  return dayNumberOf(newYear, newMonth, Math.min(day, daysInMonth(newYear, newMonth)));
}

/**
 * Whole months from one date to another: the most months that can be added to `from` (as addMonths does) without
 * passing `to`; negative, the same counted back, when `to` comes first. 31 January to 29 February is one month.
 */
export function monthsBetween(from: number, to: number): number {
  if (to < from) return -monthsBetween(to, from) || 0;
  const a = partsOf(from);
  const b = partsOf(to);
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return addMonths(from, months)! > to ? months - 1 : months;
}

/** Monday 0 … Sunday 6. */
export function weekday(dayNumber: number): number {
  return (((dayNumber + 3) % 7) + 7) % 7;
}
