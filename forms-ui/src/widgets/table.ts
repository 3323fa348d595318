// x-widget: table — an array of rows (e.g. a plan of actions) with GOV.UK "Add another" / "Remove". Each row's questions are
// <dao-field>s of their own; a required table with minItems starts with one empty row on screen.
import { html, nothing } from 'lit';
import { getAt, joinPath } from '../core/paths.js';
import { displayValue, propertiesOf, resolveSchema, titleOf, type Schema } from '../core/schema.js';
import type { Field, Widget } from './registry.js';
import { objectFields } from './parts/object-fields.js';
import { grouped, label } from './parts/shell.js';

function itemSchemaOf(field: Field): Schema {
  const items = field.schema.items && typeof field.schema.items === 'object' ? (field.schema.items as Schema) : {};
  return resolveSchema(field.form.root, items);
}

/** Focuses `id` once the form has rendered the change (the new row's fields included). */
async function focusAfterUpdate(event: Event, id: string): Promise<void> {
  const root = (event.target as Element).getRootNode() as ShadowRoot;
  await (root.host as (Element & { updateComplete?: Promise<unknown> }) | undefined)?.updateComplete;
  root.getElementById(id)?.focus();
}

function rowCount(field: Field, value: unknown): { items: unknown[]; count: number; min: number } {
  const items = Array.isArray(value) ? value : [];
  const min = field.required && Number(field.schema.minItems ?? 0) >= 1 ? 1 : 0;
  return { items, count: Math.max(items.length, min), min };
}

function render(field: Field) {
  const { count, min } = rowCount(field, field.value);
  const itemSchema = itemSchemaOf(field);
  const isObject = itemSchema.type === 'object';
  const firstKey = isObject ? propertiesOf(itemSchema)[0]?.[0] : undefined;
  const firstId = (i: number) => `f-${joinPath(joinPath(field.path, i), firstKey ?? '')}`.replace(/\.$/, '');
  const empty = () => (isObject ? {} : '');
  // Rows' answers change without this widget re-rendering (each question is its own field): read them at click time.
  const rowsNow = () => {
    const now = rowCount(field, field.form.store.get(field.path));
    return Array.from({ length: now.count }, (_, i) => now.items[i] ?? empty());
  };
  const add = (event: Event) => {
    const rows = rowsNow();
    field.set([...rows, empty()]);
    void focusAfterUpdate(event, firstId(rows.length));
  };
  const remove = (event: Event, i: number) => {
    const next = rowsNow().filter((_, j) => j !== i);
    field.set(next.length ? next : undefined);
    void focusAfterUpdate(event, `${field.id}-add`);
  };
  const rows = Array.from({ length: count });
  const itemField = { ...itemSchema, title: itemSchema.title ?? 'Answer' };
  return grouped(
    field,
    html`${rows.map((_, i) => {
      const path = joinPath(field.path, i);
      return html`<fieldset class="fieldset add-another__item">
        <legend class="legend legend--s">Row ${i + 1}</legend>
        ${
          isObject
            ? objectFields(field.form, path, itemSchema)
            : html`<dao-field .form=${field.form} .path=${path} .schema=${itemField} .required=${true}></dao-field>`
        }
        ${
          count > min
            ? html`<button type="button" class="button button--secondary"
                @click=${(e: Event) => remove(e, i)}>Remove<span class="visually-hidden"> row ${i + 1}</span></button>`
            : nothing
        }
      </fieldset>`;
    })}
    <button type="button" id="${field.id}-add" class="button button--secondary" @click=${add} part="button">Add another row</button>`,
    { asHeading: true, extraClass: 'add-another' },
  );
}

function readOnly(field: Field) {
  const items = Array.isArray(field.value) ? field.value : [];
  const itemSchema = itemSchemaOf(field);
  const columns =
    itemSchema.type === 'object'
      ? propertiesOf(itemSchema).map(([k, s]) => [k, resolveSchema(field.form.root, s)] as const)
      : [['', itemSchema] as const];
  // Roles kept explicit: at narrow widths the cells stack under their column titles (styles.ts), which would
  // otherwise take the table's semantics away.
  return html`<div class="form-group" part="field">
    <table class="table" part="table" role="table">
      <caption class="table__caption">${label(field)}</caption>
      <thead role="rowgroup"><tr role="row">
        ${columns.map(([k, s]) => html`<th role="columnheader" scope="col">${titleOf(s, k || 'Answer')}</th>`)}
      </tr></thead>
      <tbody role="rowgroup">${
        items.length
          ? items.map(
              (item) =>
                html`<tr role="row">${columns.map(([k, s]) => {
                  const answer = displayValue(s, k ? getAt(item, k) : item, field.form.root);
                  return html`<td role="cell" data-label=${titleOf(s, k || 'Answer')}>${answer}</td>`;
                })}</tr>`,
            )
          : html`<tr role="row"><td role="cell" colspan=${columns.length}>None</td></tr>`
      }</tbody>
    </table>
  </div>`;
}

export const table: Widget = { container: true, render, readOnly };
