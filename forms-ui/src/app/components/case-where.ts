// <case-where>: where a case is, drawn on its pathways: the case's own pathway, and each pathway running inside it
// (sessions, say) with where it is; a document's lifecycle is shown with the document.
// Loaded on demand: it brings the layout library.
import { html, nothing } from 'lit';
import type { AppContext } from '../core/context.js';
import { nodeId, parseDiagram, type Diagram, type DiagramWording } from '../core/diagram-model.js';
import { LightElement } from '../core/light-element.js';
import { loaded } from '../core/templates.js';
import type { CaseBody, Instance, PathwayBody } from '../core/types.js';
import { LoadController } from '../controllers/load-controller.js';
import './pathway-graph.js';

interface Drawn {
  instance: Instance;
  pathway: PathwayBody;
  text: string;
  wording: DiagramWording;
  diagram: Diagram;
}

/** Titles of states by Mermaid node id: the served diagram text simplifies some punctuation in its labels. */
function stateTitles(pathway: PathwayBody): Map<string, string> {
  return new Map(
    pathway.states.filter((s) => typeof s.meta.title === 'string').map((s) => [nodeId(s.path), s.meta.title as string]),
  );
}

/** Properties: `context`, `caseBody`, `pathways` (by id). */
export class CaseWhere extends LightElement {
  static override properties = {
    context: { attribute: false },
    caseBody: { attribute: false },
    pathways: { attribute: false },
  };

  declare context: AppContext;
  declare caseBody: CaseBody;
  declare pathways: Map<string, PathwayBody>;

  readonly #load = new LoadController<Drawn[]>(
    this,
    () => this.#fetch(),
    () => (this.context && this.caseBody ? `${this.caseBody.id}/${this.caseBody.version}` : undefined),
  );

  async #fetch(): Promise<Drawn[]> {
    const body = this.caseBody;
    // One picture per pathway in use (it marks where each of its instances is); document lifecycles are not drawn.
    const shown = body.instances.filter(
      (i, n, all) =>
        i.kind !== 'document' && (i.kind === 'case' || !i.done) && all.findIndex((j) => j.pathway === i.pathway) === n,
    );
    return Promise.all(
      shown.map(async (instance) => {
        const pathway =
          this.pathways.get(instance.pathway) ??
          (await this.context.catalogue.pathway(instance.pathway, body.definitionVersion));
        const text = await this.context.api.text(
          `api/pathways/${encodeURIComponent(instance.pathway)}/diagram?case=${encodeURIComponent(body.id)}`,
        );
        const wording = { events: pathway.meta.events ?? {}, titles: stateTitles(pathway) };
        return { instance, pathway, text, wording, diagram: parseDiagram(text, wording) };
      }),
    );
  }

  protected override render(): unknown {
    return loaded(this.#load, (drawn) => {
      const [main, ...inner] = drawn;
      return html`${
        main
          ? html`<pathway-graph
              .text=${main.text}
              .wording=${main.wording}
              .diagram=${main.diagram}
              caption=${main.pathway.meta.title ?? main.pathway.id}
            ></pathway-graph>`
          : nothing
      }
      ${inner.map(
        ({ pathway, instance, text, wording, diagram }) =>
          html`<pathway-graph
            .text=${text}
            .wording=${wording}
            .diagram=${diagram}
            caption="${pathway.meta.title ?? pathway.id}: ${instance.title}"
          ></pathway-graph>`,
      )}`;
    });
  }
}

if (!customElements.get('case-where')) customElements.define('case-where', CaseWhere);
