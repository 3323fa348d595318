// Issue 19, over real HTTP: every list is a page (25 by default, never more than 100), searched, filtered and sorted
// by the server, and shows a reader only the cases they may see.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseService } from '../../engine/service/case-service.js';
import { hashPassword } from '../../server/services/passwords.js';
import { PASSWORD, signIn, signInAll, startServer, type Client, type RoleName, type TestServer } from './helpers.js';

const requester = { id: 'requester-a', role: 'requester' };
const other = { id: 'requester-b', role: 'requester' };
const lead = { id: 'lead-a', role: 'lead' };

interface Page {
  cases: {
    id: string;
    person: { name: string } | null;
    referredBy: string;
    referredByName: string;
    allocatedToName: string | null;
    urgency: unknown;
  }[];
  next: string | null;
  total?: number;
}

/** A case on the flow: opened, and sent in with a request naming `name` (unless left as a draft). */
async function seedCase(
  cases: CaseService,
  name: string,
  options: { by?: typeof requester; urgent?: boolean; send?: boolean } = {},
) {
  const by = options.by ?? requester;
  const { record } = await cases.openCase(by, 'flow');
  if (options.send === false) return record.id;
  await cases.change(record.id, by, {
    expectedVersion: 1,
    type: 'SUBMIT',
    forms: { request: { name, urgent: options.urgent ?? false } },
  });
  return record.id;
}

describe('case lists', () => {
  let server: TestServer;
  let users: Record<RoleName, Client>;
  let otherRequester: Client;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    users = await signInAll(server.app);
    await server.dao.services.store.upsertUser({
      username: 'requester-b',
      displayName: 'Bea Requester',
      role: 'requester',
      passwordHash: await hashPassword(PASSWORD),
      demo: false,
    });
    otherRequester = await signIn(server.app, 'requester-b');
    const cases = server.dao.services.cases;
    ids.taylor = await seedCase(cases, 'Alex Taylor', { urgent: true });
    ids.patel = await seedCase(cases, 'Sam Patel');
    ids.other = await seedCase(cases, 'Bea Taylor-Jones', { by: other });
    ids.draft = await seedCase(cases, '', { send: false });
    await cases.change(ids.patel, lead, { expectedVersion: 2, type: 'ALLOCATE', data: { officer: 'officer-a' } });
    // and enough more for several pages
    for (let i = 0; i < 106; i++) await seedCase(cases, `Person ${i}`, { send: i % 2 === 0 });
  });
  afterAll(async () => server.close());

  const get = async (client: Client, query: string): Promise<Page> =>
    (await client.get(`/api/cases${query}`).expect(200)).body as Page;

  describe('GET /api/cases', () => {
    it('should send 25 cases by default, the total, and a cursor that pages through all of them once', async () => {
      const first = await get(users.lead, '');
      expect(first.cases).toHaveLength(25);
      expect(first.total).toBe(110);
      const seen = [...first.cases.map((c) => c.id)];
      let next = first.next;
      while (next) {
        const page = await get(users.lead, `?after=${encodeURIComponent(next)}`);
        seen.push(...page.cases.map((c) => c.id));
        next = page.next;
      }
      expect(seen).toHaveLength(110);
      expect(new Set(seen).size).toBe(110);
    });

    it('should send at most 100 cases, even when asked for 500', async () => {
      const page = await get(users.lead, '?limit=500');
      expect(page.cases).toHaveLength(100);
      expect(page.next).not.toBeNull();
      expect((await get(users.lead, '?limit=10')).cases).toHaveLength(10);
    });

    it('should find a case by the surname of the person it is about, or the start of a name', async () => {
      expect((await get(users.lead, '?q=Taylor')).cases.map((c) => c.id)).toEqual([ids.taylor, ids.other]);
      expect((await get(users.lead, '?q=pat')).cases.map((c) => c.id)).toEqual([ids.patel]);
      expect((await get(users.lead, '?q=alex%20taylor')).total).toBe(1);
    });

    it('should filter by view, stage, urgency, officer and referrer, and sort by name', async () => {
      expect((await get(users.lead, '?view=waiting&q=taylor')).cases.map((c) => c.id)).toEqual([ids.taylor, ids.other]);
      expect((await get(users.lead, '?urgent=true')).cases.map((c) => c.id)).toEqual([ids.taylor]);
      expect((await get(users.lead, '?stage=working')).cases.map((c) => c.id)).toEqual([ids.patel]);
      expect((await get(users.lead, '?allocatedTo=officer-a')).cases.map((c) => c.id)).toEqual([ids.patel]);
      expect((await get(users.lead, '?referredBy=requester-b')).cases.map((c) => c.id)).toEqual([ids.other]);
      expect((await get(users.lead, '?view=triage&q=taylor&sort=name')).cases.map((c) => c.id)).toEqual([
        ids.taylor,
        ids.other,
      ]);
      expect((await get(users.lead, '?stage=draft')).total).toBe(54);
    });

    it("should list on the lead's to-do list the requests waiting for them, until they allocate", async () => {
      const act = await get(users.lead, '?view=act&q=taylor');
      expect(act.cases.map((c) => c.id)).toEqual([ids.taylor, ids.other]);
      expect((await get(users.lead, '?view=act&q=patel')).cases).toEqual([]);
    });

    it('should name people by display name beside their user name', async () => {
      const [patel] = (await get(users.lead, '?q=patel')).cases;
      expect(patel).toMatchObject({
        person: { name: 'Sam Patel' },
        referredBy: 'requester-a',
        referredByName: 'Rita Requester',
        allocatedToName: 'Olu Officer',
      });
    });

    it('should show, count and find for each reader only the cases they may see', async () => {
      const mine = await get(users.requester, '?q=taylor');
      expect([mine.cases.map((c) => c.id), mine.total]).toEqual([[ids.taylor], 1]);
      const theirs = await get(otherRequester, '');
      expect([theirs.cases.map((c) => c.id), theirs.total]).toEqual([[ids.other], 1]);
      const officer = await get(users.officer, '?q=taylor');
      expect([officer.cases, officer.total]).toEqual([[], 0]);
      expect((await get(users.officer, '')).cases.map((c) => c.id)).toEqual([ids.patel]);
    });

    it('should refuse an unknown view, order or cursor, and a limit below 1, saying what is accepted', async () => {
      const view = await users.lead.get('/api/cases?view=everything').expect(400);
      expect(view.body).toMatchObject({ code: 'bad-request', parameter: 'view' });
      expect(view.body.detail).toContain('triage');
      expect((await users.lead.get('/api/cases?sort=random').expect(400)).body.parameter).toBe('sort');
      expect((await users.lead.get('/api/cases?after=nonsense').expect(400)).body.parameter).toBe('after');
      expect((await users.lead.get('/api/cases?limit=0').expect(400)).body.parameter).toBe('limit');
    });
  });

  describe('GET /api/cases/allocation-queue', () => {
    it('should send a page of the waiting list in allocation order with the officers and their loads', async () => {
      const queue = (await users.lead.get('/api/cases/allocation-queue?limit=2').expect(200)).body as Page & {
        officers: unknown[];
      };
      expect(queue.cases).toHaveLength(2);
      expect(queue.cases[0]!.id).toBe(ids.taylor);
      expect(queue.total).toBe(55);
      expect(queue.officers).toEqual([
        {
          username: 'officer-a',
          name: 'Olu Officer',
          role: 'officer',
          capacity: 2,
          active: 1,
          qualifications: ['qualified'],
        },
      ]);
    });
  });

  describe('GET /api/cases/views', () => {
    it('should name the views a role has, with the worklists of the definitions', async () => {
      const { body } = await users.lead.get('/api/cases/views').expect(200);
      expect(body.views.map((v: { id: string }) => v.id)).toEqual(['all', 'mine', 'waiting', 'act', 'triage']);
      expect(body).toMatchObject({ landing: 'act', maxPageSize: 100 });
      const requesterViews = (await users.requester.get('/api/cases/views').expect(200)).body.views.map(
        (v: { id: string }) => v.id,
      );
      expect(requesterViews).toEqual(['all', 'mine', 'act', 'triage']);
    });
  });
});
