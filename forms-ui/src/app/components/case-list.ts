// <case-list>: cases as a list of GOV.UK summary cards (they reflow at any width, unlike a wide table), each with its
// stage, who referred it, who holds it and its next deadline, plus whatever the screen adds for each case.
import { html, nothing, type TemplateResult } from 'lit';
import { caseReference, dueText, formatDate, formatDateTime, personName } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { tag } from '../core/templates.js';
import type { CaseSummary } from '../core/types.js';

export type CaseListField = 'stage' | 'referredBy' | 'allocatedTo' | 'opened' | 'waitingSince' | 'nextDeadline' | 'priority';

/**
 * ```html
 * <case-list .cases=${summaries} .fields=${['stage', 'nextDeadline']} heading-level="3"></case-list>
 * ```
 * Properties: `cases` (case summaries), `fields` (which rows to show), `names` (user name → name), `extra`
 * (case → template shown at the end of its card), `emptyText`, `headingLevel` / `heading-level` (2–4, default 3).
 */
export class CaseList extends LightElement {
  static override properties = {
    cases: { attribute: false },
    fields: { attribute: false },
    names: { attribute: false },
    extra: { attribute: false },
    emptyText: { attribute: 'empty-text' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare cases: CaseSummary[];
  declare fields: CaseListField[];
  declare names: Record<string, string>;
  declare extra: ((c: CaseSummary) => unknown) | undefined;
  declare emptyText: string;
  declare headingLevel: number;

  constructor() {
    super();
    this.cases = [];
    this.fields = ['stage', 'referredBy', 'allocatedTo', 'nextDeadline'];
    this.names = {};
    this.emptyText = 'There are no cases.';
    this.headingLevel = 3;
  }

  #row(field: CaseListField, c: CaseSummary): TemplateResult | typeof nothing {
    const row = (key: string, value: unknown) => html`<div class="summary-list__row"><dt class="summary-list__key">${key}</dt><dd class="summary-list__value">${value}</dd></div>`;
    switch (field) {
      case 'stage': return row('Stage', c.closed ? html`${c.title} ${tag('Closed', 'grey')}` : c.title);
      case 'referredBy': return row('Referred by', personName(c.referredBy, this.names));
      case 'allocatedTo': return row('Allocated to', c.allocatedTo ? personName(c.allocatedTo, this.names) : 'Not allocated');
      case 'opened': return row('Opened', formatDateTime(c.createdAt));
      case 'waitingSince': return c.waitingSince ? row('Waiting since', formatDateTime(c.waitingSince)) : nothing;
      case 'priority': return row('Priority', c.priority > 0 ? tag('Urgent', 'red') : 'Normal');
      case 'nextDeadline':
        return c.nextDeadline ? row('Next deadline', html`${c.nextDeadlineLabel ?? 'Deadline'}: ${formatDate(c.nextDeadline)} (${dueText(c.nextDeadline)})`) : nothing;
    }
  }

  #heading(c: CaseSummary): TemplateResult {
    const link = html`<a class="link" href=${href('/cases', c.id)}>Case ${caseReference(c.id)}</a>`;
    if (this.headingLevel === 2) return html`<h2 class="summary-card__title">${link}</h2>`;
    if (this.headingLevel === 4) return html`<h4 class="summary-card__title">${link}</h4>`;
    return html`<h3 class="summary-card__title">${link}</h3>`;
  }

  protected override render(): unknown {
    if (!this.cases.length) return html`<p class="body">${this.emptyText}</p>`;
    return html`<ul class="card-list">
      ${this.cases.map((c) => html`<li class="summary-card">
        <div class="summary-card__title-wrapper">${this.#heading(c)}</div>
        <div class="summary-card__content">
          <dl class="summary-list">${this.fields.map((field) => this.#row(field, c))}</dl>
          ${this.extra ? this.extra(c) : nothing}
        </div>
      </li>`)}
    </ul>`;
  }
}

if (!customElements.get('case-list')) customElements.define('case-list', CaseList);
