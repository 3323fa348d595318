// The CaseStore in an embedded SQLite file (better-sqlite3). WAL with synchronous=FULL makes every
// acknowledged commit durable across a killed process or a power cut; write transactions start with
// BEGIN IMMEDIATE, so two connections on one file queue for the write lock instead of losing an update.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { sqliteMigrations } from './migrations/sqlite.js';
import { SqlCaseStore } from './sql-case-store.js';
import type { Row, SqlDatabase, SqlDialect, SqlParam, SqlSession } from './sql-database.js';
import type { CaseStore, StoreOptions } from './types.js';

const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  migrations: sqliteMigrations,
  skipLockedRows: '', // BEGIN IMMEDIATE already gives the claiming transaction the only write lock
  migrationPrelude: [],
};

/** Opens (creating the folder and file if needed) without migrating; call migrate() before use. */
export function openSqliteStore(file: string, options: StoreOptions & { busyTimeoutMs?: number } = {}): CaseStore {
  return new SqlCaseStore(new SqliteDatabase(file, options.busyTimeoutMs ?? 10_000), options);
}

class SqliteDatabase implements SqlDatabase {
  readonly dialect = sqliteDialect;
  private readonly db: Database.Database;
  private readonly statements = new Map<string, Database.Statement>();
  private readonly session: SqlSession;
  // One connection serves the whole process, and a transaction spans awaits, so every use of the
  // connection waits its turn; otherwise another caller's statement could run inside our transaction.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string, private readonly busyTimeoutMs: number) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file, { timeout: busyTimeoutMs });
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    // SQLite's own busy handler sleeps the whole thread: while it waits for a transaction that another
    // connection of this process holds across an await, that transaction can never finish. So SQLite
    // gives up at once and inTurn() waits for the lock without blocking the event loop.
    this.db.pragma('busy_timeout = 0');
    this.session = {
      all: async (sql, params) => this.statement(sql).all(...bindable(params)) as Row[],
      run: async (sql, params) => this.statement(sql).run(...bindable(params)).changes,
      exec: async (sql) => { this.db.exec(sql); },
    };
  }

  all(sql: string, params?: SqlParam[]): Promise<Row[]> {
    return this.inTurn(() => this.session.all(sql, params));
  }

  run(sql: string, params?: SqlParam[]): Promise<number> {
    return this.inTurn(() => this.session.run(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.inTurn(() => this.session.exec(sql));
  }

  // Not db.transaction(): it cannot span the awaits of the shared store code. The queue above
  // gives the same guarantee that nothing else uses the connection until COMMIT or ROLLBACK.
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    return this.inTurn(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await work(this.session);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  close(): Promise<void> {
    return this.inTurn(async () => { this.db.close(); });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(() => this.retryWhileBusy(work));
    this.queue = result.catch(() => undefined);
    return result;
  }

  /** A unit that met a locked database was rolled back whole, so running it again is safe. */
  private async retryWhileBusy<T>(work: () => Promise<T>): Promise<T> {
    const giveUpAt = Date.now() + this.busyTimeoutMs;
    for (let pauseMs = 1; ; pauseMs = Math.min(pauseMs * 2, 50)) {
      try {
        return await work();
      } catch (error) {
        if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
      }
      await new Promise((resolve) => setTimeout(resolve, pauseMs * (0.5 + Math.random())));
    }
  }

  private statement(sql: string): Database.Statement {
    let statement = this.statements.get(sql);
    if (statement === undefined) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }
}

function isBusy(error: unknown): boolean {
  return error instanceof Database.SqliteError && error.code.startsWith('SQLITE_BUSY');
}

/** better-sqlite3 binds neither booleans nor undefined. */
function bindable(params: SqlParam[] = []): (string | number | null)[] {
  return params.map((param) => (param === undefined ? null : typeof param === 'boolean' ? Number(param) : param));
}
