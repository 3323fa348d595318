// Issue 21: a write with nothing in it — `{ expectedVersion, forms: {} }` — is refused with a 400 that says so, and
// stores nothing: no event in the log, the same version.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInAll, startServer, type TestServer } from './helpers.js';

describe('POST /api/cases/:id/events with nothing in it', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('should be refused as empty-change and store nothing', async () => {
    const users = await signInAll(server.app);
    const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    const id = opened.body.id as string;
    for (const body of [
      { expectedVersion: 1, forms: {} },
      { expectedVersion: 1 },
      { expectedVersion: 1, type: '', forms: {} },
    ]) {
      const refused = await users.requester.post(`/api/cases/${id}/events`, body).expect(400);
      expect(refused.body).toMatchObject({ type: 'urn:dao-pathways:problem:empty-change', status: 400 });
    }
    const after = await users.requester.get(`/api/cases/${id}`).expect(200);
    expect(after.body.version).toBe(1);
    expect(after.body.history.map((h: { type: string }) => h.type)).toEqual(['case.opened']);
  });
});
