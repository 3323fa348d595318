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
      .post(`/api/cases/${submitted.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: submitted.version,
        forms: { request: { name: 'Sam', urgent: false } },
      })
      .expect(200);
    // and a new version in which "draft" is renamed
    const files = await readDefinitionFiles(DEFINITIONS);
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace('initial: draft', 'initial: started').replace(
      '\n  draft:\n',
      '\n  started:\n',
    );
    expect(
      (await lead.post('/api/definitions/publish', { files, note: 'rename draft' }).expect(200)).body.version,
    ).toBe(2);

    // when the team manager checks first
    const dryRun = (await lead.post('/api/definitions/migrate', { dryRun: true }).expect(200)).body;
    expect(dryRun.moved).toEqual([submitted.id]);
    expect(dryRun.cannotMove).toEqual([
      expect.objectContaining({
        caseId: draft.id,
        fromVersion: 1,
        reasons: [expect.stringContaining('"draft" does not exist in the new version')],
      }),
    ]);
    // and names each case that cannot move by who it is about (its identity), for exactly those cases
    expect(Object.keys(dryRun.cases)).toEqual([draft.id]);
    expect(dryRun.cases[draft.id]).toHaveProperty('person');
    expect((await lead.get(`/api/cases/${submitted.id}`).expect(200)).body.definitionVersion).toBe(1);

    // then migrates
    const report = (await lead.post('/api/definitions/migrate', {}).expect(200)).body;
    expect(report).toMatchObject({ toVersion: 2, moved: [submitted.id] });
    expect((await lead.get(`/api/cases/${submitted.id}`).expect(200)).body).toMatchObject({
      definitionVersion: 2,
      state: 'waiting',
    });
    expect((await lead.get(`/api/cases/${draft.id}`).expect(200)).body.definitionVersion).toBe(1);
    const audit = (await lead.get('/api/audit').expect(200)).body;
    expect(JSON.stringify(audit)).toContain('cases.migrated');
  });

  it('should be refused to a role that does not manage definitions', async () => {
    await requester.post('/api/definitions/migrate', { dryRun: true }).expect(403);
  });
});

describe('answers collected before a migration', () => {
  it('should be shown with the form they were collected under, withheld where either version marks them confidential', async () => {
    // given a submitted case on the current version
    const opened = (await requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    const fromVersion = opened.definitionVersion as number;
    await requester
      .post(`/api/cases/${opened.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: opened.version,
        forms: { request: { name: 'Kim', urgent: false, secret: 'PROMISED-CONFIDENTIAL-5e1' } },
      })
      .expect(200);
    expect(JSON.stringify((await requester.get(`/api/cases/${opened.id}`).expect(200)).body)).not.toContain(
      'PROMISED-CONFIDENTIAL-5e1',
    );
    // and a new version whose request form renames its title, marks the name confidential and no longer the note
    const files = await readDefinitionFiles(DEFINITIONS);
    const form = files['forms/request.yaml']!;
    files['forms/request.yaml'] = form
      .replace(/^title: .*$/m, 'title: Request renamed')
      .replace('  name:\n    type: string\n', '  name:\n    type: string\n    x-confidential: true\n')
      .replace('    title: Private note\n    x-confidential: true\n', '    title: Private note\n');
    expect(files['forms/request.yaml']).not.toBe(form);
    // (a confidential name can no longer identify the case: the pathway stops naming it)
    files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
      '  identity:\n    person: { title: Person, name: { var: forms.request.name } }\n',
      '',
    );
    const published = (await lead.post('/api/definitions/publish', { files, note: 'request form changed' }).expect(200))
      .body.version as number;
    expect(published).toBeGreaterThan(fromVersion);
    // when the case moves to it
    await lead.post('/api/definitions/migrate', {}).expect(200);
    // then the submission keeps the version it was collected under, and that version's form is served for it
    const seen = (await lead.get(`/api/cases/${opened.id}`).expect(200)).body;
    expect(seen.definitionVersion).toBe(published);
    expect(seen.forms.request).toMatchObject({ definitionVersion: fromVersion, data: { name: 'Kim' } });
    expect((await lead.get(`/api/forms/request?version=${fromVersion}`).expect(200)).body.title).not.toBe(
      'Request renamed',
    );
    // and the referrer is shown neither the name (confidential under the new version) nor the note (under the old)
    const referrer = (await requester.get(`/api/cases/${opened.id}`).expect(200)).body;
    expect(referrer.forms.request).toMatchObject({ definitionVersion: fromVersion, data: { urgent: false } });
    expect(JSON.stringify(referrer)).not.toContain('Kim');
    expect(JSON.stringify(referrer)).not.toContain('PROMISED-CONFIDENTIAL-5e1');
    expect(seen.forms.request.data.secret).toBe('PROMISED-CONFIDENTIAL-5e1');
  });
});
