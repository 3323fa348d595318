// The head of the case page: who the case is about as its heading (never its id), then their date of birth, the case
// number and the others named on it (the pathway's meta.identity, as the reader may see it), then the stage.
import { html, nothing, type TemplateResult } from 'lit';
import { caseName } from '../core/case-label.js';
import { formatDate } from '../core/format.js';
import { tag } from '../core/templates.js';
import type { CaseBody } from '../core/types.js';

function fact(key: string, value: unknown, name: string): TemplateResult {
  return html`<div class="case-identity__row case-identity__row--${name}">
    <dt class="case-identity__key">${key}</dt>
    <dd class="case-identity__value">${value}</dd>
  </div>`;
}

/** The caption (the pathway), the heading and the facts under it; before the case has loaded, just "Case". */
export function caseHeading(body: CaseBody | undefined, pathwayTitle: string): TemplateResult {
  if (!body) return html`<h1 class="heading-l" tabindex="-1">Case</h1>`;
  const { person, caseNumber, people } = body.identity ?? { person: null, caseNumber: null, people: [] };
  // A case nobody is named on yet is headed by its case number, which is then not said twice.
  const headedByNumber = !person?.name && Boolean(caseNumber?.value);
  const number = caseNumber && !headedByNumber;
  const closed = body.done ? html` ${tag('Closed', 'grey')}` : nothing;
  const stage = html`<span class="case-stage">${body.title}</span>${closed}`;
  return html`<span class="caption-l">${pathwayTitle}</span>
    <h1 class="heading-l case-heading" tabindex="-1">${caseName(body.identity, body.id)}</h1>
    <dl class="case-identity">
      ${person?.dateOfBirth ? fact('Date of birth', formatDate(person.dateOfBirth), 'birth') : nothing}
      ${number ? fact(caseNumber.title ?? 'Case number', caseNumber.value ?? 'Not given', 'number') : nothing}
      ${people.map((group) => fact(group.title, group.names.join(', '), 'people'))}
      ${fact('Stage', stage, 'stage')}
    </dl>`;
}
