// Applies the numbered migrations not yet listed in schema_migrations, all in one transaction of their own.
import type { SqlDatabase } from './sql-database.js';

export async function runMigrations(db: SqlDatabase): Promise<void> {
  await db.transaction(
    async (tx) => {
      for (const statement of db.dialect.migrationPrelude) await tx.exec(statement);
      await tx.exec(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)',
      );
      const applied = new Set(
        (await tx.all('SELECT version FROM schema_migrations')).map((row) => Number(row.version)),
      );
      for (const migration of db.dialect.migrations) {
        if (applied.has(migration.version)) continue;
        await tx.exec(migration.sql);
        await tx.run('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)', [
          migration.version,
          migration.name,
          new Date().toISOString(),
        ]);
      }
    },
    { alone: true },
  );
}
