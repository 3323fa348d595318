// Dates and names as GOV.UK writes them ("3 March 2026", "3 March 2026 at 9:05am"), and short case references.

const DATE = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const TIME = new Intl.DateTimeFormat('en-GB', {
  hour: 'numeric',
  minute: '2-digit',
  // Not hour12: en-GB's 12-hour clock with it says "0:05pm" for five past noon; h12 says "12:05pm".
  hourCycle: 'h12',
  timeZone: 'Europe/London',
});

function asDate(value: string): Date {
  // A plain date ("2026-03-02") is a day, not midnight UTC.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
}

export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const date = asDate(value);
  return Number.isNaN(date.getTime()) ? value : DATE.format(date);
}

export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = asDate(value);
  if (Number.isNaN(date.getTime())) return value;
  return `${DATE.format(date)} at ${TIME.format(date).replace(/\s/g, '').toLowerCase()}`;
}

/** Whole days from `now` to the date (negative when past). */
export function daysUntil(value: string, now = new Date()): number {
  const due = asDate(value);
  const today = new Date(`${now.toISOString().slice(0, 10)}T12:00:00Z`);
  return Math.round((due.getTime() - today.getTime()) / 86_400_000);
}

export function dueText(value: string, now = new Date()): string {
  const days = daysUntil(value, now);
  if (days < 0) return `overdue by ${countOf(-days, 'day')}`;
  if (days === 0) return 'due today';
  return `due in ${countOf(days, 'day')}`;
}

/** A count with its noun, singular or plural as English writes it ("1 case", "3 cases"). */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** A case's short reference: the first block of its id. */
export function caseReference(id: string): string {
  return id.split('-')[0]!.toUpperCase();
}

/** A person's name from their user name ("officer-pso" → "officer-pso"), or the name when the list knows it. */
export function personName(username: string | null | undefined, names: Record<string, string> = {}): string {
  if (!username) return '';
  return names[username] ?? username;
}
