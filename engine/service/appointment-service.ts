// Appointments of a case: booked, moved and cancelled with a date, time and place for a state the definitions hold as
// an appointment (meta.appointment); attendance recorded on one is sent to the pathway as its declared event, so that
// what follows from it (a task after two missed sessions, counts in a report) is written in the definitions.
import { randomUUID } from 'node:crypto';
import { appointmentKind, appointmentKinds, type AppointmentKind } from '../appointments/appointment-kinds.js';
import type { CompiledDefinitions } from '../definitions/check.js';
import type { CaseData } from '../runtime/model.js';
import type { AppointmentRecord, AttendanceOutcome, AttendanceRecord } from '../store/appointment-types.js';
import { StoreConflictError } from '../store/errors.js';
import type { CaseRecord, CaseStore } from '../store/types.js';
import type { CaseService, ServiceUser } from './case-service.js';
import { CaseServiceError } from './errors.js';
import { instant, invalid } from './appointment-input.js';

export interface BookAppointment {
  kind: string;
  startsAt: string;
  place: string;
  delivery: string;
  /** Whose agenda it is on: the officer the case is allocated to (else the person booking) when left out. */
  officer?: string;
}

export interface MoveAppointment {
  expectedVersion: number;
  startsAt?: string;
  place?: string;
  delivery?: string;
}

export interface RecordAttendance {
  expectedVersion: number;
  outcome: AttendanceOutcome;
  reason?: string;
  feedback?: string;
}

export const attendanceOutcomes: readonly AttendanceOutcome[] = ['attended', 'late', 'did-not-attend'];

function endsAfter(startsAt: string, minutes: number): string {
  return new Date(Date.parse(startsAt) + minutes * 60_000).toISOString();
}

/** The instance of the case that runs the kind's pathway now (the latest still open), if any. */
function instanceRunning(data: CaseData, pathway: string): string | undefined {
  return Object.values(data.instances)
    .filter((i) => i.pathway === pathway && !i.done)
    .at(-1)?.id;
}

export class AppointmentService {
  private readonly now: () => string;

  constructor(
    private readonly store: CaseStore,
    private readonly cases: CaseService,
    options: { now?: () => string } = {},
  ) {
    this.now = options.now ?? (() => new Date().toISOString());
  }

  /** What may be booked on this case: the states held as appointments of the pathways it runs or may start. */
  async kindsFor(caseId: string, user: ServiceUser): Promise<AppointmentKind[]> {
    const { record, defs } = await this.cases.load(caseId, user);
    return this.kindsOfCase(defs, record);
  }

  private kindsOfCase(defs: CompiledDefinitions, record: CaseRecord): AppointmentKind[] {
    return appointmentKinds(defs).filter(
      (k) => k.pathway === record.pathwayId || defs.pathways.get(k.pathway)?.meta.startsCase === false,
    );
  }

  async listForCase(caseId: string, user: ServiceUser): Promise<AppointmentRecord[]> {
    await this.cases.load(caseId, user);
    return this.store.listAppointments({ caseId, limit: 500 });
  }

  /**
   * The officer's booked appointments from `from` on, soonest first. The caller names their cases (and leaves out any
   * the officer may no longer see) from the case summaries, without loading a case.
   */
  agenda(user: ServiceUser, from: string, limit = 100): Promise<AppointmentRecord[]> {
    return this.store.listAppointments({ officer: user.id, from, status: ['booked'], limit });
  }

  /** The appointment, if its case is visible to this user (else not-found, as for a case). */
  async get(id: string, user: ServiceUser): Promise<AppointmentRecord> {
    const appointment = await this.store.getAppointment(id);
    if (!appointment) throw new CaseServiceError('not-found', `there is no appointment ${id}`);
    await this.cases.load(appointment.caseId, user);
    return appointment;
  }

  async book(caseId: string, user: ServiceUser, request: BookAppointment): Promise<AppointmentRecord> {
    const { record, defs } = await this.cases.load(caseId, user);
    const kind = this.kindsOfCase(defs, record).find((k) => k.kind === request.kind);
    if (!kind) throw invalid(`"${request.kind}" is not something this case can book an appointment for`);
    const startsAt = instant(request.startsAt, 'the start');
    const now = this.now();
    const appointment: AppointmentRecord = {
      id: randomUUID(),
      caseId,
      kind: kind.kind,
      title: kind.title,
      startsAt,
      endsAt: endsAfter(startsAt, kind.durationMinutes),
      place: this.place(request.place),
      delivery: this.delivery(kind, request.delivery),
      // On the agenda of the officer who holds the case, whoever books it.
      officer: request.officer ?? record.summary.allocatedTo ?? user.id,
      attendees: kind.attendees,
      groupId: null,
      status: 'booked',
      version: 1,
      bookedBy: user.id,
      bookedAt: now,
      changedBy: user.id,
      changedAt: now,
      cancelled: null,
      attendance: null,
    };
    await this.store.saveAppointment(appointment);
    await this.audit(user, appointment, 'appointment.booked');
    return appointment;
  }

  async move(id: string, user: ServiceUser, request: MoveAppointment): Promise<AppointmentRecord> {
    const current = await this.changeable(id, user, request.expectedVersion);
    const defs = (await this.cases.load(current.caseId, user)).defs;
    const kind = appointmentKind(defs, current.kind);
    const startsAt = request.startsAt === undefined ? current.startsAt : instant(request.startsAt, 'the start');
    const minutes = kind ? kind.durationMinutes : (Date.parse(current.endsAt) - Date.parse(current.startsAt)) / 60_000;
    const moved: AppointmentRecord = {
      ...current,
      startsAt,
      endsAt: endsAfter(startsAt, minutes),
      place: request.place === undefined ? current.place : this.place(request.place),
      delivery: request.delivery === undefined || !kind ? current.delivery : this.delivery(kind, request.delivery),
      ...this.changed(current, user),
    };
    await this.save(moved, current.version);
    await this.audit(user, moved, 'appointment.moved', { from: current.startsAt, to: moved.startsAt });
    return moved;
  }

  async cancel(id: string, user: ServiceUser, expectedVersion: number, reason: string): Promise<AppointmentRecord> {
    if (typeof reason !== 'string' || !reason.trim()) throw invalid('Enter why the appointment is cancelled');
    const current = await this.changeable(id, user, expectedVersion);
    const changed = this.changed(current, user);
    const cancelled: AppointmentRecord = {
      ...current,
      status: 'cancelled',
      cancelled: { by: user.id, at: changed.changedAt, reason: reason.trim() },
      ...changed,
    };
    await this.save(cancelled, current.version);
    await this.audit(user, cancelled, 'appointment.cancelled', { reason: reason.trim() });
    return cancelled;
  }

  /**
   * Records attendance, then sends it to the pathway instance that runs the appointment's state as its declared event
   * (refused like any event the pathway does not accept now). Returns the appointment and whether the event was sent.
   */
  async recordAttendance(
    id: string,
    user: ServiceUser,
    request: RecordAttendance,
  ): Promise<{ appointment: AppointmentRecord; sent: string | null }> {
    if (!attendanceOutcomes.includes(request.outcome)) {
      throw invalid(`Select attended, late or did not attend (${attendanceOutcomes.join(', ')})`);
    }
    if (request.outcome !== 'attended' && !request.reason?.trim()) {
      throw invalid('Enter why they were late or did not attend');
    }
    const current = await this.changeable(id, user, request.expectedVersion, true);
    const { record, defs } = await this.cases.load(current.caseId, user);
    const attendance: AttendanceRecord = {
      outcome: request.outcome,
      ...(request.reason?.trim() ? { reason: request.reason.trim() } : {}),
      ...(request.feedback?.trim() ? { feedback: request.feedback.trim() } : {}),
      recordedBy: user.id,
      recordedAt: this.now(),
    };
    const kind = appointmentKind(defs, current.kind);
    const instance = kind ? instanceRunning(record.snapshot as CaseData, kind.pathway) : undefined;
    let sent: string | null = null;
    // The event goes first: if the pathway refuses it, nothing is recorded and the officer is told why.
    if (kind?.attendanceEvent && instance) {
      await this.cases.change(current.caseId, user, {
        expectedVersion: record.version,
        type: kind.attendanceEvent,
        instance,
        data: {
          appointment: current.title,
          startsAt: current.startsAt,
          outcome: attendance.outcome,
          ...(attendance.reason ? { reason: attendance.reason } : {}),
          ...(attendance.feedback ? { feedback: attendance.feedback } : {}),
        },
      });
      sent = kind.attendanceEvent;
    }
    const recorded: AppointmentRecord = { ...current, attendance, ...this.changed(current, user) };
    await this.save(recorded, current.version);
    await this.audit(user, recorded, 'appointment.attendance', { outcome: attendance.outcome });
    return { appointment: recorded, sent };
  }

  private place(place: unknown): string {
    if (typeof place !== 'string' || !place.trim()) throw invalid('Enter where the appointment is held');
    return place.trim();
  }

  private delivery(kind: AppointmentKind, delivery: unknown): string {
    if (typeof delivery !== 'string' || !kind.delivery.includes(delivery)) {
      throw invalid(`Select how it is delivered: ${kind.delivery.join(', ')}`);
    }
    return delivery;
  }

  private changed(current: AppointmentRecord, user: ServiceUser) {
    return { version: current.version + 1, changedBy: user.id, changedAt: this.now() };
  }

  /** The appointment at the version the caller read, still booked, attendance not yet recorded. */
  private async changeable(id: string, user: ServiceUser, expectedVersion: number, attending = false) {
    const current = await this.get(id, user);
    if (current.version !== expectedVersion) {
      throw new CaseServiceError(
        'conflict',
        `the appointment has changed since you loaded it (version ${current.version}, not ${expectedVersion})`,
        { currentVersion: current.version },
      );
    }
    if (current.status === 'cancelled') throw invalid('The appointment was cancelled');
    if (current.attendance) {
      throw invalid(
        attending ? 'Attendance is already recorded for this appointment' : 'Attendance is recorded: it cannot change',
      );
    }
    if (attending && Date.parse(current.startsAt) > Date.parse(this.now())) {
      throw invalid('Attendance can be recorded once the appointment has started');
    }
    return current;
  }

  private async save(record: AppointmentRecord, expectedVersion: number): Promise<void> {
    try {
      await this.store.saveAppointment(record, expectedVersion);
    } catch (error) {
      if (!(error instanceof StoreConflictError)) throw error;
      throw new CaseServiceError('conflict', 'the appointment has changed since you loaded it: reload it', {});
    }
  }

  private audit(user: ServiceUser, appointment: AppointmentRecord, action: string, detail: object = {}) {
    return this.store.appendAudit({
      at: this.now(),
      userId: user.id,
      caseId: appointment.caseId,
      action,
      detail: { appointment: appointment.id, title: appointment.title, startsAt: appointment.startsAt, ...detail },
    });
  }
}
