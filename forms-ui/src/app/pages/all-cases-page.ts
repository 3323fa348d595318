// <all-cases-page>: every case the person may see, a page at a time: searched by name or case number, filtered by
// stage, pathway, urgency, officer, referrer and deadline, closed ones on request, in the order they choose.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { apiParams, type ListOffer, type ListState } from '../core/list-query.js';
import { LightElement } from '../core/light-element.js';
import { listBody, referrerLink, referrerName } from '../core/list-templates.js';
import type { CasePage } from '../core/types.js';
import { CaseListController } from '../controllers/case-list-controller.js';
import '../components/case-list.js';
import '../components/case-list-controls.js';

const PATH = '/all-cases';
const OFFER: ListOffer = {
  filters: ['q', 'stage', 'pathway', 'urgency', 'allocatedTo', 'referredBy', 'overdue', 'dueBefore', 'includeClosed'],
  sorts: ['oldest', 'newest', 'deadline', 'name'],
};

/** Properties: `context`, `query` (the address's query: search, filters, sort, page). */
export class AllCasesPage extends LightElement {
  static override properties = { context: { attribute: false }, query: { attribute: false } };

  declare context: AppContext;
  declare query: URLSearchParams;
  readonly #list: CaseListController<CasePage> = new CaseListController(this, {
    offer: OFFER,
    choices: { officers: true },
    fetch: (state) => this.#fetch(state),
  });

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  #fetch(state: ListState): Promise<CasePage> {
    return this.context.api.get<CasePage>(`api/cases?${apiParams(state, { view: 'all' })}`);
  }

  protected override render(): unknown {
    const state = this.#list.state;
    const choices = this.#list.choices.value;
    const page = this.#list.load.value;
    return html`<h1 class="heading-l" tabindex="-1">All cases</h1>
      <case-list-controls path=${PATH} .state=${state} .offer=${OFFER} .defaultSort=${'oldest'}
        .stages=${choices?.stages ?? []} .pathways=${choices?.pathways ?? []} .officers=${choices?.officers ?? []}
        .finalStages=${choices?.finalStages ?? []}
        .referrerName=${referrerName(page, state)}></case-list-controls>
      ${listBody(
        this.#list,
        PATH,
        'There are no cases.',
        (cases) => html`<case-list heading-level="2"
        .cases=${cases} .fields=${['stage', 'urgency', 'referredBy', 'allocatedTo', 'nextDeadline']}
        .referrerLink=${referrerLink(PATH, state)}></case-list>`,
      )}`;
  }
}

if (!customElements.get('all-cases-page')) customElements.define('all-cases-page', AllCasesPage);
