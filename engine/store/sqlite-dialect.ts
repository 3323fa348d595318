// How the shared SQL store speaks to SQLite.
import { sqliteMigrations } from './migrations/sqlite.js';
import type { SqlDialect } from './sql-database.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  migrations: sqliteMigrations,
  skipLockedRows: '', // BEGIN IMMEDIATE already gives the claiming transaction the only write lock
  migrationPrelude: [],
};
