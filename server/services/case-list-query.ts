// A list request's query parameters as a CaseQuery: views, filters, search, order and paging, each checked and
// refused with a 400 that says what is accepted. A page never holds more than maxPageSize cases: a larger `limit` is
// taken as that.
import {
  type CompiledDefinitions,
  viewNames,
  viewQuery,
  type ListQuery,
  caseSorts,
  maxPageSize,
  type CaseSort,
} from '../../engine/index.js';
import { problem } from '../http-problems.js';
import type { Viewer } from '../types.js';

export { BUILT_IN_VIEWS, worklistNames, type ListQuery } from '../../engine/index.js';

type Params = Record<string, unknown>;

function text(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string')
    throw problem(400, 'bad-request', `${name} must be given once, as text.`, { parameter: name });
  return value;
}

function flag(params: Params, name: string): boolean | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  if (value !== 'true' && value !== 'false')
    throw problem(400, 'bad-request', `${name} is true or false.`, { parameter: name });
  return value === 'true';
}

function date(params: Params, name: string): string | undefined {
  const value = text(params, name);
  if (value === undefined) return undefined;
  // A date stays a date, compared with the deadlines' dates; a date and time is made canonical.
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) return value;
  const time = new Date(value);
  if (Number.isNaN(time.getTime()))
    throw problem(400, 'bad-request', `${name} must be a date or a date and time.`, { parameter: name });
  return time.toISOString();
}

/** The view's own part of the query: whose cases, which list, and its usual order. */
function viewQueryOf(view: string, viewer: Viewer, defs: CompiledDefinitions): ListQuery {
  const query = viewQuery(view, { id: viewer.username, role: viewer.role }, defs);
  if (query) return query;
  throw problem(400, 'bad-request', `view is one of ${viewNames(defs).join(', ')}.`, { parameter: 'view' });
}

/** The query of GET /api/cases (and of the allocation queue, which fixes its own view). */
export function listQuery(
  params: Params,
  viewer: Viewer,
  defs: CompiledDefinitions,
  now: string,
): { view: string; query: ListQuery } {
  // `filter` is the older name of `view`.
  const view = text(params, 'view') ?? text(params, 'filter') ?? 'all';
  const query: ListQuery = { ...viewQueryOf(view, viewer, defs), count: true };
  const q = text(params, 'q');
  if (q !== undefined) query.q = q.slice(0, 200);
  const states = text(params, 'stage') ?? text(params, 'state');
  if (states !== undefined)
    query.states = states
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  const pathway = text(params, 'pathway');
  if (pathway !== undefined) query.pathwayId = pathway;
  const urgent = flag(params, 'urgent');
  if (urgent !== undefined) query.urgent = urgent;
  const priority = text(params, 'priority');
  if (priority !== undefined) {
    if (!/^-?\d+$/.test(priority))
      throw problem(400, 'bad-request', 'priority is a whole number (the lowest to list).', { parameter: 'priority' });
    query.minPriority = Number(priority);
  }
  const allocatedTo = text(params, 'allocatedTo');
  if (allocatedTo !== undefined) query.allocatedTo = allocatedTo === 'none' ? null : allocatedTo;
  const referredBy = text(params, 'referredBy');
  if (referredBy !== undefined) query.referredBy = referredBy;
  const dueBefore = date(params, 'dueBefore');
  // Overdue: a deadline before today (the date in UTC).
  const overdue = flag(params, 'overdue') ? now.slice(0, 10) : undefined;
  const before = [dueBefore, overdue].filter((d): d is string => d !== undefined).sort()[0];
  if (before !== undefined) query.dueBefore = before;
  if (flag(params, 'includeClosed')) query.includeClosed = true;
  const sort = text(params, 'sort');
  if (sort !== undefined) {
    if (!caseSorts.includes(sort as CaseSort))
      throw problem(400, 'bad-request', `sort is one of ${caseSorts.join(', ')}.`, { parameter: 'sort' });
    query.sort = sort as CaseSort;
  }
  const limit = text(params, 'limit');
  if (limit !== undefined) {
    if (!/^\d+$/.test(limit) || Number(limit) < 1)
      throw problem(400, 'bad-request', `limit is a whole number from 1 (at most ${maxPageSize} are sent).`, {
        parameter: 'limit',
      });
    query.limit = Math.min(Number(limit), maxPageSize);
  }
  const after = text(params, 'after');
  if (after !== undefined) {
    query.after = after;
    // Counted once, on the first page.
    query.count = false;
  }
  return { view, query };
}
