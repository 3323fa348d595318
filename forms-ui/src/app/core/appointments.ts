// The shapes of the appointments API (GET /api/cases/:id/appointments, GET /api/appointments) and how the web app
// words an appointment's time and state. Types and pure functions only.
import type { AppointmentKind } from '../../../../engine/appointments/appointment-kinds.js';
import type { AppointmentRecord } from '../../../../engine/store/appointment-types.js';
import { formatDateTime } from './format.js';

export type Appointment = AppointmentRecord;
export type { AppointmentKind };

export interface CaseAppointments {
  kinds: AppointmentKind[];
  appointments: Appointment[];
  /** Display names of the people who booked, cancelled or recorded them, by user name. */
  names?: Record<string, string>;
}

export const OUTCOME_WORDS: Record<string, string> = {
  attended: 'Attended',
  late: 'Attended, late',
  'did-not-attend': 'Did not attend',
};

/** "2 March 2026 at 10:00am to 12:00pm". */
export function appointmentTime(a: Pick<Appointment, 'startsAt' | 'endsAt'>): string {
  const end = formatDateTime(a.endsAt).split(' at ')[1] ?? '';
  return `${formatDateTime(a.startsAt)} to ${end}`;
}

/** A date (yyyy-mm-dd) and a time (hh:mm) typed on this computer, as an instant. */
export function localInstant(date: string, time: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return undefined;
  const value = new Date(`${date}T${time}`);
  return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
}
