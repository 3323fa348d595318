import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { StoreConflictError } from '../../engine/store/errors.js';
import { SqliteDatabase } from '../../engine/store/sqlite-database.js';
import { sqliteDialect } from '../../engine/store/sqlite-dialect.js';
import { openSqliteStore } from '../../engine/store/sqlite-store.js';
import type { CaseStore } from '../../engine/store/types.js';
import { newCase, nextCommit } from './contract/fixtures.js';

const tempDir = mkdtempSync(join(tmpdir(), 'dao-group-commit-'));
let fileNumber = 0;
const freshFile = (): string => join(tempDir, `db-${++fileNumber}`, 'dao.sqlite');
afterAll(() => rmSync(tempDir, { recursive: true, force: true }));

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('SqliteDatabase', () => {
  const opened: SqliteDatabase[] = [];
  const openDatabase = async (): Promise<SqliteDatabase> => {
    const db = new SqliteDatabase(freshFile(), sqliteDialect);
    opened.push(db);
    await db.exec(
      'CREATE TABLE parent (id INTEGER PRIMARY KEY); CREATE TABLE item (name TEXT PRIMARY KEY, parent INTEGER ' +
        'REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED)',
    );
    await db.run('INSERT INTO parent (id) VALUES (1)');
    return db;
  };
  const names = async (db: SqliteDatabase): Promise<string[]> =>
    (await db.all('SELECT name FROM item ORDER BY name')).map((row) => String(row.name));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
  });

  describe('#constructor', () => {
    const settingsOf = (db: SqliteDatabase) =>
      db.transaction(async (tx) => ({
        journal: (await tx.all('PRAGMA journal_mode'))[0],
        synchronous: (await tx.all('PRAGMA synchronous'))[0],
        autocheckpoint: (await tx.all('PRAGMA wal_autocheckpoint'))[0],
      }));

    it("should write through WAL with an fsync at every commit (synchronous 2 is FULL), copying pages back at SQLite's mark", async () => {
      // given
      const db = await openDatabase();
      // when the write connection is asked for its settings, then
      expect(await settingsOf(db)).toEqual({
        journal: { journal_mode: 'wal' },
        synchronous: { synchronous: 2 },
        autocheckpoint: { wal_autocheckpoint: 1000 },
      });
    });

    it('should copy pages back at the mark it is given', async () => {
      // given
      const db = new SqliteDatabase(freshFile(), sqliteDialect, { walAutocheckpointPages: 10_000 });
      opened.push(db);
      // when the write connection is asked for its settings, then
      expect(await settingsOf(db)).toEqual({
        journal: { journal_mode: 'wal' },
        synchronous: { synchronous: 2 },
        autocheckpoint: { wal_autocheckpoint: 10_000 },
      });
    });

    it('should keep the savepoint sub-journals of a grouping connection in memory (temp_store 2), not in temporary files', async () => {
      // given
      const grouping = await openDatabase();
      const alone = new SqliteDatabase(':memory:', sqliteDialect);
      opened.push(alone);
      // when
      const tempStore = async (db: SqliteDatabase) => (await db.transaction((tx) => tx.all('PRAGMA temp_store')))[0];
      // then: only the connection that groups units in savepoints changes SQLite's default (0)
      expect(await tempStore(grouping)).toEqual({ temp_store: 2 });
      expect(await tempStore(alone)).toEqual({ temp_store: 0 });
    });
  });

  describe('#transaction', () => {
    it('should commit transactions that arrive together once, each with its own result', async () => {
      // given
      const db = await openDatabase();
      const before = db.commits;
      // when
      const results = await Promise.all(
        ['a', 'b', 'c'].map((name) =>
          db.transaction(async (tx) => tx.run('INSERT INTO item (name, parent) VALUES (?, 1)', [name])),
        ),
      );
      // then
      expect(results).toEqual([1, 1, 1]);
      expect(db.commits - before).toBe(1);
      expect(await names(db)).toEqual(['a', 'b', 'c']);
    });

    it('should let a transaction that starts after another has finished, in the same turn, share its commit', async () => {
      const db = await openDatabase();
      const before = db.commits;
      const firstDone = deferred();
      const first = db.transaction(async (tx) => {
        await tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)");
        firstDone.resolve();
      });
      await firstDone.promise;
      const second = db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('b', 1)"));
      await Promise.all([first, second]);
      expect(db.commits - before).toBe(1);
      expect(await names(db)).toEqual(['a', 'b']);
    });

    it('should roll back only the unit that fails, give it its own error, and commit the others', async () => {
      const db = await openDatabase();
      const outcomes = await Promise.allSettled([
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)")),
        db.transaction(async (tx) => {
          await tx.run("INSERT INTO item (name, parent) VALUES ('b', 1)");
          throw new Error('refused after writing');
        }),
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)")), // duplicate key
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('c', 1)")),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason.message).toBe('refused after writing');
      expect((outcomes[2] as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_PRIMARYKEY');
      expect(await names(db)).toEqual(['a', 'c']);
    });

    it('should roll back a failing unit that changed many pages, and only it, with its sub-journal in memory', async () => {
      // given 300 rows of 1 KB on pages committed before (a unit journals the pages it changes as they were)
      const db = await openDatabase();
      await db.transaction(async (tx) => {
        for (let i = 0; i < 300; i++)
          await tx.run('INSERT INTO item (name, parent) VALUES (?, 1)', [
            `row-${String(i).padStart(3, '0')}-${'x'.repeat(1000)}`,
          ]);
      });
      const before = await names(db);
      // when a unit rewrites every one of them (far more than SQLite keeps in memory before spilling) and then fails
      const outcomes = await Promise.allSettled([
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)")),
        db.transaction(async (tx) => {
          expect(await tx.run("UPDATE item SET name = 'changed-' || name")).toBe(301);
          throw new Error('refused after rewriting every row');
        }),
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('b', 1)")),
      ]);
      // then
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await names(db)).toEqual([...before, 'a', 'b'].sort());
    });

    it('should run a transaction asked to be alone by itself, after the group opened before it has committed', async () => {
      // given
      const db = await openDatabase();
      const before = db.commits;
      // when a unit, then a transaction alone, then another unit arrive together
      const first = db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)"));
      const alone = db.transaction(
        async (tx) => {
          await tx.run("INSERT INTO item (name, parent) VALUES ('m', 1)");
          return Number((await tx.all('SELECT count(*) AS n FROM item'))[0]!.n);
        },
        { alone: true },
      );
      const last = db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('z', 1)"));
      // then the first unit's group commits, then the lone transaction (which saw it), then a new group
      expect(await Promise.all([first, alone, last])).toEqual([1, 2, 1]);
      expect(db.commits - before).toBe(3);
      expect(await names(db)).toEqual(['a', 'm', 'z']);
    });

    it('should roll back a transaction alone that fails, and leave the units around it committed', async () => {
      const db = await openDatabase();
      const outcomes = await Promise.allSettled([
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)")),
        db.transaction(
          async (tx) => {
            await tx.run("INSERT INTO item (name, parent) VALUES ('m', 1)");
            throw new Error('migration failed');
          },
          { alone: true },
        ),
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('z', 1)")),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      expect(await names(db)).toEqual(['a', 'z']);
    });

    it('should fail every unit of a group whose COMMIT fails, and keep none of their writes', async () => {
      const db = await openDatabase();
      // A deferred foreign key is checked only at COMMIT: the orphan passes its own savepoint and sinks the commit.
      const outcomes = await Promise.allSettled([
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)")),
        db.transaction((tx) => tx.run("INSERT INTO item (name, parent) VALUES ('orphan', 99)")),
        db.run("INSERT INTO item (name, parent) VALUES ('c', 1)"),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
      for (const outcome of outcomes)
        expect((outcome as PromiseRejectedResult).reason.code).toBe('SQLITE_CONSTRAINT_FOREIGNKEY');
      expect(await names(db)).toEqual([]);
      // and the connection is usable again
      await db.run("INSERT INTO item (name, parent) VALUES ('d', 1)");
      expect(await names(db)).toEqual(['d']);
    });

    it('should let no read see a write before its group is committed', async () => {
      const db = await openDatabase();
      const written = deferred();
      let settled = false;
      const writing = db
        .transaction(async (tx) => {
          await tx.run("INSERT INTO item (name, parent) VALUES ('a', 1)");
          // inside the transaction the write is visible …
          expect((await tx.all('SELECT name FROM item')).length).toBe(1);
          written.resolve();
          return 'done';
        })
        .finally(() => (settled = true));
      await written.promise;
      // … but the unit has finished and the group is still open: a read outside sees nothing yet
      expect(settled).toBe(false);
      expect(await names(db)).toEqual([]);
      expect(await writing).toBe('done');
      expect(await names(db)).toEqual(['a']);
    });
  });
});

describe.each(['thread', 'inline'] as const)('SqliteStore with the %s writer', (writer) => {
  const opened: CaseStore[] = [];
  const openStore = async (): Promise<CaseStore> => {
    const store = openSqliteStore(freshFile(), { writer });
    opened.push(store);
    await store.migrate();
    return store;
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  describe('#commitEvent', () => {
    it('should commit the events sent together and refuse only the stale one, which changes nothing', async () => {
      // given
      const store = await openStore();
      const [a, b, c] = await Promise.all(['a', 'b', 'c'].map((id) => store.createCase(newCase(id))));
      const bMoved = await store.commitEvent(nextCommit(b!));
      // when: a and c are current, the one for b carries b's old version
      const outcomes = await Promise.allSettled([
        store.commitEvent(nextCommit(a!)),
        store.commitEvent(nextCommit(b!)),
        store.commitEvent(nextCommit(c!)),
      ]);
      // then
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
      const refusal = (outcomes[1] as PromiseRejectedResult).reason as StoreConflictError;
      expect(refusal).toBeInstanceOf(StoreConflictError);
      expect(refusal.actualVersion).toBe(2);
      expect((await store.getCase('a'))?.version).toBe(2);
      expect(await store.getCase('b')).toEqual(bMoved);
      expect(await store.listEvents('b')).toHaveLength(2);
      expect((await store.getCase('c'))?.version).toBe(2);
      expect(await store.countEvents()).toBe(6);
    });

    it('should answer the commits sent just before close(), and keep them', async () => {
      const file = freshFile();
      const store = openSqliteStore(file, { writer });
      await store.migrate();
      const created = await Promise.all(['a', 'b', 'c'].map((id) => store.createCase(newCase(id))));
      const commits = created.map((record) => store.commitEvent(nextCommit(record)));
      await store.close();
      expect((await Promise.all(commits)).map((r) => r.version)).toEqual([2, 2, 2]);
      const reopened = openSqliteStore(file, { writer });
      opened.push(reopened);
      expect(await reopened.countEvents()).toBe(6);
    });

    it('should answer a commit only once a fresh read sees it', async () => {
      const store = await openStore();
      let record = await store.createCase(newCase('a'));
      for (let i = 0; i < 20; i++) {
        const pending = store.commitEvent(nextCommit(record));
        // Before the answer: the old version or, once committed, the new one with its event; never half of it.
        const seen = await store.getCase('a');
        const events = await store.listEventHeaders('a');
        expect([record.version, record.version + 1]).toContain(seen?.version);
        expect(events.length).toBeGreaterThanOrEqual(seen!.version);
        record = await pending;
        expect((await store.getCase('a'))?.version).toBe(record.version);
        expect((await store.listEventHeaders('a')).at(-1)?.seq).toBe(record.version);
      }
    });
  });
});
