// A case stays on the version of the definitions it started with: its screens read the pathway, forms and validators
// of that version with ?version=N after a newer one is published.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { Client, DEFINITIONS, importValidatorModule, signIn, startServer, USERS, type TestServer } from './helpers.js';

let server: TestServer;
let lead: Client;
let requester: Client;
let onVersion1: { id: string; version: number; definitionVersion: number };

beforeAll(async () => {
  server = await startServer();
  lead = await signIn(server.app, USERS.lead);
  requester = await signIn(server.app, USERS.requester);
  onVersion1 = (await requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
  // version 2 renames a question and makes a new one required
  const files = await readDefinitionFiles(DEFINITIONS);
  files['forms/request.yaml'] = files['forms/request.yaml']!.replace('x-version: 1', 'x-version: 2')
    .replace('required: [name, urgent]', 'required: [name, urgent, area]')
    .replace(
      '    title: Name of the person',
      '    title: Full name of the person\n  area:\n    type: string\n    title: Area',
    );
  files['pathways/flow.yaml'] = files['pathways/flow.yaml']!.replace(
    'title: Allocate\n',
    'title: Allocate to an officer\n',
  );
  // the walk-through gives the new question too: check:definitions would refuse answers the form now refuses
  files['scenarios/happy.yaml'] = files['scenarios/happy.yaml']!.replace(
    'forms: { request: { name: Sam, urgent: true } }',
    'forms: { request: { name: Sam, urgent: true, area: North } }',
  );
  expect((await lead.post('/api/definitions/publish', { files, note: 'add area' }).expect(200)).body.version).toBe(2);
});
afterAll(async () => server.close());

describe('?version=N on pathways, forms and validators', () => {
  it('should serve the version asked for, and the current one when none is named', async () => {
    expect((await requester.get('/api/forms/request').expect(200)).body.properties.name.title).toBe(
      'Full name of the person',
    );
    const v1 = (await requester.get('/api/forms/request?version=1').expect(200)).body;
    expect(v1.properties.name.title).toBe('Name of the person');
    expect(v1.properties).not.toHaveProperty('area');
    expect((await lead.get('/api/pathways/flow?version=1').expect(200)).body).toMatchObject({
      definitionVersion: 1,
      meta: { events: { ALLOCATE: { title: 'Allocate' } } },
    });
    expect((await lead.get('/api/pathways/flow').expect(200)).body).toMatchObject({
      definitionVersion: 2,
      meta: { events: { ALLOCATE: { title: 'Allocate to an officer' } } },
    });
  });

  it('should check answers with the validator of the version asked for', async () => {
    const answers = { name: 'Sam', urgent: false };
    const v1 = await importValidatorModule(
      (await requester.get('/api/forms/request/validator.js?version=1').expect(200)).text,
    );
    const v2 = await importValidatorModule(
      (await requester.get('/api/forms/request/validator.js?version=2').expect(200)).text,
    );
    expect(v1(answers)).toBe(true);
    expect(v2(answers)).toBe(false);
    expect(v2({ ...answers, area: 'East' })).toBe(true);
    await lead.get('/api/pathways/flow/events/ALLOCATE/validator.js?version=1').expect(200);
  });

  it('should take a case’s answers as the version it is on asks them, which is the version its screens read', async () => {
    // given a case opened before version 2 was published
    expect(onVersion1.definitionVersion).toBe(1);
    const form = (await requester.get(`/api/forms/request?version=${onVersion1.definitionVersion}`).expect(200)).body;
    expect(form.required).not.toContain('area');
    // when it is sent the answers that form asks for, then the server accepts them
    await requester
      .post(`/api/cases/${onVersion1.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: onVersion1.version,
        forms: { request: { name: 'Sam', urgent: false } },
      })
      .expect(200);
    // while a case opened now is on version 2 and needs the new question
    const opened = (await requester.post('/api/cases', { pathway: 'flow' }).expect(201)).body;
    expect(opened.definitionVersion).toBe(2);
    const refused = await requester
      .post(`/api/cases/${opened.id}/events`, {
        type: 'SUBMIT',
        expectedVersion: opened.version,
        forms: { request: { name: 'Sam', urgent: false } },
      })
      .expect(422);
    expect(JSON.stringify(refused.body)).toContain('area');
  });

  it('should refuse a version that is not a published one, saying which is the latest', async () => {
    expect((await requester.get('/api/forms/request?version=two').expect(400)).body.detail).toMatch(
      /version must be the number/,
    );
    expect((await requester.get('/api/forms/request?version=0').expect(400)).body.detail).toMatch(
      /version must be the number/,
    );
    expect((await requester.get('/api/forms/request?version=9').expect(404)).body.detail).toBe(
      'There is no version 9 of the definitions; the latest is 2.',
    );
  });
});
