// <case-list-controls>: a list's GOV.UK search box, its filters (only those the list offers), its sort, and the
// filters in force, each with a link that removes it. Applying them moves to the list's address with them in its
// query, so Back, reload and a shared link keep them.
import { html, nothing, type TemplateResult } from 'lit';
import type { Choice } from '../core/list-choices.js';
import {
  listHash,
  withFilters,
  withoutFilter,
  type ListFilter,
  type ListOffer,
  type ListSort,
  type ListState,
  type UrgencyChoice,
} from '../core/list-query.js';
import { formatDate } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { navigate } from '../core/router.js';

export const SORT_LABELS: Record<ListSort, string> = {
  oldest: 'Oldest first',
  newest: 'Newest first',
  waiting: 'Allocation order (urgent first, then longest waiting)',
  deadline: 'Next deadline, soonest first',
  name: 'Family name, A to Z',
};

export const URGENCY_LABELS: Record<UrgencyChoice, string> = {
  requested: 'Urgency requested',
  prioritised: 'Urgent (endorsed by everyone needed)',
  'not-requested': 'Not urgent',
};

/**
 * ```html
 * <case-list-controls path="/all-cases" .state=${state} .offer=${{ filters: ['q', 'stage'], sorts: ['oldest'] }}
 *   .stages=${choices.stages}></case-list-controls>
 * ```
 * Properties: `path` (the list's address), `state` (what the address shows now), `offer` (filters and sorts this list
 * has), `defaultSort`, `stages`, `pathways`, `officers` (choices), `finalStages` (stages only closed cases reach),
 * `referrerName` (who the referrer filter names).
 */
export class CaseListControls extends LightElement {
  static override properties = {
    path: {},
    state: { attribute: false },
    offer: { attribute: false },
    defaultSort: { attribute: false },
    stages: { attribute: false },
    pathways: { attribute: false },
    officers: { attribute: false },
    finalStages: { attribute: false },
    referrerName: { attribute: false },
  };

  declare path: string;
  declare state: ListState;
  declare offer: ListOffer;
  declare defaultSort: ListSort;
  declare stages: Choice[];
  declare pathways: Choice[];
  declare officers: Choice[];
  declare finalStages: string[];
  declare referrerName: string | undefined;

  #open: boolean | undefined;

  constructor() {
    super();
    this.path = '/';
    this.state = { filters: {}, after: [] };
    this.offer = { filters: ['q'], sorts: [] };
    this.defaultSort = 'oldest';
    this.stages = [];
    this.pathways = [];
    this.officers = [];
    this.finalStages = [];
  }

  #offers(name: ListFilter): boolean {
    return this.offer.filters.includes(name);
  }

  #apply(event: SubmitEvent): void {
    event.preventDefault();
    const form = new FormData(event.target as HTMLFormElement);
    const filters: ListState['filters'] = {};
    for (const name of this.offer.filters) {
      const value = form.get(name);
      if (typeof value === 'string' && value) filters[name] = value;
    }
    // A stage a case ends in is only ever reached by closed cases.
    if (filters.stage && this.finalStages.includes(filters.stage) && this.#offers('includeClosed'))
      filters.includeClosed = 'true';
    const sort = form.get('sort');
    const offered = (this.offer.sorts as string[]).includes(String(sort));
    const chosen = offered ? (sort as ListSort) : undefined;
    // The list's own order is left out of the address, so that one list has one address.
    const sorted = chosen && chosen !== this.defaultSort ? chosen : undefined;
    navigate(listHash(this.path, withFilters({ ...this.state, sort: undefined }, filters, sorted)));
  }

  #select(name: ListFilter, label: string, anyText: string, choices: Choice[]): TemplateResult | typeof nothing {
    if (!this.#offers(name) || !choices.length) return nothing;
    const value = this.state.filters[name] ?? '';
    return html`<div class="form-group list-filters__item">
      <label class="label" for="list-${name}">${label}</label>
      <select class="select" id="list-${name}" name=${name}>
        <option value="" ?selected=${!value}>${anyText}</option>
        ${choices.map((c) => html`<option value=${c.value} ?selected=${c.value === value}>${c.label}</option>`)}
      </select>
    </div>`;
  }

  #checkbox(name: ListFilter, label: string): TemplateResult | typeof nothing {
    if (!this.#offers(name)) return nothing;
    return html`<div class="checkboxes__item list-filters__item">
      <input class="checkboxes__input" id="list-${name}" name=${name} type="checkbox" value="true"
        .checked=${this.state.filters[name] === 'true'} />
      <label class="label checkboxes__label" for="list-${name}">${label}</label>
    </div>`;
  }

  /** The stages a list that never shows closed cases can have them in. */
  #openStages(): Choice[] {
    return this.stages.filter((s) => !this.finalStages.includes(s.value));
  }

  #filters(): unknown {
    const shown = this.offer.filters.filter((f) => f !== 'q' && f !== 'referredBy');
    if (!shown.length) return nothing;
    const urgency = Object.entries(URGENCY_LABELS).map(([value, label]) => ({ value, label }));
    const officers = [{ value: 'none', label: 'Not allocated' }, ...this.officers];
    // Open where a filter is in force when the screen is shown; then as the person leaves it, so that applying
    // filters never closes it under the focused button.
    this.#open ??= shown.some((f) => this.state.filters[f] !== undefined);
    return html`<details class="details list-filters" ?open=${this.#open}
      @toggle=${(e: Event) => (this.#open = (e.target as HTMLDetailsElement).open)}>
      <summary class="details__summary"><span class="details__summary-text">Filter the cases</span></summary>
      <div class="details__text list-filters__body">
        ${this.#select('stage', 'Stage', 'Any stage', this.#offers('includeClosed') ? this.stages : this.#openStages())}
        ${this.pathways.length > 1 ? this.#select('pathway', 'Pathway', 'Any pathway', this.pathways) : nothing}
        ${this.#select('urgency', 'Urgency', 'Any urgency', urgency)}
        ${this.#select('allocatedTo', 'Allocated officer', 'Anyone or nobody', this.officers.length ? officers : [])}
        ${
          this.#offers('dueBefore')
            ? html`<div class="form-group list-filters__item">
              <label class="label" for="list-dueBefore">Next deadline before</label>
              <input class="input input--width-10" id="list-dueBefore" name="dueBefore" type="date"
                .value=${this.state.filters.dueBefore ?? ''} />
            </div>`
            : nothing
        }
        ${this.#checkbox('overdue', 'Only cases with an overdue deadline')}
        ${this.#checkbox('includeClosed', 'Include closed cases')}
        <button class="button button--secondary" type="submit">Apply filters</button>
      </div>
    </details>`;
  }

  #sort(): unknown {
    if (this.offer.sorts.length < 2) return nothing;
    const current = this.state.sort ?? this.defaultSort;
    return html`<div class="form-group list-sort">
      <label class="label" for="list-sort">Sort by</label>
      <div class="list-sort__row">
        <select class="select" id="list-sort" name="sort">
          ${this.offer.sorts.map((s) => html`<option value=${s} ?selected=${s === current}>${SORT_LABELS[s]}</option>`)}
        </select>
        <button class="button button--secondary list-sort__button" type="submit">Sort</button>
      </div>
    </div>`;
  }

  /** The words for a filter in force, as its removal link says. */
  #chosen(name: ListFilter, value: string): string {
    const from = (choices: Choice[]) => choices.find((c) => c.value === value)?.label.trim() ?? value;
    switch (name) {
      case 'q':
        return `Search: ${value}`;
      case 'stage':
        return `Stage: ${from(this.stages)}`;
      case 'pathway':
        return `Pathway: ${from(this.pathways)}`;
      case 'urgency':
        return URGENCY_LABELS[value as UrgencyChoice] ?? value;
      case 'allocatedTo':
        return value === 'none' ? 'Not allocated' : `Allocated to ${from(this.officers)}`;
      case 'referredBy':
        return `Referred by ${this.referrerName ?? value}`;
      case 'overdue':
        return 'Overdue';
      case 'dueBefore':
        return `Next deadline before ${formatDate(value)}`;
      case 'includeClosed':
        return 'Closed cases included';
    }
  }

  #selected(): unknown {
    const chosen = (Object.entries(this.state.filters) as [ListFilter, string][]).filter(([, v]) => v !== undefined);
    if (!chosen.length) return nothing;
    // Not a heading: the filters label the list below, which the screen heads at its own level.
    return html`<div class="selected-filters">
      <p class="heading-s selected-filters__heading" id="selected-filters-heading">Selected filters</p>
      <ul class="selected-filters__list" aria-labelledby="selected-filters-heading">
        ${chosen.map(
          ([name, value]) => html`<li>
          <a class="selected-filters__tag" href=${listHash(this.path, withoutFilter(this.state, name))}>
            <span class="visually-hidden">Remove filter: </span>${this.#chosen(name, value)}</a>
        </li>`,
        )}
      </ul>
      <p class="body"><a class="link" href=${listHash(this.path, withFilters(this.state, {}))}>Clear filters</a></p>
    </div>`;
  }

  protected override render(): unknown {
    return html`<form class="list-controls" role="search" aria-label="Search and filter the cases" novalidate
        @submit=${(e: SubmitEvent) => this.#apply(e)}>
        <div class="form-group list-search">
          <label class="label" for="list-q">Search by name or case number</label>
          <div class="hint" id="list-q-hint">The start of a name is enough: "tay" finds Taylor</div>
          <div class="list-search__row">
            <input class="input list-search__input" id="list-q" name="q" type="search" autocomplete="off"
              spellcheck="false" aria-describedby="list-q-hint" .value=${this.state.filters.q ?? ''} />
            <button class="button list-search__button" type="submit">Search</button>
          </div>
        </div>
        ${
          this.state.filters.referredBy && this.#offers('referredBy')
            ? html`<input type="hidden" name="referredBy" .value=${this.state.filters.referredBy} />`
            : nothing
        }
        ${this.#filters()}
        ${this.#sort()}
      </form>
      ${this.#selected()}`;
  }
}

if (!customElements.get('case-list-controls')) customElements.define('case-list-controls', CaseListControls);
