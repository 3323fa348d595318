// Issue 19: a store made before case summaries had columns of their own (migrations 1-4, cases written as that code
// wrote them) is upgraded by migration 5 and the start-up backfill, and its cases are then listed and found.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkDefinitions } from '../../engine/definitions/check.js';
import { readDefinitionFiles } from '../../engine/definitions/read-files.js';
import { applyCommand } from '../../engine/runtime/apply.js';
import type { CaseCommand, CaseData } from '../../engine/runtime/model.js';
import { describeCase } from '../../engine/runtime/view.js';
import { CaseService } from '../../engine/service/case-service.js';
import { SUMMARY_FORMAT } from '../../engine/service/case-summary.js';
import { DefinitionRegistry } from '../../engine/service/definition-registry.js';
import { postgresMigrations } from '../../engine/store/migrations/postgres.js';
import { sqliteMigrations } from '../../engine/store/migrations/sqlite.js';
import { openPostgresStore } from '../../engine/store/postgres-store.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { CaseStore } from '../../engine/store/types.js';

const OLD_MIGRATIONS = 4;
const AT = '2026-01-05T09:00:00.000Z';

/** Runs one statement with `?` parameters on the old database. */
type Exec = (sql: string, params?: unknown[]) => Promise<void>;

interface OldCase {
  id: string;
  data: CaseData;
  summary: Record<string, unknown>;
}

/** Two referrals as the old code made them: one sent in (Alex Taylor), one a draft; summaries with no format. */
async function oldCases(files: Record<string, string>): Promise<OldCase[]> {
  const defs = checkDefinitions(files, 'old').compiled!;
  const scenario = parse(await readFile('definitions/scenarios/urgent-endorsement-offered-once.yaml', 'utf8'));
  const socialWorker = { id: 'social-worker', role: 'social-worker', qualifications: [] };
  const ctx = { user: socialWorker, now: AT, officers: {} };
  const run = (commands: CaseCommand[]): CaseData =>
    commands.reduce<CaseData>(
      (data, command) => {
        const result = applyCommand(defs, data, command);
        if (!result.ok) throw new Error(result.error.message);
        return result.data;
      },
      undefined as unknown as CaseData,
    );
  const opened: CaseCommand = { kind: 'open', pathway: 'referral', ctx };
  const forms = Object.entries(scenario.steps[0].forms as Record<string, unknown>).map(([form, data]): CaseCommand => ({
    kind: 'submitForm',
    form,
    data,
    ctx,
  }));
  const sent = run([opened, ...forms, { kind: 'send', instance: 'case', type: 'SUBMIT_REQUEST', ctx }]);
  const draft = run([opened]);
  // The summary the old case-summary.ts stored.
  const oldSummary = (data: CaseData) => {
    const view = describeCase(defs, data, socialWorker, AT);
    return {
      state: view.state,
      title: view.title,
      referredBy: (view.values.referredBy as string) ?? 'social-worker',
      allocatedTo: null,
      activeCase: view.activeCase,
      priority: 0,
      waiting: false,
      waitingSince: null,
      closed: view.done,
      nextDeadline: null,
      nextDeadlineLabel: null,
    };
  };
  return [
    { id: 'sent', data: sent, summary: oldSummary(sent) },
    { id: 'draft', data: draft, summary: oldSummary(draft) },
  ];
}

/** The old schema and its rows, written with nothing but the migrations before 5 and the old code's INSERTs. */
async function makeOldStore(
  exec: Exec,
  migrations: readonly { version: number; name: string; sql: string }[],
  files: Record<string, string>,
): Promise<void> {
  await exec(
    'CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
  );
  for (const migration of migrations.slice(0, OLD_MIGRATIONS)) {
    await exec(migration.sql);
    await exec('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
      migration.version,
      migration.name,
      AT,
    ]);
  }
  await exec('INSERT INTO definition_versions (version, files, published_by, published_at) VALUES (1, ?, ?, ?)', [
    JSON.stringify(files),
    'test',
    AT,
  ]);
  for (const { id, data, summary } of await oldCases(files)) {
    await exec(
      `INSERT INTO cases (id, pathway_id, definition_version, version, snapshot, summary, state, referred_by,
         allocated_to, closed, created_by, created_at, updated_at)
       VALUES (?, 'referral', 1, 1, ?, ?, ?, 'social-worker', NULL, ?, 'social-worker', ?, ?)`,
      [id, JSON.stringify(data), JSON.stringify(summary), summary.state, false, AT, AT],
    );
    await exec(
      `INSERT INTO events (case_id, seq, type, user_id, role, at, definition_version, data)
       VALUES (?, 1, 'case.opened', 'social-worker', 'social-worker', ?, 1, '{}')`,
      [id, AT],
    );
  }
}

/** Opens the old store with the new code, as the server starts: migrate, then summarise the old cases again. */
async function upgradeAndCheck(store: CaseStore): Promise<void> {
  await store.migrate();
  const service = new CaseService(store, new DefinitionRegistry(store), { now: () => AT });
  // when
  expect(await service.resummarise(1)).toBe(2);
  // then the sent referral is found by the person's surname and is on the Referrals worklist; the draft is not
  const manager = { id: 'manager', role: 'team-manager' };
  const found = await service.listCases(manager, { q: 'taylor', count: true });
  expect(found.cases.map((c) => c.id)).toEqual(['sent']);
  expect(found.total).toBe(1);
  expect(found.cases[0]!.summary).toMatchObject({
    format: SUMMARY_FORMAT,
    person: { name: 'Alex Taylor', dateOfBirth: '1989-05-21' },
    urgency: { requested: true, endorsements: 0, needed: 2 },
    people: [
      { title: 'Children', names: ['Child A', 'Child B'] },
      { title: 'Referring social worker', names: ['Sam Patel'] },
    ],
  });
  expect((await service.listCases(manager, { list: 'referrals' })).cases.map((c) => c.id)).toEqual(['sent']);
  expect((await service.listCases(manager, { urgent: true })).cases.map((c) => c.id)).toEqual(['sent']);
  expect((await service.listCases(manager, { sort: 'name' })).cases.map((c) => c.id)).toEqual(['sent', 'draft']);
  // and the sent referral counts among its month's referrals: its milestones are kept from then on (issue 25)
  const month = AT.slice(0, 7);
  const figures = await store.performanceFigures({ months: [month], now: AT, assessmentTargetDays: 42 });
  expect(figures.referrals).toEqual([{ month, cases: 1 }]);
  // and the service manager's to-do list holds the urgent referral waiting for their endorsement
  expect(
    (
      await service.listCases({ id: 'service-manager', role: 'service-manager' }, { list: 'act:service-manager' })
    ).cases.map((c) => c.id),
  ).toEqual(['sent']);
  // and running it again (the next start) changes nothing; the cases kept their versions and events
  expect(await service.resummarise()).toBe(0);
  expect((await store.getCase('sent'))?.version).toBe(1);
  expect(await store.countEvents()).toBe(2);
}

describe('migration 5 and the summary backfill', () => {
  it('should upgrade an SQLite store made by the previous schema, so that its cases are listed and found', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dao-upgrade-'));
    try {
      const file = join(dir, 'dao.sqlite');
      const files = await readDefinitionFiles('definitions');
      // given a store made by the code before migration 5
      const old = new Database(file);
      await makeOldStore(
        async (sql, params) => {
          if (params) old.prepare(sql).run(...params.map((p) => (typeof p === 'boolean' ? Number(p) : p)));
          else old.exec(sql);
        },
        sqliteMigrations,
        files,
      );
      old.close();
      // when the new code opens it
      const store = openSqliteStore(file, { writer: 'thread' });
      try {
        await upgradeAndCheck(store);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('PostgreSQL', () => {
    const connectionString = process.env.TEST_DATABASE_URL;
    if (!connectionString)
      throw new Error('TEST_DATABASE_URL is not set: run `npm test` (scripts/test.sh starts PostgreSQL).');
    const schema = `upgrade${Date.now().toString(36)}${process.pid}`;
    afterAll(async () => {
      const admin = new pg.Client({ connectionString });
      await admin.connect();
      await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await admin.end();
    });

    it('should upgrade a PostgreSQL store of the previous schema, so that its cases are listed and found', async () => {
      const files = await readDefinitionFiles('definitions');
      const old = new pg.Client({ connectionString, options: `-c search_path=${schema}` });
      await old.connect();
      try {
        await old.query(`CREATE SCHEMA ${schema}`);
        await makeOldStore(
          async (sql, params) => {
            let position = 0;
            await old.query(
              sql.replace(/\?/g, () => `$${++position}`),
              params,
            );
          },
          postgresMigrations,
          files,
        );
      } finally {
        await old.end();
      }
      const store = openPostgresStore({ connectionString, schema });
      try {
        await upgradeAndCheck(store);
      } finally {
        await store.close();
      }
    });
  });
});
