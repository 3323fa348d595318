// <case-documents>: a case's documents (reports and assessments), each with where it is in its lifecycle, who signed
// what off and when, the comments returned to its author, its print view and PDF, and — given the case — the forms
// it
// keeps for itself (its own audit) and the actions on it now. The server leaves out what the reader may not see.
import { html, nothing, type TemplateResult } from 'lit';
import type { ApiClient } from '../core/api-client.js';
import type { AppContext } from '../core/context.js';
import { instanceForms } from '../core/catalogue.js';
import { formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { tag } from '../core/templates.js';
import { signOffWording } from '../../../../engine/reading/person-wording.js';
import type { CaseBody, CaseDocument, PathwayBody, SignOff } from '../core/types.js';
import './case-actions.js';
import './case-form.js';

/** One line of a sign-off record, in the print view's words (engine/reading/person-wording.ts). */
export function signOffText(s: SignOff): string {
  return signOffWording(s.label, s.by, s.role, formatDateTime(s.at));
}

/** Sign-off records as a list; `ofDocuments` marks the one that made a document final, else each names its stage. */
export function signOffList(signOffs: SignOff[], label: string, ofDocuments = true): TemplateResult {
  if (!signOffs.length) return html`<p class="body sign-offs sign-offs--none">Not signed off yet.</p>`;
  return html`<ul class="list sign-offs" aria-label=${label}>
    ${signOffs.map((s) => {
      const stage = !ofDocuments && s.stage ? `${s.stage}: ` : '';
      const made = ofDocuments && s.final ? html` ${tag('Made final', 'green')}` : nothing;
      return html`<li class="sign-offs__item">${stage}${signOffText(s)}${made}</li>`;
    })}
  </ul>`;
}

/**
 * The forms the person fills for a document now, other than the document itself (e.g. its own audit): a form the
 * document keeps for itself is drafted and submitted for it alone.
 */
export function documentForms(
  context: AppContext,
  caseBody: CaseBody,
  pathways: Map<string, PathwayBody>,
  doc: CaseDocument,
  titles?: Map<string, string>,
  onlyOwn = false,
): TemplateResult | typeof nothing {
  const instance = caseBody.instances.find((i) => i.id === doc.id);
  const pathway = instance ? pathways.get(instance.pathway) : undefined;
  if (!instance || !pathway || instance.done || !instance.actors.includes(context.user.role)) return nothing;
  const own = new Set(pathway.meta.instanceForms ?? []);
  const forms = instanceForms(pathway, instance).filter(
    (f) => f !== doc.form && caseBody.formsOpen.includes(f) && (!onlyOwn || own.has(f)),
  );
  return html`${forms.map(
    (form) =>
      html`<details class="details document-form">
        <summary class="details__summary">
          <span class="details__summary-text">${titles?.get(form) ?? form} for the ${doc.formTitle}</span>
          ${
            doc.ownForms?.[form] || (!own.has(form) && caseBody.forms[form])
              ? tag('Submitted', 'green')
              : tag('To do', 'blue')
          }
        </summary>
        <div class="details__text">
          <case-form
            .context=${context}
            .caseBody=${caseBody}
            form-id=${form}
            instance=${own.has(form) ? doc.id : nothing}
            .submission=${own.has(form) ? doc.ownForms?.[form] : undefined}
          ></case-form>
        </div>
      </details>`,
  )}`;
}

/**
 * ```html
 * <case-documents .api=${api} case-id="ID" .documents=${body.documents}></case-documents>
 * <case-documents .context=${context} .caseBody=${body} .pathways=${pathways}
 *   .documents=${body.documents}></case-documents>
 * ```
 * Properties: `api` (for the print views' URLs; or `context`), `caseId` / `case-id`, `documents`, `audience` (print as
 * shared with that audience of roles.yaml); with `context`, `caseBody` and `pathways` (by id), each document also shows
 * the forms the person fills for it now and its actions. `headingLevel` / `heading-level` (3 or 4).
 */
export class CaseDocuments extends LightElement {
  static override properties = {
    api: { attribute: false },
    context: { attribute: false },
    caseBody: { attribute: false },
    pathways: { attribute: false },
    formTitles: { attribute: false },
    caseId: { attribute: 'case-id' },
    documents: { attribute: false },
    audience: {},
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare api: ApiClient | undefined;
  declare context: AppContext | undefined;
  declare caseBody: CaseBody | undefined;
  declare pathways: Map<string, PathwayBody> | undefined;
  declare formTitles: Map<string, string> | undefined;
  declare caseId: string;
  declare documents: CaseDocument[];
  declare audience: string | undefined;
  declare headingLevel: number;

  constructor() {
    super();
    this.documents = [];
    this.headingLevel = 3;
  }

  #url(path: string): string {
    const query = this.audience ? `?audience=${encodeURIComponent(this.audience)}` : '';
    const api = this.api ?? this.context!.api;
    return api.url(`api/cases/${encodeURIComponent(this.caseBody?.id ?? this.caseId)}/${path}${query}`);
  }

  printUrl(documentId: string, format: 'print' | 'pdf' = 'print'): string {
    return this.#url(`documents/${encodeURIComponent(documentId)}/${format}`);
  }

  #links(doc: CaseDocument): TemplateResult {
    const own = Object.keys(doc.ownForms ?? {});
    const formUrl = (form: string, format: string) => {
      const base = this.#url(`forms/${encodeURIComponent(form)}/${format}`);
      return `${base}${base.includes('?') ? '&' : '?'}instance=${encodeURIComponent(doc.id)}`;
    };
    return html`<ul class="list document-links">
      <li>
        <a class="link" href=${this.printUrl(doc.id)} target="_blank" rel="noopener"
          >Print view of the ${doc.formTitle} (opens in new tab)</a
        >
      </li>
      <li>
        <a class="link" href=${this.printUrl(doc.id, 'pdf')} target="_blank" rel="noopener"
          >PDF of the ${doc.formTitle} (opens in new tab)</a
        >
      </li>
      ${own.map((form) => {
        const title = this.formTitles?.get(form) ?? form;
        return html`<li>
            <a class="link" href=${formUrl(form, 'print')} target="_blank" rel="noopener"
              >Print view of the ${title} for this document (opens in new tab)</a
            >
          </li>
          <li>
            <a class="link" href=${formUrl(form, 'pdf')} target="_blank" rel="noopener"
              >PDF of the ${title} for this document (opens in new tab)</a
            >
          </li>`;
      })}
    </ul>`;
  }

  #comments(doc: CaseDocument): TemplateResult | typeof nothing {
    if (!doc.comments?.length) return nothing;
    return html`<div class="inset-text document-comments">
      <p class="body"><strong>Comments and notes on this document</strong></p>
      <ul class="list">
        ${doc.comments.map(
          (c) =>
            html`<li>
              <span class="document-comments__text">${c.text}</span>
              <span class="hint"> – ${c.by}, ${formatDateTime(c.at)}</span>
            </li>`,
        )}
      </ul>
    </div>`;
  }

  #forms(doc: CaseDocument): TemplateResult | typeof nothing {
    const { context, caseBody, pathways } = this;
    return context && caseBody && pathways ? documentForms(context, caseBody, pathways, doc, this.formTitles) : nothing;
  }

  #actions(doc: CaseDocument): TemplateResult | typeof nothing {
    if (!this.context || !this.caseBody) return nothing;
    const events = this.caseBody.allowedEvents.filter((e) => e.instance === doc.id);
    return html`<case-actions
      .context=${this.context}
      .caseBody=${this.caseBody}
      .events=${events}
      .instanceIds=${[doc.id]}
      label="Actions on the ${doc.formTitle}"
    ></case-actions>`;
  }

  #title(doc: CaseDocument): TemplateResult {
    if (this.headingLevel === 4) return html`<h4 class="summary-card__title">${doc.formTitle}</h4>`;
    return html`<h3 class="summary-card__title">${doc.formTitle}</h3>`;
  }

  protected override render(): unknown {
    if (!this.documents.length) return html`<p class="body">There are no documents on this case yet.</p>`;
    return html`<ul class="card-list document-list">
      ${this.documents.map(
        (doc) =>
          html`<li class="summary-card document-card" data-document=${doc.id} data-form=${doc.form}>
            <div class="summary-card__title-wrapper">${this.#title(doc)}</div>
            <div class="summary-card__content">
              <p class="body document-list__state">
                Stage: ${doc.title} ${doc.done ? tag('Final', 'green') : tag('In progress', 'yellow')}
              </p>
              ${this.#comments(doc)}
              <p class="body"><strong>Sign-offs</strong></p>
              ${signOffList(doc.signOffs ?? [], `Sign-offs of the ${doc.formTitle}`)} ${this.#links(doc)}
              ${this.#forms(doc)} ${this.#actions(doc)}
            </div>
          </li>`,
      )}
    </ul>`;
  }
}

if (!customElements.get('case-documents')) customElements.define('case-documents', CaseDocuments);
