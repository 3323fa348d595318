import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sqliteMigrations } from '../../engine/store/migrations/sqlite.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import { minutesIn, newCase } from './contract/fixtures.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-sqlite-migrations-'));
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

/** A database file as migrations 1–3 left it, with a case, audit entries and deadlines in it. */
function databaseAtVersion3(file: string): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.exec('CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)');
  for (const migration of sqliteMigrations.filter((m) => m.version <= 3)) {
    db.exec(migration.sql);
    db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(migration.version, migration.name, minutesIn(0));
  }
  db.prepare(
    `INSERT INTO cases (id, pathway_id, definition_version, version, snapshot, summary, state, closed, created_by, created_at, updated_at)
    VALUES ('c1', 'p', 1, 1, '{}', '{"state":"open"}', 'open', 0, 'ann', ?, ?)`,
  ).run(minutesIn(0), minutesIn(0));
  const audit = db.prepare('INSERT INTO audit (at, user_id, case_id, action, detail) VALUES (?, ?, ?, ?, ?)');
  for (let i = 1; i <= 3; i++) audit.run(minutesIn(i), 'ann', 'c1', `action-${i}`, JSON.stringify({ i }));
  const deadline = db.prepare(
    'INSERT INTO deadlines (id, case_id, name, due_at, event, fired_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  deadline.run('c1/due', 'c1', 'due', minutesIn(60), '{"type":"TIMEOUT"}', null);
  deadline.run('c1/fired', 'c1', 'fired', minutesIn(30), '{"type":"EARLIER"}', minutesIn(31));
  db.close();
}

describe('SQLite migrations', () => {
  describe('4: audit without AUTOINCREMENT, deadlines WITHOUT ROWID', () => {
    it('should keep every audit entry and deadline, and go on numbering audit entries after the last one', async () => {
      // given
      const file = join(tempDir, 'v3.sqlite');
      databaseAtVersion3(file);
      const store = openSqliteStore(file);
      // when
      await store.migrate();
      // then
      expect((await store.listAudit({ caseId: 'c1' })).map((e) => [e.id, e.action, e.detail])).toEqual([
        [3, 'action-3', { i: 3 }],
        [2, 'action-2', { i: 2 }],
        [1, 'action-1', { i: 1 }],
      ]);
      expect(await store.listDeadlines('c1')).toEqual([
        { id: 'c1/due', caseId: 'c1', name: 'due', dueAt: minutesIn(60), event: { type: 'TIMEOUT' }, firedAt: null },
      ]);
      await store.appendAudit({ at: minutesIn(4), userId: 'bob', caseId: 'c1', action: 'action-4' });
      expect((await store.listAudit({ limit: 1 }))[0]).toMatchObject({ id: 4, action: 'action-4' });
      // and a due deadline of the old table is still claimed and fired
      let fired = 0;
      await store.claimDueDeadlines(minutesIn(61), 10, async () => {
        fired += 1;
      });
      expect(fired).toBe(1);
      await store.close();
    });

    it('should write no sqlite_sequence row for an audit entry, and keep deadlines in a WITHOUT ROWID table', async () => {
      // given
      const file = join(tempDir, 'fresh.sqlite');
      const store = openSqliteStore(file);
      await store.migrate();
      // when
      await store.createCase(
        newCase('c1', { audit: [{ at: minutesIn(0), userId: 'ann', caseId: 'c1', action: 'opened' }] }),
      );
      await store.close();
      // then
      const db = new Database(file, { readonly: true });
      const sql = (name: string) =>
        String((db.prepare('SELECT sql FROM sqlite_schema WHERE name = ?').get(name) as { sql: string }).sql);
      const sequences = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE name = 'sqlite_sequence'").get() as {
        n: number;
      };
      const auditSequence =
        sequences.n === 0 ? [] : db.prepare("SELECT * FROM sqlite_sequence WHERE name = 'audit'").all();
      const auditRows = db.prepare('SELECT count(*) AS n FROM audit').get() as { n: number };
      const auditSql = sql('audit');
      const deadlinesSql = sql('deadlines');
      db.close();
      expect(auditRows.n).toBe(1);
      expect(auditSql).not.toMatch(/AUTOINCREMENT/i);
      expect(auditSequence).toEqual([]);
      expect(deadlinesSql).toMatch(/WITHOUT ROWID/i);
    });
  });

  describe('6: what each event is about', () => {
    it('should give events stored before it theirs from the commands they logged (issue 21)', async () => {
      // given a database as migrations 1-5 left it, with an event of each kind
      const file = join(tempDir, 'v5.sqlite');
      databaseAtVersion3(file);
      const db = new Database(file);
      for (const migration of sqliteMigrations.filter((m) => m.version > 3 && m.version <= 5)) {
        db.exec(migration.sql);
        db.prepare('INSERT INTO schema_migrations VALUES (?, ?, ?)').run(
          migration.version,
          migration.name,
          minutesIn(0),
        );
      }
      const event = db.prepare(`INSERT INTO events (case_id, seq, type, user_id, role, at, definition_version, data)
        VALUES ('c1', ?, ?, 'ann', 'lead', ?, 1, ?)`);
      const commands = (...list: object[]) => JSON.stringify({ commands: list });
      event.run(1, 'case.opened', minutesIn(1), commands({ kind: 'open', pathway: 'p' }));
      const sent = { kind: 'send', instance: 'case', type: 'SUBMIT' };
      event.run(2, 'SUBMIT', minutesIn(2), commands({ kind: 'submitForm', form: 'request' }, sent));
      const ownAnswers = { kind: 'submitForm', form: 'report', instance: 'document:1' };
      event.run(3, 'forms.submitted', minutesIn(3), commands(ownAnswers));
      event.run(4, 'timer.fired', minutesIn(4), commands({ kind: 'fireTimer', timer: 'document:1/xstate.after.due' }));
      event.run(5, 'other', minutesIn(5), JSON.stringify({ something: 'else' }));
      db.close();
      // when
      const store = openSqliteStore(file);
      await store.migrate();
      // then
      const headers = await store.listEventHeaders('c1');
      await store.close();
      expect(headers.map((h) => [h.seq, h.about])).toEqual([
        [1, {}],
        [2, { instance: 'case', forms: ['request'] }],
        [3, { instance: 'document:1', forms: ['report'] }],
        [4, { instance: 'document:1' }],
        [5, undefined],
      ]);
    });
  });
});
