// An SQLite file behind the SqlDatabase interface, with group commit. Transactions that arrive together share one
// write transaction: each runs inside its own SAVEPOINT (a unit that throws rolls back only its own writes and gets
// its own error), and the whole group is committed once — one fsync under synchronous=FULL — at the next turn of the
// event loop. No unit's promise settles before that COMMIT has returned, so nothing is acknowledged before it is
// durable; when the COMMIT fails, every unit of the group fails and none of their writes remain.
// Reads outside a transaction go to a second connection, which in WAL mode sees only committed data, so nobody
// reads a change that could still be rolled back.
import Database from 'better-sqlite3';
import { LRUCache } from 'lru-cache';
import { preparePrivateFile } from './private-files.js';
import type { Row, SqlDatabase, SqlDialect, SqlParam, SqlSession } from './sql-database.js';

export interface SqliteDatabaseOptions {
  busyTimeoutMs?: number;
  /** Share one commit among the transactions that arrive together (default: on for a file, off for ':memory:'). */
  groupCommit?: boolean;
  /**
   * Pages the WAL may hold before the commit that crosses the mark copies them back into the database file (default:
   * SQLite's 1,000). That copy runs inside the commit and ends with an fsync of the database file while every other
   * commit waits (the server's writer thread sets 10,000: see sqlite-writer-thread.ts).
   */
  walAutocheckpointPages?: number;
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: unknown };

/** The transactions sharing one BEGIN … COMMIT. */
class CommitGroup {
  units = 0;
  readonly committed: Promise<void>;
  settle!: (error?: unknown) => void;

  constructor() {
    this.committed = new Promise<void>((resolve, reject) => {
      this.settle = (error) => (error === undefined ? resolve() : reject(error));
    });
    // A group nobody waits on (every unit already failed) must not become an unhandled rejection.
    this.committed.catch(() => undefined);
  }
}

export class SqliteDatabase implements SqlDatabase {
  private readonly db: Database.Database;
  /** Committed data only: a separate connection (WAL) when group commit is on, else the writer itself. */
  private readonly reader: Database.Database;
  private readonly writeStatements = statementCache();
  private readonly readStatements = statementCache();
  private readonly session: SqlSession;
  private readonly busyTimeoutMs: number;
  private readonly groupCommit: boolean;
  private group: CommitGroup | undefined;
  /** COMMITs that made it to disk; with group commit, fewer than the transactions they carried. */
  commits = 0;
  // One write connection serves the whole process, and a transaction spans awaits, so every use of it waits its
  // turn; otherwise another caller's statement could run inside our transaction (or savepoint).
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    file: string,
    readonly dialect: SqlDialect,
    options: SqliteDatabaseOptions = {},
  ) {
    const inMemory = file === ':memory:' || file === '';
    if (!inMemory) preparePrivateFile(file);
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
    this.groupCommit = !inMemory && (options.groupCommit ?? true);
    this.db = openConnection(file, options.walAutocheckpointPages);
    // The query planner chooses among the lists' partial indexes by the statistics ANALYZE keeps; SQLite asks for
    // `PRAGMA optimize` when a connection opens (gathering them where they are missing or stale) and before it closes.
    if (!inMemory) optimize(this.db, 'optimize=0x10002');
    // Each unit of a group runs in a savepoint, and SQLite keeps the pages a unit changes, as they were, in a
    // sub-journal until its RELEASE: a temporary file by default, opened, written and deleted at every commit. In
    // memory it costs no system call. It holds one unit's pages at a time (a case's change: a few); a migration,
    // which may change every page, runs alone with no savepoint and so no sub-journal.
    if (this.groupCommit) this.db.pragma('temp_store = MEMORY');
    this.reader = this.groupCommit ? openReadConnection(file) : this.db;
    this.session = {
      all: async (sql, params) => statement(this.db, this.writeStatements, sql).all(...bindable(params)) as Row[],
      run: async (sql, params) => statement(this.db, this.writeStatements, sql).run(...bindable(params)).changes,
      exec: async (sql) => {
        this.db.exec(sql);
      },
    };
  }

  all(sql: string, params?: SqlParam[]): Promise<Row[]> {
    if (this.reader === this.db) return this.inTurn(() => this.session.all(sql, params));
    return readCommitted(this.reader, this.readStatements, sql, params, this.busyTimeoutMs);
  }

  /** A write outside a transaction is a transaction of one statement, so it too is durable when it resolves. */
  run(sql: string, params?: SqlParam[]): Promise<number> {
    return this.transaction((tx) => tx.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.transaction((tx) => tx.exec(sql));
  }

  // Not db.transaction(): it cannot span the awaits of the shared store code. The queue gives the same guarantee
  // that nothing else uses the connection until COMMIT, ROLLBACK or the end of the unit's savepoint.
  transaction<T>(work: (session: SqlSession) => Promise<T>, options: { alone?: boolean } = {}): Promise<T> {
    if (!this.groupCommit) return this.inTurn(() => this.retryWhileBusy(() => this.soloTransaction(work)));
    if (options.alone) {
      return this.inTurn(() => {
        // The open group has all its units (each took its turn before this one): it commits first.
        if (this.group) this.commitGroup(this.group);
        return this.retryWhileBusy(() => this.soloTransaction(work));
      });
    }
    return this.inTurn(() => this.joinGroup(work)).then(async ({ group, outcome }) => {
      await group.committed;
      if (!outcome.ok) throw outcome.error;
      return outcome.value;
    });
  }

  close(): Promise<void> {
    return this.inTurn(async () => {
      if (this.group) this.commitGroup(this.group);
      optimize(this.db, 'optimize');
      if (this.reader !== this.db) this.reader.close();
      this.db.close();
    });
  }

  private async soloTransaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      const result = await work(this.session);
      this.db.exec('COMMIT');
      this.commits += 1;
      return result;
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  /** Runs one unit in its own savepoint of the open group (opening one if needed); its outcome waits for the COMMIT. */
  private async joinGroup<T>(
    work: (session: SqlSession) => Promise<T>,
  ): Promise<{ group: CommitGroup; outcome: Outcome<T> }> {
    const group = this.group ?? (await this.retryWhileBusy(async () => this.openGroup()));
    group.units += 1;
    this.control('SAVEPOINT unit');
    try {
      const value = await work(this.session);
      this.control('RELEASE unit');
      return { group, outcome: { ok: true, value } };
    } catch (error) {
      this.abandonUnit(group, error);
      return { group, outcome: { ok: false, error } };
    }
  }

  private openGroup(): CommitGroup {
    this.control('BEGIN IMMEDIATE');
    const group = new CommitGroup();
    this.group = group;
    // setImmediate runs after the I/O callbacks of this turn, so the requests that arrived together join first;
    // the COMMIT then waits its turn in the queue behind any unit still running.
    setImmediate(() => void this.inTurn(async () => this.commitGroup(group)));
    return group;
  }

  /** Undoes a failed unit's writes only; if SQLite has already rolled back the whole transaction, the group is lost. */
  private abandonUnit(group: CommitGroup, error: unknown): void {
    try {
      if (this.db.inTransaction) {
        this.db.exec('ROLLBACK TO unit');
        this.db.exec('RELEASE unit');
        return;
      }
    } catch (rollbackError) {
      error = rollbackError;
    }
    this.failGroup(group, error);
  }

  private commitGroup(group: CommitGroup): void {
    if (this.group !== group) return; // already failed
    this.group = undefined;
    try {
      this.control('COMMIT');
    } catch (error) {
      this.group = group;
      this.failGroup(group, error);
      return;
    }
    this.commits += 1;
    group.settle();
  }

  private failGroup(group: CommitGroup, error: unknown): void {
    if (this.group === group) this.group = undefined;
    try {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
    } catch {
      // Nothing more can be undone from here; shutting the connection would discard the transaction anyway.
    }
    group.settle(error ?? new Error('the group commit failed'));
  }

  /** A transaction statement of every group or unit, prepared once rather than parsed at each use as exec() would. */
  private control(sql: 'BEGIN IMMEDIATE' | 'COMMIT' | 'SAVEPOINT unit' | 'RELEASE unit'): void {
    statement(this.db, this.writeStatements, sql).run();
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work);
    this.queue = result.catch(() => undefined);
    return result;
  }

  private retryWhileBusy<T>(work: () => Promise<T>): Promise<T> {
    return retryWhileBusy(work, this.busyTimeoutMs);
  }
}

/**
 * The read side alone, for a process whose writes go through another connection (a writer thread): every
 * statement sees committed data only, and a write sent here by mistake fails instead of escaping the writer.
 */
export class SqliteReader implements SqlDatabase {
  private readonly db: Database.Database;
  private readonly statements = statementCache();
  private readonly busyTimeoutMs: number;

  constructor(
    file: string,
    readonly dialect: SqlDialect,
    options: { busyTimeoutMs?: number } = {},
  ) {
    this.db = openReadConnection(file);
    this.busyTimeoutMs = options.busyTimeoutMs ?? 10_000;
  }

  all(sql: string, params?: SqlParam[]): Promise<Row[]> {
    return readCommitted(this.db, this.statements, sql, params, this.busyTimeoutMs);
  }

  run(): Promise<number> {
    return Promise.reject(new Error('this connection only reads: writes go through the writer'));
  }

  exec(): Promise<void> {
    return this.run().then(() => undefined);
  }

  transaction<T>(): Promise<T> {
    return this.run().then(() => undefined as T);
  }

  async close(): Promise<void> {
    this.db.close();
  }
}

/** A unit that met a locked database changed nothing, so running it again is safe. */
async function retryWhileBusy<T>(work: () => Promise<T>, busyTimeoutMs: number): Promise<T> {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 50)) {
    try {
      return await work();
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
  }
}

function readCommitted(
  db: Database.Database,
  cache: StatementCache,
  sql: string,
  params: SqlParam[] | undefined,
  busyTimeoutMs: number,
): Promise<Row[]> {
  return retryWhileBusy(async () => statement(db, cache, sql).all(...bindable(params)) as Row[], busyTimeoutMs);
}

function openConnection(file: string, walAutocheckpointPages?: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  if (walAutocheckpointPages !== undefined) db.pragma(`wal_autocheckpoint = ${Math.trunc(walAutocheckpointPages)}`);
  db.pragma('foreign_keys = ON');
  // SQLite's own busy handler sleeps the whole thread: while it waits for a transaction that another connection of
  // this process holds across an await, that transaction can never finish. So SQLite gives up at once and
  // retryWhileBusy() waits for the lock without blocking the event loop.
  db.pragma('busy_timeout = 0');
  return db;
}

/** A second connection on the file (the file made WAL first, if it was new), which can only read. */
function openReadConnection(file: string): Database.Database {
  const db = openConnection(file);
  db.pragma('query_only = ON');
  return db;
}

type StatementCache = LRUCache<string, Database.Statement>;

/**
 * Prepared statements by their SQL, each prepared once: preparing the UPDATE of a commit took 60 µs where running it
 * took 10 µs (side by side, better-sqlite3). Lists build their SQL from the filters asked for, so the number of
 * distinct statements is bounded but large; the least recently used are let go.
 */
function statementCache(): StatementCache {
  return new LRUCache({ max: 500 });
}

function statement(db: Database.Database, cache: StatementCache, sql: string): Database.Statement {
  let prepared = cache.get(sql);
  if (prepared === undefined) {
    prepared = db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}

/** Statistics are an aid to the planner, never worth failing for: another connection holding the lock skips them. */
function optimize(db: Database.Database, pragma: 'optimize' | 'optimize=0x10002'): void {
  try {
    db.pragma(pragma);
  } catch (error) {
    if (!isBusy(error)) throw error;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/** better-sqlite3 binds neither booleans nor undefined. */
function bindable(params: SqlParam[] = []): (string | number | null)[] {
  return params.map((param) => (param === undefined ? null : typeof param === 'boolean' ? Number(param) : param));
}
