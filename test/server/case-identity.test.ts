// Issue 19: a case is named by who it is about. The case response carries its identity (what the pathway's
// meta.identity declares, as the summary keeps it) for every reader who may see the case, without any part read from
// a form that reader may not read — as the lists and the audit log name it — and never for one who may not see it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { hashPassword } from '../../server/services/passwords.js';
import {
  DEFINITIONS,
  PASSWORD,
  signIn,
  signInAll,
  startServer,
  type Client,
  type RoleName,
  type TestServer,
} from './helpers.js';

const NAME = 'Ezra Quillfeather';

/** A case on the flow, sent in with a request naming the person. */
async function sentCase(requester: Client): Promise<string> {
  const opened = await requester.post('/api/cases', { pathway: 'flow' }).expect(201);
  const forms = { request: { name: NAME, urgent: false } };
  const submit = { type: 'SUBMIT', expectedVersion: 1, forms };
  await requester.post(`/api/cases/${opened.body.id}/events`, submit).expect(200);
  return opened.body.id as string;
}

async function addUser(server: TestServer, username: string, role: string): Promise<Client> {
  const passwordHash = await hashPassword(PASSWORD);
  await server.dao.services.store.upsertUser({ username, displayName: username, role, passwordHash, demo: false });
  return signIn(server.app, username);
}

describe('the identity of a case', () => {
  let server: TestServer;
  let users: Record<RoleName, Client>;
  let id: string;
  const shown = { person: { title: 'Person', name: NAME, dateOfBirth: null }, caseNumber: null, people: [] };

  beforeAll(async () => {
    server = await startServer();
    users = await signInAll(server.app);
    id = await sentCase(users.requester);
    const allocate = { type: 'ALLOCATE', expectedVersion: 2, data: { officer: 'officer-a' } };
    await users.lead.post(`/api/cases/${id}/events`, allocate).expect(200);
  });
  afterAll(async () => server.close());

  it('should be in the case response for the referrer, the officer and the lead, as lists show it', async () => {
    for (const who of [users.requester, users.officer, users.lead]) {
      const body = (await who.get(`/api/cases/${id}`).expect(200)).body;
      expect(body.identity).toEqual(shown);
      const { cases } = (await who.get('/api/cases').expect(200)).body;
      const listed = cases.find((c: { id: string }) => c.id === id);
      expect({ person: listed.person, caseNumber: listed.caseNumber, people: listed.people }).toEqual(body.identity);
    }
  });

  it('should be in the response to an event, from the answers that event brought', async () => {
    const opened = await users.requester.post('/api/cases', { pathway: 'flow' }).expect(201);
    expect(opened.body.identity).toEqual({ ...shown, person: { ...shown.person, name: null } });
    const forms = { request: { name: 'Ada Byrne', urgent: false } };
    const sent = await users.requester
      .post(`/api/cases/${opened.body.id}/events`, { type: 'SUBMIT', expectedVersion: 1, forms })
      .expect(200);
    expect(sent.body.identity.person.name).toBe('Ada Byrne');
  });

  it('should never reach someone who may not see the case', async () => {
    const stranger = await addUser(server, 'requester-stranger', 'requester');
    const refused = await stranger.get(`/api/cases/${id}`);
    expect(refused.status).toBe(404);
    expect(refused.text).not.toContain(NAME);
    const list = await stranger.get('/api/cases').expect(200);
    expect(list.text).not.toContain(NAME);
  });

  it('should name the cases of the audit log by who they are about', async () => {
    const body = (await users.lead.get(`/api/audit?caseId=${id}`).expect(200)).body;
    expect(body.entries.length).toBeGreaterThan(0);
    expect(body.cases).toEqual({ [id]: shown });
  });

  it('should leave out what is read from a form the reader may not read, in the case and its lists', async () => {
    // given a version with a role that sees every case but reads no form, and a case on it
    const files = await readDefinitionFiles(DEFINITIONS);
    files['roles.yaml'] = files['roles.yaml']!.replace(
      '\naudiences:',
      '\n  observer:\n    title: Observer\n    caseVisibility: all\n    read: [notes]\naudiences:',
    );
    await users.lead.post('/api/definitions/publish', { files, note: 'an observer' }).expect(200);
    const onV2 = await sentCase(users.requester);
    const observer = await addUser(server, 'observer-a', 'observer');
    // when the observer reads it, then it is there, named by nothing they may not read
    const res = await observer.get(`/api/cases/${onV2}`).expect(200);
    expect(res.body.identity).toEqual({ ...shown, person: { ...shown.person, name: null } });
    expect(res.text).not.toContain(NAME);
    const list = await observer.get('/api/cases').expect(200);
    const listed = list.body.cases.find((c: { id: string }) => c.id === onV2);
    expect(listed.person).toEqual({ title: 'Person', name: null, dateOfBirth: null });
    expect(list.text).not.toContain(NAME);
    // while the requester on the same version still sees the name
    expect((await users.requester.get(`/api/cases/${onV2}`).expect(200)).body.identity).toEqual(shown);
  });
});
