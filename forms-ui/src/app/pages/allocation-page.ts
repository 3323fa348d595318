// <allocation-page>: the queue of cases in the order they are to be allocated (priority, then time waiting), each
// officer's load against their capacity, and each waiting case's actions — allocating offers the officers as choices.
// Its wording comes from the settings (`screens.allocation`).
import { html, nothing } from 'lit';
import { screenText, type AppContext } from '../core/context.js';
import { caseViews } from '../core/case-views.js';
import { daysUntil, formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { banner, loaded, tag } from '../core/templates.js';
import type { CaseBody, CaseSummary, Officer } from '../core/types.js';
import { CaseChangesController } from '../controllers/case-changes-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/case-actions.js';
import '../components/case-list.js';

interface Loaded {
  cases: CaseSummary[];
  officers: Officer[];
  views: Map<string, CaseBody>;
}

/** Properties: `context`. */
export class AllocationPage extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<Loaded>(this, () => this.#fetch(), () => (this.context ? '' : undefined));
  readonly #changes = new CaseChangesController(this, this.#load);

  async #fetch(): Promise<Loaded> {
    const { api } = this.context;
    const { cases, officers } = await api.get<{ cases: CaseSummary[]; officers: Officer[] }>('api/cases/allocation-queue');
    return { cases, officers, views: await caseViews(api, cases) };
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
          <meter class="officer-list__meter" min="0" max=${o.capacity} value=${Math.min(o.active, o.capacity)} aria-label="Load of ${o.name}">${o.active} of ${o.capacity}</meter>
        </li>`;
      })}
    </ul>`;
  }

  #extra(data: Loaded, c: CaseSummary, position: number): unknown {
    const view = data.views.get(c.id);
    const waited = c.waitingSince ? -daysUntil(c.waitingSince) : undefined;
    const place = this.#text('position', 'Position {position} in the queue').replace('{position}', String(position));
    return html`<p class="body">${place}${waited !== undefined ? html`, waiting ${waited} day${waited === 1 ? '' : 's'} (since ${formatDateTime(c.waitingSince)})` : nothing}.</p>
      ${view
        ? html`<case-actions .context=${this.context} .caseBody=${view} .events=${view.allowedEvents} .officers=${data.officers}
            label="Actions for case ${c.id.split('-')[0]!.toUpperCase()}"></case-actions>`
        : nothing}`;
  }

  #text(key: string, fallback: string): string {
    return screenText(this.context.user, 'allocation', key, fallback);
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">${this.#text('title', 'Allocation')}</h1>
      ${banner(this.#changes.message)}
      ${loaded(this.#load, (data) => html`
        <h2 class="heading-m">Officers' caseloads</h2>
        ${this.#officers(data.officers)}
        <h2 class="heading-m">${this.#text('queue', 'Queue')}</h2>
        <p class="body">${this.#text('queueIntro', 'In the order to allocate: urgent cases first, then the longest waiting.')}</p>
        <case-list heading-level="3" .cases=${data.cases} .fields=${['stage', 'priority', 'referredBy']}
          .extra=${(c: CaseSummary) => this.#extra(data, c, data.cases.indexOf(c) + 1)} empty-text="No cases are waiting to be allocated."></case-list>`)}`;
  }
}

if (!customElements.get('allocation-page')) customElements.define('allocation-page', AllocationPage);
