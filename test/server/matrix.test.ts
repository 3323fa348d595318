// Role × endpoint: who gets what status, everything decided by roles.yaml (visibility, send, fill, read, abilities).
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import {
  Client,
  DEFINITIONS,
  caseWithEverything,
  signInAll,
  startServer,
  type RoleName,
  type TestServer,
} from './helpers.js';

type Who = RoleName | 'anonymous';
type Row = [
  method: 'get' | 'post' | 'put' | 'delete',
  path: string,
  body: object | undefined,
  expected: Record<Who, number>,
];

let server: TestServer;
let users: Record<RoleName, Client>;
let ids: { id: string; report: string; otherCase: string };
let files: Record<string, string>;

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
  const { id, report } = await caseWithEverything(users);
  // A case the officer is not allocated to.
  const other = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
  ids = { id, report, otherCase: other.body.id as string };
  files = await readDefinitionFiles(DEFINITIONS);
});
afterAll(async () => server.close());

const all = (status: number, anonymous = 401): Record<Who, number> => ({
  requester: status,
  officer: status,
  lead: status,
  anonymous,
});

function rows(): Row[] {
  const { id, report, otherCase } = ids;
  return [
    ['get', '/api/health', undefined, all(200, 200)],
    ['get', '/api/openapi.json', undefined, all(200, 200)],
    ['get', '/api/session/me', undefined, all(200)],
    ['get', '/api/pathways', undefined, all(200)],
    ['get', '/api/pathways/flow', undefined, all(200)],
    ['get', '/api/pathways/flow/diagram', undefined, all(200)],
    ['get', '/api/forms/request', undefined, all(200)],
    ['get', '/api/forms/report', undefined, { requester: 403, officer: 200, lead: 200, anonymous: 401 }],
    ['get', '/api/forms/notes', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['get', '/api/forms/request/types.ts', undefined, all(200)],
    ['get', '/api/forms/notes/types.ts', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['post', '/api/cases', { pathway: 'flow' }, { requester: 201, officer: 403, lead: 403, anonymous: 401 }],
    ['get', '/api/cases', undefined, all(200)],
    ['get', '/api/cases?filter=mine', undefined, all(200)],
    ['get', '/api/cases/allocation-queue', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['get', `/api/cases/${id}`, undefined, all(200)],
    ['get', `/api/cases/${otherCase}`, undefined, { requester: 200, officer: 404, lead: 200, anonymous: 401 }],
    [
      'post',
      `/api/cases/${otherCase}/events`,
      { type: 'SUBMIT', expectedVersion: 1, forms: { request: { name: 'A', urgent: false } } },
      { requester: 200, officer: 404, lead: 409, anonymous: 401 },
    ],
    [
      'put',
      `/api/cases/${id}/drafts/report`,
      { data: { summary: 'x' } },
      { requester: 403, officer: 200, lead: 403, anonymous: 401 },
    ],
    [
      'get',
      `/api/cases/${id}/documents/${report}`,
      undefined,
      { requester: 403, officer: 200, lead: 200, anonymous: 401 },
    ],
    [
      'get',
      `/api/cases/${id}/documents/${report}/print`,
      undefined,
      { requester: 403, officer: 200, lead: 200, anonymous: 401 },
    ],
    ['get', '/api/definitions', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['post', '/api/definitions/validate', { files }, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['post', '/api/definitions/scenarios', { files }, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['get', '/api/definitions/diff', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['post', '/api/definitions/publish', { files }, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
    ['get', '/api/audit', undefined, { requester: 403, officer: 403, lead: 200, anonymous: 401 }],
  ];
}

describe('Role × endpoint matrix', () => {
  it('should give each role exactly the statuses roles.yaml implies', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of rows()) {
      for (const who of ['requester', 'officer', 'lead', 'anonymous'] as const) {
        const client = who === 'anonymous' ? undefined : users[who];
        const req = client ? client[method](path, body) : request(server.app)[method](path).send(body);
        const res = await req;
        got.push(`${who} ${method.toUpperCase()} ${path} → ${res.status}`);
        want.push(`${who} ${method.toUpperCase()} ${path} → ${expected[who]}`);
        if (res.status >= 400) expect(res.headers['content-type'], `${who} ${path}`).toMatch(/problem\+json/);
      }
    }
    expect(got).toEqual(want);
  });
});
