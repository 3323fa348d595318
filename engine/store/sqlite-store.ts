// The CaseStore in an embedded SQLite file (better-sqlite3). WAL with synchronous=FULL makes every
// acknowledged commit durable across a killed process or a power cut; write transactions start with
// BEGIN IMMEDIATE, so two connections on one file queue for the write lock instead of losing an update.
// Transactions that arrive together share one commit (sqlite-database.ts). The writes run on this thread
// ('inline', the default: the lowest latency for one caller at a time) or on a writer thread ('thread':
// waiting for the disk never stalls this thread, which is what a server under load needs; openStore uses it).
import { SqlCaseStore } from './sql-case-store.js';
import { SqliteDatabase, type SqliteDatabaseOptions } from './sqlite-database.js';
import { sqliteDialect } from './sqlite-dialect.js';
import { ThreadedSqliteStore, type ThreadedSqliteOptions } from './sqlite-threaded-store.js';
import type { CaseStore, StoreOptions } from './types.js';

export { sqliteDialect };

export interface SqliteStoreOptions
  extends StoreOptions, SqliteDatabaseOptions, Pick<ThreadedSqliteOptions, 'exclusive'> {
  /** 'inline' (default): writes on this thread; 'thread': on a writer thread. ':memory:' is always inline. */
  writer?: 'thread' | 'inline';
}

/** Opens (creating the folder and file if needed) without migrating; call migrate() before use. */
export function openSqliteStore(file: string, options: SqliteStoreOptions = {}): CaseStore {
  const { writer, exclusive, ...rest } = options;
  const inMemory = file === ':memory:' || file === '';
  if (!inMemory && writer === 'thread')
    return new ThreadedSqliteStore(file, { ...rest, ...(exclusive ? { exclusive } : {}) });
  if (exclusive) throw new Error('only the writer-thread SQLite store can hold its file exclusively');
  return new SqlCaseStore(new SqliteDatabase(file, sqliteDialect, rest), rest);
}
