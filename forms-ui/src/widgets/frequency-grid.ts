// x-widget: frequency-grid — rows × columns, each column a set of radios for a shared scale (e.g. dozens of rows ×
// two columns, each scored on a six-point scale). One fieldset + legend per row; each column is a radiogroup named
// by its column title, so screen readers announce the column header.
import { html, nothing } from 'lit';
import { choicesOf, titleOf, type Choice } from '../core/schema.js';
import type { Field, Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { cellOf, columnHeader, columnsOf, columnTitles, firstRow } from './parts/rows.js';
import { readOnlyRows, rowFields, rowShell } from './parts/rows.js';
import { grouped } from './parts/shell.js';

/** Short visible labels (the values) with the full titles spoken, when the titles say more. */
function compact(choices: Choice[]): { short: Choice[]; spoken: string[] } {
  return {
    short: choices.map((c) => ({ value: c.value, title: String(c.value) })),
    spoken: choices.map((c) => (c.title !== String(c.value) ? c.title : '')),
  };
}

const frequencyRow: Widget = {
  render: (row) =>
    rowShell(
      row,
      columnsOf(row.form.root, row.schema).map(([key, schema]) => {
        const cell = cellOf(row, key, schema);
        const { short, spoken } = compact(choicesOf(schema) ?? []);
        return html`<div class="grid-row__cell">
          <span class="grid-row__cell-title" aria-hidden="true">${titleOf(schema, key)}</span>
          ${cell.error ? html`<p id="${cell.id}-error" class="error-message"><span class="visually-hidden">Error:</span> ${cell.error}</p>` : nothing}
          ${radioList(cell, short, {
            inline: true,
            small: true,
            spokenTitles: spoken,
            groupLabel: titleOf(schema, key),
            describedBy: cell.error ? `${cell.id}-error` : undefined,
          })}
        </div>`;
      }),
    ),
};

function scaleKey(field: Field) {
  const row = firstRow(field);
  const column = row && row.type === 'object' ? columnsOf(field.form.root, row)[0]?.[1] : undefined;
  const choices = column ? (choicesOf(column) ?? []) : [];
  if (!choices.some((c) => c.title !== String(c.value))) return nothing;
  return html`<p class="hint grid__key">Key: ${choices.map((c) => `${String(c.value)} ${c.title}`).join(' · ')}</p>`;
}

export const frequencyGrid: Widget = {
  container: true,
  render: (field) =>
    grouped(field, [scaleKey(field), columnHeader(columnTitles(field)), rowFields(field, frequencyRow)], {
      asHeading: true,
      extraClass: 'grid',
    }),
  readOnly: readOnlyRows,
};
