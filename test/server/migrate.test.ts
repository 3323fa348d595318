// Moving in-flight cases onto a newly published version, over HTTP: checked first (dry run), then explicit and audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { Client, DEFINITIONS, signIn, startServer, USERS, type TestServer } from './helpers.js';

let server: TestServer;
let lead: Client;
let requester: Client;

beforeAll(async () => {
  server = await startServer();
  lead = await signIn(server.app, USERS.lead);
  requester = await signIn(server.app, USERS.requester);
});
afterAll(async () => server.close());

describe('POST /api/definitions/migrate', () => {
  it('should move the cases whose state still exists and say why the others cannot move', async () => {
    // given one case still in "draft" and one submitted to "waiting"
    const draft = (await requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    const submitted = (await requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    await requester
      .post(`/api/cases/${submitted.id}/events`, { type: 'SUBMIT', expectedVersion: submitted.version, forms: { request: { name: 'Sam', urgent: false } } })
      .expect(200);
    // and a new version in which "draft" is renamed
    const files = await readDefinitionFiles(DEFINITIONS);
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace('initial: draft', 'initial: started').replace('\n  draft:\n', '\n  started:\n');
    expect((await lead.post('/api/definitions/publish', { files, note: 'rename draft' }).expect(200)).body.version).toBe(2);

    // when the team manager checks first
    const dryRun = (await lead.post('/api/definitions/migrate', { dryRun: true }).expect(200)).body;
    expect(dryRun.moved).toEqual([submitted.id]);
    expect(dryRun.cannotMove).toEqual([expect.objectContaining({ caseId: draft.id, fromVersion: 1, reasons: [expect.stringContaining('"draft" does not exist in the new version')] })]);
    expect((await lead.get(`/api/cases/${submitted.id}`).expect(200)).body.definitionVersion).toBe(1);

    // then migrates
    const report = (await lead.post('/api/definitions/migrate', {}).expect(200)).body;
    expect(report).toMatchObject({ toVersion: 2, moved: [submitted.id] });
    expect((await lead.get(`/api/cases/${submitted.id}`).expect(200)).body).toMatchObject({ definitionVersion: 2, state: 'waiting' });
    expect((await lead.get(`/api/cases/${draft.id}`).expect(200)).body.definitionVersion).toBe(1);
    const audit = (await lead.get('/api/audit').expect(200)).body;
    expect(JSON.stringify(audit)).toContain('cases.migrated');
  });

  it('should be refused to a role that does not manage definitions', async () => {
    await requester.post('/api/definitions/migrate', { dryRun: true }).expect(403);
  });
});
