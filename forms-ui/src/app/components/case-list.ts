// <case-list>: cases as a list of GOV.UK summary cards (they reflow at any width, unlike a wide table), each headed by
// who the case is about and showing the others named on it, its case number, stage, urgency, officer and next
// deadline, plus whatever the screen adds for each case.
import { html, nothing, type TemplateResult } from 'lit';
import { caseLabel, deadlineWords, urgencyWords } from '../core/case-label.js';
import { formatDate, formatDateTime } from '../core/format.js';
import { LightElement } from '../core/light-element.js';
import { href } from '../core/router.js';
import { tag } from '../core/templates.js';
import type { CaseSummary } from '../core/types.js';

export type CaseListField =
  'stage' | 'urgency' | 'referredBy' | 'allocatedTo' | 'opened' | 'waitingSince' | 'nextDeadline';

/**
 * ```html
 * <case-list .cases=${summaries} .fields=${['stage', 'nextDeadline']} heading-level="3"></case-list>
 * ```
 * Properties: `cases` (case summaries as GET /api/cases sends them), `fields` (which rows to show after who the case
 * is about), `extra` (case → template shown at the end of its card), `referrerLink` (case → the address of the same
 * list showing only that referrer's cases), `emptyText`, `headingLevel` / `heading-level` (2–4, default 3).
 */
export class CaseList extends LightElement {
  static override properties = {
    cases: { attribute: false },
    fields: { attribute: false },
    extra: { attribute: false },
    referrerLink: { attribute: false },
    emptyText: { attribute: 'empty-text' },
    headingLevel: { type: Number, attribute: 'heading-level' },
  };

  declare cases: CaseSummary[];
  declare fields: CaseListField[];
  declare extra: ((c: CaseSummary) => unknown) | undefined;
  declare referrerLink: ((c: CaseSummary) => string | undefined) | undefined;
  declare emptyText: string;
  declare headingLevel: number;

  constructor() {
    super();
    this.cases = [];
    this.fields = ['stage', 'urgency', 'referredBy', 'allocatedTo', 'nextDeadline'];
    this.emptyText = 'There are no cases.';
    this.headingLevel = 3;
  }

  #row(key: string, value: unknown, name = ''): TemplateResult {
    return html`<div class="summary-list__row ${name ? `summary-list__row--${name}` : ''}">
      <dt class="summary-list__key">${key}</dt><dd class="summary-list__value">${value}</dd></div>`;
  }

  /** Who the case is about, beyond the name in its heading: date of birth, case number, the others named. */
  #identity(c: CaseSummary): unknown {
    const person = c.person;
    return html`${person?.dateOfBirth ? this.#row('Date of birth', formatDate(person.dateOfBirth), 'birth') : nothing}
      ${
        c.caseNumber
          ? this.#row(c.caseNumber.title ?? 'Case number', c.caseNumber.value ?? 'Not given', 'number')
          : nothing
      }
      ${(c.people ?? []).map((group) => this.#row(group.title, group.names.join(', '), 'people'))}`;
  }

  #referrer(c: CaseSummary): unknown {
    const name = c.referredByName ?? c.referredBy;
    if (!name) return 'Not known';
    const link = this.referrerLink?.(c);
    return link
      ? html`${name} <a class="link summary-list__action" href=${link}>Show only the cases they referred<span
          class="visually-hidden"> (${name})</span></a>`
      : name;
  }

  #field(field: CaseListField, c: CaseSummary): TemplateResult | typeof nothing {
    switch (field) {
      case 'stage':
        return this.#row('Stage', c.closed ? html`${c.title} ${tag('Closed', 'grey')}` : c.title, 'stage');
      case 'urgency': {
        const words = urgencyWords(c);
        if (!words) return nothing;
        const shown = html`${words.tag ? tag(words.tag.text, words.tag.colour) : nothing} ${words.text}`;
        return this.#row('Urgency', shown, 'urgency');
      }
      case 'referredBy':
        return this.#row('Referred by', this.#referrer(c), 'referred-by');
      case 'allocatedTo': {
        const officer = c.allocatedTo ? (c.allocatedToName ?? c.allocatedTo) : 'Not allocated';
        return this.#row('Allocated to', officer, 'allocated-to');
      }
      case 'opened':
        return this.#row('Opened', formatDateTime(c.createdAt), 'opened');
      case 'waitingSince':
        return c.waitingSince ? this.#row('Waiting since', formatDateTime(c.waitingSince), 'waiting') : nothing;
      case 'nextDeadline': {
        const words = deadlineWords(c);
        if (!words) return nothing;
        const overdue = c.overdue ? html` ${tag('Overdue', 'red')}` : nothing;
        return this.#row('Next deadline', html`${words}${overdue}`, 'deadline');
      }
    }
  }

  #heading(c: CaseSummary): TemplateResult {
    const link = html`<a class="link" href=${href('/cases', c.id)}>${caseLabel(c)}</a>`;
    if (this.headingLevel === 2) return html`<h2 class="summary-card__title">${link}</h2>`;
    if (this.headingLevel === 4) return html`<h4 class="summary-card__title">${link}</h4>`;
    return html`<h3 class="summary-card__title">${link}</h3>`;
  }

  protected override render(): unknown {
    if (!this.cases.length) return html`<p class="body">${this.emptyText}</p>`;
    return html`<ul class="card-list">
      ${this.cases.map(
        (c) => html`<li class="summary-card" data-case=${c.id}>
        <div class="summary-card__title-wrapper">${this.#heading(c)}</div>
        <div class="summary-card__content">
          <dl class="summary-list">${this.#identity(c)}${this.fields.map((field) => this.#field(field, c))}</dl>
          ${this.extra ? this.extra(c) : nothing}
        </div>
      </li>`,
      )}
    </ul>`;
  }
}

if (!customElements.get('case-list')) customElements.define('case-list', CaseList);
