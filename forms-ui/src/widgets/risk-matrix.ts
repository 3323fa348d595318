// x-widget: risk-matrix — rows × the same choices (LOW / MEDIUM / HIGH / VERY HIGH), one fieldset + radios per row.
import { choicesOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { readOnlyRows, rowFields, rowShell } from './parts/rows.js';
import { grouped } from './parts/shell.js';

const matrixRow: Widget = {
  render: (row) =>
    rowShell(
      row,
      radioList(row, choicesOf(row.schema) ?? [], {
        inline: true,
        describedBy: row.error ? `${row.id}-error` : undefined,
      }),
    ),
};

export const riskMatrix: Widget = {
  container: true,
  render: (field) => grouped(field, rowFields(field, matrixRow), { asHeading: true, extraClass: 'grid matrix' }),
  readOnly: readOnlyRows,
};
