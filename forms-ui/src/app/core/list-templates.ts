// The parts of a list screen around its cards: the count of what is shown, announced when it changes, and GOV.UK
// pagination (Previous and Next, as the API pages by cursor rather than by number).
import { html, nothing, type TemplateResult } from 'lit';
import { isFiltered, listHash, nextPage, pageNumber, previousPage, withFilters, type ListState } from './list-query.js';
import { errorSummary, problemText } from './templates.js';
import type { CasePage, CaseSummary } from './types.js';
import type { CaseListController } from '../controllers/case-list-controller.js';

/** The count, a polite live region: a screen reader hears it after each search without losing its place. */
export function listStatus(text: string): TemplateResult {
  return html`<p class="body list-status" role="status" aria-live="polite" tabindex="-1">${text}</p>`;
}

const ARROW_PREVIOUS = html`<svg class="pagination__icon" xmlns="http://www.w3.org/2000/svg" height="13" width="15"
  aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m6.5938-0.0078125-6.7266 6.7266 6.7441 6.4062
  1.377-1.449-4.1856-3.9768h12.896v-2h-12.984l4.2931-4.293-1.414-1.414z"></path></svg>`;
const ARROW_NEXT = html`<svg class="pagination__icon" xmlns="http://www.w3.org/2000/svg" height="13" width="15"
  aria-hidden="true" focusable="false" viewBox="0 0 15 13"><path d="m8.107-0.0078125-1.4136 1.414 4.2926 4.293
  h-12.986v2h12.896l-4.1855 3.9766 1.377 1.4492 6.7441-6.4062-6.7246-6.7266z"></path></svg>`;

/** Previous and Next, each a link to the list's address for that page; nothing on a list of one page. */
export function pagination(path: string, state: ListState, next: string | null): TemplateResult | typeof nothing {
  const page = pageNumber(state);
  if (page === 1 && !next) return nothing;
  const link = (to: ListState, rel: 'prev' | 'next') => html`<a class="pagination__link" href=${listHash(path, to)}
    rel=${rel}>${rel === 'prev' ? ARROW_PREVIOUS : ARROW_NEXT}<span class="pagination__link-title">${
      rel === 'prev' ? 'Previous' : 'Next'
    }<span class="visually-hidden"> page</span></span><span class="visually-hidden">:</span>
    <span class="pagination__link-label">Page ${pageNumber(to)}</span></a>`;
  return html`<nav class="pagination" aria-label="Pages of results">
    ${page > 1 ? html`<div class="pagination__prev">${link(previousPage(state), 'prev')}</div>` : nothing}
    ${next ? html`<div class="pagination__next">${link(nextPage(state, next), 'next')}</div>` : nothing}
  </nav>`;
}

/**
 * A list screen's results: the count (or why there is none: `empty` when nothing narrows the list), the cards the
 * screen makes of the page's cases, and Previous and Next; the error summary when the page could not be loaded.
 */
export function listBody<T extends CasePage>(
  list: CaseListController<T>,
  path: string,
  empty: string,
  cards: (cases: CaseSummary[], page: T) => unknown,
): unknown {
  const page = list.load.value;
  const error = list.load.error;
  // A page's cursor from an old or edited link may no longer be one: the first page is always there.
  const first = listHash(path, { ...list.state, after: [] });
  const restart =
    error && list.state.after.length
      ? html`<p class="body"><a class="link" href=${first}>Go to the first page</a></p>`
      : nothing;
  const summary = error ? errorSummary([{ text: problemText(error) }], 'The cases could not be loaded') : nothing;
  return html`${summary}${restart}
    ${listStatus(list.statusText(isFiltered(list.state) ? 'No cases match your search and filters.' : empty))}
    ${page && page.cases.length ? cards(page.cases, page) : nothing}
    ${page ? pagination(path, list.state, page.next) : nothing}`;
}

/** The name of the referrer a list is filtered by, from a case of theirs on the page. */
export function referrerName(page: CasePage | undefined, state: ListState): string | undefined {
  const username = state.filters.referredBy;
  if (!username) return undefined;
  return page?.cases.find((c) => c.referredBy === username)?.referredByName ?? undefined;
}

/** The address of the same list showing only the cases one referrer referred (none where it shows only theirs). */
export function referrerLink(path: string, state: ListState): (c: CaseSummary) => string | undefined {
  return (c) =>
    c.referredBy && c.referredBy !== state.filters.referredBy
      ? listHash(path, withFilters(state, { ...state.filters, referredBy: c.referredBy }))
      : undefined;
}
