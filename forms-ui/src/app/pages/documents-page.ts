// <documents-page>: the queue of documents — every document, on any open case, whose lifecycle is waiting for the
// person's role: the forms to fill for it (e.g. an audit tool), its print view and the actions now. Its title and
// wording come from the settings (`screens.documents`).
import { html } from 'lit';
import { screenText, type AppContext } from '../core/context.js';
import { instanceForms } from '../core/catalogue.js';
import { casesToActOn, caseViews } from '../core/case-views.js';
import { caseName } from '../core/case-label.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { banner, loaded } from '../core/templates.js';
import type { CaseBody, CaseDocument, Instance, PathwayBody } from '../core/types.js';
import { CaseChangesController } from '../controllers/case-changes-controller.js';
import { LoadController } from '../controllers/load-controller.js';
import { documentForms, signOffList } from '../components/case-documents.js';
import '../components/case-actions.js';
import '../components/case-form.js';

interface QueueItem {
  view: CaseBody;
  instance: Instance;
  document: CaseDocument;
  pathway: PathwayBody;
  titles: Map<string, string>;
}

/** Properties: `context`. */
export class DocumentsPage extends LightElement {
  static override properties = { context: { attribute: false } };

  declare context: AppContext;
  readonly #load = new LoadController<QueueItem[]>(
    this,
    () => this.#fetch(),
    () => (this.context ? '' : undefined),
  );

  readonly #changes = new CaseChangesController(this, this.#load);

  async #fetch(): Promise<QueueItem[]> {
    const { api, catalogue, user } = this.context;
    const open = await casesToActOn(api);
    const items: QueueItem[] = [];
    for (const view of (await caseViews(api, open)).values()) {
      for (const document of view.documents) {
        const instance = view.instances.find((i) => i.id === document.id);
        if (!instance || instance.done) continue;
        const mine = instance.actors.includes(user.role);
        if (!mine && !instance.allowedEvents.length) continue;
        const pathway: PathwayBody = await catalogue.pathway(instance.pathway, view.definitionVersion);
        const formIds = mine
          ? instanceForms(pathway, instance).filter((f) => view.formsOpen.includes(f) && f !== document.form)
          : [];
        const title = async (id: string) => String((await catalogue.form(id, view.definitionVersion)).title ?? id);
        const titles = new Map(await Promise.all(formIds.map(async (id) => [id, await title(id)] as const)));
        items.push({ view, instance, document, pathway, titles });
      }
    }
    return items;
  }

  #item({ view, instance, document, pathway, titles }: QueueItem): unknown {
    const print = this.context.api.url(
      `api/cases/${encodeURIComponent(view.id)}/documents/${encodeURIComponent(document.id)}/print`,
    );
    return html`<li class="summary-card"><div class="summary-card__title-wrapper">
      <h2 class="summary-card__title">${document.formTitle}</h2></div>
      <div class="summary-card__content">
        <p class="body"><strong>Case:</strong> <a class="link" href=${href('/cases', view.id)}>${caseName(view.identity, view.id)}</a></p>
        <p class="body"><strong>Stage:</strong> ${document.title}</p>
        <ul class="list">${instance.tasks.map((task) => html`<li>${task}</li>`)}</ul>
        <p class="body"><strong>Sign-offs</strong></p>
        ${signOffList(document.signOffs ?? [], `Sign-offs of the ${document.formTitle}`)}
        <p class="body"><a class="link" href=${print} target="_blank" rel="noopener">Print view of the ${document.formTitle} (opens in new tab)</a></p>
        ${documentForms(this.context, view, new Map([[instance.pathway, pathway]]), document, titles)}
        <case-actions .context=${this.context} .caseBody=${view} .instanceIds=${[instance.id]}
          .events=${view.allowedEvents.filter((e) => e.instance === instance.id)}
          label="Actions for the ${document.formTitle} (${caseName(view.identity, view.id)})"></case-actions>
      </div></li>`;
  }

  protected override render(): unknown {
    const text = (key: string, fallback: string) => screenText(this.context.user, 'documents', key, fallback);
    return html`<h1 class="heading-l" tabindex="-1">${text('title', 'Documents')}</h1>
      <p class="body">${text('intro', 'Documents waiting for you to act on.')}</p>
      ${banner(this.#changes.message)}
      ${loaded(this.#load, (items) =>
        items.length
          ? html`<ul class="card-list">${items.map((item) => this.#item(item))}</ul>`
          : html`<p class="body">${text('empty', 'No documents are waiting for you.')}</p>`,
      )}`;
  }
}

if (!customElements.get('documents-page')) customElements.define('documents-page', DocumentsPage);
