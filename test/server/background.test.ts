// The server's background work: due timers fire without any request, and old drafts are purged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, signInAll, startServer, type RoleName, type TestServer } from './helpers.js';

const clock = { now: '2026-04-01T09:00:00.000Z' };
let server: TestServer;
let users: Record<RoleName, Client>;

beforeAll(async () => {
  server = await startServer({ backgroundJobs: { timerIntervalMs: 50 }, now: () => clock.now });
  users = await signInAll(server.app);
});
afterAll(async () => server.close());

async function eventually(check: () => Promise<boolean>): Promise<void> {
  const until = Date.now() + 5000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met within 5 s');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('Background jobs', () => {
  it('should fire a due timer with no request asking for it', async () => {
    const opened = await users.requester.post('/api/cases', { pathway: 'timed' }).expect(201);
    await users.requester
      .post(`/api/cases/${opened.body.id}/events`, { type: 'SUBMIT', expectedVersion: 1 })
      .expect(200);
    clock.now = '2026-04-06T09:00:00.000Z';
    await eventually(async () => (await users.requester.get(`/api/cases/${opened.body.id}`)).body.state === 'overdue');
    const shown = await users.lead.get(`/api/cases/${opened.body.id}`).expect(200);
    expect(shown.body.history.at(-1)).toMatchObject({ type: 'timer.fired', by: 'system' });
  });

  it('should purge drafts older than a day', async () => {
    clock.now = '2026-04-10T09:00:00.000Z';
    const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    await users.requester.put(`/api/cases/${opened.body.id}/drafts/request`, { data: { name: 'Sa' } }).expect(200);
    expect((await users.requester.get(`/api/cases/${opened.body.id}/drafts/request`).expect(200)).body.data).toEqual({
      name: 'Sa',
    });
    clock.now = '2026-04-11T10:00:00.000Z';
    // The purge runs hourly; a fresh server runs it at start.
    const restarted = await startServer({
      store: server.dao.services.store,
      now: () => clock.now,
      backgroundJobs: { timerIntervalMs: 1000 },
    });
    try {
      await eventually(
        async () => (await users.requester.get(`/api/cases/${opened.body.id}/drafts/request`)).status === 404,
      );
    } finally {
      await restarted.close();
    }
  });
});
