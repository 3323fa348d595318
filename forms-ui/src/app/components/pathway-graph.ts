// <pathway-graph>: a pathway drawn as a picture (SVG laid out by dagre): each state a box, a state with states inside
// it a frame, each way an arrow labelled with its event. Where the case is, is marked by the words "You are here", a
// thick border and a yellow fill — never by colour alone — and named in the picture's description. Ways out of a
// whole
// frame or of any state are listed under the picture; the whole pathway is also there as text.
import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { layoutGraph, parseGraph, type Box, type LaidOut, type PathwayGraph } from '../core/diagram-graph.js';
import type { Diagram, DiagramWording } from '../core/diagram-model.js';
import { LightElement } from '../core/light-element.js';
import './pathway-diagram.js';

let count = 0;

function lines(b: Box, x: number, y: number, bold = 0): SVGTemplateResult {
  // A space before each line after the first, so the text reads as words when taken as a whole (its text content).
  const tspans = b.lines.map(
    (line, i) => svg`<tspan x=${x} dy=${i ? 17 : 0} font-weight=${i < bold ? 700 : 400}>${i ? ' ' : ''}${line}</tspan>`,
  );
  return svg`<text x=${x} y=${y}>${tspans}</text>`;
}

/**
 * ```html
 * <pathway-graph .text=${mermaidText} .wording=${{ events, titles }} .diagram=${parseDiagram(text)}
 *   caption="Referral"></pathway-graph>
 * ```
 * Properties: `text` (the pathway's Mermaid text, from GET /api/pathways/:id/diagram or engine/diagram/mermaid.ts),
 * `wording` (event and state titles), `diagram` (the same as a text list, shown under the picture), `caption`.
 */
export class PathwayGraphElement extends LightElement {
  static override properties = {
    text: { attribute: false },
    wording: { attribute: false },
    diagram: { attribute: false },
    caption: {},
  };

  declare text: string | undefined;
  declare wording: DiagramWording;
  declare diagram: Diagram | undefined;
  declare caption: string;
  readonly #id = `pathway-graph-${++count}`;
  #laidFor: string | undefined;
  #graph: PathwayGraph | undefined;
  #laid: LaidOut | undefined;

  constructor() {
    super();
    this.wording = {};
    this.caption = 'Pathway';
  }

  #layout(): void {
    if (this.text === undefined || this.#laidFor === this.text) return;
    this.#laidFor = this.text;
    this.#graph = parseGraph(this.text, this.wording);
    this.#laid = layoutGraph(this.#graph);
  }

  protected override updated(): void {
    // Bring where the case is into view inside the picture's own scrolling area.
    const here = this.querySelector<SVGGElement>('.graph__node--current');
    const area = this.querySelector<HTMLElement>('.graph__scroll');
    if (here && area) {
      const box = here.getBBox();
      area.scrollTo({
        left: Math.max(0, box.x + box.width / 2 - area.clientWidth / 2),
        top: Math.max(0, box.y + box.height / 2 - area.clientHeight / 2),
      });
    }
  }

  #edges(laid: LaidOut, marker: string): SVGTemplateResult[] {
    return laid.edges.map((e) => {
      const d = e.points.map((p, i) => `${i ? 'L' : 'M'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
      const label = e.labelBox;
      const text = label
        ? svg`<rect class="graph__edge-label" x=${label.x} y=${label.y} width=${label.width}
              height=${label.height}></rect>
            ${lines(label, label.x + 2, label.y + 13)}`
        : nothing;
      return svg`<g class="graph__edge"><path d=${d} marker-end="url(#${marker})"></path>${text}</g>`;
    });
  }

  #picture(laid: LaidOut): TemplateResult {
    const marker = `${this.#id}-arrow`;
    const here = laid.nodes.filter((n) => n.current).map((n) => n.title);
    const description = here.length ? `You are here: ${here.join(', ')}.` : 'No state of this pathway is current.';
    return html`<svg
      class="graph__svg"
      viewBox="0 0 ${laid.width} ${laid.height}"
      width=${laid.width}
      height=${laid.height}
      role="img"
      aria-labelledby="${this.#id}-title ${this.#id}-desc"
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id="${this.#id}-title">${this.caption}</title>
      <desc id="${this.#id}-desc">${description}</desc>
      <defs>
        <marker
          id=${marker}
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" class="graph__arrow"></path>
        </marker>
      </defs>
      ${laid.frames.map((f) => {
        const title = lines(f.titleBox, f.titleBox.x + 4, f.titleBox.y + 15, f.titleBox.lines.length);
        return svg`<g class="graph__frame ${f.current ? 'graph__frame--current' : ''}">
          <rect x=${f.x} y=${f.y} width=${f.width} height=${f.height} rx="6"></rect>${title}</g>`;
      })}
      ${this.#edges(laid, marker)}
      ${laid.nodes.map((n) => {
        const kinds = [
          n.current && 'graph__node--current',
          n.final && 'graph__node--final',
          n.history && 'graph__node--history',
        ];
        return svg`<g class="graph__node ${kinds.filter(Boolean).join(' ')}" data-state=${n.id}
          aria-current=${n.current ? 'step' : nothing}>
          <rect x=${n.x} y=${n.y} width=${n.width} height=${n.height} rx=${n.history ? 14 : 3}></rect>
          ${lines(n, n.x + 10, n.y + 21, n.current ? 1 : 0)}</g>`;
      })}
    </svg>`;
  }

  protected override render(): unknown {
    this.#layout();
    const laid = this.#laid;
    const graph = this.#graph;
    if (!laid || !graph) return nothing;
    return html`<figure class="graph">
      <figcaption class="graph__caption">${this.caption}</figcaption>
      <div
        class="graph__scroll"
        tabindex="0"
        role="region"
        aria-label="${this.caption}: the pathway as a picture (scrolls)"
      >
        ${this.#picture(laid)}
      </div>
      ${
        graph.listed.length
          ? html`<p class="body graph__listed-title"><strong>Ways out that do not depend on the state:</strong></p>
              <ul class="list graph__listed">
                ${graph.listed.map(
                  (w) => html`<li>
                    ${w.from}: ${w.label} <span aria-hidden="true">→</span>
                    <span class="visually-hidden">leads to</span>
                    ${w.to}
                  </li>`,
                )}
              </ul>`
          : nothing
      }
      ${
        this.diagram
          ? html`<details class="details">
              <summary class="details__summary"><span class="details__summary-text">The pathway as text</span></summary>
              <div class="details__text">
                <pathway-diagram .diagram=${this.diagram} caption=${this.caption}></pathway-diagram>
              </div>
            </details>`
          : nothing
      }
    </figure>`;
  }
}

if (!customElements.get('pathway-graph')) customElements.define('pathway-graph', PathwayGraphElement);
