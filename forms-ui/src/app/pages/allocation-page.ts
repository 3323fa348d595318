// <allocation-page>: the queue of cases in the order they are to be allocated (priority, then time waiting), a page at
// a time, searched and filtered by urgency or referrer; each officer's load against their capacity; and each waiting
// case's actions — allocating offers the officers as choices. Its wording comes from the settings
// (`screens.allocation`).
import { html, nothing } from 'lit';
import { caseLabel } from '../core/case-label.js';
import { screenText, type AppContext } from '../core/context.js';
import { caseViews } from '../core/case-views.js';
import { daysUntil, formatDateTime } from '../core/format.js';
import { apiParams, isFiltered, pageNumber, type ListOffer, type ListState } from '../core/list-query.js';
import { listBody, referrerLink, referrerName } from '../core/list-templates.js';
import { LightElement } from '../core/light-element.js';
import { banner, tag } from '../core/templates.js';
import type { CaseBody, CasePage, CaseSummary, Officer } from '../core/types.js';
import { CaseChangesController } from '../controllers/case-changes-controller.js';
import { CaseListController } from '../controllers/case-list-controller.js';
import '../components/case-actions.js';
import '../components/case-list.js';
import '../components/case-list-controls.js';

const PATH = '/allocation';
/** The queue keeps its own order (the order to allocate in): it has no sort to choose. */
const OFFER: ListOffer = { filters: ['q', 'urgency', 'referredBy'], sorts: [] };
const PAGE_SIZE = 25;

interface Loaded extends CasePage {
  officers: Officer[];
  views: Map<string, CaseBody>;
}

/** Properties: `context`, `query` (the address's query: search, filters, page). */
export class AllocationPage extends LightElement {
  static override properties = { context: { attribute: false }, query: { attribute: false } };

  declare context: AppContext;
  declare query: URLSearchParams;
  readonly #list: CaseListController<Loaded> = new CaseListController(this, {
    offer: OFFER,
    fetch: (state) => this.#fetch(state),
  });
  readonly #changes = new CaseChangesController(this, this.#list.load);
  /** The loads as last loaded, kept on screen while another page of the queue loads. */
  #lastOfficers: Officer[] | undefined;

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  async #fetch(state: ListState): Promise<Loaded> {
    const { api } = this.context;
    const page = await api.get<CasePage & { officers: Officer[] }>(`api/cases/allocation-queue?${apiParams(state)}`);
    return { ...page, views: await caseViews(api, page.cases) };
  }

  #officers(officers: Officer[]): unknown {
    if (!officers.length) return html`<p class="body">No officers are listed in the settings.</p>`;
    return html`<ul class="officer-list">
      ${officers.map((o) => {
        const full = o.active >= o.capacity;
        return html`<li class="officer-list__item" data-officer=${o.username}>
          <p class="officer-list__name">${o.name}</p>
          <p class="officer-list__load"><span class="officer-load">${o.active} of ${o.capacity} active cases</span>
            ${full ? tag('At capacity', 'red') : tag(`${o.capacity - o.active} free`, 'green')}</p>
          <meter class="officer-list__meter" min="0" max=${o.capacity} value=${Math.min(o.active, o.capacity)}
            aria-label="Load of ${o.name}">${o.active} of ${o.capacity}</meter>
        </li>`;
      })}
    </ul>`;
  }

  /** Its place in the queue, where the whole queue is shown (a filtered one leaves cases out between them). */
  #extra(data: Loaded, c: CaseSummary, position: number | undefined): unknown {
    const view = data.views.get(c.id);
    const waited = c.waitingSince ? -daysUntil(c.waitingSince) : undefined;
    const since =
      waited !== undefined
        ? `waiting ${waited} day${waited === 1 ? '' : 's'} (since ${formatDateTime(c.waitingSince)})`
        : '';
    const place =
      position !== undefined
        ? this.#text('position', 'Position {position} in the queue').replace('{position}', String(position))
        : '';
    const words = [place, since].filter(Boolean).join(', ');
    return html`${words ? html`<p class="body">${words[0]!.toUpperCase()}${words.slice(1)}.</p>` : nothing}
      ${
        view
          ? html`<case-actions .context=${this.context} .caseBody=${view} .events=${view.allowedEvents}
            .officers=${data.officers} label="Actions for the case of ${caseLabel(c)}"></case-actions>`
          : nothing
      }`;
  }

  #text(key: string, fallback: string): string {
    return screenText(this.context.user, 'allocation', key, fallback);
  }

  protected override render(): unknown {
    const state = this.#list.state;
    const data = this.#list.load.value;
    // Positions count on from the pages before.
    const first = (pageNumber(state) - 1) * (data?.limit ?? PAGE_SIZE);
    const position = (page: Loaded, c: CaseSummary) =>
      isFiltered(state) ? undefined : first + page.cases.indexOf(c) + 1;
    if (data) this.#lastOfficers = data.officers;
    return html`<h1 class="heading-l" tabindex="-1">${this.#text('title', 'Allocation')}</h1>
      ${banner(this.#changes.message)}
      <h2 class="heading-m">Officers' caseloads</h2>
      ${this.#lastOfficers ? this.#officers(this.#lastOfficers) : nothing}
      <h2 class="heading-m">${this.#text('queue', 'Queue')}</h2>
      <p class="body">${this.#text('queueIntro', 'In the order to allocate: urgent first, then the longest waiting.')}</p>
      <case-list-controls path=${PATH} .state=${state} .offer=${OFFER}
        .referrerName=${referrerName(data, state)}></case-list-controls>
      ${listBody(
        this.#list,
        PATH,
        'No cases are waiting to be allocated.',
        (cases, page) => html`<case-list
        heading-level="3" .cases=${cases} .fields=${['stage', 'urgency', 'referredBy']}
        .referrerLink=${referrerLink(PATH, state)}
        .extra=${(c: CaseSummary) => this.#extra(page, c, position(page, c))}></case-list>`,
      )}`;
  }
}

if (!customElements.get('allocation-page')) customElements.define('allocation-page', AllocationPage);
