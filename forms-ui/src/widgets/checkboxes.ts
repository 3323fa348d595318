// x-widget: checkboxes — several answers from a list (an array of choices with uniqueItems).
import { choicesOf, resolveSchema, type Schema } from '../core/schema.js';
import type { Widget } from './registry.js';
import { checkboxList } from './parts/choices.js';
import { grouped } from './parts/shell.js';

export const checkboxes: Widget = {
  render: (field) => {
    const items =
      field.schema.items && typeof field.schema.items === 'object'
        ? resolveSchema(field.form.root, field.schema.items as Schema)
        : {};
    return grouped(field, checkboxList(field, choicesOf(items) ?? []));
  },
};
