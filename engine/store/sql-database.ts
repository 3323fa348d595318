// What the shared SQL store needs from a database driver: run statements, and run a unit of work
// in one transaction. SQL is written once with `?` placeholders; each driver adapts it to its dialect.

export type Row = Record<string, unknown>;
export type SqlParam = string | number | boolean | null | undefined;

export interface SqlSession {
  /** Rows of a SELECT, or of a write with RETURNING. */
  all(sql: string, params?: SqlParam[]): Promise<Row[]>;
  /** Runs a write; returns the number of rows it changed. */
  run(sql: string, params?: SqlParam[]): Promise<number>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlDialect {
  name: 'sqlite' | 'postgres';
  migrations: readonly Migration[];
  /** Appended to the SELECT that picks deadlines to claim, so concurrent claimants skip each other's rows. */
  skipLockedRows: string;
  /** Run first in the migration transaction, so two instances starting together migrate one after the other. */
  migrationPrelude: readonly string[];
  /** Free-text search over the search_text column (see search-terms.ts): the condition, with one `?` for query(). */
  search: { condition: string; query(terms: string[]): string };
}

export interface SqlDatabase extends SqlSession {
  dialect: SqlDialect;
  /**
   * Commits when work resolves and rolls back when it throws. Write transactions take the write lock at once.
   * `alone`: never share the transaction with others (a database that groups transactions into one commit runs this
   * one by itself), for large work such as a migration.
   */
  transaction<T>(work: (session: SqlSession) => Promise<T>, options?: { alone?: boolean }): Promise<T>;
  close(): Promise<void>;
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}
