// The HTTP contract against PostgreSQL, and two app instances on one database sharing cases, sessions and sign-in
// limits.
// Needs TEST_DATABASE_URL (npm test starts a throwaway server and sets it); fails, never skips, without it.
import pg from 'pg';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { openPostgresStore } from '../../engine/store/postgres-store.js';
import type { CaseStore } from '../../engine/store/index.js';
import { runHttpContract } from './contract.js';
import { Client, PASSWORD, signIn, startServer, USERS, type TestServer } from './helpers.js';

const connectionString = process.env.TEST_DATABASE_URL;
if (!connectionString) {
  throw new Error(
    'TEST_DATABASE_URL is not set. Run `npm test`, or `source scripts/test-postgres.sh && start_test_postgres` before vitest.',
  );
}

const runId = `srv${Date.now().toString(36)}${process.pid}`;
const schemas: string[] = [];
const stores: CaseStore[] = [];

async function storeOn(schema: string): Promise<CaseStore> {
  const store = openPostgresStore({ connectionString: connectionString!, schema });
  await store.migrate();
  stores.push(store);
  return store;
}

function freshSchema(): string {
  schemas.push(`${runId}_${schemas.length + 1}`);
  return schemas.at(-1)!;
}

afterAll(async () => {
  await Promise.all(stores.map((s) => s.close()));
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

runHttpContract('PostgreSQL', async () => ({ store: await storeOn(freshSchema()) }));

/** Two instances of the server on one fresh database, closed after the work. */
async function withTwoInstances(work: (first: TestServer, second: TestServer) => Promise<void>): Promise<void> {
  const schema = freshSchema();
  // Instances share the session key through SESSION_SECRET (never through the database: issue 24).
  const auth = { sessionSecret: 'one session secret for every instance, 32+ characters' };
  const first = await startServer({ store: await storeOn(schema), auth });
  const second = await startServer({ store: await storeOn(schema), auth });
  try {
    await work(first, second);
  } finally {
    await first.close();
    await second.close();
  }
}

describe('Two instances on one PostgreSQL database', () => {
  it("should see each other's cases and accept each other's sessions", () =>
    withTwoInstances(async (first, second) => {
      const requester = await signIn(first.app, USERS.requester);
      const opened = await requester.post('/api/cases', { pathway: 'flow' }).expect(201);
      // The same session cookie and CSRF token work on the other instance.
      const sameSession = new Client(second.app, '', requester.cookie, requester.csrfToken);
      const seen = await sameSession.get(`/api/cases/${opened.body.id}`).expect(200);
      expect(seen.body).toMatchObject({ id: opened.body.id, version: 1, state: 'draft' });
      await sameSession
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'SUBMIT',
          expectedVersion: 1,
          forms: { request: { name: 'Sam', urgent: true } },
        })
        .expect(200);
      const lead = await signIn(second.app, USERS.lead);
      const stale = await new Client(first.app, '', lead.cookie, lead.csrfToken)
        .post(`/api/cases/${opened.body.id}/events`, {
          type: 'ALLOCATE',
          expectedVersion: 1,
          data: { officer: USERS.officer },
        })
        .expect(409);
      expect(stale.body.currentVersion).toBe(2);
      const waiting = await lead.get('/api/cases/allocation-queue').expect(200);
      expect(waiting.body.cases.map((c: { id: string }) => c.id)).toContain(opened.body.id);
    }));

  it('should check no more than the sign-in limit of wrong passwords sent at once to both (issue 24)', () =>
    withTwoInstances(async (first, second) => {
      // when 60 wrong passwords for one user arrive together, half at each
      const answers = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          request(i % 2 ? first.app : second.app)
            .post('/api/session')
            .send({ username: USERS.officer, password: `wrong-${i}` }),
        ),
      );
      // then the limit holds over both, and the right password is refused on either
      const statuses = answers.map((a) => a.status).sort();
      expect(statuses).toEqual([...Array<number>(10).fill(401), ...Array<number>(50).fill(429)]);
      for (const app of [first.app, second.app]) {
        await request(app).post('/api/session').send({ username: USERS.officer, password: PASSWORD }).expect(429);
      }
    }));
});
