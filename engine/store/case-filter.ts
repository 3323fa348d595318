// Turns a CaseFilter into a WHERE clause with `?` parameters, over the summary columns of `cases`.
import { toInstant } from './rows.js';
import type { SqlParam } from './sql-database.js';
import type { CaseFilter } from './types.js';

export function caseFilterClause(filter: CaseFilter): { where: string; params: SqlParam[] } {
  const conditions: string[] = [];
  const params: SqlParam[] = [];
  const equals = (column: string, value: string | undefined): void => {
    if (value === undefined) return;
    conditions.push(`${column} = ?`);
    params.push(value);
  };
  equals('referred_by', filter.referredBy);
  equals('allocated_to', filter.allocatedTo);
  equals('pathway_id', filter.pathwayId);
  if (filter.states !== undefined) {
    conditions.push(filter.states.length === 0 ? '1 = 0' : `state IN (${filter.states.map(() => '?').join(', ')})`);
    params.push(...filter.states);
  }
  if (filter.includeClosed !== true) conditions.push('NOT closed');
  if (filter.dueBefore !== undefined) {
    conditions.push('EXISTS (SELECT 1 FROM deadlines d WHERE d.case_id = cases.id AND d.fired_at IS NULL AND d.due_at < ?)');
    params.push(toInstant(filter.dueBefore));
  }
  return { where: conditions.length === 0 ? '' : `WHERE ${conditions.join(' AND ')}`, params };
}
