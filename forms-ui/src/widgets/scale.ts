// x-widget: scale — a row of numbered radios from minimum to maximum (1–10).
import { choicesOf } from '../core/schema.js';
import type { Widget } from './registry.js';
import { radioList } from './parts/choices.js';
import { grouped } from './parts/shell.js';

export const scale: Widget = {
  render: (field) =>
    grouped(
      field,
      radioList(field, choicesOf({ ...field.schema, 'x-widget': 'scale' }) ?? [], { inline: true, small: true }),
      { extraClass: 'scale' },
    ),
};
