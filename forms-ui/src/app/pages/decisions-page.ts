// <decisions-page>: open cases that have notified the person's role since they last acted on them and where they can
// act now (an urgent referral waiting for endorsement, say), newest notification first, with the actions on the spot.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { allCases, caseViews } from '../core/case-views.js';
import { caseReference, formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { banner, loaded } from '../core/templates.js';
import type { CaseBody } from '../core/types.js';
import { CaseChangesController } from '../controllers/case-changes-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/case-actions.js';

/** Properties: `context`. */
export class DecisionsPage extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<CaseBody[]>(this, () => this.#fetch(), () => (this.context ? '' : undefined));

  readonly #changes = new CaseChangesController(this, this.#load);

  /** Notifications to the person's role since they last acted on the case. */
  #notices(view: CaseBody) {
    const { role, username } = this.context.user;
    const lastActed = view.history.filter((h) => h.by === username).at(-1)?.at ?? '';
    return view.notifications.filter((n) => n.roles.includes(role) && n.at > lastActed);
  }

  async #fetch(): Promise<CaseBody[]> {
    const open = (await allCases(this.context.api)).filter((c) => !c.closed);
    const views = [...(await caseViews(this.context.api, open)).values()];
    return views
      .filter((v) => v.allowedEvents.length && this.#notices(v).length)
      .sort((a, b) => this.#notices(b).at(-1)!.at.localeCompare(this.#notices(a).at(-1)!.at));
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">Decisions waiting for you</h1>
      <p class="body">Open cases with news for your role since you last acted on them, where you can act now.</p>
      ${banner(this.#changes.message)}
      ${loaded(this.#load, (views) => (views.length
        ? html`<ul class="card-list">${views.map((view) => {
            const latest = this.#notices(view).at(-1)!;
            return html`<li class="summary-card"><div class="summary-card__title-wrapper">
              <h2 class="summary-card__title"><a class="link" href=${href('/cases', view.id)}>Case ${caseReference(view.id)}</a></h2></div>
              <div class="summary-card__content">
                <p class="body"><strong>Stage:</strong> ${view.title}</p>
                <p class="body"><strong>Notification:</strong> ${latest.message} <span class="hint">(${formatDateTime(latest.at)})</span></p>
                <case-actions .context=${this.context} .caseBody=${view} .events=${view.allowedEvents} label="Actions for case ${caseReference(view.id)}"></case-actions>
              </div></li>`;
          })}</ul>`
        : html`<p class="body">Nothing is waiting for you to act on.</p>`))}`;
  }
}

if (!customElements.get('decisions-page')) customElements.define('decisions-page', DecisionsPage);
