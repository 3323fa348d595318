// Read-only and print views: a question and its answer, or a table of rows for the grid widgets.
import { html, type TemplateResult } from 'lit';
import { getAt } from '../../core/paths.js';
import { displayValue, isConfidential, propertiesOf, resolveSchema, titleOf, type Schema } from '../../core/schema.js';
import type { Field } from '../registry.js';
import { label } from './shell.js';

export function readOnlyAnswer(field: Field): TemplateResult {
  return html`<dl class="summary" part="answer">
    <dt class="summary__key">${label(field)}</dt>
    <dd class="summary__value">${displayValue(field.schema, field.value, field.form.root)}</dd>
  </dl>`;
}

/** Rows × columns as a table: each row an object of column answers, or a single answer. */
export function readOnlyRows(field: Field): TemplateResult {
  const { root, confidentialCleared } = field.form;
  const shown = (s: Schema) => confidentialCleared || !isConfidential(s);
  const rows = propertiesOf(field.schema).map(([k, s]) => [k, resolveSchema(root, s)] as const).filter(([, s]) => shown(s));
  const first = rows[0]?.[1];
  const columns = first && first.type === 'object' ? propertiesOf(first).map(([k, s]) => [k, resolveSchema(root, s)] as const).filter(([, s]) => shown(s)) : undefined;
  const columnTitle = columns ? columns.map(([k, s]) => titleOf(s, k)) : ['Answer'];
  return html`<div class="form-group" part="field">
    <table class="table" part="table" role="table">
      <caption class="table__caption">${label(field)}</caption>
      <thead role="rowgroup"><tr role="row"><th role="columnheader" scope="col">Question</th>
        ${columnTitle.map((t) => html`<th role="columnheader" scope="col">${t}</th>`)}
      </tr></thead>
      <tbody role="rowgroup">${rows.map(([key, rowSchema]) => {
        const rowValue = getAt(field.value, key);
        return html`<tr role="row"><th role="rowheader" scope="row">${titleOf(rowSchema, key)}</th>
          ${columns
            ? columns.map(([c, s], i) => {
                const answer = displayValue(s, getAt(rowValue, c), root);
                return html`<td role="cell" data-label=${columnTitle[i]!}>${answer}</td>`;
              })
            : html`<td role="cell" data-label="Answer">${displayValue(rowSchema, rowValue, root)}</td>`}
        </tr>`;
      })}</tbody>
    </table>
  </div>`;
}
