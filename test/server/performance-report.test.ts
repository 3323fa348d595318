// Issue 25, item 4: the Team Manager's service performance report over HTTP, on the protocol's own definitions.
// Referrals walked through the API at set times are counted where the hand count says, in the JSON and in each CSV.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { signIn, startServer, type Client, type TestServer } from './helpers.js';

let server: TestServer;
let clock = '2026-01-05T09:00:00.000Z';
let referralForms: Record<string, Record<string, unknown>>;

beforeAll(async () => {
  server = await startServer({ definitionsDir: 'definitions', now: () => clock });
  const scenario = parse(await readFile('definitions/scenarios/one-to-one-work-to-closure.yaml', 'utf8'));
  referralForms = scenario.steps[0].forms;
  const socialWorker = await signIn(server.app, 'social-worker');
  const manager = await signIn(server.app, 'manager');
  // 1: referred 5 January, on the waiting list from 9 January, allocated 2 February.
  const first = await referral(socialWorker, manager, '2026-01-05');
  await send(manager, first, 'ACCEPT', {}, '2026-01-09');
  await send(manager, first, 'ALLOCATE', { officer: 'officer-pso' }, '2026-02-02');
  // 2: referred 3 February and declined.
  const second = await referral(socialWorker, manager, '2026-02-03');
  await send(manager, second, 'DECLINE', { reason: 'Not suitable', consultationOffered: true }, '2026-02-05');
  // 3: referred 6 February, on the waiting list from 10 February.
  const third = await referral(socialWorker, manager, '2026-02-06');
  await send(manager, third, 'ACCEPT', {}, '2026-02-10');
  clock = '2026-03-01T12:00:00.000Z';
});
afterAll(async () => server.close());

const versions = new Map<string, number>();

async function send(client: Client, id: string, type: string, data: object, day: string): Promise<void> {
  clock = `${day}T09:00:00.000Z`;
  const expectedVersion = versions.get(id)!;
  const res = await client.post(`/api/cases/${id}/events`, { type, expectedVersion, data }).expect(200);
  versions.set(id, res.body.version as number);
}

/** Sent on `day`, acknowledged and discussed the same day: waiting for the Team Manager's choice. */
async function referral(socialWorker: Client, manager: Client, day: string): Promise<string> {
  clock = `${day}T09:00:00.000Z`;
  const id = (await socialWorker.post('/api/cases', { pathway: 'referral' }).expect(201)).body.id as string;
  const sent = await socialWorker
    .post(`/api/cases/${id}/events`, { type: 'SUBMIT_REQUEST', expectedVersion: 1, forms: referralForms })
    .expect(200);
  versions.set(id, sent.body.version as number);
  await send(manager, id, 'ACKNOWLEDGE_RECEIPT', {}, day);
  await send(manager, id, 'RECORD_CASE_DISCUSSION', { date: day }, day);
  return id;
}

type Table = { id: string; title: string; columns: { title: string }[]; rows: unknown[][] };

describe('GET /api/reports/performance', () => {
  it('should count the referrals walked through, month by month, as a hand count does', async () => {
    const manager = await signIn(server.app, 'manager');
    const report = (await manager.get('/api/reports/performance?months=3').expect(200)).body;
    expect(report.months).toEqual(['2026-01', '2026-02', '2026-03']);
    // The third has waited since 10 February: 19 days on 1 March.
    expect(report.waitingNow).toEqual({ cases: 1, meanDays: 19, longestDays: 19 });
    const rows = (id: string) => (report.tables as Table[]).find((t) => t.id === id)!.rows;
    expect(rows('referrals')).toEqual([
      ['Jan 2026', 1, 0, 1],
      ['Feb 2026', 2, 1, 1],
      ['Mar 2026', 0, 0, 1],
    ]);
    // Referred 5 January, allocated 2 February: 28 days, 24 of them on the waiting list.
    expect(rows('waiting-times')[1]).toEqual(['Feb 2026', 1, 28, 24]);
    expect(rows('caseloads')).toEqual([
      ['Priya Shah', 0, 15, 0],
      ['Tom Reid', 1, 15, 7],
    ]);
    // Allocated 2 February: its six weeks have not passed on 1 March.
    expect(rows('assessments')[1]).toEqual(['Feb 2026', 1, 0, 0, 0, 1, null]);
    const outcomes = (report.tables as Table[]).find((t) => t.id === 'outcomes')!;
    expect(outcomes.columns.map((c) => c.title)).toEqual(['Month closed', 'Referral declined', 'Closed']);
    expect(outcomes.rows).toEqual([
      ['Jan 2026', 0, 0],
      ['Feb 2026', 1, 1],
      ['Mar 2026', 0, 0],
    ]);
    expect(rows('group').every((row) => row[1] === 0)).toBe(true);
  });

  it('should give each table as a CSV file with the same rows', async () => {
    const manager = await signIn(server.app, 'manager');
    const res = await manager.get('/api/reports/performance/referrals.csv?months=3').expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('referrals-2026-01-to-2026-03.csv');
    expect(res.text).toBe(
      'Month,Referrals,Allocated,On the waiting list at month end\n' +
        'Jan 2026,1,0,1\nFeb 2026,2,1,1\nMar 2026,0,0,1\n',
    );
    await manager.get('/api/reports/performance/nothing.csv').expect(404);
  });

  it('should refuse a number of months it does not take', async () => {
    const manager = await signIn(server.app, 'manager');
    const res = await manager.get('/api/reports/performance?months=99').expect(400);
    expect(res.body).toMatchObject({ code: 'bad-request', parameter: 'months' });
  });

  it('should let only a role with readPerformance read it', async () => {
    for (const username of ['social-worker', 'officer-po', 'service-manager', 'auditor']) {
      const client = await signIn(server.app, username);
      await client.get('/api/reports/performance').expect(403);
      await client.get('/api/reports/performance/referrals.csv').expect(403);
    }
    const manager = await signIn(server.app, 'manager');
    expect((await manager.get('/api/session/me').expect(200)).body.user.abilities.readPerformance).toBe(true);
  });

  it('should be documented in the OpenAPI document', async () => {
    const manager = await signIn(server.app, 'manager');
    const spec = (await manager.get('/api/openapi.json').expect(200)).body;
    expect(spec.paths).toHaveProperty(['/api/reports/performance', 'get']);
    expect(spec.paths).toHaveProperty(['/api/reports/performance/{table}.csv', 'get']);
  });
});
