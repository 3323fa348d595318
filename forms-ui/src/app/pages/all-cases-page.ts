// <all-cases-page>: every case the person may see, open ones first, optionally with the closed ones.
import { html } from 'lit';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { loaded } from '../core/templates.js';
import type { CaseSummary } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import '../components/case-list.js';

/** Properties: `context`. */
export class AllCasesPage extends LightElement {
  static override properties = { context: { attribute: false }, includeClosed: { state: true } };

  declare context: AppContext;
  declare includeClosed: boolean;
  readonly #load = new LoadController<CaseSummary[]>(
    this,
    async () => (await this.context.api.get<{ cases: CaseSummary[] }>(`api/cases?filter=all${this.includeClosed ? '&includeClosed=true' : ''}`)).cases,
    () => (this.context ? String(this.includeClosed) : undefined),
  );

  constructor() {
    super();
    this.includeClosed = false;
  }

  protected override render(): unknown {
    return html`<h1 class="heading-l" tabindex="-1">All cases</h1>
      <div class="checkboxes checkboxes--small">
        <div class="checkboxes__item">
          <input class="checkboxes__input" id="include-closed" type="checkbox" .checked=${this.includeClosed}
            @change=${(e: Event) => (this.includeClosed = (e.target as HTMLInputElement).checked)} />
          <label class="label checkboxes__label" for="include-closed">Include closed cases</label>
        </div>
      </div>
      ${loaded(this.#load, (cases) => html`<p class="body" role="status">${cases.length} case${cases.length === 1 ? '' : 's'}</p>
        <case-list heading-level="2" .cases=${[...cases].sort((a, b) => Number(a.closed) - Number(b.closed))}
          .fields=${['stage', 'referredBy', 'allocatedTo', 'opened', 'nextDeadline']}></case-list>`)}`;
  }
}

if (!customElements.get('all-cases-page')) customElements.define('all-cases-page', AllCasesPage);
