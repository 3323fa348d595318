// Opens the configured store, migrated and ready: PostgreSQL when a database URL is given, else SQLite with its
// writes on a writer thread, held by this process alone (the server's store).
import { join } from 'node:path';
import { openPostgresStore } from './postgres-store.js';
import { openSqliteStore } from './sqlite-store.js';
import type { CaseStore, StoreOptions } from './types.js';

export * from './types.js';
export * from './performance-types.js';
export { MAX_REPORT_MONTHS } from './performance-figures.js';
export { StoreConflictError, StoreNotFoundError, StoreQueryError } from './errors.js';
export { openPostgresStore } from './postgres-store.js';
export { openSqliteStore } from './sqlite-store.js';
export { StoreInUseError } from './owner-lock.js';
export { caseSorts } from './case-query.js';

export const sqliteFileName = 'dao.sqlite';

export async function openStore(
  options: StoreOptions & { databaseUrl?: string; dataDir?: string } = {},
): Promise<CaseStore> {
  const store = options.databaseUrl
    ? openPostgresStore({ ...options, connectionString: options.databaseUrl })
    : openSqliteStore(join(options.dataDir ?? './data', sqliteFileName), {
        ...options,
        writer: 'thread',
        exclusive: true,
      });
  try {
    await store.migrate();
  } catch (error) {
    await store.close();
    throw error;
  }
  return store;
}
