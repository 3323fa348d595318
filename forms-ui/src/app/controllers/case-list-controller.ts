// A list screen's page of cases, for the state its address describes (search, filters, sort, page): loaded again
// whenever the address changes, with the total remembered from the first page (the API counts only there), and focus
// moved to the results after Previous or Next so that a keyboard or screen reader user starts on the new page.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { LoadController } from './load-controller.js';
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

export interface CaseListOptions<T extends CasePage> {
  offer: ListOffer;
  /** The address's query; undefined while the screen cannot load yet. */
  query: () => URLSearchParams | undefined;
  /** Loads the page a state asks for (and whatever the screen shows beside it). */
  fetch: (state: ListState) => Promise<T>;
}

export class CaseListController<T extends CasePage> implements ReactiveController {
  state: ListState = EMPTY_LIST_STATE;
  readonly load: LoadController<T>;
  #totals = new Map<string, number>();
  #focusResults = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: CaseListOptions<T>,
  ) {
    // Added before the LoadController, so that the state is read from the address before it picks its key.
    host.addController(this);
    this.load = new LoadController<T>(host, () => this.options.fetch(this.state), () => this.#key());
  }

  #key(): string | undefined {
    return this.options.query() ? listSearch(this.state).toString() : undefined;
  }

  hostUpdate(): void {
    const query = this.options.query();
    if (!query) return;
    const next = readListState(query, this.options.offer);
    const before = this.state;
    if (listSearch(next).toString() === listSearch(before).toString()) return;
    // Another page of the same list: its results take focus once shown. A new search keeps focus where it is (on
    // the button pressed), and the count is announced instead.
    this.#focusResults = listKey(next) === listKey(before) && next.after.join() !== before.after.join();
    this.state = next;
  }

  async hostUpdated(): Promise<void> {
    const page = this.load.value;
    if (page?.total !== undefined) this.#totals.set(listKey(this.state), page.total);
    if (this.#focusResults && page && !this.load.loading) {
      this.#focusResults = false;
      await this.host.updateComplete;
      this.host.querySelector<HTMLElement>('.list-status')?.focus();
    }
  }

  /** The number of cases matching, where the first page of this list has told it. */
  get total(): number | undefined {
    return this.load.value?.total ?? this.#totals.get(listKey(this.state));
  }

  /** "Showing 1 to 25 of 110 cases", or what is happening while it loads. */
  statusText(empty: string): string {
    const page = this.load.value;
    if (this.load.error) return 'The cases could not be loaded.';
    if (!page) return 'Loading cases…';
    return showingText(this.state, page.cases.length, page.limit ?? DEFAULT_PAGE_SIZE, this.total, empty);
  }
}
