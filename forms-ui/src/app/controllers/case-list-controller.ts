// A list screen's page of cases, for the state its address describes (search, filters, sort, page): loaded again
// whenever the address changes, with the total remembered from the first page (the API counts only there), and focus
// moved to the results after Previous or Next so that a keyboard or screen reader user starts on the new page; and
// what its filters offer (stages, officers), loaded once.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadController } from './load-controller.js';
import type { AppContext } from '../core/context.js';
import { listChoices, type ListChoices } from '../core/list-choices.js';
import {
  EMPTY_LIST_STATE,
  listKey,
  listSearch,
  readListState,
  showingText,
  type ListOffer,
  type ListState,
} from '../core/list-query.js';
import type { CasePage } from '../core/types.js';

const DEFAULT_PAGE_SIZE = 25;

/** A list screen: given the app's context and its address's query as properties. */
export type ListHost = ReactiveControllerHost & HTMLElement & { context?: AppContext; query: URLSearchParams };

export interface CaseListOptions<T extends CasePage> {
  offer: ListOffer;
  /** Loads the page a state asks for (and whatever the screen shows beside it). */
  fetch: (state: ListState) => Promise<T>;
  /**
   * Where the filters offer choices, what they are: the stages (of one worklist only, where given) and the officers
   * (for roles that see all cases). Not loaded without it.
   */
  choices?: { worklist?: string; officers?: boolean };
}

export class CaseListController<T extends CasePage> implements ReactiveController {
  state: ListState = EMPTY_LIST_STATE;
  readonly load: LoadController<T>;
  readonly choices: LoadController<ListChoices>;
  #totals = new Map<string, number>();
  /** Whether the address has been read once: a later change is the person's doing (a search, a filter, a page). */
  #read = false;
  #moved: 'page' | 'list' | undefined;

  constructor(
    private readonly host: ListHost,
    private readonly options: CaseListOptions<T>,
  ) {
    // Added before the LoadController, so that the state is read from the address before it picks its key.
    host.addController(this);
    this.load = new LoadController<T>(
      host,
      () => this.options.fetch(this.state),
      () => this.#key(),
    );
    this.choices = new LoadController<ListChoices>(
      host,
      () => listChoices(host.context!, options.choices),
      () => (options.choices && host.context ? '' : undefined),
    );
  }

  /** The address's query; undefined while the screen cannot load yet. */
  #query(): URLSearchParams | undefined {
    return this.host.context ? this.host.query : undefined;
  }

  #key(): string | undefined {
    return this.#query() ? listSearch(this.state).toString() : undefined;
  }

  hostUpdate(): void {
    const query = this.#query();
    if (!query) return;
    const next = readListState(query, this.options.offer);
    const before = this.state;
    const read = this.#read;
    this.#read = true;
    if (listSearch(next).toString() === listSearch(before).toString()) return;
    if (read) this.#moved = listKey(next) === listKey(before) ? 'page' : 'list';
    this.state = next;
  }

  async hostUpdated(): Promise<void> {
    const page = this.load.value;
    if (page?.total !== undefined) this.#totals.set(listKey(this.state), page.total);
    if (!this.#moved || !page || this.load.loading) return;
    const moved = this.#moved;
    this.#moved = undefined;
    await this.host.updateComplete;
    const lost = !document.activeElement || document.activeElement === document.body;
    // Another page of the list: its results take focus. A new search or filter keeps focus where it was (the button
    // pressed) and the count is announced instead, unless what had focus has gone (the link of a removed filter).
    if (moved === 'page' || lost) this.host.querySelector<HTMLElement>('.list-status')?.focus();
  }

  /** The number of cases matching, where the first page of this list has told it. */
  get total(): number | undefined {
    return this.load.value?.total ?? this.#totals.get(listKey(this.state));
  }

  /** "Showing 1 to 25 of 110 cases", or what is happening while it loads. */
  statusText(empty: string): string {
    const page = this.load.value;
    // The error summary says what went wrong.
    if (this.load.error) return '';
    if (!page) return 'Loading cases…';
    return showingText(this.state, page.cases.length, page.limit ?? DEFAULT_PAGE_SIZE, this.total, empty);
  }
}
