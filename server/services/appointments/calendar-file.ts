// An appointment as an iCalendar file (RFC 5545) that Outlook and other calendars can add. It leaves the service, so it
// carries no case content: the session's title, when, where, how it is delivered, and a link back to the case.
import { createEvent } from 'ics';
import type { AppointmentRecord } from '../../../engine/index.js';

export interface CalendarFileSettings {
  productName: string;
  /** The web app's address, for the link back to the case. */
  publicUrl: string;
}

/** Times as milliseconds since the epoch, which ics writes in UTC (…Z), so no time zone is guessed. */
export function calendarFile(appointment: AppointmentRecord, settings: CalendarFileSettings): string {
  const base = settings.publicUrl.replace(/\/$/, '');
  const link = `${base}/#/cases/${encodeURIComponent(appointment.caseId)}/appointments`;
  const { error, value } = createEvent({
    productId: settings.productName,
    method: 'PUBLISH',
    // Stable across moves, with a sequence that grows, so that a calendar replaces the event it already holds.
    uid: `${appointment.id}@${new URL(settings.publicUrl).hostname}`,
    sequence: appointment.version,
    start: Date.parse(appointment.startsAt),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(appointment.endsAt),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: `${appointment.title} (${settings.productName})`,
    location: appointment.place,
    description: `${appointment.delivery}. Details of the case: ${link}`,
    url: link,
    status: appointment.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    lastModified: Date.parse(appointment.changedAt),
  });
  if (error || !value) throw error ?? new Error('the calendar file could not be written');
  return value;
}
