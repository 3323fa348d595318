// <to-do-page>: where a person lands — the cases their role must act on now (GET /api/cases?view=act: a state that
// names the role among its actors, or a notice still asking it), a page at a time, with the latest notice for the role
// and the actions on the spot. Its title and words are the role's `landing` in roles.yaml (an urgent referral waiting
// for the service manager's endorsement, say), so the team words it in the protocol's terms.
import { html, nothing } from 'lit';
import { caseLabel } from '../core/case-label.js';
import type { AppContext } from '../core/context.js';
import { caseViews } from '../core/case-views.js';
import { formatDateTime } from '../core/format.js';
import { apiParams, LIST_SORTS, type ListOffer, type ListSort, type ListState } from '../core/list-query.js';
import { listBody } from '../core/list-templates.js';
import { LightElement } from '../core/light-element.js';
import { banner } from '../core/templates.js';
import type { CaseBody, CasePage, CaseSummary } from '../core/types.js';
import { CaseChangesController } from '../controllers/case-changes-controller.js';
import { CaseListController } from '../controllers/case-list-controller.js';
import '../components/case-actions.js';
import '../components/case-list.js';
import '../components/case-list-controls.js';
import '../components/start-case.js';

const PATH = '/to-do';
const OFFER: ListOffer = {
  filters: ['q', 'stage', 'urgency', 'overdue'],
  sorts: ['oldest', 'newest', 'deadline', 'name'],
};

interface Loaded extends CasePage {
  views: Map<string, CaseBody>;
}

/** Properties: `context`, `query` (the address's query: search, filters, sort, page). */
export class ToDoPage extends LightElement {
  static override properties = { context: { attribute: false }, query: { attribute: false } };

  declare context: AppContext;
  declare query: URLSearchParams;
  readonly #list: CaseListController<Loaded> = new CaseListController(this, {
    offer: OFFER,
    choices: {},
    fetch: (state) => this.#fetch(state),
  });
  readonly #changes = new CaseChangesController(this, this.#list.load);

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  /** The role's own order for this screen (roles.yaml `landing.sort`), else the oldest first. */
  get #defaultSort(): ListSort {
    const sort = this.context.user.landing?.sort as ListSort | undefined;
    return sort && LIST_SORTS.includes(sort) ? sort : 'oldest';
  }

  async #fetch(state: ListState): Promise<Loaded> {
    const { api } = this.context;
    const page = await api.get<CasePage>(`api/cases?${apiParams(state, { view: 'act', sort: this.#defaultSort })}`);
    return { ...page, views: await caseViews(api, page.cases) };
  }

  #extra(data: Loaded, c: CaseSummary): unknown {
    const view = data.views.get(c.id);
    if (!view) return nothing;
    const latest = view.notifications.filter((n) => n.roles.includes(this.context.user.role)).at(-1);
    return html`${
      latest
        ? html`<p class="body"><strong>Notification:</strong> ${latest.message}
            <span class="hint">(${formatDateTime(latest.at)})</span></p>`
        : nothing
    }
      <case-actions .context=${this.context} .caseBody=${view} .events=${view.allowedEvents}
        label="Actions for the case of ${caseLabel(c)}"></case-actions>`;
  }

  protected override render(): unknown {
    const landing = this.context.user.landing;
    const state = this.#list.state;
    return html`<h1 class="heading-l" tabindex="-1">${landing?.title ?? 'Waiting for you'}</h1>
      ${landing?.intro ? html`<p class="body">${landing.intro}</p>` : nothing}
      <start-case .context=${this.context}></start-case>
      ${banner(this.#changes.message)}
      <case-list-controls path=${PATH} .state=${state} .offer=${OFFER} .defaultSort=${this.#defaultSort}
        .stages=${this.#list.choices.value?.stages ?? []} .finalStages=${this.#list.choices.value?.finalStages ?? []}>
      </case-list-controls>
      ${listBody(
        this.#list,
        PATH,
        landing?.empty ?? 'Nothing is waiting for you.',
        (cases, data) => html`<case-list
        heading-level="2" .cases=${cases} .fields=${['stage', 'urgency', 'allocatedTo', 'nextDeadline']}
        .extra=${(c: CaseSummary) => this.#extra(data, c)}></case-list>`,
      )}`;
  }
}

if (!customElements.get('to-do-page')) customElements.define('to-do-page', ToDoPage);
