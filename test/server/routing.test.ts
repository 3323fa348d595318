// Route groups are only looked through for paths under their prefix; the paths Express accepts stay accepted.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startServer, USERS, type TestServer } from './helpers.js';

describe('routing', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server.close());

  it('should route paths in any letter case and with a trailing slash, as Express does', async () => {
    const lead = await signIn(server.app, USERS.lead);
    await request(server.app).get('/API/Health').expect(200);
    await request(server.app).get('/api/openapi.json').expect(200);
    expect((await lead.get('/api/cases/').expect(200)).body.cases).toEqual([]);
    expect((await lead.get('/API/Cases/Allocation-Queue/').expect(200)).body.cases).toEqual([]);
    expect((await lead.get('/Api/Session/Me').expect(200)).body.user.username).toBe(USERS.lead);
    const requester = await signIn(server.app, USERS.requester);
    const opened = await requester.post('/API/CASES', { pathway: 'flow' }).expect(201);
    await requester.get(`/api/Cases/${opened.body.id}`).expect(200);
    await lead.get(`/api/audit?caseId=${opened.body.id}`).expect(200);
  });

  it('should answer a path no group has with a 404 problem', async () => {
    const lead = await signIn(server.app, USERS.lead);
    const missing = await lead.get('/api/casesx').expect(404);
    expect(missing.headers['content-type']).toMatch(/problem\+json/);
    await lead.get('/api/nothing-here').expect(404);
  });

  it('should ask for sign-in anywhere under /api/cases, whatever the method or path', async () => {
    for (const [method, path] of [
      ['get', '/api/cases'],
      ['put', '/api/cases'],
      ['get', '/api/cases/allocation-queue'],
      ['get', '/api/cases/x'],
      ['post', '/api/cases/x/events'],
      ['get', '/api/cases/x/no-such-thing'],
      ['delete', '/API/Cases/x/'],
    ] as const) {
      const res = await request(server.app)[method](path).expect(401);
      expect(res.body.code, `${method} ${path}`).toBe('not-signed-in');
    }
  });
});
