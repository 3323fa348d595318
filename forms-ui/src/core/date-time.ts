// Times and dates with a time as a form stores them: RFC 3339, with the time-zone offset that formats "time" and
// "date-time" require, made from the boxes a reader fills in, in the reader's own time zone. A part-filled or
// impossible one is kept as typed, so the form's checks say it must be a real time. No DOM.
export type TimeParts = { hour: string; minute: string };
export type DateTimeParts = TimeParts & { day: string; month: string; year: string };

const pad = (part: string) => (/^\d$/.test(part) ? `0${part}` : part);
const numeric = (parts: string[]) => parts.every((p) => /^\d+$/.test(p));

/** "+01:00" for 60 minutes east of UTC, "Z" for UTC. */
export function offsetText(minutesEast: number): string {
  if (minutesEast === 0) return 'Z';
  const abs = Math.abs(minutesEast);
  return `${minutesEast < 0 ? '-' : '+'}${pad(String(Math.floor(abs / 60)))}:${pad(String(abs % 60))}`;
}

/** The reader's offset at a local date and time (summer time included). */
export function localOffset(at: Date): string {
  return offsetText(-at.getTimezoneOffset());
}

const TIME = /^(\d\d):(\d\d)(?::\d\d(?:\.\d+)?)?(z|[+-]\d\d(?::?\d\d)?)?$/i;

export function timeParts(value: unknown): TimeParts & { offset?: string } {
  if (typeof value !== 'string') return { hour: '', minute: '' };
  const m = TIME.exec(value);
  if (m) return { hour: m[1]!, minute: m[2]!, ...(m[3] ? { offset: m[3] } : {}) };
  const [hour = '', minute = ''] = value.split(':');
  return { hour, minute };
}

export function joinTime(parts: TimeParts, offset: string): string | undefined {
  const { hour, minute } = parts;
  if (!hour && !minute) return undefined;
  return numeric([hour, minute]) ? `${pad(hour)}:${pad(minute)}:00${offset}` : `${hour}:${minute}`;
}

const DATE_TIME = /^\d{4}-\d\d-\d\dT\d\d:\d\d(?::\d\d(?:\.\d+)?)?(?:z|[+-]\d\d(?::?\d\d)?)$/i;

/** The boxes for a stored date and time: a complete one in the reader's time zone, else as typed. */
export function dateTimeParts(value: unknown): DateTimeParts {
  if (typeof value === 'string' && DATE_TIME.test(value) && !Number.isNaN(Date.parse(value))) {
    const at = new Date(value);
    const two = (n: number) => pad(String(n));
    return { day: two(at.getDate()), month: two(at.getMonth() + 1), year: String(at.getFullYear()), hour: two(at.getHours()), minute: two(at.getMinutes()) };
  }
  const [date = '', time = ''] = typeof value === 'string' ? value.split('T') : [];
  const [year = '', month = '', day = ''] = date.split('-');
  const [hour = '', minute = ''] = time.split(':');
  return { day, month, year, hour, minute };
}

export function joinDateTime(parts: DateTimeParts): string | undefined {
  const { day, month, year, hour, minute } = parts;
  if (![day, month, year, hour, minute].some(Boolean)) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!numeric([day, month, year, hour, minute])) return `${date}T${hour}:${minute}`;
  const offset = localOffset(new Date(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute)));
  return `${date}T${pad(hour)}:${pad(minute)}:00${offset}`;
}
