// <pathway-diagram>: a pathway drawn as nested boxes, one per state, each listing its ways out. The state a case is
// in is marked by the words "You are here", aria-current and a thick border: never by colour alone. Being HTML, it
// reads in order with a screen reader and reflows at any width.
import { html, nothing, type TemplateResult } from 'lit';
import type { Diagram, DiagramState, Way } from '../core/diagram-model.js';
import { LightElement } from '../core/light-element.js';

/**
 * ```html
 * <pathway-diagram .diagram=${parseDiagram(mermaidText)} caption="Referral pathway"></pathway-diagram>
 * ```
 * Properties: `diagram` (core/diagram-model.ts), `caption`, `showWays` / `show-ways` (list each state's ways out;
 * default true).
 */
export class PathwayDiagram extends LightElement {
  static override properties = {
    diagram: { attribute: false },
    caption: {},
    showWays: { type: Boolean, attribute: 'show-ways' },
  };

  declare diagram: Diagram | undefined;
  declare caption: string;
  declare showWays: boolean;

  constructor() {
    super();
    this.caption = 'Pathway';
    this.showWays = true;
  }

  #ways(ways: Way[]): TemplateResult {
    return html`<ul class="diagram__ways">
      ${ways.map(
        (way) =>
          html`<li><span aria-hidden="true">→ </span>${way.label}: <span class="diagram__target">${way.to}</span></li>`,
      )}
    </ul>`;
  }

  #state(state: DiagramState): TemplateResult {
    const classes = [
      'diagram__state',
      state.current ? 'diagram__state--current' : '',
      state.containsCurrent ? 'diagram__state--contains-current' : '',
      state.final ? 'diagram__state--final' : '',
    ].join(' ');
    return html`<li class=${classes} aria-current=${state.current ? 'step' : nothing}>
      <p class="diagram__title">
        ${state.current ? html`<strong class="diagram__here">You are here</strong>` : nothing}
        <span class="diagram__name">${state.title}</span>
        ${state.final ? html`<span class="diagram__note">(end)</span>` : nothing}
      </p>
      ${this.showWays && state.next.length ? this.#ways(state.next) : nothing}
      ${state.children.length ? html`<ol class="diagram__states">${state.children.map((child) => this.#state(child))}</ol>` : nothing}
    </li>`;
  }

  protected override render(): unknown {
    const diagram = this.diagram;
    if (!diagram) return nothing;
    return html`<figure class="diagram">
      <figcaption class="diagram__caption">${this.caption}</figcaption>
      <ol class="diagram__states">${diagram.states.map((state) => this.#state(state))}</ol>
      ${
        this.showWays && diagram.fromAnyState.length
          ? html`<p class="diagram__any">From any state:</p>
            ${this.#ways(diagram.fromAnyState)}`
          : nothing
      }
    </figure>`;
  }
}

if (!customElements.get('pathway-diagram')) customElements.define('pathway-diagram', PathwayDiagram);
