// <my-cases-page>: the cases of a person who sees only their own — those allocated to them (their caseload, its
// deadlines this week and each case's next step) and those they referred (status, and the documents shared with
// them) — and, where their role may open cases, a button to start one.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { caseReference, daysUntil, dueText, formatDate } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href, navigate } from '../core/router.js';
import { errorSummary, loaded, problemText } from '../core/templates.js';
import type { CaseBody, CaseSummary, PathwayListItem } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/case-documents.js';
import '../components/case-list.js';

interface Loaded {
  startable: PathwayListItem[];
  allocated: CaseSummary[];
  referred: CaseSummary[];
  views: Map<string, CaseBody>;
}

const WEEK_DAYS = 7;

/** Properties: `context`. */
export class MyCasesPage extends LightElement {
  static override properties = { context: { attribute: false }, error: { state: true } };

  declare context: AppContext;
  declare error: string | undefined;
  readonly #load = new LoadController<Loaded>(this, () => this.#fetch(), () => (this.context ? this.context.user.username : undefined));

  async #fetch(): Promise<Loaded> {
    const { api, user } = this.context;
    const [{ pathways }, { cases }] = await Promise.all([
      api.get<{ pathways: PathwayListItem[] }>('api/pathways'),
      api.get<{ cases: CaseSummary[] }>('api/cases?filter=mine&includeClosed=true'),
    ]);
    const allocated = cases.filter((c) => c.allocatedTo === user.username);
    const referred = cases.filter((c) => c.allocatedTo !== user.username);
    // Each open case's full view: its next step, every deadline, the documents shared.
    const open = cases.filter((c) => !c.closed).slice(0, 50);
    const views = new Map(await Promise.all(open.map(async (c) => [c.id, await api.get<CaseBody>(`api/cases/${encodeURIComponent(c.id)}`)] as const)));
    return { startable: pathways.filter((p) => p.mayStart), allocated, referred, views };
  }

  async #start(pathway: PathwayListItem): Promise<void> {
    this.error = undefined;
    try {
      const opened = await this.context.api.post<CaseBody>('api/cases', { pathway: pathway.id });
      navigate(href('/cases', opened.id));
    } catch (error) {
      this.error = problemText(error);
    }
  }

  #nextStep(view: CaseBody | undefined): unknown {
    if (!view) return nothing;
    const role = this.context.user.role;
    const mine = view.instances.filter((i) => !i.done && i.actors.includes(role));
    const task = mine.flatMap((i) => i.tasks)[0];
    const actions = view.allowedEvents.length;
    return html`<p class="body case-next-step"><strong>Next step:</strong> ${task ?? (actions ? 'An action is waiting for you on the case page' : 'Nothing for you to do now')}</p>`;
  }

  #caseload(data: Loaded): unknown {
    const open = data.allocated.filter((c) => !c.closed);
    const active = open.filter((c) => c.activeCase).length;
    const capacity = this.context.user.capacity;
    const soon = data.allocated
      .flatMap((c) => (data.views.get(c.id)?.deadlines ?? []).map((d) => ({ caseId: c.id, ...d })))
      .filter((d) => daysUntil(d.due) <= WEEK_DAYS)
      .sort((a, b) => a.due.localeCompare(b.due));
    return html`<section aria-labelledby="caseload-heading">
      <h2 class="heading-m" id="caseload-heading">Your caseload</h2>
      <p class="body caseload-count">You hold <strong>${active}</strong> active case${active === 1 ? '' : 's'}${capacity !== undefined ? html` of your capacity of <strong>${capacity}</strong>` : nothing} (${open.length} open).</p>
      ${capacity !== undefined
        ? html`<meter class="officer-list__meter" min="0" max=${capacity} value=${Math.min(active, capacity)} aria-label="Your caseload against your capacity">${active} of ${capacity}</meter>`
        : nothing}
      <h3 class="heading-s">Deadlines this week</h3>
      ${soon.length
        ? html`<ul class="list deadline-list">${soon.map((d) => html`<li><a class="link" href=${href('/cases', d.caseId)}>Case ${caseReference(d.caseId)}</a>: ${d.label} – ${formatDate(d.due)} (${dueText(d.due)})</li>`)}</ul>`
        : html`<p class="body">No deadlines fall in the next ${WEEK_DAYS} days.</p>`}
      <h3 class="heading-s">Cases allocated to you</h3>
      <case-list heading-level="4" .cases=${open} .fields=${['stage', 'referredBy', 'nextDeadline']}
        .extra=${(c: CaseSummary) => this.#nextStep(data.views.get(c.id))} empty-text="No cases are allocated to you."></case-list>
    </section>`;
  }

  #referrals(data: Loaded): unknown {
    const shared = data.referred.flatMap((c) => {
      const view = data.views.get(c.id);
      return view?.documents.length ? [view] : [];
    });
    const role = this.context.user.role;
    return html`<section aria-labelledby="referrals-heading">
      <h2 class="heading-m" id="referrals-heading">Your referrals</h2>
      <case-list heading-level="3" .cases=${data.referred} .fields=${['stage', 'opened', 'allocatedTo']} empty-text="You have not referred any cases."
        .extra=${(c: CaseSummary) => {
          const latest = data.views.get(c.id)?.notifications.filter((n) => n.roles.includes(role)).at(-1);
          return html`${this.#nextStep(data.views.get(c.id))}${latest ? html`<p class="body">Latest news: ${latest.message}</p>` : nothing}`;
        }}></case-list>
      <h2 class="heading-m">Documents shared with you</h2>
      ${shared.length
        ? shared.map((view) => html`<h3 class="heading-s">Case ${caseReference(view.id)}</h3>
            <case-documents .api=${this.context.api} case-id=${view.id} .documents=${view.documents}
              heading-level="4"></case-documents>`)
        : html`<p class="body">No documents have been shared with you yet.</p>`}
    </section>`;
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">Your cases</h1>
      ${this.error ? errorSummary([{ text: this.error }], 'The case could not be started') : nothing}
      ${loaded(this.#load, (data) => html`
        ${data.startable.length
          ? html`<div class="start-case">${data.startable.map((p) => html`<button type="button" class="button button--start" @click=${() => void this.#start(p)}>
              Start a new case: ${p.title}</button>`)}</div>`
          : nothing}
        ${data.allocated.length || !data.startable.length ? this.#caseload(data) : nothing}
        ${data.referred.length || data.startable.length ? this.#referrals(data) : nothing}`)}`;
  }
}

if (!customElements.get('my-cases-page')) customElements.define('my-cases-page', MyCasesPage);
