// x-widget: yesno-help-table — rows of { answer: yes/no, help: boolean }: Yes / No radios and a "would like help"
// check box per row (a self-assessment). The first column is the answer; later boolean columns
// are check boxes; other columns with choices are radios.
import { html, nothing } from 'lit';
import { choicesOf, titleOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList, singleCheckbox } from './parts/choices.js';
import { cellOf, columnsOf, readOnlyRows, rowFields, rowShell } from './parts/rows.js';
import { grouped } from './parts/shell.js';

const helpRow: Widget = {
  render: (row) =>
    rowShell(
      row,
      columnsOf(row.form.root, row.schema).map(([key, schema], i) => {
        const cell = cellOf(row, key, schema);
        const errorId = cell.error ? `${cell.id}-error` : undefined;
        const error = cell.error
          ? html`<p id=${errorId!} class="error-message"><span class="visually-hidden">Error:</span> ${cell.error}</p>`
          : nothing;
        const control =
          i > 0 && schema.type === 'boolean'
            ? singleCheckbox(cell, titleOf(schema, key), errorId)
            : radioList(cell, choicesOf(schema) ?? [], {
                inline: true,
                groupLabel: titleOf(schema, key),
                describedBy: errorId,
              });
        return html`<div class="grid-row__cell">${error}${control}</div>`;
      }),
    ),
};

export const yesnoHelpTable: Widget = {
  container: true,
  render: (field) => grouped(field, rowFields(field, helpRow), { asHeading: true, extraClass: 'grid help-table' }),
  readOnly: readOnlyRows,
};
