// Issue 19: people are named by their display name wherever a response names them, beside their user name; and a
// document's print view names the case by the person it is about.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWithEverything, signInAll, startServer, type Client, type RoleName, type TestServer } from './helpers.js';

describe('display names', () => {
  let server: TestServer;
  let users: Record<RoleName, Client>;
  let ids: { id: string; report: string };

  beforeAll(async () => {
    server = await startServer();
    users = await signInAll(server.app);
    ids = await caseWithEverything(users);
  });
  afterAll(async () => server.close());

  it('should name everyone in a case view: its history, its opener and whoever did what a notice asked', async () => {
    const body = (await users.lead.get(`/api/cases/${ids.id}`).expect(200)).body;
    expect(body.history[0]).toMatchObject({ by: 'requester-a', byName: 'Rita Requester' });
    expect(body.createdByName).toBe('Rita Requester');
    expect(body.people).toMatchObject({
      'requester-a': 'Rita Requester',
      'officer-a': 'Olu Officer',
      'lead-a': 'lead-a',
    });
    expect(body.notifications).toEqual([
      expect.objectContaining({
        message: 'A request is waiting to be allocated',
        done: expect.objectContaining({ by: 'lead-a', byName: 'lead-a', event: 'ALLOCATE' }),
      }),
    ]);
  });

  it('should name the author of a document, and the person a printed document is about', async () => {
    const doc = (await users.lead.get(`/api/cases/${ids.id}/documents/${ids.report}`).expect(200)).body;
    expect(doc).toMatchObject({ submittedBy: 'officer-a', submittedByName: 'Olu Officer', person: { name: 'Sam' } });
    const print = (await users.lead.get(`/api/cases/${ids.id}/documents/${ids.report}/print`).expect(200)).text;
    // The case by the person it is about, not by its reference.
    expect(print).toMatch(/<dt>[^<]+<\/dt><dd>Sam<\/dd>/);
    expect(print).not.toContain('Case reference');
    expect(print).toContain('Olu Officer, Officer, on ');
  });

  it('should name the people of the audit log', async () => {
    const { entries } = (await users.lead.get(`/api/audit?caseId=${ids.id}`).expect(200)).body;
    expect(entries.find((e: { userId: string }) => e.userId === 'officer-a')).toMatchObject({
      userName: 'Olu Officer',
    });
  });
});
