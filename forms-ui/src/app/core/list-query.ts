// A list screen's search, filters, sort and page, kept in the location hash's query ("#/all-cases?q=taylor&sort=name")
// so that Back, reload and a shared link show the same list; and the request to the API that asks for it. Pure: no DOM.

/** The narrowing a list may offer (each list offers only those that make sense for it). */
export const LIST_FILTERS = [
  'q',
  'stage',
  'pathway',
  'urgency',
  'allocatedTo',
  'referredBy',
  'overdue',
  'dueBefore',
  'includeClosed',
] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];

/** The orders of GET /api/cases. */
export const LIST_SORTS = ['oldest', 'newest', 'waiting', 'deadline', 'name'] as const;
export type ListSort = (typeof LIST_SORTS)[number];

/**
 * Urgency as one choice: urgency asked for (`urgent=true`), endorsed as urgent by everyone needed and so prioritised
 * (`priority=1`), or not asked for (`urgent=false`).
 */
export const URGENCY_CHOICES = ['requested', 'prioritised', 'not-requested'] as const;
export type UrgencyChoice = (typeof URGENCY_CHOICES)[number];

/** Filters that are a ticked box: "true" or absent. */
const FLAGS: readonly ListFilter[] = ['overdue', 'includeClosed'];
const MAX_QUERY = 200;
/** Cursors kept for Previous; a longer trail (page 500 and on) starts again from the first page. */
const MAX_PAGES = 500;

export interface ListState {
  /** The filters in force, by name (only those the list offers; a ticked box is "true"). */
  filters: Partial<Record<ListFilter, string>>;
  /** The order asked for; undefined is the list's own. */
  sort?: ListSort;
  /** The `next` cursor of each page before this one, first page's first: this page starts after the last. */
  after: string[];
}

export interface ListOffer {
  filters: readonly ListFilter[];
  sorts: readonly ListSort[];
}

export const EMPTY_LIST_STATE: ListState = { filters: {}, after: [] };

function validFilter(name: ListFilter, value: string): string | undefined {
  const text = value.trim();
  if (!text) return undefined;
  if (FLAGS.includes(name)) return text === 'true' ? 'true' : undefined;
  switch (name) {
    case 'q':
      return text.slice(0, MAX_QUERY);
    case 'urgency':
      return (URGENCY_CHOICES as readonly string[]).includes(text) ? text : undefined;
    case 'dueBefore':
      return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(text)) ? text : undefined;
    default:
      return text;
  }
}

/**
 * The state a hash's query describes, keeping only what this list offers and what is well formed: an edited or old
 * link still shows a list rather than an error.
 */
export function readListState(query: URLSearchParams, offer: ListOffer): ListState {
  const filters: ListState['filters'] = {};
  for (const name of offer.filters) {
    const value = validFilter(name, query.get(name) ?? '');
    if (value !== undefined) filters[name] = value;
  }
  const sort = query.get('sort') as ListSort | null;
  const after = query.getAll('after').filter(Boolean);
  return {
    filters,
    ...(sort && offer.sorts.includes(sort) ? { sort } : {}),
    after: after.length > MAX_PAGES ? [] : after,
  };
}

/** The hash's query of a state: filters in a fixed order, then the sort, then the page's cursors. */
export function listSearch(state: ListState): URLSearchParams {
  const search = new URLSearchParams();
  for (const name of LIST_FILTERS) {
    const value = state.filters[name];
    if (value !== undefined && value !== '') search.set(name, value);
  }
  if (state.sort) search.set('sort', state.sort);
  for (const cursor of state.after) search.append('after', cursor);
  return search;
}

/** The address of a list screen showing a state: `listHash('/all-cases', state)` → "#/all-cases?q=taylor". */
export function listHash(path: string, state: ListState): string {
  const search = listSearch(state).toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

/** A new search, filters or sort: back to the first page. */
export function withFilters(state: ListState, filters: ListState['filters'], sort?: ListSort): ListState {
  const kept: ListState['filters'] = {};
  for (const [name, value] of Object.entries(filters) as [ListFilter, string | undefined][]) {
    const valid = value === undefined ? undefined : validFilter(name, value);
    if (valid !== undefined) kept[name] = valid;
  }
  return { filters: kept, ...(sort ? { sort } : state.sort ? { sort: state.sort } : {}), after: [] };
}

/** The same list without one filter, from its first page. */
export function withoutFilter(state: ListState, name: ListFilter): ListState {
  const { [name]: _removed, ...rest } = state.filters;
  return { ...state, filters: rest, after: [] };
}

export function nextPage(state: ListState, cursor: string): ListState {
  return { ...state, after: [...state.after, cursor] };
}

export function previousPage(state: ListState): ListState {
  return { ...state, after: state.after.slice(0, -1) };
}

/** 1 for the first page. */
export function pageNumber(state: ListState): number {
  return state.after.length + 1;
}

/** What identifies the list whatever its page: its total is the same on every page. */
export function listKey(state: ListState): string {
  return listSearch({ ...state, after: [] }).toString();
}

/**
 * The query of GET /api/cases (or the allocation queue) for a state: the list's own parameters (`fixed`, e.g. its
 * view) first, then the filters as the API names them, the sort and the page's cursor.
 */
export function apiParams(state: ListState, fixed: Record<string, string> = {}, limit?: number): URLSearchParams {
  const params = new URLSearchParams(fixed);
  const { urgency, ...rest } = state.filters;
  for (const name of LIST_FILTERS) {
    const value = (rest as Partial<Record<ListFilter, string>>)[name];
    if (value !== undefined) params.set(name, value);
  }
  if (urgency === 'requested') params.set('urgent', 'true');
  else if (urgency === 'not-requested') params.set('urgent', 'false');
  else if (urgency === 'prioritised') params.set('priority', '1');
  if (state.sort) params.set('sort', state.sort);
  if (limit !== undefined) params.set('limit', String(limit));
  const after = state.after.at(-1);
  if (after) params.set('after', after);
  return params;
}

/**
 * "Showing 26 to 50 of 110 cases", or without the total where it is not known (a later page opened by a link); `empty`
 * when the page has none.
 */
export function showingText(
  state: ListState,
  shown: number,
  limit: number,
  total: number | undefined,
  empty: string,
): string {
  if (shown === 0) return pageNumber(state) > 1 ? 'There are no more cases.' : empty;
  const from = (pageNumber(state) - 1) * limit + 1;
  const to = from + shown - 1;
  const of = total !== undefined ? ` of ${total}` : '';
  const noun = total === 1 || (total === undefined && shown === 1 && from === 1) ? 'case' : 'cases';
  return `Showing ${from} to ${to}${of} ${noun}`;
}

/** Whether anything narrows the list (for "Clear filters" and the count's wording). */
export function isFiltered(state: ListState): boolean {
  return Object.keys(state.filters).length > 0;
}
