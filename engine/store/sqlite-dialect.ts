// How the shared SQL store speaks to SQLite.
import { sqliteMigrations } from './migrations/sqlite.js';
import type { SqlDialect } from './sql-database.js';

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  migrations: sqliteMigrations,
  skipLockedRows: '', // BEGIN IMMEDIATE already gives the claiming transaction the only write lock
  migrationPrelude: [],
  // FTS5 over search_text (migrations/sqlite.ts): every word must begin a word of the case's text.
  search: {
    condition: 'cases.rowid IN (SELECT rowid FROM case_search WHERE case_search MATCH ?)',
    query: (terms) => terms.map((term) => `"${term}"*`).join(' '),
  },
};
