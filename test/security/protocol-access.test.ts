// Role × endpoint with the protocol's own roles.yaml (six roles, a read-only auditor, a service manager who sees all
// cases but few forms, two officers of whom only one is allocated): each gets exactly the status its entry implies.
// (test/server/matrix.test.ts walks every endpoint with the three roles of the test definitions.)
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestServer } from '../server/helpers.js';
import {
  caseWithRiskAssessment,
  PROTOCOL_USERS,
  signInProtocolUsers,
  startProtocolServer,
  type ProtocolUser,
} from './protocol-walk.js';

type Who = ProtocolUser | 'anonymous';
type Row = [
  method: 'get' | 'post' | 'put',
  path: string,
  body: object | undefined,
  expected: Partial<Record<Who, number>> & { others: number },
];

let server: TestServer;
let users: Record<ProtocolUser, Client>;
let caseId: string;
let docs: Record<string, string>;
let files: Record<string, string>;

beforeAll(async () => {
  server = await startProtocolServer();
  users = await signInProtocolUsers(server);
  const walked = await caseWithRiskAssessment(users);
  caseId = walked.caseId;
  docs = Object.fromEntries(walked.documents.map((d) => [d.form, d.id]));
  await users['officer-pso']
    .put(`/api/cases/${caseId}/drafts/risk-assessment-confidential`, { data: { confidentialInformation: 'draft' } })
    .expect(200);
  files = (await users.manager.get('/api/definitions').expect(200)).body.files as Record<string, string>;
}, 120_000);
afterAll(async () => server.close());

const NOT_ALLOCATED = 404;
const NOT_SHARED_YET = { 'social-worker': 403, 'service-manager': 403 };

function rows(): Row[] {
  const caseAt = `/api/cases/${caseId}`;
  const confidential = `${caseAt}/documents/${docs['risk-assessment-confidential']}`;
  const shared = `${caseAt}/documents/${docs['risk-assessment']}`;
  return [
    ['get', '/api/cases', undefined, { others: 200 }],
    [
      'get',
      '/api/cases/allocation-queue',
      undefined,
      { manager: 200, 'service-manager': 200, auditor: 200, others: 403 },
    ],
    ['post', '/api/cases', { pathway: 'referral' }, { 'social-worker': 201, manager: 201, others: 403 }],
    ['get', caseAt, undefined, { 'officer-po': NOT_ALLOCATED, others: 200 }],
    ['post', `${caseAt}/events`, { type: 'ENDORSE_URGENT', data: {} }, { 'officer-po': NOT_ALLOCATED, others: 422 }],
    ['get', '/api/forms/request-for-service', undefined, { others: 200 }],
    [
      'get',
      '/api/forms/risk-assessment-confidential',
      undefined,
      { manager: 200, 'officer-po': 200, 'officer-pso': 200, others: 403 },
    ],
    [
      'get',
      '/api/forms/risk-assessment-confidential/validator.js',
      undefined,
      { manager: 200, 'officer-po': 200, 'officer-pso': 200, others: 403 },
    ],
    [
      'get',
      '/api/forms/risk-assessment-audit',
      undefined,
      { 'social-worker': 403, 'service-manager': 403, others: 200 },
    ],
    // Submitted for audit, not final: report.yaml shares it with the social worker, the service manager and the
    // person referred only once it is final.
    ['get', shared, undefined, { 'officer-po': NOT_ALLOCATED, ...NOT_SHARED_YET, others: 200 }],
    ['get', `${shared}/print`, undefined, { 'officer-po': NOT_ALLOCATED, ...NOT_SHARED_YET, others: 200 }],
    ['get', `${shared}/print?audience=person-referred`, undefined, { 'officer-po': NOT_ALLOCATED, others: 403 }],
    ['get', confidential, undefined, { manager: 200, 'officer-pso': 200, 'officer-po': NOT_ALLOCATED, others: 403 }],
    [
      'get',
      `${confidential}/print`,
      undefined,
      { manager: 200, 'officer-pso': 200, 'officer-po': NOT_ALLOCATED, others: 403 },
    ],
    ['get', `${confidential}/print?audience=person-referred`, undefined, { 'officer-po': NOT_ALLOCATED, others: 403 }],
    [
      'put',
      `${caseAt}/drafts/request-for-service`,
      { data: { urgent: true } },
      { 'social-worker': 200, manager: 200, 'officer-po': NOT_ALLOCATED, others: 403 },
    ],
    [
      'put',
      `${caseAt}/drafts/risk-assessment-confidential`,
      { data: { daOfficer: 'x' } },
      { 'officer-pso': 200, 'officer-po': NOT_ALLOCATED, others: 403 },
    ],
    [
      'get',
      `${caseAt}/drafts/risk-assessment-confidential`,
      undefined,
      { 'officer-pso': 200, 'officer-po': NOT_ALLOCATED, others: 404 },
    ],
    ['get', '/api/audit', undefined, { manager: 200, auditor: 200, others: 403 }],
    ['get', `/api/audit?caseId=${caseId}`, undefined, { manager: 200, auditor: 200, others: 403 }],
    ['get', '/api/definitions', undefined, { manager: 200, others: 403 }],
    ['post', '/api/definitions/validate', { files }, { manager: 200, others: 403 }],
    ['post', '/api/definitions/diff', { files }, { manager: 200, others: 403 }],
  ].map(([method, path, body, expected]) => [method, path, body, { anonymous: 401, ...(expected as object) }] as Row);
}

describe('Role × endpoint matrix (protocol roles)', () => {
  it('should give each protocol role exactly the statuses roles.yaml implies', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of rows()) {
      for (const who of [...PROTOCOL_USERS, 'anonymous'] as const) {
        let payload = body;
        // Events carry the version this person would have loaded.
        if (path.endsWith('/events') && who !== 'anonymous') {
          payload = { ...body, expectedVersion: (await users.manager.get(`/api/cases/${caseId}`)).body.version };
        }
        const res =
          who === 'anonymous'
            ? await request(server.app)[method](path).send(payload)
            : await users[who][method](path, payload);
        got.push(`${who} ${method.toUpperCase()} ${path} → ${res.status}`);
        want.push(`${who} ${method.toUpperCase()} ${path} → ${expected[who] ?? expected.others}`);
        expect(res.status, `${who} ${path}: ${res.text.slice(0, 200)}`).toBeLessThan(500);
      }
    }
    expect(got).toEqual(want);
  });
});
