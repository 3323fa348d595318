// <my-cases-page>: the cases of a person who sees only their own, a page at a time, searched, filtered and sorted —
// those allocated to them (with their caseload against their capacity and the deadlines this week) and those they
// referred (with the latest news and the documents shared with them) — each with its next step, and, where their role
// may open cases, a button to start one.
import { html, nothing } from 'lit';
import { caseLabel, deadlineWords } from '../core/case-label.js';
import type { AppContext } from '../core/context.js';
import { caseViews } from '../core/case-views.js';
import { daysUntil } from '../core/format.js';
import { apiParams, pageNumber, type ListOffer, type ListState } from '../core/list-query.js';
import { listBody } from '../core/list-templates.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { loaded, tag } from '../core/templates.js';
import type { CaseBody, CasePage, CaseSummary } from '../core/types.js';
import { CaseListController } from '../controllers/case-list-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/appointment-agenda.js';
import '../components/case-documents.js';
import '../components/start-case.js';
import type { CaseListField } from '../components/case-list.js';
import '../components/case-list.js';
import '../components/case-list-controls.js';

const PATH = '/my-cases';
const OFFER: ListOffer = {
  filters: ['q', 'stage', 'urgency', 'overdue', 'dueBefore', 'includeClosed'],
  sorts: ['oldest', 'newest', 'deadline', 'name'],
};
const WEEK_DAYS = 7;
/** An officer's caseload is about 15 cases: one page of the largest size holds it. */
const CASELOAD_PAGE = 100;

interface Loaded extends CasePage {
  views: Map<string, CaseBody>;
}

/** Properties: `context`, `query` (the address's query: search, filters, sort, page). */
export class MyCasesPage extends LightElement {
  static override properties = { context: { attribute: false }, query: { attribute: false } };

  declare context: AppContext;
  declare query: URLSearchParams;
  /** The person's open cases allocated to them, where cases are allocated to them. */
  readonly #caseload = new LoadController<CasePage>(
    this,
    () => this.#fetchCaseload(),
    () => (this.context && this.#officer ? this.context.user.username : undefined),
  );
  readonly #list: CaseListController<Loaded> = new CaseListController(this, {
    offer: OFFER,
    choices: {},
    fetch: (state) => this.#fetch(state),
  });

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  get #officer(): boolean {
    return this.context.user.capacity !== undefined;
  }

  #fetchCaseload(): Promise<CasePage> {
    const { api, user } = this.context;
    const query = { view: 'mine', allocatedTo: user.username, limit: String(CASELOAD_PAGE), sort: 'deadline' };
    return api.get<CasePage>(`api/cases?${new URLSearchParams(query)}`);
  }

  async #fetch(state: ListState): Promise<Loaded> {
    const { api } = this.context;
    const page = await api.get<CasePage>(`api/cases?${apiParams(state, { view: 'mine' })}`);
    // Each open case's full view: its next step, the latest news, the documents shared.
    return {
      ...page,
      views: await caseViews(
        api,
        page.cases.filter((c) => !c.closed),
      ),
    };
  }

  #nextStep(view: CaseBody | undefined): unknown {
    if (!view) return nothing;
    const role = this.context.user.role;
    const task = view.instances.filter((i) => !i.done && i.actors.includes(role)).flatMap((i) => i.tasks)[0];
    const fallback = view.allowedEvents.length
      ? 'An action is waiting for you on the case page'
      : 'Nothing for you to do now';
    return html`<p class="body case-next-step"><strong>Next step:</strong> ${task ?? fallback}</p>`;
  }

  #extra(data: Loaded, c: CaseSummary): unknown {
    const view = data.views.get(c.id);
    const latest =
      c.allocatedTo === this.context.user.username
        ? undefined
        : view?.notifications.filter((n) => n.roles.includes(this.context.user.role)).at(-1);
    return html`${this.#nextStep(view)}${latest ? html`<p class="body">Latest news: ${latest.message}</p>` : nothing}`;
  }

  #caseloadSummary(caseload: CasePage): unknown {
    const active = caseload.cases.filter((c) => c.activeCase).length;
    const more = caseload.next ? 'at least ' : '';
    const capacity = this.context.user.capacity;
    const soon = caseload.cases.filter((c) => c.nextDeadline && daysUntil(c.nextDeadline) <= WEEK_DAYS);
    return html`<section aria-labelledby="caseload-heading">
      <h2 class="heading-m" id="caseload-heading">Your caseload</h2>
      <p class="body caseload-count">You hold <strong>${more}${active}</strong> active case${active === 1 ? '' : 's'}${
        capacity !== undefined ? html` of your capacity of <strong>${capacity}</strong>` : nothing
      } (${more}${caseload.cases.length} open).</p>
      ${
        capacity !== undefined
          ? html`<meter class="officer-list__meter" min="0" max=${capacity} value=${Math.min(active, capacity)}
            aria-label="Your caseload against your capacity">${active} of ${capacity}</meter>`
          : nothing
      }
      <h3 class="heading-s">Deadlines this week</h3>
      ${
        soon.length
          ? html`<ul class="list deadline-list">${soon.map(
              (c) => html`<li>
            <a class="link" href=${href('/cases', c.id)}>${caseLabel(c)}</a>:
            ${deadlineWords(c)}${c.overdue ? html` ${tag('Overdue', 'red')}` : nothing}</li>`,
            )}</ul>`
          : html`<p class="body">No deadlines fall in the next ${WEEK_DAYS} days.</p>`
      }
    </section>`;
  }

  #shared(data: Loaded): unknown {
    const mine = this.context.user.username;
    const shared = data.cases.filter((c) => c.allocatedTo !== mine && data.views.get(c.id)?.documents.length);
    // An officer has every document of their cases on the case; a referrer is sent those shared with them.
    if (this.#officer && !shared.length) return nothing;
    const paged = data.next !== null || pageNumber(this.#list.state) > 1;
    return html`<h2 class="heading-m">Documents shared with you</h2>
      ${paged ? html`<p class="hint">Of the cases on this page.</p>` : nothing}
      ${shared.length ? nothing : html`<p class="body">No documents have been shared with you yet.</p>`}
      ${shared.map(
        (c) => html`<h3 class="heading-s">${caseLabel(c)}</h3>
        <case-documents .api=${this.context.api} case-id=${c.id} .documents=${data.views.get(c.id)!.documents}
          heading-level="4"></case-documents>`,
      )}`;
  }

  protected override render(): unknown {
    const choices = this.#list.choices.value;
    const state = this.#list.state;
    const heading = this.#officer ? 'Cases allocated to you' : 'Your referrals';
    const empty = this.#officer ? 'No cases are allocated to you.' : 'You have not referred any cases.';
    const fields: CaseListField[] = this.#officer
      ? ['stage', 'urgency', 'referredBy', 'nextDeadline']
      : ['stage', 'urgency', 'opened', 'allocatedTo'];
    return html`<h1 class="heading-l" tabindex="-1">Your cases</h1>
      <start-case .context=${this.context}></start-case>
      ${this.#officer ? loaded(this.#caseload, (caseload) => this.#caseloadSummary(caseload)) : nothing}
      ${this.#officer ? html`<appointment-agenda .context=${this.context}></appointment-agenda>` : nothing}
      <section aria-labelledby="my-cases-list-heading">
        <h2 class="heading-m" id="my-cases-list-heading">${heading}</h2>
        <case-list-controls path=${PATH} .state=${state} .offer=${OFFER} .defaultSort=${'oldest'}
          .stages=${choices?.stages ?? []} .finalStages=${choices?.finalStages ?? []}>
        </case-list-controls>
        ${listBody(
          this.#list,
          PATH,
          empty,
          (cases, data) => html`<case-list heading-level="3" .cases=${cases}
          .fields=${fields} .extra=${(c: CaseSummary) => this.#extra(data, c)}></case-list>`,
        )}
      </section>
      ${this.#list.load.value ? this.#shared(this.#list.load.value) : nothing}`;
  }
}

if (!customElements.get('my-cases-page')) customElements.define('my-cases-page', MyCasesPage);
