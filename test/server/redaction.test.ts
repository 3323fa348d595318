// Confidentiality: every GET endpoint, as every role and for the person referred, never carries a confidential value
// to a reader not cleared for it; the cleared role sees each one, and its reads are audited without the content.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Client,
  SECRETS,
  caseWithEverything,
  signInAll,
  startServer,
  type RoleName,
  type TestServer,
} from './helpers.js';

let server: TestServer;
let users: Record<RoleName, Client>;
let caseId: string;
let report: string;

beforeAll(async () => {
  server = await startServer();
  users = await signInAll(server.app);
  ({ id: caseId, report } = await caseWithEverything(users));
  // Each filler keeps a draft with confidential answers in it.
  await users.officer
    .put(`/api/cases/${caseId}/drafts/report`, { data: { summary: 'draft', privateNote: SECRETS.report } })
    .expect(200);
  await users.requester
    .put(`/api/cases/${caseId}/drafts/request`, { data: { name: 'Sam', secret: SECRETS.request } })
    .expect(200);
});
afterAll(async () => server.close());

function endpoints(): string[] {
  const doc = `/api/cases/${caseId}/documents/${report}`;
  return [
    '/api/session/me',
    '/api/pathways',
    '/api/pathways/flow',
    `/api/pathways/flow/diagram?case=${caseId}`,
    '/api/forms/request',
    '/api/forms/report',
    '/api/forms/notes',
    '/api/cases',
    '/api/cases?filter=mine',
    '/api/cases?filter=waiting',
    '/api/cases?filter=all&includeClosed=true',
    '/api/cases/allocation-queue',
    `/api/cases/${caseId}`,
    doc,
    `${doc}/print`,
    `${doc}?audience=person-referred`,
    `${doc}/print?audience=person-referred`,
    `/api/cases/${caseId}/drafts/request`,
    `/api/cases/${caseId}/drafts/report`,
    `/api/cases/${caseId}/drafts/notes`,
    '/api/definitions',
    '/api/definitions/diff',
    '/api/audit',
    '/api/openapi.json',
  ];
}

async function everythingSeenBy(client: Client, filter: (path: string) => boolean = () => true): Promise<string> {
  const bodies: string[] = [];
  for (const path of endpoints().filter(filter)) {
    const res = await client.get(path);
    expect(res.status, path).toBeLessThan(500);
    bodies.push(`${path} ${res.status}\n${res.text}`);
  }
  return bodies.join('\n');
}

describe('Redaction', () => {
  it.each(['requester', 'officer'] as const)('should never show a confidential value to the %s', async (role) => {
    const seen = await everythingSeenBy(users[role]);
    for (const secret of Object.values(SECRETS)) expect(seen).not.toContain(secret);
  });

  it('should withhold confidential parts from what is shared with the person referred, even when the lead prints it', async () => {
    const seen = await everythingSeenBy(users.lead, (path) => path.includes('audience=person-referred'));
    expect(seen).toContain('All well');
    for (const secret of Object.values(SECRETS)) expect(seen).not.toContain(secret);
  });

  it('should show the cleared role every confidential value, and audit that it did without the content', async () => {
    const caseBody = (await users.lead.get(`/api/cases/${caseId}`).expect(200)).text;
    for (const secret of Object.values(SECRETS)) expect(caseBody).toContain(secret);
    const printed = (await users.lead.get(`/api/cases/${caseId}/documents/${report}/print`).expect(200)).text;
    expect(printed).toContain(SECRETS.report);
    const audit = await users.lead.get(`/api/audit?caseId=${caseId}`).expect(200);
    const reads = (audit.body.entries as { action: string; userId: string; detail: { forms: string[] } }[]).filter(
      (e) => e.action === 'confidential.read',
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads[0]!.userId).toBe('lead-a');
    expect(reads.flatMap((r) => r.detail.forms)).toEqual(expect.arrayContaining(['notes', 'report', 'request']));
    for (const secret of Object.values(SECRETS)) expect(audit.text).not.toContain(secret);
  });

  it('should keep confidential values out of values copied from answers', async () => {
    const officer = await users.officer.get(`/api/cases/${caseId}`).expect(200);
    expect(officer.body.values).not.toHaveProperty('secretCopy');
    expect(officer.body.values).toHaveProperty('urgent', true);
    expect(officer.body.forms.request.data).toEqual({ name: 'Sam', urgent: true });
    expect(officer.body.forms).not.toHaveProperty('notes');
  });

  it('should never write answers or confidential values to the log', async () => {
    await everythingSeenBy(users.lead);
    const log = server.logs.join('');
    expect(log).toContain('"path"');
    for (const secret of Object.values(SECRETS)) expect(log).not.toContain(secret);
    expect(log).not.toContain('All well');
    expect(log).not.toContain(users.lead.cookie!.split('=')[1]);
  });

  it('should serve the schema without confidential fields to a role not cleared, and withhold a confidential form', async () => {
    const schema = (await users.officer.get('/api/forms/request').expect(200)).body;
    expect(Object.keys(schema.properties)).toEqual(['name', 'urgent']);
    expect(schema.title).toBe('Request in Exampleshire');
    await users.officer.get('/api/forms/notes').expect(403);
    expect(Object.keys((await users.lead.get('/api/forms/request').expect(200)).body.properties)).toContain('secret');
  });

  it('should escape every answer in the print view', async () => {
    const current = (await users.officer.get(`/api/cases/${caseId}`).expect(200)).body;
    await users.officer
      .post(`/api/cases/${caseId}/events`, {
        expectedVersion: current.version,
        forms: { report: { summary: '<script>alert("x")</script> & more' } },
      })
      .expect(200);
    const printed = (await users.officer.get(`/api/cases/${caseId}/documents/${report}/print`).expect(200)).text;
    expect(printed).not.toContain('<script>');
    expect(printed).toContain('&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more');
  });
});
