// <referrals-page>: the Team Manager's inbox of referrals sent in and not yet decided (the definitions' `referrals`
// worklist), a page at a time, searched and filtered: who each is about, where it is, its urgency, what its forms
// worked out from the answers (an outcome, a score) and what can be done with it now.
import { html, nothing } from 'lit';
import { caseLabel } from '../core/case-label.js';
import { computedAnswers, type ComputedAnswer } from '../core/computed-answers.js';
import { screenText, type AppContext } from '../core/context.js';
import { caseViews } from '../core/case-views.js';
import { apiParams, type ListOffer, type ListState } from '../core/list-query.js';
import { listBody, referrerLink, referrerName } from '../core/list-templates.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { tag } from '../core/templates.js';
import type { CaseBody, CasePage, CaseSummary } from '../core/types.js';
import { CaseListController } from '../controllers/case-list-controller.js';
import '../components/case-list.js';
import '../components/case-list-controls.js';

const PATH = '/referrals';
/** The worklist of the definitions this screen shows (state meta `worklists`). */
const WORKLIST = 'referrals';
const OFFER: ListOffer = { filters: ['q', 'stage', 'urgency', 'referredBy'], sorts: ['oldest', 'newest', 'name'] };

type Outcome = ComputedAnswer & { form: string };

interface Loaded extends CasePage {
  views: Map<string, CaseBody>;
  outcomes: Map<string, Outcome[]>;
}

/** Properties: `context`, `query` (the address's query: search, filters, sort, page). */
export class ReferralsPage extends LightElement {
  static override properties = { context: { attribute: false }, query: { attribute: false } };

  declare context: AppContext;
  declare query: URLSearchParams;
  readonly #list: CaseListController<Loaded> = new CaseListController(this, {
    offer: OFFER,
    choices: { worklist: WORKLIST },
    fetch: (state) => this.#fetch(state),
  });

  constructor() {
    super();
    this.query = new URLSearchParams();
  }

  async #fetch(state: ListState): Promise<Loaded> {
    const { api, catalogue } = this.context;
    const page = await api.get<CasePage>(`api/cases?${apiParams(state, { view: WORKLIST })}`);
    const views = await caseViews(api, page.cases);
    const outcomes = new Map<string, Outcome[]>();
    for (const [id, view] of views) {
      const found: Outcome[] = [];
      for (const [formId, submission] of Object.entries(view.forms)) {
        const schema = await catalogue.form(formId, view.definitionVersion).catch(() => undefined);
        if (!schema) continue;
        const form = String(schema.title ?? formId);
        for (const answer of computedAnswers(schema, submission.data)) found.push({ ...answer, form });
      }
      outcomes.set(id, found);
    }
    return { ...page, views, outcomes };
  }

  #extra(data: Loaded, c: CaseSummary): unknown {
    const outcomes = data.outcomes.get(c.id) ?? [];
    const view = data.views.get(c.id);
    const actions = view?.allowedEvents ?? [];
    const latest = view?.notifications.filter((n) => n.roles.includes(this.context.user.role)).at(-1);
    return html`${latest ? html`<p class="body"><strong>Latest notification:</strong> ${latest.message}</p>` : nothing}
      ${outcomes.map(
        (o) => html`<p class="body outcome"><strong>${o.form} – ${o.title}:</strong>
        ${o.colour === 'red' ? tag('Red', 'red') : o.colour === 'green' ? tag('Green', 'green') : nothing} ${o.text}</p>`,
      )}
      ${
        actions.length
          ? html`<p class="body">You can: ${actions.map((a) => a.title).join('; ')}.
            <a class="link" href=${href('/cases', c.id)}>Open the referral<span class="visually-hidden">
            of ${caseLabel(c)}</span> to act on it</a></p>`
          : nothing
      }`;
  }

  protected override render(): unknown {
    const text = (key: string, fallback: string) => screenText(this.context.user, 'referrals', key, fallback);
    const state = this.#list.state;
    const page = this.#list.load.value;
    return html`<h1 class="heading-l" tabindex="-1">${text('title', 'Referrals')}</h1>
      <p class="body">${text('intro', 'Referrals sent in and not yet queued for allocation or allocated, oldest first.')}</p>
      <case-list-controls path=${PATH} .state=${state} .offer=${OFFER} .defaultSort=${'oldest'}
        .stages=${this.#list.choices.value?.stages ?? []} .referrerName=${referrerName(page, state)}></case-list-controls>
      ${listBody(
        this.#list,
        PATH,
        'There are no referrals waiting.',
        (cases, data) => html`<case-list heading-level="2"
        .cases=${cases} .fields=${['stage', 'urgency', 'referredBy', 'opened']}
        .extra=${(c: CaseSummary) => this.#extra(data, c)}
        .referrerLink=${referrerLink(PATH, state)}></case-list>`,
      )}`;
  }
}

if (!customElements.get('referrals-page')) customElements.define('referrals-page', ReferralsPage);
