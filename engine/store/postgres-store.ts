// The CaseStore in PostgreSQL, for deployments with several server instances. JSON columns are jsonb,
// which keeps values but not the order of object keys. Statements are the shared `?` SQL, numbered here.
import pg from 'pg';
import { postgresMigrations } from './migrations/postgres.js';
import { SqlCaseStore } from './sql-case-store.js';
import type { Row, SqlDatabase, SqlDialect, SqlParam, SqlSession } from './sql-database.js';
import type { CaseStore, StoreOptions } from './types.js';

const jsonbTypeId = 3802;
// Every instance migrates under this lock, so two instances starting together do not collide.
const migrationLockKey = 0x6461_6f31;

export interface PostgresStoreOptions extends StoreOptions {
  connectionString: string;
  /** Schema for the tables (created by migrate()); the connection's default search_path when absent. */
  schema?: string;
  maxConnections?: number;
}

/** Opens a pool without migrating; call migrate() before use. */
export function openPostgresStore(options: PostgresStoreOptions): CaseStore {
  return new SqlCaseStore(new PostgresDatabase(options), options);
}

class PostgresDatabase implements SqlDatabase {
  readonly dialect: SqlDialect;
  private readonly pool: pg.Pool;

  constructor(options: PostgresStoreOptions) {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]*$/.test(schema)) {
      throw new TypeError(`schema '${schema}' must be lower-case letters, digits and underscores`);
    }
    this.dialect = {
      name: 'postgres',
      migrations: postgresMigrations,
      skipLockedRows: ' FOR UPDATE SKIP LOCKED',
      // Full text over search_vector (migrations/postgres.ts): every word must begin a word of the case's text.
      search: {
        condition: "search_vector @@ to_tsquery('simple', ?)",
        query: (terms) => terms.map((term) => `${term}:*`).join(' & '),
      },
      migrationPrelude: [
        `SELECT pg_advisory_xact_lock(${migrationLockKey})`,
        ...(schema === undefined ? [] : [`CREATE SCHEMA IF NOT EXISTS ${schema}`]),
      ],
    };
    this.pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.maxConnections ?? 10,
      ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
      // jsonb arrives as text, like SQLite's JSON columns, so the shared row mappers parse both.
      types: {
        getTypeParser: ((typeId: number, format?: 'text' | 'binary') =>
          typeId === jsonbTypeId
            ? (text: string) => text
            : pg.types.getTypeParser(typeId, format)) as typeof pg.types.getTypeParser,
      },
    });
    // An idle connection that breaks (server restart) is dropped by the pool and the next query opens
    // another; without a listener the 'error' event would end the process.
    this.pool.on('error', () => undefined);
  }

  all(sql: string, params?: SqlParam[]): Promise<Row[]> {
    return allRows(this.pool, sql, params);
  }

  run(sql: string, params?: SqlParam[]): Promise<number> {
    return changedRows(this.pool, sql, params);
  }

  async exec(sql: string): Promise<void> {
    await this.pool.query(sql);
  }

  async transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const session: SqlSession = {
      all: (sql, params) => allRows(client, sql, params),
      run: (sql, params) => changedRows(client, sql, params),
      exec: async (sql) => {
        await client.query(sql);
      },
    };
    try {
      await client.query('BEGIN');
      const result = await work(session);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is destroyed rather than returned to the pool.
      const rollbackError = await client.query('ROLLBACK').then(
        () => undefined,
        (failure: Error) => failure,
      );
      client.release(rollbackError);
      throw error;
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}

type Queryable = Pick<pg.Pool, 'query'>;

async function allRows(target: Queryable, sql: string, params: SqlParam[] = []): Promise<Row[]> {
  return (await target.query(numberPlaceholders(sql), params)).rows as Row[];
}

async function changedRows(target: Queryable, sql: string, params: SqlParam[] = []): Promise<number> {
  return (await target.query(numberPlaceholders(sql), params)).rowCount ?? 0;
}

/** `?` becomes `$1`, `$2`…; the shared SQL has no `?` anywhere else. */
function numberPlaceholders(sql: string): string {
  let position = 0;
  return sql.replace(/\?/g, () => `$${++position}`);
}
