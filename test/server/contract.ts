// The minimum HTTP contract of issue 5, run against SQLite (contract.test.ts) and PostgreSQL (postgres.test.ts).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DaoOptions } from '../../server/create-dao.js';
import { Client, PASSWORD, signInAll, startServer, USERS, type RoleName, type TestServer } from './helpers.js';

const isProblem = (res: request.Response) => expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);

export function runHttpContract(label: string, options: () => Promise<DaoOptions>): void {
  describe(`HTTP contract (${label})`, () => {
    let server: TestServer;
    let users: Record<RoleName, Client>;
    beforeAll(async () => {
      server = await startServer(await options());
      users = await signInAll(server.app);
    });
    afterAll(async () => server.close());

    it('should answer the health check', async () => {
      const res = await request(server.app).get('/api/health').expect(200);
      expect(res.body.status).toBe('ok');
    });

    it('should sign in with a session cookie and a CSRF token, and refuse a wrong password with 401', async () => {
      const ok = await request(server.app)
        .post('/api/session')
        .send({ username: USERS.lead, password: PASSWORD })
        .expect(200);
      const cookie = (ok.headers['set-cookie'] as unknown as string[])[0]!;
      expect(cookie).toMatch(/^dao_session=/);
      expect(cookie).toMatch(/HttpOnly/i);
      expect(cookie).toMatch(/SameSite=Strict/i);
      expect(typeof ok.body.csrfToken).toBe('string');
      const wrong = await request(server.app)
        .post('/api/session')
        .send({ username: USERS.lead, password: 'nope' })
        .expect(401);
      isProblem(wrong);
    });

    it('should refuse a cookie-authenticated write without X-CSRF-Token with 403', async () => {
      const res = await new Client(server.app, '', users.requester.cookie)
        .post('/api/cases', { pathway: 'flow' })
        .expect(403);
      isProblem(res);
    });

    it('should open a case (201), show its allowed events, and move it with an event', async () => {
      const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
      expect(opened.body).toMatchObject({ id: expect.any(String), version: 1, state: 'draft' });
      const shown = await users.requester.get(`/api/cases/${opened.body.id}`).expect(200);
      expect(shown.body).toMatchObject({
        id: opened.body.id,
        version: 1,
        state: 'draft',
        allowedEvents: expect.any(Array),
      });
      const moved = await users.requester
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'SUBMIT',
          expectedVersion: 1,
          data: {},
          forms: { request: { name: 'Sam', urgent: false } },
        })
        .expect(200);
      expect(moved.body).toMatchObject({ version: 2, state: 'waiting' });
      const stale = await users.lead
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'ALLOCATE',
          expectedVersion: 1,
          data: { officer: USERS.officer },
        })
        .expect(409);
      isProblem(stale);
      expect(stale.body.currentVersion).toBe(2);
    });

    it('should refuse an event not allowed here with 422 listing allowedEvents', async () => {
      const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
      const res = await users.lead
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'ALLOCATE',
          expectedVersion: 1,
          data: { officer: USERS.officer },
        })
        .expect(422);
      isProblem(res);
      expect(res.body).toMatchObject({ status: 422, code: 'event-not-allowed', allowedEvents: [] });
    });

    it('should refuse invalid answers with 422, field errors and allowedEvents', async () => {
      const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
      const res = await users.requester
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'SUBMIT',
          expectedVersion: 1,
          data: {},
          forms: { request: { urgent: true } },
        })
        .expect(422);
      isProblem(res);
      expect(res.body.errors).toEqual({ name: [expect.any(String)] });
      expect(Array.isArray(res.body.allowedEvents)).toBe(true);
    });

    it('should refuse a body over 1 MB with 413', async () => {
      const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
      const res = await users.requester
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'SUBMIT',
          expectedVersion: 1,
          data: { padding: 'x'.repeat(1_100_000) },
        })
        .expect(413);
      isProblem(res);
    });

    it('should answer 401 without a session and 403 for the wrong role, as problems', async () => {
      isProblem(await request(server.app).get('/api/cases').expect(401));
      isProblem(await request(server.app).post('/api/cases').send({ pathway: 'flow' }).expect(401));
      isProblem(await users.requester.get('/api/definitions').expect(403));
      isProblem(await users.lead.post('/api/cases', { pathway: 'flow' }).expect(403));
    });

    it('should answer unknown API paths with a 404 problem', async () => {
      isProblem(await users.lead.get('/api/nothing-here').expect(404));
    });
  });
}
