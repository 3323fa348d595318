// <referrals-page>: the team manager's inbox of referrals not yet queued for allocation or allocated — where each
// one is, who sent it, what its forms worked out from the answers (an outcome, a score) and what can be done with it now.
import { html, nothing } from 'lit';
import { computedAnswers, type ComputedAnswer } from '../core/computed-answers.js';
import { screenText, type AppContext } from '../core/context.js';
import { allCases, caseViews } from '../core/case-views.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { loaded, tag } from '../core/templates.js';
import type { CaseBody, CaseSummary } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/case-list.js';

interface Loaded {
  cases: CaseSummary[];
  views: Map<string, CaseBody>;
  outcomes: Map<string, (ComputedAnswer & { form: string })[]>;
}

/** Properties: `context`. */
export class ReferralsPage extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<Loaded>(this, () => this.#fetch(), () => (this.context ? '' : undefined));

  async #fetch(): Promise<Loaded> {
    const { api, catalogue } = this.context;
    const cases = (await allCases(api)).filter((c) => !c.closed && !c.allocatedTo && !c.waiting);
    const views = await caseViews(api, cases);
    const outcomes = new Map<string, (ComputedAnswer & { form: string })[]>();
    for (const [id, view] of views) {
      const found: (ComputedAnswer & { form: string })[] = [];
      for (const [formId, submission] of Object.entries(view.forms)) {
        const schema = await catalogue.form(formId, view.definitionVersion).catch(() => undefined);
        if (schema) for (const answer of computedAnswers(schema, submission.data)) found.push({ ...answer, form: String(schema.title ?? formId) });
      }
      outcomes.set(id, found);
    }
    return { cases, views, outcomes };
  }

  #extra(data: Loaded, c: CaseSummary): unknown {
    const outcomes = data.outcomes.get(c.id) ?? [];
    const view = data.views.get(c.id);
    const actions = view?.allowedEvents ?? [];
    const latest = view?.notifications.filter((n) => n.roles.includes(this.context.user.role)).at(-1);
    return html`${latest ? html`<p class="body"><strong>Latest notification:</strong> ${latest.message}</p>` : nothing}${outcomes.map((o) => html`<p class="body outcome"><strong>${o.form} – ${o.title}:</strong>
        ${o.colour === 'red' ? tag('Red', 'red') : o.colour === 'green' ? tag('Green', 'green') : nothing} ${o.text}</p>`)}
      ${actions.length
        ? html`<p class="body">You can: ${actions.map((a) => a.title).join('; ')}. <a class="link" href=${href('/cases', c.id)}>Open case ${c.id.split('-')[0]!.toUpperCase()}<span class="visually-hidden"> to act on it</span></a></p>`
        : nothing}`;
  }

  protected override render(): unknown {
    const text = (key: string, fallback: string) => screenText(this.context.user, 'referrals', key, fallback);
    return html`<h1 class="heading-l" tabindex="-1">${text('title', 'Referrals')}</h1>
      <p class="body">${text('intro', 'Referrals sent in and not yet queued for allocation or allocated, oldest first.')}</p>
      ${loaded(this.#load, (data) => html`<case-list heading-level="2" .cases=${data.cases} .fields=${['stage', 'referredBy', 'opened', 'priority']}
        .extra=${(c: CaseSummary) => this.#extra(data, c)} empty-text="There are no referrals waiting."></case-list>`)}`;
  }
}

if (!customElements.get('referrals-page')) customElements.define('referrals-page', ReferralsPage);
