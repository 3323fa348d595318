// A CaseQuery as SQL over the summary columns of `cases` (the same `?` SQL for both databases, but for the search
// condition each dialect gives): visibility first, then every filter, one order and a keyset cursor, so a page costs
// what its rows cost however many cases are stored before it.
import { StoreQueryError } from './errors.js';
import { listItemColumns } from './rows.js';
import { searchTerms } from './search-terms.js';
import type { Row, SqlDialect, SqlParam } from './sql-database.js';
import { defaultPageSize, maxPageSize, type CaseQuery, type CaseSort, type CaseVisibility } from './types.js';

interface SortKey {
  column: string;
  descending?: boolean;
}

/** Each order ends with the id, so that no two cases tie and a cursor points between two cases exactly. */
const SORTS: Record<CaseSort, SortKey[]> = {
  oldest: [{ column: 'created_at' }, { column: 'id' }],
  newest: [
    { column: 'created_at', descending: true },
    { column: 'id', descending: true },
  ],
  // Allocation order: higher priority first, then the longest waiting.
  waiting: [{ column: 'priority', descending: true }, { column: 'queue_since' }, { column: 'id' }],
  deadline: [{ column: 'deadline_sort' }, { column: 'id' }],
  name: [{ column: 'name_sort' }, { column: 'id' }],
};

export const caseSorts = Object.keys(SORTS) as CaseSort[];

export interface ListSql {
  /** The page, one row more than asked for (its presence says there is a next page). */
  page: { sql: string; params: SqlParam[] };
  /** How many match, up to `cap` + 1, or undefined when not asked for. */
  count?: { sql: string; params: SqlParam[] };
  limit: number;
  sort: CaseSort;
}

export function listSql(query: CaseQuery, dialect: SqlDialect, cap: number): ListSql {
  const sort = query.sort ?? 'oldest';
  const keys = SORTS[sort];
  if (!keys) throw new StoreQueryError(`sort is one of ${caseSorts.join(', ')}`, 'sort');
  const limit = Math.min(maxPageSize, Math.max(1, Math.trunc(query.limit ?? defaultPageSize) || defaultPageSize));
  const where = new Where();
  visibility(where, query.visibleTo);
  filters(where, query, dialect);
  const countSql = `SELECT count(*) AS n FROM (SELECT 1 FROM cases ${where.sql()} LIMIT ${cap + 1}) matching`;
  const count = query.count ? { sql: countSql, params: [...where.params] } : undefined;
  if (query.after !== undefined) afterCursor(where, keys, decodeCursor(query.after, sort, keys.length));
  const order = keys.map((k) => `${k.column}${k.descending ? ' DESC' : ''}`).join(', ');
  const columns = [...new Set([...listItemColumns.split(', '), ...keys.map((k) => k.column)])].join(', ');
  const sql = `SELECT ${columns} FROM cases ${where.sql()} ORDER BY ${order} LIMIT ${limit + 1}`;
  return { page: { sql, params: where.params }, ...(count ? { count } : {}), limit, sort };
}

/** The cursor that continues after this row. */
export function cursorAfter(row: Row, sort: CaseSort): string {
  const values = SORTS[sort].map((k) => row[k.column] as string | number);
  return Buffer.from(JSON.stringify([sort, ...values])).toString('base64url');
}

class Where {
  private readonly conditions: string[] = [];
  readonly params: SqlParam[] = [];

  add(condition: string, ...params: SqlParam[]): void {
    this.conditions.push(condition);
    this.params.push(...params);
  }

  sql(): string {
    return this.conditions.length === 0 ? '' : `WHERE ${this.conditions.join(' AND ')}`;
  }
}

function visibility(where: Where, visibleTo: CaseVisibility): void {
  if ('all' in visibleTo) return;
  const condition = visibilityCondition(visibleTo);
  where.add(condition.sql, ...condition.params);
}

function visibilityCondition(visibleTo: CaseVisibility): { sql: string; params: SqlParam[] } {
  if ('all' in visibleTo) return { sql: '1 = 1', params: [] };
  if ('referredBy' in visibleTo)
    return { sql: '(referred_by = ? OR created_by = ?)', params: [visibleTo.referredBy, visibleTo.referredBy] };
  if ('allocatedTo' in visibleTo) return { sql: 'allocated_to = ?', params: [visibleTo.allocatedTo] };
  // A case must-act list is kept only while the case is open (rows.ts, caseLists).
  if ('acting' in visibleTo)
    return { sql: 'id IN (SELECT case_id FROM case_lists WHERE list = ?)', params: [`act:${visibleTo.acting}`] };
  if ('except' in visibleTo) {
    const inner = visibilityCondition(visibleTo.within);
    const pathways = visibleTo.except.pathways;
    if (pathways.length === 0) return inner;
    return {
      sql: `(pathway_id NOT IN (${pathways.map(() => '?').join(', ')}) AND ${inner.sql})`,
      params: [...pathways, ...inner.params],
    };
  }
  if ('anyOf' in visibleTo && visibleTo.anyOf.length) {
    const parts = visibleTo.anyOf.map(visibilityCondition);
    return { sql: `(${parts.map((p) => p.sql).join(' OR ')})`, params: parts.flatMap((p) => p.params) };
  }
  return { sql: '1 = 0', params: [] };
}

function filters(where: Where, query: CaseQuery, dialect: SqlDialect): void {
  if (query.includeClosed !== true) where.add('NOT closed');
  if (query.ids !== undefined) {
    if (query.ids.length > maxPageSize) throw new StoreQueryError(`ids names at most ${maxPageSize} cases`, 'ids');
    where.add(query.ids.length === 0 ? '1 = 0' : `id IN (${query.ids.map(() => '?').join(', ')})`, ...query.ids);
  }
  if (query.list !== undefined) where.add('id IN (SELECT case_id FROM case_lists WHERE list = ?)', query.list);
  if (query.involving !== undefined)
    where.add('(allocated_to = ? OR referred_by = ?)', query.involving, query.involving);
  if (query.waiting !== undefined) where.add(query.waiting ? 'waiting' : 'NOT waiting');
  if (query.states !== undefined) {
    if (query.states.length === 0) where.add('1 = 0');
    else {
      // A state, or any state inside it: `a` takes in `a.b`.
      where.add(
        `(${query.states.map(() => "state = ? OR state LIKE ? ESCAPE '\\'").join(' OR ')})`,
        ...query.states.flatMap((state) => [state, `${state.replace(/[\\%_]/g, '\\$&')}.%`]),
      );
    }
  }
  if (query.pathwayId !== undefined) where.add('pathway_id = ?', query.pathwayId);
  if (query.urgent !== undefined) where.add(query.urgent ? 'urgent' : 'NOT urgent');
  if (query.minPriority !== undefined) where.add('priority >= ?', query.minPriority);
  if (query.allocatedTo === null) where.add('allocated_to IS NULL');
  else if (query.allocatedTo !== undefined) where.add('allocated_to = ?', query.allocatedTo);
  if (query.referredBy !== undefined) where.add('referred_by = ?', query.referredBy);
  // A case with no deadline has one in year 9999 (rows.ts), never before anything asked.
  if (query.dueBefore !== undefined) where.add('deadline_sort < ?', query.dueBefore);
  const terms = query.q === undefined ? [] : searchTerms(query.q);
  if (terms.length > 0) where.add(dialect.search.condition, dialect.search.query(terms));
}

/** Rows strictly after the cursor's in the sort order: row values where the keys share a direction. */
function afterCursor(where: Where, keys: SortKey[], values: (string | number)[]): void {
  const uniform = keys.every((k) => k.descending === keys[0]!.descending);
  if (uniform) {
    const columns = keys.map((k) => k.column).join(', ');
    where.add(`(${columns}) ${keys[0]!.descending ? '<' : '>'} (${keys.map(() => '?').join(', ')})`, ...values);
    return;
  }
  // (a DESC, b, c): a < ? OR (a = ? AND (b, c) > (?, ?))
  const [first, ...rest] = keys;
  const restColumns = rest.map((k) => k.column).join(', ');
  where.add(
    `(${first!.column} ${first!.descending ? '<' : '>'} ? OR ` +
      `(${first!.column} = ? AND (${restColumns}) > (${rest.map(() => '?').join(', ')})))`,
    values[0]!,
    values[0]!,
    ...values.slice(1),
  );
}

function decodeCursor(cursor: string, sort: CaseSort, length: number): (string | number)[] {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    decoded = undefined;
  }
  const valid =
    Array.isArray(decoded) &&
    decoded.length === length + 1 &&
    decoded[0] === sort &&
    decoded.slice(1).every((v) => typeof v === 'string' || typeof v === 'number');
  if (!valid) throw new StoreQueryError('after is not the next cursor of a page of this list (in this order)', 'after');
  return (decoded as unknown[]).slice(1) as (string | number)[];
}
