// Appointments over HTTP (issue 25 item 1): the four two-hour assessment sessions booked with a date, time and place,
// on the officer's agenda, downloaded as a calendar file, moved and cancelled (who and when kept), and attendance that
// reaches the pathway: the second missed session raises the missed-sessions task of definitions/.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario, seedScenario, stepsThrough } from '../browser/support/app-seed.js';
import { signIn, startServer, type Client, type TestServer } from './helpers.js';

let server: TestServer;
let caseId: string;
let officer: Client;

const HOUR = 3_600_000;
const at = (hoursFromNow: number) => new Date(Date.now() + hoursFromNow * HOUR).toISOString();

beforeAll(async () => {
  server = await startServer({ definitionsDir: 'definitions' });
  const scenario = await readScenario('missed-assessment-sessions');
  // Up to the three-way meeting: the assessment sessions have begun.
  const count = stepsThrough(scenario, 'RECORD_THREE_WAY_MEETING');
  caseId = await seedScenario(server.dao, scenario, count, { name: 'Alex Taylor' });
  officer = await signIn(server.app, 'officer-pso');
});
afterAll(async () => server.close());

interface Appointment {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  endsAt: string;
  version: number;
  status: string;
  place: string;
  cancelled: { by: string; at: string; reason: string } | null;
  attendance: { outcome: string; reason?: string; recordedBy: string } | null;
}

async function book(title: string, startsAt: string, place = 'Civic Centre, Room 2'): Promise<Appointment> {
  const { kinds } = (await officer.get(`/api/cases/${caseId}/appointments`).expect(200)).body;
  const kind = (kinds as { kind: string; title: string }[]).find((k) => k.title === title)!.kind;
  return (
    await officer
      .post(`/api/cases/${caseId}/appointments`, { kind, startsAt, place, delivery: 'In person' })
      .expect(201)
  ).body;
}

describe('Appointments', () => {
  it('should be described in the OpenAPI document', async () => {
    const spec = (await officer.get('/api/openapi.json').expect(200)).body;
    for (const path of [
      '/api/cases/{id}/appointments',
      '/api/appointments',
      '/api/appointments/{id}',
      '/api/appointments/{id}.ics',
      '/api/appointments/{id}/cancel',
      '/api/appointments/{id}/attendance',
      '/api/groups',
      '/api/groups/{id}/sessions/{number}/attendance',
    ]) {
      expect(spec.paths, path).toHaveProperty([path]);
    }
  });

  it('should offer the four two-hour assessment sessions the definitions hold as appointments', async () => {
    const { kinds } = (await officer.get(`/api/cases/${caseId}/appointments`).expect(200)).body;
    expect(kinds.map((k: { title: string }) => k.title)).toEqual(['Session 1', 'Session 2', 'Session 3', 'Session 4']);
    expect(kinds[0]).toMatchObject({ durationMinutes: 120, delivery: ['In person', 'Video call'] });
  });

  it('should book the four two-hour sessions and list the upcoming ones on the agenda soonest first', async () => {
    const sessions = [];
    for (const [i, title] of ['Session 4', 'Session 3', 'Session 2', 'Session 1'].entries()) {
      sessions.push(await book(title, at(24 * (4 - i) * 7)));
    }
    expect(sessions.every((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) === 2 * HOUR)).toBe(true);
    const { appointments } = (await officer.get('/api/appointments').expect(200)).body;
    const upcoming = appointments.filter((a: { caseId: string }) => a.caseId === caseId);
    expect(upcoming.map((a: Appointment) => a.title)).toEqual(['Session 1', 'Session 2', 'Session 3', 'Session 4']);
    expect(upcoming[0].case.person.name).toBe('Alex Taylor');
    // Not on another officer's agenda.
    const other = await signIn(server.app, 'officer-po');
    expect((await other.get('/api/appointments').expect(200)).body.appointments).toEqual([]);
  });

  it('should download an appointment as a calendar file with no case content beyond a link', async () => {
    const booked = await book('Session 2', '2030-03-04T10:00:00Z', 'Crawley Family Centre');
    const res = await officer.get(`/api/appointments/${booked.id}.ics`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    expect(res.headers['content-disposition']).toContain('.ics');
    const text = res.text.replace(/\r\n /g, '');
    expect(text).toContain('BEGIN:VEVENT');
    expect(text).toContain('DTSTART:20300304T100000Z');
    expect(text).toContain('DTEND:20300304T120000Z');
    expect(text).toContain('LOCATION:Crawley Family Centre');
    expect(text).toContain(`/cases/${caseId}`);
    expect(text).not.toContain('Alex Taylor');
  });

  it('should move an appointment, and refuse a change made to a version since replaced', async () => {
    const booked = await book('Session 3', '2030-03-11T10:00:00Z');
    const moved = (
      await officer.patch(`/api/appointments/${booked.id}`, { expectedVersion: 1, startsAt: '2030-03-12T14:00:00Z' })
    ).body;
    expect(moved).toMatchObject({
      version: 2,
      startsAt: '2030-03-12T14:00:00.000Z',
      endsAt: '2030-03-12T16:00:00.000Z',
    });
    const stale = await officer.patch(`/api/appointments/${booked.id}`, { expectedVersion: 1, place: 'Elsewhere' });
    expect(stale.status).toBe(409);
  });

  it('should cancel an appointment with a reason, recording who did it and when', async () => {
    const booked = await book('Session 4', '2030-03-18T10:00:00Z');
    await officer.post(`/api/appointments/${booked.id}/cancel`, { expectedVersion: 1, reason: ' ' }).expect(422);
    const cancelled = (
      await officer
        .post(`/api/appointments/${booked.id}/cancel`, { expectedVersion: 1, reason: 'The room is not available' })
        .expect(200)
    ).body as Appointment;
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.cancelled).toMatchObject({ by: 'officer-pso', reason: 'The room is not available' });
    const ics = (await officer.get(`/api/appointments/${booked.id}.ics`).expect(200)).text;
    expect(ics).toContain('STATUS:CANCELLED');
    const manager = await signIn(server.app, 'manager');
    const audit = (await manager.get(`/api/audit?caseId=${caseId}`).expect(200)).body;
    expect(JSON.stringify(audit)).toContain('appointment.cancelled');
  });

  it("should put an appointment the Team Manager books on the agenda of the case's officer", async () => {
    const manager = await signIn(server.app, 'manager');
    const { kinds } = (await manager.get(`/api/cases/${caseId}/appointments`).expect(200)).body;
    const booked = (
      await manager
        .post(`/api/cases/${caseId}/appointments`, {
          kind: kinds[2].kind,
          startsAt: '2031-01-06T10:00:00Z',
          place: 'Civic Centre, Room 2',
          delivery: 'Video call',
        })
        .expect(201)
    ).body;
    expect(booked).toMatchObject({ officer: 'officer-pso', bookedBy: 'manager' });
    const agenda = (await officer.get('/api/appointments').expect(200)).body.appointments;
    expect(agenda.map((a: Appointment) => a.id)).toContain(booked.id);
    expect((await manager.get('/api/appointments').expect(200)).body.appointments).toEqual([]);
  });

  it('should let only roles that book appointments book them', async () => {
    const socialWorker = await signIn(server.app, 'social-worker');
    const { kinds } = (await officer.get(`/api/cases/${caseId}/appointments`).expect(200)).body;
    await socialWorker
      .post(`/api/cases/${caseId}/appointments`, {
        kind: kinds[0].kind,
        startsAt: at(1),
        place: 'x',
        delivery: 'In person',
      })
      .expect(403);
  });

  it('should send attendance to the pathway, the second missed session raising the missed-sessions task', async () => {
    const future = await book('Session 1', at(2));
    await officer
      .post(`/api/appointments/${future.id}/attendance`, { expectedVersion: 1, outcome: 'attended' })
      .expect(422);

    const first = await book('Session 1', at(-50));
    const late = await officer
      .post(`/api/appointments/${first.id}/attendance`, {
        expectedVersion: 1,
        outcome: 'late',
        reason: 'The bus was late',
        feedback: 'Engaged well once there',
      })
      .expect(200);
    expect(late.body).toMatchObject({ eventSent: 'RECORD_ATTENDANCE', attendance: { outcome: 'late' } });
    // Recorded once only.
    await officer
      .post(`/api/appointments/${first.id}/attendance`, { expectedVersion: 2, outcome: 'attended' })
      .expect(422);
    // A reason is needed for a missed session.
    const second = await book('Session 2', at(-26));
    await officer
      .post(`/api/appointments/${second.id}/attendance`, { expectedVersion: 1, outcome: 'did-not-attend' })
      .expect(422);
    await officer
      .post(`/api/appointments/${second.id}/attendance`, {
        expectedVersion: 1,
        outcome: 'did-not-attend',
        reason: 'Unwell',
      })
      .expect(200);
    let tasks = (await officer.get(`/api/cases/${caseId}`).expect(200)).body.tasks as string[];
    expect(tasks.some((t) => t.startsWith('Two assessment sessions have been missed'))).toBe(false);

    const rebooked = await book('Session 2', at(-2));
    await officer
      .post(`/api/appointments/${rebooked.id}/attendance`, {
        expectedVersion: 1,
        outcome: 'did-not-attend',
        reason: 'No reply to calls',
      })
      .expect(200);
    tasks = (await officer.get(`/api/cases/${caseId}`).expect(200)).body.tasks as string[];
    expect(tasks).toContain(
      'Two assessment sessions have been missed - consider with the Team Manager whether the assessment can go on',
    );
  });
});
