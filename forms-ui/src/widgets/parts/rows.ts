// Shared by the grid widgets (frequency-grid, risk-matrix, yesno-help-table): each row is its own <dao-field>, so a
// change re-renders one row; each row is a fieldset whose legend is the row's question; read-only, a table of rows.
import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { getAt, joinPath } from '../../core/paths.js';
import { displayValue, isConfidential, propertiesOf, requiredOf, resolveSchema, titleOf } from '../../core/schema.js';
import type { Schema } from '../../core/schema.js';
import type { Field, Widget } from '../registry.js';
import { errorMessage, label } from './shell.js';

export function rowFields(field: Field, row: Widget): TemplateResult[] {
  const required = requiredOf(field.schema);
  return propertiesOf(field.schema).map(
    ([key, schema]) => html`<dao-field .form=${field.form} .path=${joinPath(field.path, key)} .schema=${schema}
      .required=${required.has(key)} .parentPath=${field.path} .renderer=${row}></dao-field>`,
  );
}

/** The columns of a row: its properties with $ref resolved. */
export function columnsOf(root: Schema, row: Schema): [string, Schema][] {
  return propertiesOf(row).map(([key, schema]) => [key, resolveSchema(root, schema)]);
}

/** A part of a row (one column) as a field of its own, for its id, error and setter. */
export function cellOf(row: Field, key: string, schema: Schema): Field {
  const path = joinPath(row.path, key);
  const store = row.form.store;
  return {
    ...row,
    path,
    id: `f-${path}`,
    schema,
    value: getAt(row.value, key),
    error: store.errorAt(path),
    set: (v) => store.set(path, v),
  };
}

/** One row: fieldset + legend, the row's own error, then its cells. */
export function rowShell(row: Field, cells: unknown): TemplateResult {
  const errorId = row.error ? `${row.id}-error` : undefined;
  return html`<fieldset class="grid-row ${row.error ? 'grid-row--error' : ''}" aria-describedby=${ifDefined(errorId)} part="grid-row">
    <legend class="grid-row__legend">${label(row)}</legend>
    <div class="grid-row__cells">${errorMessage(row)}${cells}</div>
  </fieldset>`;
}

/** Column titles over the rows, for sighted users; screen readers hear them as each radio group's name instead. */
export function columnHeader(titles: string[]): TemplateResult | typeof nothing {
  if (!titles.length) return nothing;
  return html`<div class="grid__header" aria-hidden="true"><span></span><span class="grid__columns"
    >${titles.map((t) => html`<span class="grid__column">${t}</span>`)}</span></div>`;
}

export function firstRow(field: Field): Schema | undefined {
  const first = propertiesOf(field.schema)[0];
  return first ? resolveSchema(field.form.root, first[1]) : undefined;
}

export function columnTitles(field: Field): string[] {
  const row = firstRow(field);
  return row && row.type === 'object' ? columnsOf(field.form.root, row).map(([k, s]) => titleOf(s, k)) : [];
}

/** Rows × columns as a table: each row an object of column answers, or a single answer. */
export function readOnlyRows(field: Field): TemplateResult {
  const { root, confidentialCleared } = field.form;
  const shown = ([, s]: readonly [string, Schema]) => confidentialCleared || !isConfidential(s);
  const resolved = (node: Schema) =>
    propertiesOf(node)
      .map(([k, s]) => [k, resolveSchema(root, s)] as const)
      .filter(shown);
  const rows = resolved(field.schema);
  const first = rows[0]?.[1];
  const columns = first && first.type === 'object' ? resolved(first) : undefined;
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
          ${
            columns
              ? columns.map(([c, s], i) => {
                  const answer = displayValue(s, getAt(rowValue, c), root);
                  return html`<td role="cell" data-label=${columnTitle[i]!}>${answer}</td>`;
                })
              : html`<td role="cell" data-label="Answer">${displayValue(rowSchema, rowValue, root)}</td>`
          }
        </tr>`;
      })}</tbody>
    </table>
  </div>`;
}
