// <start-case>: a start button for each pathway the person's role may open a case on (none where it may open none);
// pressing one opens the case and goes to it, or says why it could not be opened.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { LightElement } from '../core/light-element.js';
import { href, navigate } from '../core/router.js';
import { errorSummary, problemText } from '../core/templates.js';
import type { CaseBody, PathwayListItem } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';

/**
 * ```html
 * <start-case .context=${context}></start-case>
 * ```
 * Properties: `context`.
 */
export class StartCase extends LightElement {
  static override properties = { context: { attribute: false }, error: { state: true } };

  declare context: AppContext;
  declare error: string | undefined;
  readonly #pathways = new LoadController<PathwayListItem[]>(
    this,
    async () => (await this.context.api.get<{ pathways: PathwayListItem[] }>('api/pathways')).pathways,
    () => this.context?.user.username,
  );

  async #start(pathway: PathwayListItem): Promise<void> {
    this.error = undefined;
    try {
      const opened = await this.context.api.post<CaseBody>('api/cases', { pathway: pathway.id });
      navigate(href('/cases', opened.id));
    } catch (error) {
      this.error = problemText(error);
    }
  }

  protected override render(): unknown {
    const startable = (this.#pathways.value ?? []).filter((p) => p.mayStart);
    if (!startable.length) return nothing;
    return html`${this.error ? errorSummary([{ text: this.error }], 'The case could not be started') : nothing}
      <div class="start-case">${startable.map(
        (p) => html`<button type="button" class="button button--start"
        @click=${() => void this.#start(p)}>Start a new case: ${p.title}</button>`,
      )}</div>`;
  }
}

if (!customElements.get('start-case')) customElements.define('start-case', StartCase);
