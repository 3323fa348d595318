import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { postgresMigrations } from '../../engine/store/migrations/postgres.js';
import { openPostgresStore } from '../../engine/store/postgres-store.js';
import type { CaseStore, DeadlineRecord } from '../../engine/store/types.js';
import { itCommitsConcurrently } from './concurrent-commits.js';
import { runStoreContract } from './contract.js';
import { minutesIn, newCase } from './contract/fixtures.js';

function requireTestDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    throw new Error(
      'TEST_DATABASE_URL is not set, so the PostgreSQL store cannot be tested. Run `npm test` (scripts/test.sh starts a ' +
        'throwaway PostgreSQL and sets it), or `source scripts/test-postgres.sh && start_test_postgres` before vitest.',
    );
  }
  return url;
}

const connectionString = requireTestDatabaseUrl();
// Every store of this run gets a schema of its own, dropped at the end.
const runId = `t${Date.now().toString(36)}${process.pid}`;
const schemas: string[] = [];
const freshSchema = (): string => {
  schemas.push(`${runId}_${schemas.length + 1}`);
  return schemas[schemas.length - 1]!;
};
afterAll(async () => {
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
});

runStoreContract('PostgresStore', async () => openPostgresStore({ connectionString, schema: freshSchema() }));

describe('PostgresStore', () => {
  const opened: CaseStore[] = [];
  /** Two stores, each with its own pool, on the same tables. */
  const openTwice = async (): Promise<[CaseStore, CaseStore]> => {
    const schema = freshSchema();
    const stores: [CaseStore, CaseStore] = [
      openPostgresStore({ connectionString, schema }),
      openPostgresStore({ connectionString, schema }),
    ];
    opened.push(...stores);
    await Promise.all(stores.map((store) => store.migrate()));
    return stores;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('#commitEvent', () => {
    itCommitsConcurrently('pools', openTwice);
  });

  describe('migration 7', () => {
    it('should give events stored before it what they are about, from their logged commands (issue 21)', async () => {
      // given events stored without it
      const [store] = await openTwice();
      await store.createCase(newCase('c1'));
      const schema = schemas.at(-1)!;
      const client = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
      await client.connect();
      const insert = `INSERT INTO events (case_id, seq, type, user_id, role, at, definition_version, data)
        VALUES ('c1', $1, $2, 'ann', 'lead', $3, 1, $4::jsonb)`;
      const commands = (...list: object[]) => JSON.stringify({ commands: list });
      const submitted = commands({ kind: 'submitForm', form: 'request' }, { kind: 'send', instance: 'case' });
      const fired = commands({ kind: 'fireTimer', timer: 'document:1/xstate.after.due' });
      await client.query(insert, [2, 'SUBMIT', minutesIn(2), submitted]);
      await client.query(insert, [3, 'timer.fired', minutesIn(3), fired]);
      // when its backfill runs (the column is there already)
      const migration = postgresMigrations.find((m) => m.version === 7)!;
      await client.query(migration.sql.replace(/ALTER TABLE events ADD COLUMN about text;/, ''));
      await client.end();
      // then (read by a store that has not cached these headers)
      const reader = openPostgresStore({ connectionString, schema });
      opened.push(reader);
      const headers = await reader.listEventHeaders('c1');
      expect(headers.slice(1).map((h) => [h.seq, h.about])).toEqual([
        [2, { instance: 'case', forms: ['request'] }],
        [3, { instance: 'document:1' }],
      ]);
    });
  });

  describe('#claimDueDeadlines', () => {
    it('should fire each of 50 due deadlines exactly once between two claiming pools', async () => {
      // given 50 due deadlines over 10 cases
      const [first, second] = await openTwice();
      for (let c = 0; c < 10; c += 1) {
        const setDeadlines = Array.from({ length: 5 }, (_, d) => ({
          id: `c${c}:d${d}`,
          name: `d${d}`,
          dueAt: minutesIn(c + d),
          event: null,
        }));
        await first.createCase(newCase(`c${c}`, { setDeadlines }));
      }
      // when both claim in small batches at the same time, with handlers that take a while
      const firedBy = new Map<string, string[]>();
      const claimUntilNoneLeft = async (store: CaseStore, name: string): Promise<void> => {
        const handler = async (deadline: DeadlineRecord): Promise<void> => {
          firedBy.set(deadline.id, [...(firedBy.get(deadline.id) ?? []), name]);
          await new Promise((resolve) => setTimeout(resolve, 2));
        };
        while ((await store.claimDueDeadlines(minutesIn(60), 3, handler)) > 0);
      };
      await Promise.all([claimUntilNoneLeft(first, 'first'), claimUntilNoneLeft(second, 'second')]);
      // then
      expect(firedBy.size).toBe(50);
      expect([...firedBy.entries()].filter(([, claimants]) => claimants.length !== 1)).toEqual([]);
      const claimants = new Set([...firedBy.values()].flat());
      expect(claimants, 'both pools should have fired some').toEqual(new Set(['first', 'second']));
      for (let c = 0; c < 10; c += 1) expect(await second.listDeadlines(`c${c}`)).toEqual([]);
    });
  });
});
