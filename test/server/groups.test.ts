// Groups over HTTP (issue 25 item 2): a Better Me, Better Us group of 14 sessions with three members from three cases;
// attendance taken once per session (one member misses session 2 and attends its catch-up session, one is late to
// session 5) lands on each member's case, and each Post-Programme Report's attendance is counted from it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readScenario, seedScenario, stepsThrough, type Scenario } from '../browser/support/app-seed.js';
import { signIn, startServer, type Client, type TestServer } from './helpers.js';

let server: TestServer;
let scenario: Scenario;
let facilitator: Client;
const members: string[] = [];

beforeAll(async () => {
  server = await startServer({ definitionsDir: 'definitions' });
  scenario = await readScenario('better-me-better-us');
  const count = stepsThrough(scenario, 'CHOOSE_INTERVENTION');
  for (const name of ['Alex Taylor', 'Jordan Smith', 'Casey Brown']) {
    members.push(await seedScenario(server.dao, scenario, count, { name }));
  }
  facilitator = await signIn(server.app, 'officer-po');
});
afterAll(async () => server.close());

interface Group {
  id: string;
  version: number;
  title: string;
  sessions: { number: number; catchUp: boolean; startsAt: string; attendance: Record<string, { outcome: string }> }[];
  memberCases: { caseId: string; case: { person: { name: string } } | null }[];
}

describe('Groups', () => {
  it('should declare the group of the definitions, with its 14 sessions', async () => {
    const { kinds } = (await facilitator.get('/api/groups').expect(200)).body;
    expect(kinds).toEqual([
      expect.objectContaining({ title: 'Better Me, Better Us', sessions: 14, durationMinutes: 120 }),
    ]);
  });

  it('should let only roles that run groups see or set them up', async () => {
    const socialWorker = await signIn(server.app, 'social-worker');
    await socialWorker.get('/api/groups').expect(403);
  });

  it("should run a 14-session group of three members and fill each Post-Programme Report's attendance", async () => {
    const { kinds } = (await facilitator.get('/api/groups').expect(200)).body;
    let group = (
      await facilitator
        .post('/api/groups', {
          kind: kinds[0].kind,
          facilitators: ['officer-po', 'officer-pso'],
          firstSessionAt: '2026-03-02T18:00:00Z',
          place: 'Crawley Family Centre',
        })
        .expect(201)
    ).body as Group;
    expect(group.sessions).toHaveLength(14);
    // Only people of the roles the group names facilitate it.
    await facilitator
      .post('/api/groups', {
        kind: kinds[0].kind,
        facilitators: ['social-worker'],
        firstSessionAt: '2026-03-02T18:00:00Z',
        place: 'Crawley Family Centre',
      })
      .expect(422);
    expect(group.sessions[1]!.startsAt).toBe('2026-03-09T18:00:00.000Z');

    for (const caseId of members) {
      group = (await facilitator.post(`/api/groups/${group.id}/members`, { expectedVersion: group.version, caseId }))
        .body;
    }
    expect(group.memberCases.map((m) => m.case?.person.name)).toEqual(['Alex Taylor', 'Jordan Smith', 'Casey Brown']);
    // A member twice, or a stale version, is refused.
    await facilitator
      .post(`/api/groups/${group.id}/members`, { expectedVersion: group.version, caseId: members[0] })
      .expect(422);
    await facilitator
      .post(`/api/groups/${group.id}/members`, { expectedVersion: group.version - 1, caseId: members[0] })
      .expect(409);

    const [alex, jordan, casey] = members as [string, string, string];
    const take = async (number: number, attendance: Record<string, { outcome: string; reason?: string }>) => {
      group = (
        await facilitator
          .post(`/api/groups/${group.id}/sessions/${number}/attendance`, { expectedVersion: group.version, attendance })
          .expect((r) => expect(r.body.detail ?? '').toBe(''))
      ).body;
    };
    for (let number = 1; number <= 14; number++) {
      await take(number, {
        [alex]: { outcome: 'attended' },
        [jordan]: number === 2 ? { outcome: 'did-not-attend', reason: 'Working late' } : { outcome: 'attended' },
        [casey]: number === 5 ? { outcome: 'late', reason: 'Traffic' } : { outcome: 'attended' },
      });
    }
    // Taken once: a second time for the same session is refused.
    await facilitator
      .post(`/api/groups/${group.id}/sessions/1/attendance`, {
        expectedVersion: group.version,
        attendance: { [alex]: { outcome: 'attended' } },
      })
      .expect(422);
    group = (
      await facilitator
        .post(`/api/groups/${group.id}/sessions`, {
          expectedVersion: group.version,
          catchUpFor: 2,
          startsAt: '2026-03-12T18:00:00Z',
          place: 'Crawley Family Centre',
        })
        .expect(200)
    ).body;
    const catchUp = group.sessions.find((s) => s.catchUp)!;
    await take(catchUp.number, { [jordan]: { outcome: 'attended' } });

    const expected = {
      [alex]: { sessionsAttended: 14, absences: 0, catchUpSessionsAttended: 0 },
      [jordan]: { sessionsAttended: 13, absences: 1, catchUpSessionsAttended: 1 },
      [casey]: { sessionsAttended: 14, absences: 0, catchUpSessionsAttended: 0 },
    };
    const complete = scenario.steps.find((s) => s.send === 'COMPLETE_INTERVENTION')!;
    const report = scenario.steps.find(
      (s) => s.send === 'SUBMIT_FOR_AUDIT' && s.to?.document === 'post-programme-report',
    )!;
    for (const caseId of members) {
      let body = (await facilitator.get(`/api/cases/${caseId}`).expect(200)).body;
      body = (
        await facilitator
          .post(`/api/cases/${caseId}/events`, { expectedVersion: body.version, type: complete.send })
          .expect(200)
      ).body;
      const document = (body.instances as { id: string; form?: string }[]).find(
        (i) => i.form === 'post-programme-report',
      )!;
      await facilitator
        .post(`/api/cases/${caseId}/events`, {
          expectedVersion: body.version,
          type: report.send,
          instance: document.id,
          forms: report.forms,
        })
        .expect((r) => expect([r.status, r.body.detail, r.body.errors]).toEqual([200, undefined, undefined]));
      const { record } = await server.dao.services.cases.load(caseId, { id: 'officer-po', role: 'dao-po' });
      const snapshot = record.snapshot as {
        instances: Record<string, { answers?: { data: { attendance: unknown } } }>;
      };
      expect(snapshot.instances[document.id]!.answers!.data.attendance).toEqual(expected[caseId]);
    }
  });

  it('should keep the attendance of the members before one whose case refuses it, and only theirs', async () => {
    const count = stepsThrough(scenario, 'CHOOSE_INTERVENTION');
    const [kept, moved] = [
      await seedScenario(server.dao, scenario, count, { name: 'Sam Green' }),
      await seedScenario(server.dao, scenario, count, { name: 'Robin Black' }),
    ];
    const { kinds } = (await facilitator.get('/api/groups').expect(200)).body;
    let group = (
      await facilitator
        .post('/api/groups', {
          kind: kinds[0].kind,
          facilitators: ['officer-po'],
          firstSessionAt: '2026-09-07T18:00:00Z',
          place: 'Horsham Library',
        })
        .expect(201)
    ).body as Group;
    for (const caseId of [kept, moved]) {
      group = (await facilitator.post(`/api/groups/${group.id}/members`, { expectedVersion: group.version, caseId }))
        .body;
    }
    // A case past the member stage cannot join.
    await facilitator
      .post(`/api/groups/${group.id}/members`, { expectedVersion: group.version, caseId: members[0] })
      .expect(422);
    // One member's case moves on before the session's attendance is taken.
    const body = (await facilitator.get(`/api/cases/${moved}`).expect(200)).body;
    await facilitator
      .post(`/api/cases/${moved}/events`, { expectedVersion: body.version, type: 'COMPLETE_INTERVENTION' })
      .expect(200);
    await facilitator
      .post(`/api/groups/${group.id}/sessions/1/attendance`, {
        expectedVersion: group.version,
        attendance: { [kept]: { outcome: 'attended' }, [moved]: { outcome: 'attended' } },
      })
      .expect(422);
    group = (await facilitator.get(`/api/groups/${group.id}`).expect(200)).body;
    expect(Object.keys(group.sessions[0]!.attendance)).toEqual([kept]);
    const values = (await facilitator.get(`/api/cases/${kept}`).expect(200)).body.values;
    expect(values.sessionsAttended).toEqual([1]);
  });
});
