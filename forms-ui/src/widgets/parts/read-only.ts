// Read-only and print views: a question and its answer (the grid widgets' table of rows is in ./rows.ts).
import { html, type TemplateResult } from 'lit';
import { displayValue } from '../../core/schema.js';
import type { Field } from '../registry.js';
import { label } from './shell.js';

export function readOnlyAnswer(field: Field): TemplateResult {
  return html`<dl class="summary" part="answer">
    <dt class="summary__key">${label(field)}</dt>
    <dd class="summary__value">${displayValue(field.schema, field.value, field.form.root)}</dd>
  </dl>`;
}
