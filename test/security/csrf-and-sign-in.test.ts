// CSRF: every cookie-authenticated write is refused without the session's own token in X-CSRF-Token — missing,
// wrong, another session's, or sent anywhere but the header, and as a cross-site "simple" form post — and nothing
// changes. Sign-in rate limit: spelling the username differently or claiming another address does not reset it.
// (test/server/contract.ts and auth.test.ts cover the plain cases.)
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  PASSWORD,
  signIn,
  signInAll,
  startServer,
  USERS,
  type RoleName,
  type TestServer,
} from '../server/helpers.js';

let server: TestServer;
let users: Record<RoleName, Client>;
let caseId: string;
let files: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
  caseId = (await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body.id as string;
  files = (await users.lead.get('/api/definitions').expect(200)).body.files as Record<string, string>;
});
afterAll(async () => server.close());

type Write = [method: 'post' | 'put' | 'delete', path: string, who: RoleName, body?: object];

function writes(): Write[] {
  return [
    ['post', '/api/cases', 'requester', { pathway: 'flow' }],
    [
      'post',
      `/api/cases/${caseId}/events`,
      'requester',
      { type: 'SUBMIT', expectedVersion: 1, forms: { request: { name: 'Sam', urgent: false } } },
    ],
    ['put', `/api/cases/${caseId}/drafts/request`, 'requester', { data: { name: 'draft' } }],
    ['post', '/api/definitions/validate', 'lead', { files }],
    ['post', '/api/definitions/scenarios', 'lead', { files }],
    ['post', '/api/definitions/diff', 'lead', { files }],
    ['post', '/api/definitions/publish', 'lead', { files, note: 'csrf' }],
    ['delete', '/api/session', 'lead'],
  ];
}

function send(method: Write[0], path: string, cookie: string, headers: Record<string, string>, body?: object) {
  const test = request(server.app)[method](path).set('Cookie', cookie);
  for (const [name, value] of Object.entries(headers)) test.set(name, value);
  return body === undefined ? test : test.send(body);
}

async function state() {
  const shown = await users.lead.get(`/api/cases/${caseId}`).expect(200);
  const definitions = await users.lead.get('/api/definitions').expect(200);
  const cases = await users.lead.get('/api/cases?includeClosed=true').expect(200);
  const draft = await users.requester.get(`/api/cases/${caseId}/drafts/request`);
  return {
    version: shown.body.version,
    definitions: definitions.body.version,
    cases: cases.body.cases.length,
    draft: draft.status,
  };
}

describe('CSRF', () => {
  it('should refuse every cookie-authenticated write with a missing, wrong, foreign or misplaced token, and change nothing', async () => {
    const before = await state();
    const other = await signIn(server.app, USERS.lead);
    for (const [method, path, who, body] of writes()) {
      const { cookie, csrfToken } = users[who];
      const foreign = who === 'lead' ? users.requester.csrfToken! : other.csrfToken!;
      const attempts: [string, Record<string, string>, object | undefined, string][] = [
        ['none', {}, body, path],
        ['wrong', { 'X-CSRF-Token': 'x'.repeat(csrfToken!.length) }, body, path],
        ['empty', { 'X-CSRF-Token': '' }, body, path],
        ['another session’s', { 'X-CSRF-Token': foreign }, body, path],
        [
          'in the query',
          {},
          body,
          `${path}?csrfToken=${encodeURIComponent(csrfToken!)}&_csrf=${encodeURIComponent(csrfToken!)}`,
        ],
        ['in the body', {}, { ...body, csrfToken, _csrf: csrfToken }, path],
        ['in another header', { 'X-XSRF-Token': csrfToken!, 'CSRF-Token': csrfToken! }, body, path],
      ];
      for (const [label, headers, payload, target] of attempts) {
        const res = await send(method, target, cookie!, headers, payload);
        expect(`${method} ${path} with ${label} token → ${res.status}`).toBe(
          `${method} ${path} with ${label} token → 403`,
        );
        expect(res.body.code).toBe('csrf');
      }
    }
    expect(await state()).toEqual(before);
    // The refused sign-out did not end the session.
    await users.lead.get('/api/session/me').expect(200);
  });

  it('should refuse a cross-site form post (a "simple" request a browser sends without preflight)', async () => {
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await request(server.app)
        .post('/api/cases')
        .set('Cookie', users.requester.cookie!)
        .set('Content-Type', type)
        .set('Origin', 'https://evil.example')
        .send(type.startsWith('multipart') ? '--x--' : 'pathway=flow');
      expect(res.status, type).toBe(403);
    }
  });

  it('should accept the same writes with the right token', async () => {
    await users.requester.put(`/api/cases/${caseId}/drafts/request`, { data: { name: 'draft' } }).expect(200);
    await users.lead.post('/api/definitions/validate', { files }).expect(200);
  });

  it('should give each session its own token', async () => {
    const a = await signIn(server.app, USERS.requester);
    const b = await signIn(server.app, USERS.requester);
    expect(a.csrfToken).not.toBe(b.csrfToken);
    await new Client(server.app, '', a.cookie, b.csrfToken).post('/api/cases', { pathway: 'flow' }).expect(403);
  });
});

describe('Sign-in rate limit', () => {
  let limited: TestServer;
  beforeAll(async () => {
    limited = await startServer();
  });
  afterAll(async () => limited.close());

  const attempt = (username: string, password: string, forwardedFor?: string) => {
    const test = request(limited.app).post('/api/session');
    if (forwardedFor) test.set('X-Forwarded-For', forwardedFor);
    return test.send({ username, password });
  };

  it('should count failures across spellings of the username and claimed client addresses', async () => {
    for (let i = 0; i < 10; i++) {
      const spelling = i % 2 ? USERS.officer.toUpperCase() : USERS.officer;
      const res = await attempt(spelling, `wrong-${i}`, `203.0.113.${i}`);
      expect(res.status).toBe(401);
    }
    const refused = await attempt(USERS.officer, PASSWORD, '198.51.100.7');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect((await attempt(USERS.officer.toUpperCase(), PASSWORD)).status).toBe(429);
  });

  it('should answer a wrong password for a known and an unknown username alike', async () => {
    const known = await attempt(USERS.lead, 'wrong');
    const unknown = await attempt('nobody-at-all', 'wrong');
    expect([known.status, unknown.status]).toEqual([401, 401]);
    expect(known.body).toEqual(unknown.body);
  });
});
