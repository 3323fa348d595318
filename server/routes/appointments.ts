// Appointments: those of a case (GET/POST /api/cases/:id/appointments), the signed-in officer's agenda
// (GET /api/appointments), and one appointment: read, moved, cancelled, its attendance recorded, or downloaded as a
// calendar file (GET /api/appointments/:id.ics). Booking and changing need the role's bookAppointments ability.
import { Router, type Request, type Response } from 'express';
import { attendanceOutcomes, type AppointmentRecord, type AttendanceOutcome } from '../../engine/index.js';
import { problem } from '../http-problems.js';
import { requireUser, signedIn } from '../middleware/authorisation.js';
import { calendarFile } from '../services/appointments/calendar-file.js';
import { identitiesOfCases } from '../services/case-identity.js';
import type { Services } from '../services/index.js';
import { serviceUser } from './users.js';
import { bodyOf, expectedVersion, type Body } from './request-body.js';

/** The :id of the path (a guard before the handler widens Express's inferred params). */
function idOf(req: Request): string {
  return String(req.params.id);
}

function text(body: Body, name: string, required = true): string | undefined {
  const value = body[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string') throw problem(400, 'bad-request', `${name} must be text.`);
  return value;
}

/** Routes under /api/cases: a case's appointments and what may be booked on it. */
export function caseAppointmentRoutes(services: Services): Router {
  const router = Router();
  router.get('/:id/appointments', requireUser(services), async (req, res) => {
    const user = serviceUser(signedIn(res));
    const kinds = await services.appointments.kindsFor(idOf(req), user);
    const appointments = await services.appointments.listForCase(idOf(req), user);
    // Who booked, cancelled or recorded each, by display name.
    const people = appointments.flatMap((a) => [a.bookedBy, a.cancelled?.by, a.attendance?.recordedBy]);
    const names = await services.store.displayNames([...new Set(people.filter((p): p is string => Boolean(p)))]);
    res.json({ kinds, appointments, names });
  });
  router.post('/:id/appointments', requireUser(services, 'bookAppointments'), async (req, res) => {
    const body = bodyOf(req);
    const booked = await services.appointments.book(idOf(req), serviceUser(signedIn(res)), {
      kind: text(body, 'kind')!,
      startsAt: text(body, 'startsAt')!,
      place: text(body, 'place')!,
      delivery: text(body, 'delivery')!,
    });
    res.status(201).location(`appointments/${booked.id}`).json(booked);
  });
  return router;
}

/** Routes under /api/appointments. */
export function appointmentRoutes(services: Services): Router {
  const router = Router();
  router.use(requireUser(services));

  router.get('/', async (req, res) => {
    const user = serviceUser(signedIn(res));
    const from = typeof req.query.from === 'string' ? req.query.from : services.now();
    if (Number.isNaN(Date.parse(from))) throw problem(400, 'bad-request', 'from must be a date and time.');
    const booked = await services.appointments.agenda(user, from);
    const definitionsAt = (version: number) => services.registry.get(version);
    const identities = await identitiesOfCases(
      services.cases,
      user,
      [...new Set(booked.map((a) => a.caseId))],
      definitionsAt,
    );
    // A case the officer may no longer see (moved to another officer) drops off their agenda.
    const appointments = booked.filter((a) => identities[a.caseId]).map((a) => ({ ...a, case: identities[a.caseId] }));
    res.json({ appointments });
  });

  router.get('/:id.ics', async (req, res) => {
    const appointment = await services.appointments.get(idOf(req), serviceUser(signedIn(res)));
    res
      .type('text/calendar; charset=utf-8')
      .attachment(`appointment-${appointment.id}.ics`)
      .send(calendarFile(appointment, services.calendar));
  });

  router.get('/:id', async (req, res) => {
    res.json(await services.appointments.get(idOf(req), serviceUser(signedIn(res))));
  });

  const changing = requireUser(services, 'bookAppointments');
  const send = (res: Response, appointment: AppointmentRecord, extra: object = {}) =>
    res.json({ ...appointment, ...extra });

  router.patch('/:id', changing, async (req, res) => {
    const body = bodyOf(req);
    const moved = await services.appointments.move(idOf(req), serviceUser(signedIn(res)), {
      expectedVersion: expectedVersion(body),
      ...(body.startsAt !== undefined ? { startsAt: text(body, 'startsAt')! } : {}),
      ...(body.place !== undefined ? { place: text(body, 'place')! } : {}),
      ...(body.delivery !== undefined ? { delivery: text(body, 'delivery')! } : {}),
    });
    send(res, moved);
  });

  router.post('/:id/cancel', changing, async (req, res) => {
    const body = bodyOf(req);
    const user = serviceUser(signedIn(res));
    send(res, await services.appointments.cancel(idOf(req), user, expectedVersion(body), text(body, 'reason')!));
  });

  router.post('/:id/attendance', changing, async (req, res) => {
    const body = bodyOf(req);
    const outcome = text(body, 'outcome')!;
    if (!attendanceOutcomes.includes(outcome as AttendanceOutcome)) {
      throw problem(400, 'bad-request', `outcome must be one of ${attendanceOutcomes.join(', ')}.`);
    }
    const { appointment, sent } = await services.appointments.recordAttendance(idOf(req), serviceUser(signedIn(res)), {
      expectedVersion: expectedVersion(body),
      outcome: outcome as AttendanceOutcome,
      ...(body.reason !== undefined ? { reason: text(body, 'reason')! } : {}),
      ...(body.feedback !== undefined ? { feedback: text(body, 'feedback')! } : {}),
    });
    send(res, appointment, { eventSent: sent });
  });
  return router;
}
