// <case-documents>: a case's documents (reports and assessments) with where each is in its lifecycle and a link to
// its print view; the server leaves out what the reader may not see.
import { html } from 'lit';
import type { ApiClient } from '../core/api-client.js';
import { LightElement } from '../core/light-element.js';
import { tag } from '../core/templates.js';
import type { CaseDocument } from '../core/types.js';

/**
 * ```html
 * <case-documents .api=${api} case-id="ID" .documents=${body.documents}></case-documents>
 * ```
 * Properties: `api` (for the print view's URL), `caseId` / `case-id`, `documents`, `audience` (print as shared with
 * that audience of roles.yaml).
 */
export class CaseDocuments extends LightElement {
  static override properties = { api: { attribute: false }, caseId: { attribute: 'case-id' }, documents: { attribute: false }, audience: {} };

  declare api: ApiClient;
  declare caseId: string;
  declare documents: CaseDocument[];
  declare audience: string | undefined;

  constructor() {
    super();
    this.documents = [];
  }

  printUrl(documentId: string): string {
    const query = this.audience ? `?audience=${encodeURIComponent(this.audience)}` : '';
    return this.api.url(`api/cases/${encodeURIComponent(this.caseId)}/documents/${encodeURIComponent(documentId)}/print${query}`);
  }

  protected override render(): unknown {
    if (!this.documents.length) return html`<p class="body">There are no documents on this case yet.</p>`;
    return html`<ul class="document-list">
      ${this.documents.map((doc) => html`<li class="document-list__item">
        <p class="document-list__title">${doc.formTitle}</p>
        <p class="document-list__state">Stage: ${doc.title} ${doc.done ? tag('Final', 'green') : tag('In progress', 'yellow')}</p>
        <p class="document-list__link"><a class="link" href=${this.printUrl(doc.id)} target="_blank" rel="noopener">Print view of the ${doc.formTitle} (opens in new tab)</a></p>
      </li>`)}
    </ul>`;
  }
}

if (!customElements.get('case-documents')) customElements.define('case-documents', CaseDocuments);
