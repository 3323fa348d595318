// Times and dates with a time as a form stores them: RFC 3339, with the time-zone offset that formats "time" and
// "date-time" require, made from the boxes a reader fills in, in the reader's own time zone. A part-filled or
// impossible one is kept as typed, so the form's checks say it must be a real time. No DOM.
export type TimeParts = { hour: string; minute: string };
export type DateTimeParts = TimeParts & { day: string; month: string; year: string };

const pad = (part: string | number) => String(part).padStart(2, '0');
const numeric = (parts: string[]) => parts.every((p) => /^\d+$/.test(p));

/** The reader's offset from UTC at a local date and time (summer time included): "+01:00", or "Z". */
export function localOffset(at: Date): string {
  const east = -at.getTimezoneOffset();
  return east ? `${east < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(east) / 60))}:${pad(Math.abs(east) % 60)}` : 'Z';
}

/** The hour and minute of a stored time (and its offset, kept when it is saved again). */
export function timeParts(value: unknown): TimeParts & { offset?: string } {
  const [hour = '', minute = '', rest = ''] = typeof value === 'string' ? value.split(':') : [];
  const offset = /(z|[+-]\d\d:?\d\d)$/i.exec(value as string)?.[0];
  return { hour, minute: rest || offset ? minute.slice(0, 2) : minute, ...(offset ? { offset } : {}) };
}

export function joinTime({ hour, minute }: TimeParts, offset: string): string | undefined {
  if (!hour && !minute) return undefined;
  return numeric([hour, minute]) ? `${pad(hour)}:${pad(minute)}:00${offset}` : `${hour}:${minute}`;
}

/** The boxes for a stored date and time: a complete one in the reader's time zone, else as typed. */
export function dateTimeParts(value: unknown): DateTimeParts {
  const at = typeof value === 'string' && /T\d\d:\d\d.*(z|[+-]\d\d:?\d\d)$/i.test(value) ? new Date(value) : undefined;
  if (at && !Number.isNaN(at.getTime())) {
    return {
      day: pad(at.getDate()),
      month: pad(at.getMonth() + 1),
      year: String(at.getFullYear()),
      hour: pad(at.getHours()),
      minute: pad(at.getMinutes()),
    };
  }
  const [date = '', time = ''] = typeof value === 'string' ? value.split('T') : [];
  const [year = '', month = '', day = ''] = date.split('-');
  const [hour = '', minute = ''] = time.split(':');
  return { day, month, year, hour, minute };
}

export function joinDateTime(parts: DateTimeParts): string | undefined {
  const { day, month, year, hour, minute } = parts;
  const all = [day, month, year, hour, minute];
  if (!all.some(Boolean)) return undefined;
  const date = `${year}-${pad(month)}-${pad(day)}`;
  if (!numeric(all)) return `${date}T${hour}:${minute}`;
  return `${date}T${pad(hour)}:${pad(minute)}:00${localOffset(new Date(+year, +month - 1, +day, +hour, +minute))}`;
}
